package dev.syssim.sim.prog.tools.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The tab stops of expand and unexpand (-t N, -t LIST, with /N or +N on the last value), parsed
 * and walked as coreutils' expand-common.c does.
 */
final class TabStops {

    private long size = 8;
    private final List<Long> list = new ArrayList<>();
    private long extend;
    private long increment;

    /** Parses -t's argument; returns the tool's message for a bad one, or null. */
    String add(String spec, java.util.function.Function<String, String> quote) {
        int i = 0;
        boolean slash = false;
        boolean plus = false;
        StringBuilder digits = new StringBuilder();
        boolean lastWasSpecial = false;
        while (i <= spec.length()) {
            char ch = i < spec.length() ? spec.charAt(i) : ',';
            if (ch == ',' || ch == ' ' || ch == '\t') {
                if (digits.length() > 0) {
                    long v;
                    try {
                        v = Long.parseLong(digits.toString());
                    } catch (NumberFormatException e) {
                        return "tab stop is too large " + quote.apply(digits.toString());
                    }
                    if (slash) extend = v;
                    else if (plus) increment = v;
                    else list.add(v);
                    lastWasSpecial = slash || plus;
                    digits.setLength(0);
                }
                i++;
                continue;
            }
            if (ch == '/' || ch == '+') {
                if (lastWasSpecial || slash || plus) {
                    return "'" + ch + "' specifier only allowed with the last value";
                }
                if (ch == '/') slash = true;
                else plus = true;
                i++;
                continue;
            }
            if (ch >= '0' && ch <= '9') {
                if (lastWasSpecial) return "'" + (extend > 0 ? '/' : '+') + "' specifier only allowed with the last value";
                digits.append(ch);
                i++;
                continue;
            }
            return "tab size contains invalid character(s): " + quote.apply(spec.substring(i));
        }
        return null;
    }

    /** Checks the list once all -t are in; returns a message or null. */
    String finish() {
        if (list.size() == 1 && extend == 0 && increment == 0) {
            size = list.get(0);
            list.clear();
            if (size == 0) return "tab size cannot be 0";
            return null;
        }
        if (!list.isEmpty() || extend > 0 || increment > 0) size = 0;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == 0) return "tab size cannot be 0";
            if (i > 0 && list.get(i) <= list.get(i - 1)) return "tab sizes must be ascending";
        }
        if (list.isEmpty() && extend == 0 && increment == 0) size = 8;
        return null;
    }

    /** The next tab stop after {@code column}; -1 when there is none (after the last of a list). */
    long next(long column, int[] index) {
        if (size > 0) return column + (size - column % size);
        for (; index[0] < list.size(); index[0]++) {
            long tab = list.get(index[0]);
            if (column < tab) return tab;
        }
        if (extend > 0) return column + (extend - column % extend);
        if (increment > 0) {
            long end = list.isEmpty() ? 0 : list.get(list.size() - 1);
            return column + (increment - (column - end) % increment);
        }
        return -1;
    }
}
