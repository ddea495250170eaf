package dev.syssim.sim.prog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * gnulib's human_readable, which GNU tools use for sizes ({@code ls -h}, {@code du -h}, {@code df
 * -h}, dd's "3.1 MB, 3.0 MiB" and "22.1 MB/s"): an amount in one block size shown in another,
 * optionally scaled to a power of 1000 or 1024 with a unit letter. One decimal is shown when the
 * scaled amount is below 10 (exact conversions) or, for inexact ones, when it fits in three or four
 * characters — the same rules and rounding as the C code.
 */
public final class Human {

    public static final int CEILING = 0;
    public static final int ROUND_TO_NEAREST = 1;
    public static final int FLOOR = 2;
    public static final int GROUP_DIGITS = 4;
    public static final int SUPPRESS_POINT_ZERO = 8;
    public static final int AUTOSCALE = 16;
    public static final int BASE_1024 = 32;
    public static final int SPACE_BEFORE_UNIT = 64;
    public static final int SI = 128;
    public static final int B = 256;

    private static final String POWERS = "\0KMGTPEZYRQ";

    private Human() {
    }

    /** {@code n} units of {@code fromBlock} bytes, shown in units of {@code toBlock} bytes. */
    public static String readable(long n, int opts, long fromBlock, long toBlock) {
        int inexact = opts & (ROUND_TO_NEAREST | FLOOR);
        int base = (opts & BASE_1024) != 0 ? 1024 : 1000;
        int exponentMax = POWERS.length() - 1;
        int exponent = -1;
        String number;
        BigInteger big = new BigInteger(Long.toUnsignedString(n));
        if (toBlock <= fromBlock && fromBlock % toBlock == 0) {
            Scaled r = exact(big.multiply(BigInteger.valueOf(fromBlock / toBlock)), 0, 0, opts, base, exponentMax);
            number = r.number();
            exponent = r.exponent();
        } else if (fromBlock != 0 && toBlock % fromBlock == 0) {
            BigInteger divisor = BigInteger.valueOf(toBlock / fromBlock);
            BigInteger[] qr = big.divideAndRemainder(divisor);
            BigInteger r10 = qr[1].multiply(BigInteger.TEN);
            BigInteger r2 = r10.mod(divisor).multiply(BigInteger.TWO);
            int tenths = r10.divide(divisor).intValue();
            int rounding = r2.compareTo(divisor) < 0 ? (r2.signum() > 0 ? 1 : 0) : 2 + (divisor.compareTo(r2) < 0 ? 1 : 0);
            Scaled r = exact(qr[0], tenths, rounding, opts, base, exponentMax);
            number = r.number();
            exponent = r.exponent();
        } else {
            BigDecimal damt = new BigDecimal(big).multiply(BigDecimal.valueOf(fromBlock)).divide(BigDecimal.valueOf(toBlock), 30, RoundingMode.HALF_EVEN);
            if ((opts & AUTOSCALE) == 0) {
                number = adjust(inexact, damt).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
            } else {
                BigDecimal e = BigDecimal.ONE;
                BigDecimal b = BigDecimal.valueOf(base);
                exponent = 0;
                do {
                    e = e.multiply(b);
                    exponent++;
                } while (e.multiply(b).compareTo(damt) <= 0 && exponent < exponentMax);
                damt = damt.divide(e, 30, RoundingMode.HALF_EVEN);
                number = adjust(inexact, damt).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
                if (1 + 2 + ((opts & BASE_1024) == 0 ? 1 : 0) < number.length()
                        || ((opts & SUPPRESS_POINT_ZERO) != 0 && number.endsWith("0"))) {
                    number = adjust(inexact, damt.multiply(BigDecimal.TEN)).divide(BigDecimal.TEN, 30, RoundingMode.HALF_EVEN)
                            .setScale(0, RoundingMode.HALF_EVEN).toPlainString();
                }
            }
        }
        StringBuilder out = new StringBuilder(number);
        if ((opts & SI) != 0) {
            if (exponent < 0) {
                exponent = 0;
                for (long power = 1; power < toBlock; power *= base) if (++exponent == exponentMax) break;
            }
            if ((exponent != 0 || (opts & B) != 0) && (opts & SPACE_BEFORE_UNIT) != 0) out.append(' ');
            if (exponent != 0) out.append((opts & BASE_1024) == 0 && exponent == 1 ? 'k' : POWERS.charAt(exponent));
            if ((opts & B) != 0) {
                if ((opts & BASE_1024) != 0 && exponent != 0) out.append('i');
                out.append('B');
            }
        }
        return out.toString();
    }

    /** {@code n} bytes, as {@code ls -h} and {@code du -h} show them: 1024s, one letter, rounded up. */
    public static String size(long bytes) {
        return readable(bytes, AUTOSCALE | SI | BASE_1024, 1, 1);
    }

    /** A number as text and the power of the base it was scaled by (-1: not scaled). */
    private record Scaled(String number, int exponent) {
    }

    private static BigDecimal adjust(int inexact, BigDecimal value) {
        if (inexact == ROUND_TO_NEAREST) return value;
        BigDecimal whole = value.setScale(0, RoundingMode.FLOOR);
        if (inexact == CEILING && whole.compareTo(value) != 0) whole = whole.add(BigDecimal.ONE);
        return whole;
    }

    private static Scaled exact(BigInteger amtIn, int tenthsIn, int roundingIn, int opts, int base, int exponentMax) {
        int inexact = opts & (ROUND_TO_NEAREST | FLOOR);
        BigInteger amt = amtIn;
        int tenths = tenthsIn;
        int rounding = roundingIn;
        int exponent = -1;
        String fraction = "";
        BigInteger bigBase = BigInteger.valueOf(base);
        if ((opts & AUTOSCALE) != 0) {
            exponent = 0;
            if (amt.compareTo(bigBase) >= 0) {
                do {
                    int r10 = amt.mod(bigBase).intValue() * 10 + tenths;
                    int r2 = (r10 % base) * 2 + (rounding >> 1);
                    amt = amt.divide(bigBase);
                    tenths = r10 / base;
                    rounding = r2 < base ? ((r2 + rounding) != 0 ? 1 : 0) : 2 + (base < r2 + rounding ? 1 : 0);
                    exponent++;
                } while (amt.compareTo(bigBase) >= 0 && exponent < exponentMax);
                if (amt.compareTo(BigInteger.TEN) < 0) {
                    boolean up = inexact == ROUND_TO_NEAREST ? 2 < rounding + (tenths & 1) : inexact == CEILING && 0 < rounding;
                    if (up) {
                        tenths++;
                        rounding = 0;
                        if (tenths == 10) {
                            amt = amt.add(BigInteger.ONE);
                            tenths = 0;
                        }
                    }
                    if (amt.compareTo(BigInteger.TEN) < 0 && (tenths != 0 || (opts & SUPPRESS_POINT_ZERO) == 0)) {
                        fraction = "." + tenths;
                        tenths = 0;
                        rounding = 0;
                    }
                }
            }
        }
        boolean up = inexact == ROUND_TO_NEAREST ? 5 < tenths + (0 < rounding + (amt.testBit(0) ? 1 : 0) ? 1 : 0)
                : inexact == CEILING && 0 < tenths + rounding;
        if (up) {
            amt = amt.add(BigInteger.ONE);
            if ((opts & AUTOSCALE) != 0 && amt.equals(bigBase) && exponent < exponentMax) {
                exponent++;
                if ((opts & SUPPRESS_POINT_ZERO) == 0) fraction = ".0";
                amt = BigInteger.ONE;
            }
        }
        return new Scaled(amt + fraction, exponent);
    }
}
