package dev.syssim.sim.prog.tools.editors.awk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * glibc's printf conversions of a double ({@code %e %f %g %a}) for finite values: the exact binary
 * value rounded to the requested digits, ties to even, as glibc does — which Java's own
 * {@code String.format} does not ({@code %g} there keeps trailing zeros and rounds differently).
 */
final class CFormat {

    private CFormat() {
    }

    /** The digits of |d| for conversion {@code conv} (e, E, f, F, g, G, a, A) without sign or padding. */
    static String body(char conv, double abs, int prec, boolean alt) {
        switch (conv) {
            case 'e':
                return exponential(abs, prec, alt, 'e');
            case 'E':
                return exponential(abs, prec, alt, 'E');
            case 'f':
            case 'F':
                return fixed(abs, prec, alt);
            case 'g':
                return general(abs, prec, alt, 'e');
            case 'G':
                return general(abs, prec, alt, 'E');
            case 'a':
                return hex(abs, prec, false);
            default:
                return hex(abs, prec, true);
        }
    }

    /** A whole conversion as printf makes it: sign, zero or space padding to {@code width}. */
    static String pad(String body, boolean negative, char signchar, int width, boolean leftJustify, boolean zero) {
        String sign = negative ? "-" : signchar == 0 ? "" : String.valueOf(signchar);
        int len = sign.length() + body.length();
        if (len >= width) return sign + body;
        StringBuilder b = new StringBuilder(width);
        if (leftJustify) {
            b.append(sign).append(body);
            while (b.length() < width) b.append(' ');
        } else if (zero) {
            b.append(sign);
            boolean hex = body.startsWith("0x") || body.startsWith("0X");
            if (hex) b.append(body, 0, 2);
            for (int i = len; i < width; i++) b.append('0');
            b.append(hex ? body.substring(2) : body);
        } else {
            for (int i = len; i < width; i++) b.append(' ');
            b.append(sign).append(body);
        }
        return b.toString();
    }

    /** %.{p}g of a finite value, as awk's default OFMT and CONVFMT format numbers. */
    static String g(double d, int prec, boolean alt, boolean upper) {
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        String body = general(Math.abs(d), prec, alt, upper ? 'E' : 'e');
        return negative ? "-" + body : body;
    }

    static String fixed(double abs, int prec, boolean alt) {
        String s;
        if (abs == 0) {
            s = prec == 0 ? "0" : "0." + "0".repeat(prec);
        } else if (prec == 0 && abs < 1e15 && abs == Math.rint(abs)) {
            s = Long.toString((long) abs);
        } else {
            s = new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
        }
        if (alt && prec == 0) s += ".";
        return s;
    }

    /** Digits and decimal exponent of |d| rounded to {@code digits} significant digits. */
    private record Scientific(String digits, int exponent) {
    }

    private static Scientific scientific(double abs, int digits) {
        if (abs == 0) return new Scientific("0".repeat(digits), 0);
        BigDecimal r = new BigDecimal(abs).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        String unscaled = r.unscaledValue().toString();
        int exponent = unscaled.length() - 1 - r.scale();
        if (unscaled.length() > digits) unscaled = unscaled.substring(0, digits);
        StringBuilder b = new StringBuilder(unscaled);
        while (b.length() < digits) b.append('0');
        return new Scientific(b.toString(), exponent);
    }

    static String exponential(double abs, int prec, boolean alt, char e) {
        Scientific s = scientific(abs, prec + 1);
        StringBuilder b = new StringBuilder();
        b.append(s.digits().charAt(0));
        if (prec > 0 || alt) b.append('.');
        b.append(s.digits(), 1, s.digits().length());
        appendExponent(b, e, s.exponent());
        return b.toString();
    }

    private static void appendExponent(StringBuilder b, char e, int exponent) {
        b.append(e).append(exponent < 0 ? '-' : '+');
        int x = Math.abs(exponent);
        if (x < 10) b.append('0');
        b.append(x);
    }

    static String general(double abs, int prec, boolean alt, char e) {
        int p = prec == 0 ? 1 : prec;
        int x = abs == 0 ? 0 : scientific(abs, p).exponent();
        String s;
        if (p > x && x >= -4) {
            s = fixed(abs, p - 1 - x, alt);
            if (!alt) s = stripZeros(s);
        } else {
            s = exponential(abs, p - 1, alt, e);
            if (!alt) {
                int at = s.indexOf(e);
                s = stripZeros(s.substring(0, at)) + s.substring(at);
            }
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    /** %a: glibc's hexadecimal floating point ({@code 0x1.8p+1}); subnormals as {@code 0x0.…p-1022}. */
    static String hex(double abs, int prec, boolean upper) {
        long bits = Double.doubleToRawLongBits(abs);
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & 0xfffffffffffffL;
        int lead;
        int e;
        if (abs == 0) {
            lead = 0;
            e = 0;
        } else if (exp == 0) {
            lead = 0;
            e = -1022;
        } else {
            lead = 1;
            e = exp - 1023;
        }
        String frac = String.format("%013x", mant);
        if (prec >= 0 && prec < 13) {
            BigDecimal whole = new BigDecimal(lead * (1L << 52) + mant);
            BigDecimal unit = BigDecimal.valueOf(1L << (4 * (13 - prec)));
            long rounded = whole.divide(unit, 0, RoundingMode.HALF_EVEN).longValue();
            long leadPart = rounded >> (4 * prec);
            long fracPart = rounded & ((1L << (4 * prec)) - 1);
            lead = (int) leadPart;
            frac = prec == 0 ? "" : String.format("%0" + prec + "x", fracPart);
        } else if (prec < 0) {
            int end = frac.length();
            while (end > 0 && frac.charAt(end - 1) == '0') end--;
            frac = frac.substring(0, end);
        } else {
            frac = frac + "0".repeat(prec - 13);
        }
        String s = "0x" + lead + (frac.isEmpty() ? "" : "." + frac) + "p" + (e < 0 ? "-" : "+") + Math.abs(e);
        return upper ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }
}
