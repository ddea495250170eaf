package dev.syssim.sim.prog.tools.editors.awk;

import java.math.BigDecimal;
import java.util.List;

/**
 * Numbers as gawk reads and writes them: a string's number is its leading decimal number (strtod's,
 * without hexadecimal, {@code inf} or {@code nan} words), and a number's string is the integer
 * when it is integral, else CONVFMT's (or OFMT's) formatting.
 */
final class Numbers {

    /** A string's number and whether all of the string (but blanks around it) made it. */
    record Parsed(double value, boolean whole) {
    }

    private static final Parsed ZERO = new Parsed(0, false);

    private Numbers() {
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * gawk's force_number: leading and trailing blanks are skipped; a string that starts with a
     * letter, or is hexadecimal ({@code 0x1A}), is 0; {@code +inf}, {@code -nan} and the like
     * (exactly four characters) are the special values; else strtod's longest decimal prefix.
     */
    static Parsed parse(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) start++;
        if (start == end) return ZERO;
        while (isSpace(s.charAt(end - 1))) end--;
        char first = s.charAt(start);
        if (isAlpha(first)) return ZERO;
        if ((first == '+' || first == '-') && start + 4 <= s.length() && isMagic(s, start)) {
            if (end != start + 4) return ZERO;
            boolean nan = Character.toLowerCase(s.charAt(start + 1)) == 'n';
            double v = nan ? (first == '-' ? Double.longBitsToDouble(0xfff8000000000000L) : Double.NaN)
                    : (first == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            return new Parsed(v, true);
        }
        int p = start;
        if (first == '+' || first == '-') p++;
        if (p + 1 < end && s.charAt(p) == '0' && (s.charAt(p + 1) == 'x' || s.charAt(p + 1) == 'X')) return ZERO;
        if (end - start == 1) {
            if (isDigit(first)) return new Parsed(first - '0', true);
            return ZERO;
        }
        int digitsStart = p;
        while (p < end && isDigit(s.charAt(p))) p++;
        int intDigits = p - digitsStart;
        int fracDigits = 0;
        if (p < end && s.charAt(p) == '.') {
            int q = p + 1;
            while (q < end && isDigit(s.charAt(q))) q++;
            fracDigits = q - p - 1;
            if (intDigits > 0 || fracDigits > 0) p = q;
        }
        if (intDigits == 0 && fracDigits == 0) return ZERO;
        int mantissaEnd = p;
        if (p < end && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            int q = p + 1;
            if (q < end && (s.charAt(q) == '+' || s.charAt(q) == '-')) q++;
            int expStart = q;
            while (q < end && isDigit(s.charAt(q))) q++;
            if (q > expStart) p = q;
        }
        double v = toDouble(s, start, p, mantissaEnd);
        return new Parsed(v, p == end);
    }

    private static double toDouble(String s, int start, int end, int mantissaEnd) {
        String text = s.substring(start, end);
        if (end - start > 300 && mantissaEnd == end) {
            // very long digit strings: BigDecimal rounds them exactly as strtod does
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text.endsWith(".") ? text + "0" : text).doubleValue();
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isMagic(String s, int i) {
        String w = s.substring(i + 1, i + 4).toLowerCase(java.util.Locale.ROOT);
        return w.equals("inf") || w.equals("nan");
    }

    /** Whether a number prints as an integer ({@code %d}) rather than through CONVFMT. */
    static boolean isIntegral(double d) {
        return !Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d);
    }

    /** An integral number's text: {@code %d}, or {@code %.0f} beyond the range of a long. */
    static String integerText(double d) {
        if (d > -9.2e18 && d < 9.2e18) return Long.toString((long) d);
        return new BigDecimal(d).toPlainString();
    }

    /** A non-integral number through a number format such as {@code %.6g}. */
    static String format(double d, String format) {
        if (Double.isNaN(d)) return nanText(d);
        if (Double.isInfinite(d)) return d < 0 ? "-inf" : "+inf";
        if (format.equals("%.6g")) return CFormat.g(d, 6, false, false);
        return Format.sprintf(format, List.of(Value.of(d)), false).text();
    }

    /** gawk prints NaN with its sign: {@code -nan} (what x86 makes of 0 * inf, log(-1) ...) or {@code +nan}. */
    static String nanText(double d) {
        return (Double.doubleToRawLongBits(d) < 0) ? "-nan" : "+nan";
    }

    /** The NaN an invalid operation gives on x86: the sign bit set, printed {@code -nan}. */
    static final double INVALID = Double.longBitsToDouble(0xfff8000000000000L);

    /** A result NaN of an operation on non-NaN operands is x86's default NaN, negative. */
    static double fixNaN(double result) {
        return Double.isNaN(result) ? INVALID : result;
    }

    /** x1 ^ x2 as gawk computes it: by repeated squaring for integral exponents, else pow. */
    static double power(double x, double y) {
        if (y == (long) y && !Double.isInfinite(y)) {
            long n = (long) y;
            if (n == 0) return 1;
            return n > 0 ? powerPositive(x, n) : 1.0 / powerPositive(x, -n);
        }
        double r = Math.pow(x, y);
        return Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y) ? INVALID : r;
    }

    private static double powerPositive(double x, long n) {
        double mult = 1;
        while (n > 1) {
            if ((n % 2) == 1) mult *= x;
            x *= x;
            n /= 2;
        }
        return mult * x;
    }

    /** Truncation toward zero, as gawk's double_to_int. */
    static double trunc(double d) {
        return d >= 0 ? Math.floor(d) : Math.ceil(d);
    }
}
