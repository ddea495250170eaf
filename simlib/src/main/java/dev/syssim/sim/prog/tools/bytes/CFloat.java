package dev.syssim.sim.prog.tools.bytes;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Floating-point numbers as od prints them (gnulib's ftoastr/dtoastr): C's {@code %.Ng} with the
 * fewest significant digits, from FLT_DIG (6) or DBL_DIG (15) up, that read back as the same value.
 */
final class CFloat {

    private CFloat() {
    }

    static String shortest(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) return special(value);
        // gnulib's ftoastr starts from one digit for subnormal values
        for (int digits = Math.abs(value) < Float.MIN_NORMAL ? 1 : 6; digits < 9; digits++) {
            String s = g(value, digits);
            if (Float.parseFloat(s) == value) return s;
        }
        return g(value, 9);
    }

    static String shortest(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return special(value);
        for (int digits = Math.abs(value) < Double.MIN_NORMAL ? 1 : 15; digits < 17; digits++) {
            String s = g(value, digits);
            if (Double.parseDouble(s) == value) return s;
        }
        return g(value, 17);
    }

    private static String special(double v) {
        if (Double.isNaN(v)) return Double.doubleToRawLongBits(v) < 0 ? "-nan" : "nan";
        return v < 0 ? "-inf" : "inf";
    }

    /** C's {@code %.Pg}: P significant digits, exponent form below 1e-4 or from 10^P, trailing zeros dropped. */
    static String g(double value, int precision) {
        if (value == 0) return (1 / value < 0) ? "-0" : "0";
        BigDecimal exact = new BigDecimal(value);
        BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            BigDecimal mantissa = rounded.movePointLeft(exponent);
            String m = strip(mantissa.abs().toPlainString());
            String e = Integer.toString(Math.abs(exponent));
            if (e.length() < 2) e = "0" + e;
            return (value < 0 ? "-" : "") + m + "e" + (exponent < 0 ? "-" : "+") + e;
        }
        return (value < 0 ? "-" : "") + strip(rounded.abs().setScale(Math.max(0, precision - 1 - exponent), RoundingMode.HALF_EVEN).toPlainString());
    }

    private static String strip(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }
}
