package dev.syssim.sim.prog;

import java.math.BigInteger;

/**
 * Numbers with size suffixes as GNU tools read them (gnulib's xstrtoumax): {@code 512}, {@code 0x200}
 * (when the base allows it), {@code 2b} (512-byte blocks), {@code 4K} or {@code 4KiB} (1024s),
 * {@code 4KB} (1000s), {@code M G T P E Z Y}; {@code c} (1) and {@code w} (2) for dd. Which
 * suffixes a tool accepts is its own list, as in coreutils.
 */
public final class Sizes {

    /** How parsing went: a value, or why not (the tools word the two failures differently). */
    public enum Status { OK, INVALID, OVERFLOW }

    /** The parsed number, or the reason it is not one. */
    public record Parsed(Status status, long value) {
        public boolean ok() {
            return status == Status.OK;
        }
    }

    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Sizes() {
    }

    /**
     * Parses {@code text}. {@code base} 0 means C's rules (0x hex, leading 0 octal), else 10;
     * {@code suffixes} lists the suffix letters allowed, and {@code 0} in it allows the second
     * letter ({@code KB}, {@code KiB}).
     */
    public static Parsed parse(String text, int base, String suffixes) {
        BigInteger value = value(text, base, suffixes);
        if (value == null) return new Parsed(Status.INVALID, 0);
        if (value.compareTo(MAX) > 0) return new Parsed(Status.OVERFLOW, Long.MAX_VALUE);
        return new Parsed(Status.OK, value.longValueExact());
    }

    /**
     * Whether {@code text} is a number that xstrtoumax reports as LONGINT_OVERFLOW: more than
     * 2^64-1, digits and suffix together (between {@code Long.MAX_VALUE} and that, {@link #parse}
     * says OVERFLOW but the C tools still take it).
     */
    public static boolean exceedsUintmax(String text, int base, String suffixes) {
        BigInteger value = value(text, base, suffixes);
        return value != null && value.bitLength() > 64;
    }

    /** The number, or null when it is not one. */
    private static BigInteger value(String text, int base, String suffixes) {
        String s = text.strip();
        if (s.isEmpty() || s.startsWith("-")) return null;
        if (s.startsWith("+")) s = s.substring(1);
        int radix = 10;
        int at = 0;
        if (base == 0 && s.length() > 1 && s.charAt(0) == '0') {
            if (s.charAt(1) == 'x' || s.charAt(1) == 'X') {
                radix = 16;
                at = 2;
            } else {
                radix = 8;
            }
        }
        int digitsEnd = at;
        while (digitsEnd < s.length() && Character.digit(s.charAt(digitsEnd), radix) >= 0 && s.charAt(digitsEnd) < 128) digitsEnd++;
        BigInteger value;
        if (digitsEnd == at) {
            // xstrtoumax accepts a bare suffix as 1 of it ("K" is 1024) — only with a suffix following.
            if (digitsEnd >= s.length() || suffixes.indexOf(s.charAt(digitsEnd)) < 0) return null;
            value = BigInteger.ONE;
        } else {
            value = new BigInteger(s.substring(at, digitsEnd), radix);
        }
        String suffix = s.substring(digitsEnd);
        if (!suffix.isEmpty()) {
            char letter = suffix.charAt(0);
            if (suffixes.indexOf(letter) < 0) return null;
            int thousand = 1024;
            int used = 1;
            if (suffixes.indexOf('0') >= 0 && suffix.length() > 1) {
                if (suffix.charAt(1) == 'B') {
                    thousand = 1000;
                    used = 2;
                } else if (suffix.startsWith("iB", 1)) {
                    used = 3;
                }
            }
            if (used != suffix.length()) return null;
            BigInteger factor = switch (letter) {
                case 'b' -> BigInteger.valueOf(512);
                case 'B' -> BigInteger.valueOf(1024);
                case 'c' -> BigInteger.ONE;
                case 'w' -> BigInteger.TWO;
                case 'k', 'K' -> BigInteger.valueOf(thousand);
                case 'm', 'M' -> BigInteger.valueOf(thousand).pow(2);
                case 'g', 'G' -> BigInteger.valueOf(thousand).pow(3);
                case 't', 'T' -> BigInteger.valueOf(thousand).pow(4);
                case 'P' -> BigInteger.valueOf(thousand).pow(5);
                case 'E' -> BigInteger.valueOf(thousand).pow(6);
                case 'Z' -> BigInteger.valueOf(thousand).pow(7);
                case 'Y' -> BigInteger.valueOf(thousand).pow(8);
                default -> null;
            };
            if (factor == null) return null;
            value = value.multiply(factor);
        }
        return value;
    }
}
