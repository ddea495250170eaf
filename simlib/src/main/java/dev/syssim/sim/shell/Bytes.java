package dev.syssim.sim.shell;

import java.nio.charset.StandardCharsets;

/**
 * The shell keeps text as byte strings: Java strings whose chars are bytes (ISO-8859-1), so any
 * byte a file or a pipe holds survives a variable. Programs and the kernel's calls take ordinary
 * strings, so argument vectors, environments and paths are converted at that boundary (as UTF-8,
 * the machines' locale): a name that is not valid UTF-8 is the one place bytes can change.
 */
final class Bytes {

    private Bytes() {
    }

    static byte[] of(String byteString) {
        return byteString.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String str(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static String str(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** A byte string as the rest of the system's text: decoded as UTF-8. */
    static String toJava(String byteString) {
        if (isAscii(byteString)) return byteString;
        return new String(of(byteString), StandardCharsets.UTF_8);
    }

    /** Ordinary text as a byte string: its UTF-8 bytes. */
    static String fromJava(String text) {
        if (isAscii(text)) return text;
        return str(text.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    /** The number of characters: UTF-8 sequences count once in a UTF-8 locale, bytes otherwise. */
    static int length(String s, boolean utf8) {
        if (!utf8 || isAscii(s)) return s.length();
        int n = 0;
        for (int i = 0; i < s.length(); i = nextChar(s, i, true)) n++;
        return n;
    }

    /** The index after the character starting at {@code i} (a whole valid UTF-8 sequence when utf8). */
    static int nextChar(String s, int i, boolean utf8) {
        if (!utf8) return i + 1;
        int b = s.charAt(i);
        int len = b < 0x80 ? 1 : b >= 0xf0 && b < 0xf8 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 1;
        if (i + len > s.length()) return i + 1;
        for (int k = 1; k < len; k++) {
            int c = s.charAt(i + k);
            if (c < 0x80 || c > 0xbf) return i + 1;
        }
        return i + len;
    }

    /** The byte offsets of each character's start, plus the length at the end. */
    static int[] charStarts(String s, boolean utf8) {
        int n = length(s, utf8);
        int[] starts = new int[n + 1];
        int i = 0;
        for (int k = 0; k < n; k++) {
            starts[k] = i;
            i = nextChar(s, i, utf8);
        }
        starts[n] = s.length();
        return starts;
    }
}
