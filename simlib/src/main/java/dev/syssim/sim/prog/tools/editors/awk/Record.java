package dev.syssim.sim.prog.tools.editors.awk;

import java.util.ArrayList;
import java.util.List;

/**
 * The current record, $0, and its fields, split lazily (as gawk does) with the field separator in
 * force when the record was set: assigning a field or NF rebuilds $0 with OFS; assigning $0 splits
 * it anew. Fields are user input: they compare as numbers when they look like numbers.
 */
final class Record {

    /** How fields are found in a record (from FS, or split()'s separator argument). */
    static final class Splitter {
        static final int BLANKS = 0;
        static final int CHAR = 1;
        static final int REGEX = 2;
        static final int CHARS = 3;
        /** FIELDWIDTHS: fixed widths, each after a number of characters skipped. */
        static final int WIDTHS = 4;
        /** FPAT: a field is what the regex matches. */
        static final int PATTERN = 5;

        final int kind;
        final char ch;
        final AwkRegex regex;
        /** RS = "" with the default FS: leading blanks skipped, no empty last field. */
        final boolean paragraphBlanks;
        /** For WIDTHS: the characters skipped before each field and each field's width ('*': the rest). */
        final long[] skips;
        final long[] widths;

        Splitter(int kind, char ch, AwkRegex regex, boolean paragraphBlanks) {
            this.kind = kind;
            this.ch = ch;
            this.regex = regex;
            this.paragraphBlanks = paragraphBlanks;
            this.skips = null;
            this.widths = null;
        }

        Splitter(long[] skips, long[] widths) {
            this.kind = WIDTHS;
            this.ch = '\0';
            this.regex = null;
            this.paragraphBlanks = false;
            this.skips = skips;
            this.widths = widths;
        }

        static Splitter pattern(AwkRegex regex) {
            return new Splitter(PATTERN, '\0', regex, false);
        }
    }

    private String text = "";
    private Value zero = Value.NULL_FIELD;
    private final List<Value> fields = new ArrayList<>();
    private boolean split = true;
    private Splitter splitter;
    private boolean utf8;
    /** $0 must be rebuilt from the fields before it is read. */
    private boolean stale;

    /** Sets $0 to a new record (user input); the fields are split when first needed. */
    void set(String record, Splitter with, boolean utf8) {
        set(record, Value.input(record), with, utf8);
    }

    /**
     * Sets $0 to a value: an assignment keeps the value's type ($0 = "00E0" is a string, not a
     * number), while the fields split from it are user input, as in gawk.
     */
    void set(String record, Value value, Splitter with, boolean utf8) {
        text = record;
        zero = value;
        fields.clear();
        split = false;
        stale = false;
        splitter = with;
        this.utf8 = utf8;
    }

    /** $0, rebuilt with {@code ofs} if a field or NF changed. */
    Value zero(String ofs, String convfmt) {
        if (stale) rebuild(ofs, convfmt);
        return zero;
    }

    String text(String ofs, String convfmt) {
        if (stale) rebuild(ofs, convfmt);
        return text;
    }

    private void ensureSplit() {
        if (split) return;
        split = true;
        splitInto(text, splitter, fields, null, utf8);
    }

    /** Splits now with the separator the record was set with (before FS changes, as gawk does). */
    void splitNow() {
        ensureSplit();
    }

    int nf() {
        ensureSplit();
        return fields.size();
    }

    /** $n for n >= 1 ($0 is {@link #zero}); beyond NF the empty string, not creating it. */
    Value field(int n) {
        ensureSplit();
        if (n > fields.size()) return Value.NULL_FIELD;
        return fields.get(n - 1);
    }

    void setField(int n, Value v, String ofs, String convfmt) {
        ensureSplit();
        while (fields.size() < n) fields.add(Value.NULL_FIELD);
        fields.set(n - 1, v);
        stale = true;
    }

    /** NF = n: fields beyond are dropped, missing ones are empty; $0 is rebuilt. */
    void setNf(int n) {
        ensureSplit();
        while (fields.size() > n) fields.remove(fields.size() - 1);
        while (fields.size() < n) fields.add(Value.NULL_FIELD);
        stale = true;
    }

