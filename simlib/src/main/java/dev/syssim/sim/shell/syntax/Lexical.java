package dev.syssim.sim.shell.syntax;

/** The character classes and small text rules of bash's syntax: names, metacharacters, assignments. */
public final class Lexical {

    private Lexical() {
    }

    /** A shell name: letters, digits and underscores, not starting with a digit. */
    public static boolean isName(String s) {
        if (s.isEmpty() || !isNameStart(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) if (!isNameChar(s.charAt(i))) return false;
        return true;
    }

    public static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Space or tab: what separates words on a line. */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The characters that end an unquoted word. */
    public static boolean isMeta(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')'
                || c == '<' || c == '>';
    }

    /** The special parameters that are one character: {@code $? $# $$ $! $@ $* $- $0}-{@code $9}. */
    public static boolean isSpecialParameter(char c) {
        return c == '?' || c == '#' || c == '$' || c == '!' || c == '@' || c == '*' || c == '-' || isDigit(c);
    }

    /**
     * The variable name of a word written as {@code NAME=...}, {@code NAME+=...} or
     * {@code NAME[...]=...}; null when it is not an assignment.
     */
    public static String assignmentName(String text) {
        int i = 0;
        if (text.isEmpty() || !isNameStart(text.charAt(0))) return null;
        while (i < text.length() && isNameChar(text.charAt(i))) i++;
        String name = text.substring(0, i);
        if (i < text.length() && text.charAt(i) == '[') {
            int close = matchingBracket(text, i);
            if (close < 0) return null;
            i = close + 1;
        }
        if (i < text.length() && text.charAt(i) == '=') return name;
        if (i + 1 < text.length() && text.charAt(i) == '+' && text.charAt(i + 1) == '=') return name;
        return null;
    }

    /** The index of the {@code ]} that closes the {@code [} at {@code open}, counting nesting; -1 if none. */
    public static int matchingBracket(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (--depth == 0) return i;
            }
        }
        return -1;
    }
}
