package dev.syssim.kernel.protocol;

import java.util.regex.Pattern;

/**
 * Glob patterns as SQLite's GLOB reads them (IPython's history search uses it): {@code *} any run of
 * characters, {@code ?} one character, {@code [abc]} / {@code [^abc]} / {@code [a-z]} a class;
 * matching is case-sensitive and covers the whole input.
 */
final class Glob {

    private Glob() {
    }

    static Pattern toPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[' && classEnd(glob, i) > 0) {
                int end = classEnd(glob, i);
                regex.append(characterClass(glob.substring(i + 1, end)));
                i = end;
            } else {
                literal(regex, c);
            }
            i++;
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Index of the ']' closing the class opened at {@code open}, or -1 when it is a plain '['. */
    private static int classEnd(String glob, int open) {
        int first = open + 1;
        if (first < glob.length() && glob.charAt(first) == '^') first++;
        if (first < glob.length() && glob.charAt(first) == ']') first++; // a leading ']' is a member
        return first < glob.length() ? glob.indexOf(']', first) : -1;
    }

    private static String characterClass(String members) {
        boolean negated = members.startsWith("^");
        String body = negated ? members.substring(1) : members;
        StringBuilder regex = new StringBuilder(negated ? "[^" : "[");
        for (char c : body.toCharArray()) {
            if (c == '-') regex.append(c);
            else literal(regex, c);
        }
        return regex.append(']').toString();
    }

    // In java.util.regex a backslash before any non-letter makes it literal.
    private static void literal(StringBuilder regex, char c) {
        if (!Character.isLetterOrDigit(c)) regex.append('\\');
        regex.append(c);
    }
}
