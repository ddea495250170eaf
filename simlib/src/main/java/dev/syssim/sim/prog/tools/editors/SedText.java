package dev.syssim.sim.prog.tools.editors;

import java.io.ByteArrayOutputStream;

/**
 * Text helpers of sed: GNU sed's escape conversion (normalize_text: {@code \n \t \a \f \v \r},
 * {@code \cX}, {@code \dNNN}, {@code \oNNN}, {@code \xHH}), the {@code l} command's listing, and
 * case conversion (backslash U, L, u, l in a replacement).
 */
final class SedText {

    /** Where text comes from: a regex, an s replacement, a/i/c text, or y's strings. */
    enum Kind { REGEX, REPLACEMENT, BUFFER, NONE }

    private SedText() {
    }

    /**
     * Converts escapes as normalize_text does (in a bracket expression too: {@code [\t]} is a tab); a
     * produced {@code &} or backslash keeps a backslash in a replacement; in a/i/c text any other
     * escaped character loses its backslash.
     */
    static byte[] normalize(byte[] in, Kind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            byte ch = in[i];
            if (ch == '\\' && i + 1 < in.length) {
                byte next = in[i + 1];
                int produced = -1;
                int used = 2;
                switch (next) {
                    case 'a' -> produced = 7;
                    case 'f' -> produced = '\f';
                    case '\n', 'n' -> produced = '\n';
                    case 'r' -> produced = '\r';
                    case 't' -> produced = '\t';
                    case 'v' -> produced = 0x0B;
                    case 'c' -> {
                        if (i + 2 < in.length) {
                            produced = (Character.toUpperCase((char) (in[i + 2] & 0xff)) ^ 0x40) & 0xff;
                            used = 3;
                        }
                    }
                    case 'd', 'x', 'o' -> {
                        int base = next == 'd' ? 10 : next == 'x' ? 16 : 8;
                        int maxDigits = next == 'x' ? 2 : 3;
                        int value = 0;
                        int digits = 0;
                        while (digits < maxDigits && i + 2 + digits < in.length && Character.digit(in[i + 2 + digits], base) >= 0) {
                            value = value * base + Character.digit(in[i + 2 + digits], base);
                            digits++;
                        }
                        if (digits > 0) {
                            produced = value & 0xff;
                            used = 2 + digits;
                        }
                    }
                    default -> {
                    }
                }
                if (produced >= 0) {
                    if (kind == Kind.REPLACEMENT && (produced == '&' || produced == '\\')) out.write('\\');
                    out.write(produced);
                    i += used;
                    continue;
                }
                if (kind == Kind.BUFFER) {
                    out.write(next);
                    i += 2;
                    continue;
                }
                out.write(ch);
                out.write(next);
                i += 2;
                continue;
            }
            out.write(ch);
            i++;
        }
        return out.toByteArray();
    }

    /**
     * The {@code l} command: non-printable bytes as C escapes or octal, backslash doubled, lines
     * wrapped with a backslash to {@code width} columns (0 or 1: as GNU does), {@code $} at the end.
     */
    static byte[] list(byte[] text, int width, byte eol) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int column = 0;
        for (byte b : text) {
            int c = b & 0xff;
            String piece;
            if (c >= 32 && c < 127) {
                piece = c == '\\' ? "\\\\" : String.valueOf((char) c);
            } else {
                piece = switch (c) {
                    case 7 -> "\\a";
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    case 0x0B -> "\\v";
                    default -> String.format("\\%03o", c);
                };
            }
            if (width > 0 && column + piece.length() > width - 1) {
                out.write('\\');
                out.write(eol);
                column = 0;
            }
            out.writeBytes(piece.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            column += piece.length();
        }
        out.write('$');
        out.write(eol);
        return out.toByteArray();
    }

    /** Applies a case mode ('U', 'L' or none) and a one-shot ('u', 'l' or none) to text. */
    static byte[] convertCase(byte[] text, char mode, char first, boolean utf8) {
        if (mode == 0 && first == 0 || text.length == 0) return text;
        if (!utf8) {
            byte[] out = text.clone();
            for (int i = 0; i < out.length; i++) {
                char want = i == 0 && first != 0 ? first : mode;
                out[i] = asciiCase(out[i], want);
            }
            return out;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        boolean atFirst = true;
        while (i < text.length) {
            int len = utf8Length(text, i);
            char want = atFirst && first != 0 ? first : mode;
            atFirst = false;
            if (len == 1) {
                out.write(asciiCase(text[i], want));
            } else if (want == 0) {
                out.write(text, i, len);
            } else {
                String s = new String(text, i, len, java.nio.charset.StandardCharsets.UTF_8);
                int cp = s.codePointAt(0);
                int conv = want == 'U' || want == 'u' ? Character.toUpperCase(cp) : Character.toLowerCase(cp);
                out.writeBytes(new String(Character.toChars(conv)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            i += len;
        }
        return out.toByteArray();
    }

    private static byte asciiCase(byte b, char want) {
        if ((want == 'U' || want == 'u') && b >= 'a' && b <= 'z') return (byte) (b - 32);
        if ((want == 'L' || want == 'l') && b >= 'A' && b <= 'Z') return (byte) (b + 32);
        return b;
    }

    /** The length of the UTF-8 character at {@code i} (1 for an invalid byte). */
    static int utf8Length(byte[] b, int i) {
        int b0 = b[i] & 0xff;
        int need = b0 >= 0xC2 && b0 <= 0xDF ? 1 : b0 >= 0xE0 && b0 <= 0xEF ? 2 : b0 >= 0xF0 && b0 <= 0xF4 ? 3 : 0;
        if (need == 0 || i + need >= b.length) return 1;
        for (int k = 1; k <= need; k++) if ((b[i + k] & 0xC0) != 0x80) return 1;
        return need + 1;
    }
}
