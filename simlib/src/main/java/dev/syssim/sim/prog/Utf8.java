package dev.syssim.sim.prog;

/**
 * UTF-8 over byte strings (one char per byte, 0-255), as glibc decodes it in a UTF-8 locale:
 * strictly (no overlong forms, no surrogates, nothing above U+10FFFF).
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * The length of the valid UTF-8 sequence starting at {@code i}, or -1 if the bytes there are
     * not one (an invalid byte, a truncated or overlong sequence).
     */
    static int sequenceLength(String bytes, int i) {
        int b0 = bytes.charAt(i) & 0xFF;
        if (b0 < 0x80) return 1;
        int length;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            length = 2;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            length = 3;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            length = 4;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + length > bytes.length()) return -1;
        int cp = b0 & (0x7F >> length);
        for (int k = 1; k < length; k++) {
            int b = bytes.charAt(i + k) & 0xFF;
            if ((b & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
        return length;
    }

    /** The code point of the valid sequence at {@code i} of {@code length} bytes. */
    static int decode(String bytes, int i, int length) {
        int b0 = bytes.charAt(i) & 0xFF;
        if (length == 1) return b0;
        int cp = b0 & (0x7F >> length);
        for (int k = 1; k < length; k++) cp = (cp << 6) | (bytes.charAt(i + k) & 0x3F);
        return cp;
    }

    /** The code points of a byte string that is valid UTF-8 throughout, or null if it is not. */
    static int[] decodeStrict(String bytes) {
        int[] out = new int[bytes.length()];
        int n = 0;
        for (int i = 0; i < bytes.length(); ) {
            int length = sequenceLength(bytes, i);
            if (length < 0) return null;
            out[n++] = decode(bytes, i, length);
            i += length;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** {@code cp} encoded as a byte string. */
    static String encode(int cp) {
        if (cp < 0x80) return String.valueOf((char) cp);
        StringBuilder out = new StringBuilder(4);
        if (cp < 0x800) {
            out.append((char) (0xC0 | cp >> 6));
        } else if (cp < 0x10000) {
            out.append((char) (0xE0 | cp >> 12)).append((char) (0x80 | (cp >> 6 & 0x3F)));
        } else {
            out.append((char) (0xF0 | cp >> 18)).append((char) (0x80 | (cp >> 12 & 0x3F)))
                    .append((char) (0x80 | (cp >> 6 & 0x3F)));
        }
        return out.append((char) (0x80 | (cp & 0x3F))).toString();
    }
}
