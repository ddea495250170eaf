package dev.syssim.sim.prog.tools.editors.awk;

import java.nio.charset.StandardCharsets;

/**
 * awk strings are bytes, kept in Java strings one char per byte (ISO-8859-1 maps the two exactly),
 * so no input is lost to decoding. In a UTF-8 locale gawk counts characters where POSIX says
 * "characters" (length, substr, index, match, printf widths): these helpers find them, counting a
 * byte that starts no valid sequence as one character, as mbrlen's callers in gawk do.
 */
final class Bytes {

    private Bytes() {
    }

    static String of(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static String of(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Text from Java (argv, the environment, a program file decoded as UTF-8) as bytes. */
    static String fromJava(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return of(s.getBytes(StandardCharsets.UTF_8));
        }
        return s;
    }

    /** Bytes back to a Java string for the simulation (file names, commands, environment values). */
    static String toJava(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return new String(bytes(s), StandardCharsets.UTF_8);
        }
        return s;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /** The UTF-8 bytes of a code point. */
    static String encodeUtf8(int code) {
        return of(new String(Character.toChars(code)).getBytes(StandardCharsets.UTF_8));
    }

    /** How many bytes the character at {@code i} takes: 1 for ASCII and for bytes of no valid sequence. */
    static int charLength(String s, int i) {
        int b = s.charAt(i);
        if (b < 0x80) return 1;
        int need;
        int min;
        if (b >= 0xc2 && b <= 0xdf) {
            need = 1;
            min = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            min = 0x800;
        } else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            min = 0x10000;
        } else {
            return 1;
        }
        if (i + need >= s.length()) return 1;
        int code = b & (0x3f >> need);
        for (int k = 1; k <= need; k++) {
            int c = s.charAt(i + k);
            if ((c & 0xc0) != 0x80) return 1;
            code = (code << 6) | (c & 0x3f);
        }
        if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 1;
        return need + 1;
    }

    /** The code point at {@code i} (a lone byte of no valid sequence: itself). */
    static int codePoint(String s, int i) {
        int len = charLength(s, i);
        if (len == 1) return s.charAt(i);
        int b = s.charAt(i);
        int code = b & (0x3f >> (len - 1));
        for (int k = 1; k < len; k++) code = (code << 6) | (s.charAt(i + k) & 0x3f);
        return code;
    }

    /** Whether a byte string holds a byte that starts no valid UTF-8 sequence. */
    static boolean hasInvalidUtf8(String s) {
        for (int i = 0; i < s.length(); ) {
            int len = charLength(s, i);
            if (len == 1 && s.charAt(i) >= 0x80) return true;
            i += len;
        }
        return false;
    }

    /** The number of characters of a UTF-8 byte string. */
    static int charCount(String s) {
        if (isAscii(s)) return s.length();
        int n = 0;
        for (int i = 0; i < s.length(); i += charLength(s, i)) n++;
        return n;
    }

    /** The byte offset of character number {@code chars} (0-based); the length if beyond. */
    static int byteOffset(String s, int chars) {
        int i = 0;
        for (int n = 0; n < chars && i < s.length(); n++) i += charLength(s, i);
        return Math.min(i, s.length());
    }

    /** The character index of byte offset {@code at}. */
    static int charIndex(String s, int at) {
        int n = 0;
        for (int i = 0; i < at && i < s.length(); i += charLength(s, i)) n++;
        return n;
    }
}