    private void rebuild(String ofs, String convfmt) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) b.append(ofs);
            b.append(fields.get(i).string(convfmt));
        }
        text = b.toString();
        zero = Value.str(text);
        stale = false;
    }

    /**
     * Splits {@code s} into {@code out} as gawk's field parsers do; {@code seps} (split()'s fourth
     * argument) gets the separators. Returns the number of fields.
     */
    static int splitInto(String s, Splitter sp, List<Value> out, java.util.Map<Integer, String> seps, boolean utf8) {
        int n = s.length();
        if (n == 0) return 0;
        switch (sp.kind) {
            case Splitter.BLANKS: {
                int i = 0;
                while (true) {
                    int sepStart = i;
                    while (i < n && isBlank(s.charAt(i))) i++;
                    if (seps != null && i > sepStart) seps.put(out.size(), s.substring(sepStart, i));
                    if (i >= n) break;
                    int f = i;
                    while (i < n && !isBlank(s.charAt(i))) i++;
                    out.add(Value.input(s.substring(f, i)));
                }
                return out.size();
            }
            case Splitter.CHAR: {
                int f = 0;
                for (int i = 0; i < n; i++) {
                    if (s.charAt(i) == sp.ch) {
                        out.add(Value.input(s.substring(f, i)));
                        if (seps != null) seps.put(out.size(), String.valueOf(sp.ch));
                        f = i + 1;
                    }
                }
                out.add(Value.input(s.substring(f)));
                return out.size();
            }
            case Splitter.CHARS: {
                for (int i = 0; i < n; ) {
                    int len = utf8 ? Bytes.charLength(s, i) : 1;
                    // split() with "": an empty separator between characters
                    if (seps != null && i > 0) seps.put(out.size(), "");
                    out.add(Value.input(s.substring(i, i + len)));
                    i += len;
                }
                return out.size();
            }
            case Splitter.WIDTHS:
                return splitWidths(s, sp, out, utf8);
            case Splitter.PATTERN:
                return splitPattern(s, sp.regex, out, seps, utf8);
            default:
                return splitRegex(s, sp, out, seps, utf8);
        }
    }

    /**
     * FIELDWIDTHS (fw_parse_field): fields end with the record; under UTF-8 widths count
     * characters.
     */
    private static int splitWidths(String s, Splitter sp, List<Value> out, boolean utf8) {
        int end = s.length();
        int scan = 0;
        for (int f = 0; f < sp.widths.length && scan < end; f++) {
            scan = advance(s, scan, sp.skips[f], utf8);
            int stop = advance(s, scan, sp.widths[f], utf8);
            out.add(Value.input(s.substring(scan, stop)));
            scan = stop;
        }
        return out.size();
    }

    private static int advance(String s, int from, long count, boolean utf8) {
        int end = s.length();
        if (!utf8) return (int) Math.min(end, from + Math.min(count, end));
        int i = from;
        for (long k = 0; k < count && i < end; k++) i += Bytes.charLength(s, i);
        return Math.min(i, end);
    }

    /**
     * FPAT and patsplit (fpat_parse_field): each field is the next match; an empty match right
     * where the previous field ended does not count (the search moves one character on), and the
     * text between matches is the separator.
     */
    static int splitPattern(String s, AwkRegex re, List<Value> out, java.util.Map<Integer, String> seps, boolean utf8) {
        byte[] b = Bytes.bytes(s);
        int end = b.length;
        int scan = 0;
        boolean found = false;
        while (scan < end) {
            int start = scan;
            int[] m = re.search(b, scan, end, scan, false);
            found = m != null;
            if (!out.isEmpty() && found && m[1] == scan) {
                scan += utf8 ? Bytes.charLength(s, scan) : 1;
                m = re.search(b, scan, end, scan, false);
                found = m != null;
            }
            if (found) {
                if (seps != null) seps.put(out.size(), s.substring(start, m[0]));
                out.add(Value.input(s.substring(m[0], m[1])));
                scan = m[1];
            } else {
                if (seps != null) seps.put(out.size(), s.substring(start));
                scan = end;
            }
        }
        if (seps != null && found) seps.put(out.size(), "");
        return out.size();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    private static int splitRegex(String s, Splitter sp, List<Value> out, java.util.Map<Integer, String> seps, boolean utf8) {
        byte[] b = Bytes.bytes(s);
        int end = b.length;
        int scan = 0;
        if (sp.paragraphBlanks) {
            while (scan < end && isBlank(s.charAt(scan))) scan++;
            if (seps != null && scan > 0) seps.put(0, s.substring(0, scan));
        }
        int field = scan;
        boolean notBol = false;
        while (scan < end) {
            int[] m = sp.regex.search(b, scan, end, scan, notBol);
            if (m == null) break;
            notBol = true;
            if (m[0] == m[1]) {
                scan += utf8 ? Bytes.charLength(s, scan) : 1;
                if (scan == end) {
                    out.add(Value.input(s.substring(field, scan)));
                    return out.size();
                }
                continue;
            }
            out.add(Value.input(s.substring(field, m[0])));
            if (seps != null) seps.put(out.size(), s.substring(m[0], m[1]));
            scan = m[1];
            field = scan;
            if (scan == end && !sp.paragraphBlanks) out.add(Value.input(""));
        }
        if (scan < end) out.add(Value.input(s.substring(scan)));
        return out.size();
    }
}
