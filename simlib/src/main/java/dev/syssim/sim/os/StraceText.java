package dev.syssim.sim.os;

import java.nio.charset.StandardCharsets;

/** strace's way of printing arguments: quoted strings with C escapes, cut at 32 bytes by default. */
public final class StraceText {

    /** strace's default {@code -s} string size. */
    public static final int DEFAULT_STRING_LIMIT = 32;

    private StraceText() {
    }

    public static String quote(String text) {
        return quote(text.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    public static String quote(byte[] data) {
        return quote(data, DEFAULT_STRING_LIMIT);
    }

    /** {@code "laptop\n"}, or {@code "\177ELF\2\1"...} when longer than {@code limit} bytes. */
    public static String quote(byte[] data, int limit) {
        int shown = Math.min(data.length, limit);
        StringBuilder out = new StringBuilder(shown + 8).append('"');
        for (int i = 0; i < shown; i++) {
            int c = data[i] & 0xff;
            boolean nextIsDigit = i + 1 < shown && data[i + 1] >= '0' && data[i + 1] <= '7';
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case 0x0b -> out.append("\\v");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append((char) c);
                    } else if (nextIsDigit) {
                        out.append(String.format("\\%03o", c));
                    } else {
                        out.append('\\').append(Integer.toOctalString(c));
                    }
                }
            }
        }
        out.append('"');
        if (data.length > limit) out.append("...");
        return out.toString();
    }

    /** A whole strace line: the call padded to 39 columns, then {@code = result}. */
    public static String line(String call, String result) {
        StringBuilder out = new StringBuilder(call);
        while (out.length() < 39) out.append(' ');
        return out.append(" = ").append(result).toString();
    }
}
