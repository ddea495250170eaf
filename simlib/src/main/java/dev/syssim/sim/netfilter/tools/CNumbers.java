package dev.syssim.sim.netfilter.tools;

import java.util.OptionalLong;

/**
 * Number parsing as libxtables does it ({@code xtables_strtoui}: C {@code strtoul} with base 0):
 * decimal, {@code 0x} hex or leading-zero octal, leading blanks allowed, no minus sign, nothing
 * after the number.
 */
final class CNumbers {

    private CNumbers() {
    }

    /** The value if {@code text} is a whole number in {@code [min, max]}, else empty. */
    static OptionalLong parse(String text, long min, long max) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        if (i < text.length() && text.charAt(i) == '+') i++;
        if (i >= text.length() || text.charAt(i) == '-') return OptionalLong.empty();
        int radix = 10;
        if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        } else if (text.charAt(i) == '0' && i + 1 < text.length()) {
            radix = 8;
            i++;
        }
        String digits = text.substring(i);
        if (digits.isEmpty()) return radix == 8 ? OptionalLong.of(0) : OptionalLong.empty();
        long value = 0;
        for (int k = 0; k < digits.length(); k++) {
            int digit = Character.digit(digits.charAt(k), radix);
            if (digit < 0) return OptionalLong.empty();
            value = value * radix + digit;
            if (value > 0xFFFF_FFFFL * 0x10000L) return OptionalLong.empty();
        }
        if (value < min || value > max) return OptionalLong.empty();
        return OptionalLong.of(value);
    }

    /** C {@code sscanf("%llu")}: the leading decimal digits, if any. */
    static OptionalLong leadingUnsigned(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        int start = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) i++;
        if (i == start || i - start > 18) return OptionalLong.empty();
        return OptionalLong.of(Long.parseLong(text.substring(start, i)));
    }
}
