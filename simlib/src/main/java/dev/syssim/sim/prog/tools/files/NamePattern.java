package dev.syssim.sim.prog.tools.files;

/**
 * fnmatch(3) as find's {@code -name}, {@code -path} and tar's {@code --exclude} call it: {@code *},
 * {@code ?}, bracket expressions with ranges, {@code !} or {@code ^} negation and character classes
 * ({@code [[:digit:]]}), and backslash escapes. Without FNM_PATHNAME and FNM_PERIOD, as those tools
 * use it, {@code *} matches a slash and a leading dot too; {@code casefold} is FNM_CASEFOLD ({@code
 * -iname}). Not the shell's globbing (which the shell does itself, with its own rules).
 */
public final class NamePattern {

    private NamePattern() {
    }

    public static boolean matches(String pattern, String text, boolean casefold) {
        String p = casefold ? pattern.toLowerCase(java.util.Locale.ROOT) : pattern;
        String t = casefold ? text.toLowerCase(java.util.Locale.ROOT) : text;
        return match(p, 0, t, 0);
    }

    /** Iterative matcher with backtracking to the last star (no recursion on the text's length). */
    private static boolean match(String p, int pi, String t, int ti) {
        int starP = -1;
        int starT = -1;
        while (ti < t.length()) {
            if (pi < p.length()) {
                char c = p.charAt(pi);
                if (c == '*') {
                    while (pi < p.length() && p.charAt(pi) == '*') pi++;
                    starP = pi;
                    starT = ti;
                    continue;
                }
                int consumed = single(p, pi, t.charAt(ti));
                if (consumed > 0) {
                    pi += consumed;
                    ti++;
                    continue;
                }
            }
            if (starP < 0) return false;
            pi = starP;
            ti = ++starT;
        }
        while (pi < p.length() && p.charAt(pi) == '*') pi++;
        return pi == p.length();
    }

    /** How many pattern characters one text character {@code ch} matches at {@code pi}, or 0 for no match. */
    private static int single(String p, int pi, char ch) {
        char c = p.charAt(pi);
        if (c == '?') return 1;
        if (c == '\\' && pi + 1 < p.length()) return p.charAt(pi + 1) == ch ? 2 : 0;
        if (c == '[') {
            int end = bracketEnd(p, pi);
            if (end < 0) return c == ch ? 1 : 0;
            return inBracket(p, pi + 1, end, ch) ? end - pi + 1 : 0;
        }
        return c == ch ? 1 : 0;
    }

    /** The index of the ']' closing the bracket expression at {@code start}, or -1 if it is a plain '['. */
    private static int bracketEnd(String p, int start) {
        int i = start + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) i++;
        if (i < p.length() && p.charAt(i) == ']') i++;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                if (close < 0) return -1;
                i = close + 2;
                continue;
            }
            if (c == '\\' && i + 1 < p.length()) {
                i += 2;
                continue;
            }
            if (c == ']') return i;
            i++;
        }
        return -1;
    }

    private static boolean inBracket(String p, int from, int end, char ch) {
        int i = from;
        boolean negate = false;
        if (p.charAt(i) == '!' || p.charAt(i) == '^') {
            negate = true;
            i++;
        }
        boolean found = false;
        while (i < end) {
            char c = p.charAt(i);
            if (c == '[' && i + 1 < end && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                found |= inClass(p.substring(i + 2, close), ch);
                i = close + 2;
                continue;
            }
            if (c == '\\' && i + 1 < end) {
                c = p.charAt(++i);
            }
            char low = c;
            char high = c;
            if (i + 2 < end && p.charAt(i + 1) == '-') {
                high = p.charAt(i + 2);
                if (high == '\\' && i + 3 < end) {
                    high = p.charAt(i + 3);
                    i++;
                }
                i += 2;
            }
            if (ch >= low && ch <= high) found = true;
            i++;
        }
        return found != negate;
    }

    private static boolean inClass(String name, char ch) {
        return switch (name) {
            case "alpha" -> Character.isLetter(ch) && ch < 128;
            case "digit" -> ch >= '0' && ch <= '9';
            case "alnum" -> (Character.isLetterOrDigit(ch)) && ch < 128;
            case "upper" -> ch >= 'A' && ch <= 'Z';
            case "lower" -> ch >= 'a' && ch <= 'z';
            case "space" -> ch == ' ' || (ch >= 9 && ch <= 13);
            case "blank" -> ch == ' ' || ch == '\t';
            case "punct" -> ch > 32 && ch < 127 && !Character.isLetterOrDigit(ch);
            case "print" -> ch >= 32 && ch < 127;
            case "graph" -> ch > 32 && ch < 127;
            case "cntrl" -> ch < 32 || ch == 127;
            case "xdigit" -> Character.digit(ch, 16) >= 0 && ch < 128;
            default -> false;
        };
    }
}
