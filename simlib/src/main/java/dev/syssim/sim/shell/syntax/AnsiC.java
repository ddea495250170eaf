package dev.syssim.sim.shell.syntax;

/**
 * The escapes of bash's {@code $'...'} quoting, decoded into a byte string (one char per byte):
 * {@code \a \b \e \E \f \n \r \t \v \\ \' \" \?}, octal {@code \nnn}, {@code \xHH}, <code>&#92;uHHHH</code>,
 * {@code \UHHHHHHHH} and control characters {@code \cX}. As bash keeps strings in C strings, a NUL
 * byte ends the text.
 */
public final class AnsiC {

    private AnsiC() {
    }

    /**
     * Decodes {@code raw} (the text between the quotes, escapes included). {@code utf8}: whether the
     * locale is UTF-8, which decides how <code>&#92;u</code> and {@code \U} are written (in the C locale bash
     * leaves a character above 127 as the escape, in upper case).
     */
    public static String decode(String raw, boolean utf8) {
        StringBuilder out = new StringBuilder();
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'a' -> out.append('\007');
                case 'b' -> out.append('\b');
                case 'e', 'E' -> out.append('\033');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\013');
                case '\\', '\'', '"', '?' -> out.append(e);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = 0;
                    int digits = 0;
                    while (digits < 3 && i < n && raw.charAt(i) >= '0' && raw.charAt(i) <= '7') {
                        value = value * 8 + (raw.charAt(i) - '0');
                        i++;
                        digits++;
                    }
                    i--;
                    out.append((char) (value & 0xff));
                }
                case 'x' -> {
                    int[] parsed = hex(raw, i + 1, 2);
                    if (parsed[1] == 0) {
                        out.append('\\').append('x');
                    } else {
                        out.append((char) (parsed[0] & 0xff));
                        i += parsed[1];
                    }
                }
                case 'u', 'U' -> {
                    int[] parsed = hex(raw, i + 1, e == 'u' ? 4 : 8);
                    if (parsed[1] == 0) {
                        out.append('\\').append(e);
                    } else {
                        appendCodePoint(out, parsed[0], e, utf8);
                        i += parsed[1];
                    }
                }
                case 'c' -> {
                    if (i + 1 < n) {
                        char x = raw.charAt(++i);
                        if (x == '\\' && i + 1 < n && raw.charAt(i + 1) == '\\') i++;
                        out.append((char) (Character.toUpperCase(x) & 0x1f));
                    } else {
                        out.append('\\').append('c');
                    }
                }
                default -> out.append('\\').append(e);
            }
        }
        int nul = out.indexOf("\0");
        return nul < 0 ? out.toString() : out.substring(0, nul);
    }

    /** Up to {@code max} hex digits from {@code at}: {value, digits read}. */
    private static int[] hex(String s, int at, int max) {
        long value = 0;
        int digits = 0;
        while (digits < max && at + digits < s.length() && Character.digit(s.charAt(at + digits), 16) >= 0) {
            value = value * 16 + Character.digit(s.charAt(at + digits), 16);
            digits++;
        }
        return new int[] {(int) value, digits};
    }

    private static void appendCodePoint(StringBuilder out, int cp, char escape, boolean utf8) {
        if (cp < 0x80) {
            out.append((char) cp);
            return;
        }
        if (!utf8 || cp > 0x10FFFF) {
            out.append(escape == 'u' ? String.format("\\u%04X", cp) : String.format("\\U%08X", cp));
            return;
        }
        byte[] bytes = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte b : bytes) out.append((char) (b & 0xff));
    }
}
