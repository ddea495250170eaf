package dev.syssim.sim.prog;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A binary floating-point value as C holds it: {@code double} (53-bit significand) or x86's
 * {@code long double} (64-bit significand with an explicit integer bit), exactly
 * {@code significand × 2^exponent}, or an infinity or NaN. Conversions from decimal and hex text
 * round to nearest, ties to even, with subnormals and overflow as glibc's {@code strtod} does.
 *
 * @param negative    the sign (also of zero and NaN)
 * @param significand the integer significand (0 for zero)
 * @param exponent    the power of two it is multiplied by
 * @param kind        finite, infinite or not a number
 * @param format      the C type the value belongs to
 */
record CReal(boolean negative, BigInteger significand, int exponent, Kind kind, Format format) {

    /** Finite, infinite, or NaN. */
    enum Kind { FINITE, INFINITE, NAN }

    /** The C floating types printf converts to, with their significand bits and exponent range. */
    enum Format {
        DOUBLE(53, -1074, 1023),
        LONG_DOUBLE(64, -16445, 16383);

        final int bits;
        /** The exponent of the least significant bit of the smallest subnormal. */
        final int minExponent;
        /** The greatest unbiased exponent of a normal number. */
        final int maxExponent;

        Format(int bits, int minExponent, int maxExponent) {
            this.bits = bits;
            this.minExponent = minExponent;
            this.maxExponent = maxExponent;
        }
    }

    /** A conversion's value and whether it overflowed or underflowed inexactly (ERANGE). */
    record Rounded(CReal value, boolean erange) {
    }

    static CReal zero(boolean negative) {
        return new CReal(negative, BigInteger.ZERO, 0, Kind.FINITE, Format.LONG_DOUBLE);
    }

    static CReal infinity(boolean negative) {
        return new CReal(negative, BigInteger.ZERO, 0, Kind.INFINITE, Format.LONG_DOUBLE);
    }

    static CReal nan(boolean negative) {
        return new CReal(negative, BigInteger.ZERO, 0, Kind.NAN, Format.LONG_DOUBLE);
    }

    /** A small integer exactly (a character constant such as {@code 'a}). */
    static CReal ofInteger(long value, Format format) {
        return fromBinary(value < 0, BigInteger.valueOf(value).abs(), 0, format).value();
    }

    boolean isZero() {
        return kind == Kind.FINITE && significand.signum() == 0;
    }

    CReal in(Format f) {
        return new CReal(negative, significand, exponent, kind, f);
    }

    /** The exact value, for decimal formatting (finite values only). */
    BigDecimal exact() {
        BigDecimal magnitude = exponent >= 0
                ? new BigDecimal(significand.shiftLeft(exponent))
                : new BigDecimal(significand.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
        return negative ? magnitude.negate() : magnitude;
    }

    /** {@code mantissa × 2^exponent} rounded to the format. */
    static Rounded fromBinary(boolean negative, BigInteger mantissa, long exponent, Format f) {
        if (mantissa.signum() == 0) return new Rounded(zero(negative).in(f), false);
        return round(negative, mantissa, BigInteger.ONE, exponent, f);
    }

    /** {@code 0.digits... × 10^exponent} (digits without leading zeros) rounded to the format. */
    static Rounded fromDecimal(boolean negative, String digits, long exponent, Format f) {
        if (digits.isEmpty()) return new Rounded(zero(negative).in(f), false);
        long magnitude = digits.length() + exponent; // the value is below 10^magnitude
        int decimalMax = f == Format.DOUBLE ? 310 : 4934;
        int decimalMin = f == Format.DOUBLE ? -325 : -4952;
        if (magnitude > decimalMax) return new Rounded(infinity(negative).in(f), true);
        if (magnitude < decimalMin) return new Rounded(zero(negative).in(f), true);
        BigInteger n = new BigInteger(digits);
        BigInteger d = BigInteger.ONE;
        if (exponent >= 0) n = n.multiply(BigInteger.TEN.pow((int) exponent));
        else d = BigInteger.TEN.pow((int) -exponent);
        return round(negative, n, d, 0, f);
    }

    /** {@code n / d × 2^e2} rounded to nearest-even in the format, with subnormals and overflow. */
    private static Rounded round(boolean negative, BigInteger n, BigInteger d, long e2, Format f) {
        int p = f.bits;
        // choose k so that n / d × 2^-k lies in [2^(p-1), 2^p)
        long k = (long) n.bitLength() - d.bitLength() - p;
        BigInteger[] qr;
        for (;;) {
            qr = divide(n, d, k);
            int bits = qr[0].bitLength();
            if (bits > p) k++;
            else if (bits < p) k--;
            else break;
        }
        long exponent = k + e2;
        if (exponent < f.minExponent) {
            k += f.minExponent - exponent;
            exponent = f.minExponent;
            qr = divide(n, d, k);
        }
        BigInteger q = qr[0];
        BigInteger scaledD = k >= 0 ? d.shiftLeft((int) Math.min(k, Integer.MAX_VALUE)) : d;
        int half = qr[1].shiftLeft(1).compareTo(scaledD);
        boolean inexact = qr[1].signum() != 0;
        if (half > 0 || (half == 0 && q.testBit(0))) q = q.add(BigInteger.ONE);
        if (q.bitLength() > p) {
            q = q.shiftRight(1);
            exponent++;
        }
        if (exponent + p - 1 > f.maxExponent) return new Rounded(infinity(negative).in(f), true);
        boolean subnormal = q.bitLength() < p;
        if (q.signum() == 0) return new Rounded(zero(negative).in(f), true);
        return new Rounded(new CReal(negative, q, (int) exponent, Kind.FINITE, f), subnormal && inexact);
    }

    /** Quotient and remainder of n / (d × 2^k), with 2^-k moved onto n when k is negative. */
    private static BigInteger[] divide(BigInteger n, BigInteger d, long k) {
        if (k >= 0) return n.divideAndRemainder(d.shiftLeft((int) k));
        BigInteger[] qr = n.shiftLeft((int) -k).divideAndRemainder(d);
        return qr;
    }
}
