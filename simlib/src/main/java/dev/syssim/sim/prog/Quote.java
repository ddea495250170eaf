package dev.syssim.sim.prog;

/**
 * gnulib's quotearg, the way GNU tools put file names and arguments into messages:
 * <ul>
 * <li>{@link #af} ({@code quoteaf}): shell-escape style, always quoted — {@code 'x'}, {@code "a'b"},
 * {@code 'a'$'\n''b'} — the same in every locale;
 * <li>{@link #f} ({@code quotef}): the same, but only when the name needs it (also for a colon,
 * which would read as a message separator): {@code od: x: No such file or directory};
 * <li>{@link #locale} ({@code quote}): curved quotes ‘x’ in a UTF-8 locale, 'x' in the C locale.
 * </ul>
 * A name is a Java string here; characters a UTF-8 locale cannot print and, in the C locale, every
 * non-ASCII character are written as octal escapes of their UTF-8 bytes, as gnulib does.
 */
public final class Quote {

    private Quote() {
    }

    /** quoteaf: always quoted, shell-escape style. */
    public static String af(String s, boolean utf8) {
        return shell(s, utf8, true, false);
    }

    /** quotef: shell-escape style, quoted only when needed; a colon needs it. */
    public static String f(String s, boolean utf8) {
        return shell(s, utf8, false, true);
    }

    /** quote(): the locale's quotation marks, with C escapes for what cannot be printed and for a backslash. */
    public static String locale(String s, boolean utf8) {
        StringBuilder out = new StringBuilder(utf8 ? "\u2018" : "'");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                // locale_quoting_style escapes backslashes ("sort -t '\t'" reports '\\t')
                out.append("\\\\");
            } else if (printable(ch, utf8)) {
                out.append(ch);
            } else {
                String named = named(ch);
                if (named != null) out.append('\\').append(named);
                else for (byte b : String.valueOf(ch).getBytes(java.nio.charset.StandardCharsets.UTF_8)) out.append(octal(b));
            }
        }
        return out.append(utf8 ? "\u2019" : "'").toString();
    }

    private static String shell(String s, boolean utf8, boolean always, boolean colon) {
        if (s.isEmpty()) return "''";
        boolean special = false;
        boolean unprintable = false;
        boolean single = false;
        boolean hardInDouble = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!printable(ch, utf8)) {
                unprintable = true;
                continue;
            }
            switch (ch) {
                case '\'' -> single = true;
                case '#', '~' -> special |= i == 0;
                case ':' -> special |= colon;
                case ' ', '!', '"', '$', '&', '(', ')', '*', ';', '<', '=', '>', '?', '[', '\\', '^', '`', '|' -> special = true;
                default -> { }
            }
            if (ch == '"' || ch == '$' || ch == '`' || ch == '\\' || ch == '!') hardInDouble = true;
        }
        if (!always && !special && !unprintable && !single) return s;
        if (single && !unprintable && !hardInDouble) return "\"" + s + "\"";
        StringBuilder out = new StringBuilder("'");
        boolean open = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (printable(ch, utf8)) {
                if (!open) {
                    out.append('\'');
                    open = true;
                }
                if (ch == '\'') out.append("'\\''");
                else out.append(ch);
                continue;
            }
            if (open) out.append('\'');
            open = false;
            out.append("$'");
            String named = named(ch);
            if (named != null) {
                out.append('\\').append(named);
            } else {
                for (byte b : String.valueOf(ch).getBytes(java.nio.charset.StandardCharsets.UTF_8)) out.append(octal(b));
            }
            out.append('\'');
        }
        if (open) out.append('\'');
        return out.toString();
    }

    private static boolean printable(char ch, boolean utf8) {
        if (ch < 0x20 || ch == 0x7f) return false;
        if (ch < 0x7f) return true;
        return utf8 && ch > 0x9f && ch != 0xfffd;
    }

    private static String named(char ch) {
        return switch (ch) {
            case 7 -> "a";
            case '\b' -> "b";
            case '\f' -> "f";
            case '\n' -> "n";
            case '\r' -> "r";
            case '\t' -> "t";
            case 11 -> "v";
            default -> null;
        };
    }

    private static String octal(byte b) {
        String o = Integer.toOctalString(b & 0xff);
        return "\\" + "000".substring(o.length()) + o;
    }
}
