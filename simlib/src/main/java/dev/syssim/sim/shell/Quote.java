package dev.syssim.sim.shell;

/**
 * The ways bash writes a string back as shell input: single quotes for {@code ${x@Q}} and
 * {@code set -x} (with {@code $'...'} when control characters are in it), double quotes for
 * {@code declare -p}, and backslashes for {@code printf %q}.
 */
final class Quote {

    private Quote() {
    }

    /** {@code ${x@Q}}: {@code 'a b'}, {@code 'it'\''s'}, or {@code $'a\tb'} when it holds control characters. */
    static String single(String s) {
        if (needsAnsiC(s)) return ansiC(s);
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * What set -x (and {@code set}'s listing) prints for a word: as it is, unless it holds a shell
     * metacharacter (then single-quoted) or another control character (then {@code $'...'}), as
     * bash's xtrace_print_word_list decides.
     */
    static String xtrace(String s) {
        if (s.isEmpty()) return "''";
        if (containsShellMetas(s)) return "'" + s.replace("'", "'\\''") + "'";
        if (needsAnsiC(s)) return ansiC(s);
        return s;
    }

    /** bash's sh_contains_shell_metas. */
    static boolean containsShellMetas(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ' ', '\t', '\n', '\'', '"', '\\', '|', '&', ';', '(', ')', '<', '>', '!', '{', '}', '*', '[', '?', ']', '^', '$', '`':
                    return true;
                case '~':
                    if (i == 0 || s.charAt(i - 1) == '=' || s.charAt(i - 1) == ':') return true;
                    break;
                case '#':
                    if (i == 0) return true;
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    private static boolean needsAnsiC(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != 0 || c == 0x7f) return true;
        }
        return false;
    }

    /** {@code $'...'} with C escapes for control characters. */
    static String ansiC(String s) {
        StringBuilder out = new StringBuilder("$'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\007' -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\013' -> out.append("\\v");
                case '\033' -> out.append("\\E");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                default -> {
                    if (c < 0x20 || c == 0x7f) out.append(String.format("\\%03o", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('\'').toString();
    }

    /** {@code declare -p}'s value: {@code "a \"b\" \$c"}. */
    static String dq(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '$' || c == '`') out.append('\\');
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** An associative array's key as declare prints it: as it is when plain, else double-quoted. */
    static String keyText(String key) {
        if (!key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.' || c == '-' || c == '/')) {
            return key;
        }
        return dq(key);
    }

    /** {@code declare -p}'s value: double quotes, or {@code $'...'} when it holds control characters. */
    static String declare(String s) {
        if (needsAnsiC(s)) return ansiC(s);
        return dq(s);
    }

    /** bash's {@code printf %q} and {@code ${x@Q}}-free backslash quoting: {@code a\ b}, {@code ''} for empty. */
    static String backslash(String s) {
        if (s.isEmpty()) return "''";
        if (needsAnsiC(s)) return ansiC(s);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (" \t\n'\"\\|&;()<>$`*?[]#~=%{}!,^".indexOf(c) >= 0 || (i == 0 && c == '~')) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
