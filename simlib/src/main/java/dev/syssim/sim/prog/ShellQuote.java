package dev.syssim.sim.prog;

/**
 * Quoting a byte string for reuse as shell input, as the three printfs' {@code %q} do, and as
 * coreutils quotes a file name in its messages ({@code quote()}: ‘name’ in a UTF-8 locale).
 * bash's rules are lib/sh/strtrans.c and shquote.c; coreutils' are gnulib's quotearg.c.
 */
final class ShellQuote {

    private static final String LEFT = "\u00e2\u0080\u0098";  // ‘ in UTF-8, as a byte string
    private static final String RIGHT = "\u00e2\u0080\u0099"; // ’

    private ShellQuote() {
    }

    // ---- bash -------------------------------------------------------------------------------

    /** bash's {@code printf %q}: {@code ''}, {@code $'...'} for non-printable text, else backslashes. */
    static String bash(String s) {
        if (s.isEmpty()) return "''";
        if (bashShouldQuote(s)) return ansiC(s);
        return backslash(s);
    }

    /** bash's {@code is_basic}: the portable characters (not $ @ `) and \t \v \f. */
    private static boolean basic(char c) {
        if (c == '\t' || c == 0x0B || c == '\f') return true;
        return c >= ' ' && c <= '~' && c != '$' && c != '@' && c != '`';
    }

    private static boolean printableAscii(char c) {
        return c >= ' ' && c < 127;
    }

