package dev.syssim.sim.prog;

import java.math.BigInteger;

/**
 * C's string-to-number conversions as glibc does them in the C.UTF-8 locale ({@code strtoimax},
 * {@code strtoumax}, {@code strtod}, {@code strtold}), over byte strings: leading blanks, a sign,
 * base prefixes, where the conversion stopped ({@code end}; the start when nothing converted) and
 * whether it overflowed ({@code ERANGE}).
 */
final class CNumber {

    private CNumber() {
    }

    /** An integer conversion: the value (as a 64-bit pattern), where it ended, and ERANGE. */
    record Integer(long value, int end, boolean erange) {
    }

    /** A floating conversion. */
    record Floating(CReal value, int end, boolean erange) {
    }

    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** {@code strtoimax(s, &end, 0)} ({@code signed}) or {@code strtoumax}. */
    static Integer parseInteger(String s, boolean signed) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) i++;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        int base = 10;
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x' && i + 2 < n
                && digit(s.charAt(i + 2), 16) >= 0) {
            base = 16;
            i += 2;
        } else if (i < n && s.charAt(i) == '0') {
            base = 8;
        }
        int start = i;
        BigInteger magnitude = BigInteger.ZERO;
        BigInteger b = BigInteger.valueOf(base);
        while (i < n && digit(s.charAt(i), base) >= 0) {
            magnitude = magnitude.multiply(b).add(BigInteger.valueOf(digit(s.charAt(i), base)));
            i++;
        }
        if (i == start) return new Integer(0, 0, false);
        BigInteger value = negative ? magnitude.negate() : magnitude;
        if (signed) {
            if (value.bitLength() > 63) return new Integer(negative ? Long.MIN_VALUE : Long.MAX_VALUE, i, true);
            return new Integer(value.longValue(), i, false);
        }
        if (magnitude.bitLength() > 64) return new Integer(-1L, i, true);
        return new Integer(value.longValue(), i, false);
    }

    /** {@code strtoimax(s, &end, 10)}. */
    static Integer parseIntegerBase10(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) i++;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        int start = i;
        long small = 0;
        while (i < n && i - start < 18 && s.charAt(i) >= '0' && s.charAt(i) <= '9') small = small * 10 + (s.charAt(i++) - '0');
        if (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i = start; // 19 digits or more: may overflow, count it exactly
        } else {
            if (i == start) return new Integer(0, 0, false);
            return new Integer(negative ? -small : small, i, false);
        }
        BigInteger magnitude = BigInteger.ZERO;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            magnitude = magnitude.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
            i++;
        }
        if (i == start) return new Integer(0, 0, false);
        BigInteger value = negative ? magnitude.negate() : magnitude;
        if (value.bitLength() > 63) return new Integer(negative ? Long.MIN_VALUE : Long.MAX_VALUE, i, true);
        return new Integer(value.longValue(), i, false);
    }

    static int digit(char c, int base) {
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
        else return -1;
        return d < base ? d : -1;
    }

    /** {@code strtod} ({@link CReal.Format#DOUBLE}) or {@code strtold} ({@link CReal.Format#LONG_DOUBLE}). */
    static Floating parseFloating(String s, CReal.Format format) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) i++;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        if (startsWithIgnoreCase(s, i, "inf")) {
            int end = startsWithIgnoreCase(s, i, "infinity") ? i + 8 : i + 3;
            return new Floating(CReal.infinity(negative), end, false);
        }
        if (startsWithIgnoreCase(s, i, "nan")) {
            int end = i + 3;
            if (end < n && s.charAt(end) == '(') {
                int j = end + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) && s.charAt(j) < 128 || s.charAt(j) == '_')) j++;
                if (j < n && s.charAt(j) == ')') end = j + 1;
            }
            return new Floating(CReal.nan(negative), end, false);
        }
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x') {
            Floating hex = parseHex(s, i + 2, negative, format);
            if (hex != null) return hex;
        }
        return parseDecimal(s, i, negative, format);
    }

    private static Floating parseHex(String s, int i, boolean negative, CReal.Format format) {
        int n = s.length();
        BigInteger mantissa = BigInteger.ZERO;
        long exponent = 0;
        boolean digits = false;
        boolean point = false;
        while (i < n) {
            char c = s.charAt(i);
            int d = digit(c, 16);
            if (d >= 0) {
                mantissa = mantissa.shiftLeft(4).or(BigInteger.valueOf(d));
                if (point) exponent -= 4;
                digits = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
            i++;
        }
        if (!digits) return null; // "0x" alone converts the 0 only
        if (i < n && (s.charAt(i) | 0x20) == 'p') {
            int[] end = new int[1];
            Long e = exponentPart(s, i + 1, end);
            if (e != null) {
                exponent += e;
                i = end[0];
            }
        }
        CReal.Rounded r = CReal.fromBinary(negative, mantissa, exponent, format);
        return new Floating(r.value(), i, r.erange());
    }

    private static Floating parseDecimal(String s, int i, boolean negative, CReal.Format format) {
        int n = s.length();
        StringBuilder digits = new StringBuilder();
        long exponent = 0;
        boolean any = false;
        boolean point = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits.length() > 0 || c != '0') digits.append(c);
                if (point) exponent--;
                any = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
            i++;
        }
        if (!any) return new Floating(CReal.zero(false), 0, false);
        if (i < n && (s.charAt(i) | 0x20) == 'e') {
            int[] end = new int[1];
            Long e = exponentPart(s, i + 1, end);
            if (e != null) {
                exponent += e;
                i = end[0];
            }
        }
        CReal.Rounded r = CReal.fromDecimal(negative, digits.toString(), exponent, format);
        return new Floating(r.value(), i, r.erange());
    }

    /** An exponent's optional sign and digits (saturating), or null if there are no digits. */
    private static Long exponentPart(String s, int i, int[] end) {
        int n = s.length();
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') return null;
        long e = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            if (e < 1_000_000_000L) e = e * 10 + (s.charAt(i) - '0');
            i++;
        }
        end[0] = i;
        return negative ? -e : e;
    }

    private static boolean startsWithIgnoreCase(String s, int i, String word) {
        return s.regionMatches(true, i, word, 0, word.length());
    }
}
