package dev.syssim.sim.prog;

import java.util.Locale;

/**
 * Time intervals as coreutils' sleep and timeout read them: a number as C's strtod reads it
 * (decimal with an exponent, hexadecimal, {@code inf}, {@code infinity}), then at most one suffix
 * {@code s}, {@code m}, {@code h} or {@code d}. A negative or NaN interval is invalid.
 */
public final class Intervals {

    private Intervals() {
    }

    /** Seconds, or null when the text is not a valid interval. */
    public static Double seconds(String text) {
        String s = text.stripLeading();
        if (s.isEmpty()) return null;
        int multiplier = 1;
        char last = s.charAt(s.length() - 1);
        String number = s;
        if ("smhd".indexOf(last) >= 0 && s.length() > 1 && !isWord(s)) {
            multiplier = switch (last) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> 1;
            };
            number = s.substring(0, s.length() - 1);
        }
        Double value = strtod(number);
        if (value == null || value.isNaN() || value < 0) return null;
        return value * multiplier;
    }

    private static boolean isWord(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.equals("inf") || lower.equals("+inf");
    }

    /** C's strtod over the whole text (nothing may follow the number), or null. */
    static Double strtod(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        double value;
        if (lower.equals("inf") || lower.equals("infinity")) {
            value = Double.POSITIVE_INFINITY;
        } else if (lower.equals("nan")) {
            value = Double.NaN;
        } else if (lower.matches("0x([0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)(p[+-]?[0-9]+)?")) {
            String hex = lower.contains("p") ? lower : lower + "p0";
            value = Double.parseDouble(hex);
        } else if (lower.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
            value = Double.parseDouble(lower);
        } else {
            return null;
        }
        return negative ? -value : value;
    }

    /** Nanoseconds for a sleep of {@code seconds}, capped where simulated time would overflow. */
    public static long nanos(double seconds) {
        double nanos = seconds * 1e9;
        long cap = Long.MAX_VALUE / 4;
        return nanos >= cap ? cap : (long) Math.ceil(nanos);
    }
}