    private static boolean bashShouldQuote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!basic(c)) return restNotPrintable(s, i);
            if (!printableAscii(c)) return true;
        }
        return false;
    }

    /** {@code ansic_wshouldquote}: the rest is invalid UTF-8 or holds a non-printable character. */
    private static boolean restNotPrintable(String s, int from) {
        for (int i = from; i < s.length(); ) {
            int length = Utf8.sequenceLength(s, i);
            if (length < 0) return true;
            if (!CharClass.PRINT.hasCodePoint(Utf8.decode(s, i, length))) return true;
            i += length;
        }
        return false;
    }

    /** bash's {@code ansic_quote}: {@code $'...'} with C escapes and octal for other non-printables. */
    private static String ansiC(String s) {
        StringBuilder out = new StringBuilder("$'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char escape = switch (c) {
                case 0x1B -> 'E';
                case 0x07 -> 'a';
                case 0x0B -> 'v';
                case '\b' -> 'b';
                case '\f' -> 'f';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                case '\\', '\'' -> c;
                default -> 0;
            };
            if (escape != 0) {
                out.append('\\').append(escape);
                continue;
            }
            if (basic(c)) {
                if (printableAscii(c)) out.append(c);
                else octal(out, c);
                continue;
            }
            int length = Utf8.sequenceLength(s, i);
            if (length < 0 || !CharClass.PRINT.hasCodePoint(Utf8.decode(s, i, length))) {
                octal(out, c);
            } else {
                out.append(s, i, i + length);
                i += length - 1;
            }
        }
        return out.append('\'').toString();
    }

    private static void octal(StringBuilder out, char c) {
        out.append('\\').append((char) ('0' + (c >> 6 & 7))).append((char) ('0' + (c >> 3 & 7)))
                .append((char) ('0' + (c & 7)));
    }

    /** bash's {@code sh_backslash_quote} with flags 3: shell metacharacters, a leading # or ~, blanks. */
    private static String backslash(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) { // a UTF-8 character is copied whole
                out.append(c);
                continue;
            }
            boolean quote = " \t\n!\"$&'()*,;<>?[\\]^`{|}".indexOf(c) >= 0
                    || (c == '#' && i == 0)
                    || (c == '~' && (i == 0 || s.charAt(i - 1) == ':' || s.charAt(i - 1) == '='));
            if (quote) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    // ---- gnulib quotearg -----------------------------------------------------------------------

    /** coreutils' {@code printf %q}: gnulib's shell-escape quoting style. */
    static String shellEscape(String s) {
        return quotearg(s, true, true);
    }

    /** coreutils' {@code quote(s)} in messages: ‘s’, with C escapes for what needs them. */
    static String locale(String s) {
        StringBuilder out = new StringBuilder(LEFT);
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith(RIGHT, i)) out.append('\\');
            char c = s.charAt(i);
            char esc = switch (c) {
                case 0x07 -> 'a';
                case '\b' -> 'b';
                case '\f' -> 'f';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                case 0x0B -> 'v';
                case '\\' -> '\\';
                default -> 0;
            };
            if (esc != 0) {
                out.append('\\').append(esc);
            } else if (c < 0x80) {
                if (c >= ' ' && c < 127) out.append(c);
                else octal(out, c);
            } else {
                int length = Utf8.sequenceLength(s, i);
                if (length > 0 && CharClass.PRINT.hasCodePoint(Utf8.decode(s, i, length))) {
                    out.append(s, i, i + length);
                    i += length - 1;
                } else {
                    octal(out, c);
                }
            }
        }
        return out.append(RIGHT).toString();
    }

    /**
     * gnulib's {@code quotearg_buffer_restyled} for the shell-escape styles, ported with its state:
     * with {@code elide} the outer quotes are left off while nothing needs them, and anything
     * special restarts with them ({@code force_outer_quoting_style}); inside, non-printable bytes
     * become {@code '$'\ooo''}. A string with single quotes first gets a scan without writing; if
     * it needs escapes the scan restarts, keeping the scan's {@code pending_shell_escape_end}
     * (which is why {@code it's} and a newline come out with three quotes in front), else it is
     * double-quoted.
     */
    private static String quotearg(String arg, boolean escapes, boolean elide) {
        return new Quoter(arg, elide).run();
    }

    /** One run of gnulib's quoting over a string, with its flags. */
    private static final class Quoter {
        private final String arg;
        private final boolean elide;
        private final StringBuilder out = new StringBuilder();
        private boolean writing = true;
        private boolean scanOnly;
        private boolean pendingEnd;
        private boolean singleQuote;
        private boolean allCompatible = true;
        private boolean escaping;

        Quoter(String arg, boolean elide) {
            this.arg = arg;
            this.elide = elide;
        }

        private void store(char c) {
            if (writing) out.append(c);
        }

        private void store(String s) {
            if (writing) out.append(s);
        }

        /** gnulib's START_ESC; false when the outer quotes must be forced instead. */
        private boolean startEscape() {
            if (elide) return false;
            escaping = true;
            if (!pendingEnd) {
                store("'$'");
                pendingEnd = true;
            }
            store('\\');
            return true;
        }

        private void endEscape() {
            if (pendingEnd && !escaping) {
                store("''");
                pendingEnd = false;
            }
        }

        String run() {
            for (;;) {
                out.setLength(0);
                if (!elide) store('\'');
                String result = pass();
                if (result != null) return result;
            }
        }

        /** One pass over the string: the result, or null to run it again writing. */
        private String pass() {
            for (int i = 0; i < arg.length(); i++) {
                char c = arg.charAt(i);
                escaping = false;
                boolean compatible = false;
                boolean escape = false;
                switch (c) {
                    case 0x07, '\b', '\f', 0x0B, '\n', '\r', '\t' -> {
                        if (elide) return quotearg(arg, true, false);
                        c = switch (c) {
                            case 0x07 -> 'a';
                            case '\b' -> 'b';
                            case '\f' -> 'f';
                            case 0x0B -> 'v';
                            case '\n' -> 'n';
                            case '\r' -> 'r';
                            default -> 't';
                        };
                        escape = true;
                    }
                    case '\\' -> {
                        if (elide) return quotearg(arg, true, false);
                    }
                    case '{', '}' -> {
                        if (arg.length() == 1 && elide) return quotearg(arg, true, false);
                    }
                    case '#', '~' -> {
                        if (i == 0 && elide) return quotearg(arg, true, false);
                    }
                    case ' ' -> {
                        compatible = true;
                        if (elide) return quotearg(arg, true, false);
                    }
                    case '!', '"', '$', '&', '(', ')', '*', ';', '<', '=', '>', '[', '^', '`', '|', '?' -> {
                        if (elide) return quotearg(arg, true, false);
                    }
                    case '\'' -> {
                        singleQuote = true;
                        compatible = true;
                        if (elide) return quotearg(arg, true, false);
                        if (writing && !scanOnly) {
                            writing = false; // scan on for a more concise representation
                            scanOnly = true;
                        }
                        store("'\\'");
                        pendingEnd = false;
                    }
                    default -> {
                        if (!plain(c)) {
                            int length = c < 0x80 ? 1 : Utf8.sequenceLength(arg, i);
                            boolean printable = length > 0 && (c < 0x80 ? c >= ' ' && c < 127
                                    : CharClass.PRINT.hasCodePoint(Utf8.decode(arg, i, length)));
                            if (length < 0) length = 1;
                            compatible = printable;
                            if (!printable) {
                                if (!startEscape()) return quotearg(arg, true, false);
                                store((char) ('0' + (c >> 6 & 3)));
                                store((char) ('0' + (c >> 3 & 7)));
                                c = (char) ('0' + (c & 7));
                            } else if (length > 1) {
                                for (int k = 0; k < length - 1; k++) {
                                    endEscape();
                                    store(arg.charAt(i + k));
                                }
                                i += length - 1;
                                c = arg.charAt(i);
                            }
                        } else {
                            compatible = true;
                        }
                    }
                }
                if (escape && !startEscape()) return quotearg(arg, true, false);
                endEscape();
                store(c);
                if (!compatible) allCompatible = false;
            }
            if (out.length() == 0 && elide) return quotearg(arg, true, false);
            if (!elide && singleQuote) {
                if (allCompatible) return cQuote(arg);
                if (!writing) {
                    writing = true; // write for real, keeping pendingEnd from the scan
                    return null;
                }
            }
            if (!elide) store('\'');
            return out.toString();
        }

        private static boolean plain(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "%+,-./:]_".indexOf(c) >= 0;
        }
    }

    /** gnulib's c_quoting_style without outer elision: "..." with \" and \\ escaped. */
    private static String cQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\');
            out.append(c);
        }
        return out.append('"').toString();
    }
}
