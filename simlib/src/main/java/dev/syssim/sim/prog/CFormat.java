package dev.syssim.sim.prog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * One conversion of glibc's {@code printf} in the C.UTF-8 locale (no thousands separator, so the
 * {@code '} flag changes nothing): integers, strings and characters counted in bytes, and
 * floating-point values formatted from their exact binary value, rounded to nearest with ties to
 * even as glibc rounds. Output is a byte string.
 */
final class CFormat {

    private CFormat() {
    }

    /**
     * A conversion specification.
     *
     * @param width     the field width, or -1
     * @param precision the precision, or -1 when none was given
     */
    record Spec(boolean minus, boolean plus, boolean space, boolean alt, boolean zero, int width, int precision,
                char conversion) {

        Spec withConversion(char c) {
            return new Spec(minus, plus, space, alt, zero, width, precision, c);
        }
    }

    /** {@code %d %i} (signed) or {@code %o %u %x %X} of a 64-bit value. */
    static String integer(long value, Spec s) {
        char conv = s.conversion();
        boolean signed = conv == 'd' || conv == 'i';
        boolean negative = signed && value < 0;
        String digits;
        if (signed) {
            digits = value == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(value));
        } else {
            int radix = conv == 'o' ? 8 : conv == 'u' ? 10 : 16;
            digits = Long.toUnsignedString(value, radix);
            if (conv == 'X') digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        if (s.precision() >= 0) {
            if (s.precision() == 0 && value == 0) digits = "";
            digits = "0".repeat(Math.max(0, s.precision() - digits.length())) + digits;
        }
        String prefix = "";
        if (signed) {
            prefix = negative ? "-" : s.plus() ? "+" : s.space() ? " " : "";
        } else if (s.alt()) {
            if (conv == 'o' && !digits.startsWith("0")) digits = "0" + digits;
            if ((conv == 'x' || conv == 'X') && value != 0) prefix = conv == 'x' ? "0x" : "0X";
        }
        return pad(prefix, digits, s, s.zero() && s.precision() < 0);
    }

    /** {@code %s}: at most {@code precision} bytes, padded with spaces. */
    static String string(String bytes, Spec s) {
        String body = s.precision() >= 0 && s.precision() < bytes.length() ? bytes.substring(0, s.precision()) : bytes;
        return pad("", body, s, false);
    }

    /** {@code %c}: one byte. */
    static String character(int b, Spec s) {
        return pad("", String.valueOf((char) (b & 0xFF)), s, false);
    }

    /** {@code %e %E %f %F %g %G %a %A}. */
    static String floating(CReal v, Spec s) {
        char conv = s.conversion();
        boolean upper = Character.isUpperCase(conv);
        String sign = v.negative() ? "-" : s.plus() ? "+" : s.space() ? " " : "";
        if (v.kind() != CReal.Kind.FINITE) {
            String word = v.kind() == CReal.Kind.NAN ? "nan" : "inf";
            return pad(sign, upper ? word.toUpperCase(java.util.Locale.ROOT) : word, s, false);
        }
        String body;
        String prefix = sign;
        switch (Character.toLowerCase(conv)) {
            case 'f' -> body = fixed(v.exact().abs(), s.precision() < 0 ? 6 : s.precision(), s.alt());
            case 'e' -> body = exponential(v.exact().abs(), s.precision() < 0 ? 6 : s.precision(), s.alt(), upper);
            case 'g' -> body = general(v.exact().abs(), s.precision(), s.alt(), upper);
            default -> {
                prefix = sign + (upper ? "0X" : "0x");
                body = hex(v, s.precision(), s.alt(), upper);
            }
        }
        return pad(prefix, body, s, s.zero());
    }

    private static String fixed(BigDecimal abs, int precision, boolean alt) {
        String text = abs.setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return precision == 0 && alt ? text + "." : text;
    }

    private static String exponential(BigDecimal abs, int precision, boolean alt, boolean upper) {
        String digits;
        long exponent;
        if (abs.signum() == 0) {
            digits = "0".repeat(precision + 1);
            exponent = 0;
        } else {
            BigDecimal r = abs.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            String unscaled = r.unscaledValue().toString();
            exponent = (long) unscaled.length() - 1 - r.scale();
            digits = unscaled.length() > precision + 1 ? unscaled.substring(0, precision + 1)
                    : unscaled + "0".repeat(precision + 1 - unscaled.length());
        }
        StringBuilder out = new StringBuilder().append(digits.charAt(0));
        if (precision > 0 || alt) out.append('.');
        out.append(digits, 1, digits.length());
        out.append(upper ? 'E' : 'e').append(exponent < 0 ? '-' : '+');
        String e = Long.toString(Math.abs(exponent));
        if (e.length() < 2) out.append('0');
        return out.append(e).toString();
    }

    private static String general(BigDecimal abs, int precision, boolean alt, boolean upper) {
        int p = precision < 0 ? 6 : precision == 0 ? 1 : precision;
        long x;
        if (abs.signum() == 0) {
            x = 0;
        } else {
            BigDecimal r = abs.round(new MathContext(p, RoundingMode.HALF_EVEN));
            x = (long) r.precision() - 1 - r.scale();
        }
        String text = p > x && x >= -4 ? fixed(abs, (int) (p - 1 - x), alt) : exponential(abs, p - 1, alt, upper);
        if (alt) return text;
        int e = text.indexOf(upper ? 'E' : 'e');
        String mantissa = e < 0 ? text : text.substring(0, e);
        String tail = e < 0 ? "" : text.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            int end = mantissa.length();
            while (mantissa.charAt(end - 1) == '0') end--;
            if (mantissa.charAt(end - 1) == '.') end--;
            mantissa = mantissa.substring(0, end);
        }
        return mantissa + tail;
    }

    /**
     * glibc's {@code %a}: a double as {@code 1.hhhp±d}; an x86 long double with the top four bits
     * of its 64-bit significand as the digit before the point ({@code 1.0L} is {@code 0x8p-3}).
     */
    private static String hex(CReal v, int precision, boolean alt, boolean upper) {
        String lead;
        String fraction;
        long exponent;
        if (v.isZero()) {
            lead = "0";
            fraction = "";
            exponent = 0;
        } else if (v.format() == CReal.Format.DOUBLE) {
            BigInteger q = v.significand();
            boolean subnormal = q.bitLength() < 53;
            lead = subnormal ? "0" : "1";
            fraction = hexDigits(q.clearBit(52), 13);
            exponent = subnormal ? -1022 : v.exponent() + 52;
        } else {
            BigInteger q = v.significand();
            String all = hexDigits(q, 16);
            lead = all.substring(0, 1);
            fraction = all.substring(1);
            exponent = q.bitLength() < 64 ? -16385 : v.exponent() + 60;
        }
        if (precision < 0) {
            int end = fraction.length();
            while (end > 0 && fraction.charAt(end - 1) == '0') end--;
            fraction = fraction.substring(0, end);
        } else if (precision < fraction.length()) {
            String kept = fraction.substring(0, precision);
            String rest = fraction.substring(precision);
            int first = Character.digit(rest.charAt(0), 16);
            boolean restNonZero = rest.substring(1).chars().anyMatch(c -> c != '0');
            int last = Character.digit(precision > 0 ? kept.charAt(precision - 1) : lead.charAt(0), 16);
            boolean up = first > 8 || (first == 8 && (restNonZero || (last & 1) == 1));
            if (up) {
                BigInteger n = new BigInteger(lead + kept, 16).add(BigInteger.ONE);
                String digits = n.toString(16);
                if (digits.length() > 1 + precision) {
                    // the digit before the point overflowed (f -> 10): glibc writes 1 and moves the exponent
                    lead = "1";
                    kept = "0".repeat(precision);
                    exponent += v.format() == CReal.Format.DOUBLE ? 1 : 4;
                    if (v.format() == CReal.Format.DOUBLE && n.bitLength() <= 4) {
                        lead = digits.substring(0, 1);
                        exponent -= 1;
                    }
                } else {
                    digits = "0".repeat(1 + precision - digits.length()) + digits;
                    lead = digits.substring(0, 1);
                    kept = digits.substring(1);
                }
            }
            fraction = kept;
        } else {
            fraction = fraction + "0".repeat(precision - fraction.length());
        }
        String text = lead + (fraction.isEmpty() && !alt ? "" : "." + fraction) + "p" + (exponent < 0 ? "-" : "+")
                + Math.abs(exponent);
        return upper ? text.toUpperCase(java.util.Locale.ROOT) : text;
    }

    private static String hexDigits(BigInteger q, int count) {
        String h = q.toString(16);
        return "0".repeat(Math.max(0, count - h.length())) + h;
    }

    /** The field: prefix (sign, 0x) and body, padded to the width with spaces or, inside, zeros. */
    private static String pad(String prefix, String body, Spec s, boolean zeros) {
        int length = prefix.length() + body.length();
        if (s.width() <= length) return prefix + body;
        int fill = s.width() - length;
        if (s.minus()) return prefix + body + " ".repeat(fill);
        if (zeros) return prefix + "0".repeat(fill) + body;
        return " ".repeat(fill) + prefix + body;
    }
}
