package dev.syssim.sim.prog.tools.text;

/**
 * UTF-8 characters for the text tools that work on characters under C.UTF-8 (wc -m, rev, column,
 * fold without -b): decoding as mbrtowc does (an invalid byte is no character) and the display
 * width wcwidth gives (0 for combining marks, 2 for East Asian wide characters).
 */
final class Display {

    /** decode's result for an invalid byte. */
    static final int INVALID = -1;
    /** decode's result when the bytes end inside a character that could still be valid. */
    static final int INCOMPLETE = -2;

    private Display() {
    }

    /** The character at {@code b[i]} (bytes up to {@code end}); its length goes to {@code len[0]}. */
    static int decode(byte[] b, int i, int end, int[] len) {
        int b0 = b[i] & 0xff;
        len[0] = 1;
        if (b0 < 0x80) return b0;
        int need = b0 >= 0xC2 && b0 <= 0xDF ? 1 : b0 >= 0xE0 && b0 <= 0xEF ? 2 : b0 >= 0xF0 && b0 <= 0xF4 ? 3 : -1;
        if (need < 0) return INVALID;
        int cp = b0 & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07);
        for (int k = 1; k <= need; k++) {
            if (i + k >= end) return INCOMPLETE;
            int bk = b[i + k] & 0xff;
            if ((bk & 0xC0) != 0x80) return INVALID;
            cp = cp << 6 | bk & 0x3F;
            if (k == 1) {
                // The second byte rules out overlong forms and surrogates early, as mbrtowc does.
                if (need == 2 && b0 == 0xE0 && bk < 0xA0 || need == 2 && b0 == 0xED && bk > 0x9F
                        || need == 3 && b0 == 0xF0 && bk < 0x90 || need == 3 && b0 == 0xF4 && bk > 0x8F) {
                    return INVALID;
                }
            }
        }
        len[0] = need + 1;
        return cp;
    }

    /** wcwidth: columns a printable character takes. */
    static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT || cp == 0x200B) return 0;
        if (cp >= 0x1100 && (cp <= 0x115F || cp == 0x2329 || cp == 0x232A || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F
                || cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE6F
                || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x1F300 && cp <= 0x1F64F
                || cp >= 0x1F900 && cp <= 0x1F9FF || cp >= 0x20000 && cp <= 0x3FFFD)) {
            return 2;
        }
        return 1;
    }

    /** iswprint under C.UTF-8, for characters above ASCII. */
    static boolean printable(int cp) {
        int type = Character.getType(cp);
        return cp >= 0xA0 && type != Character.CONTROL && type != Character.UNASSIGNED && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && cp != 0x2028 && cp != 0x2029;
    }

    /** iswspace under C.UTF-8, for characters above ASCII (no-break spaces are not spaces). */
    static boolean space(int cp) {
        return Character.isWhitespace(cp) && cp != 0xA0 && cp != 0x2007 && cp != 0x202F;
    }
}
