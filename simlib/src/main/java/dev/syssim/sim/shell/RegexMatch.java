package dev.syssim.sim.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code [[ string =~ regex ]]}: a POSIX extended regular expression, searched for anywhere in the
 * string; on a match BASH_REMATCH holds the whole match and each group. Status 2 when the regular
 * expression is invalid. The expression is translated to java.util.regex (POSIX bracket classes,
 * and nothing Java would read as its own syntax); where POSIX's leftmost-longest rule and Java's
 * leftmost-first one pick different alternatives, the group contents can differ.
 */
final class RegexMatch {

    private RegexMatch() {
    }

    static int match(Shell sh, String string, String regex) {
        Pattern p;
        try {
            int flags = sh.st.options.nocasematch ? Pattern.CASE_INSENSITIVE : 0;
            p = Pattern.compile(translate(regex), flags);
        } catch (IllegalArgumentException e) {
            return 2;
        }
        Matcher m = p.matcher(string);
        if (!m.find()) {
            Assign.array(sh, "BASH_REMATCH", java.util.List.of(), false, false);
            return 1;
        }
        java.util.List<Assign.Element> groups = new java.util.ArrayList<>();
        for (int i = 0; i <= m.groupCount(); i++) groups.add(new Assign.Element(null, false, m.group(i) == null ? "" : m.group(i)));
        Variable v = sh.st.vars.find("BASH_REMATCH");
        if (v != null && v.has(Variable.READONLY)) return 0;
        Assign.array(sh, "BASH_REMATCH", groups, false, false);
        return 0;
    }

    /** An ERE as a java.util.regex pattern. */
    static String translate(String ere) {
        StringBuilder out = new StringBuilder();
        int n = ere.length();
        for (int i = 0; i < n; i++) {
            char c = ere.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char d = ere.charAt(++i);
                if (Character.isLetterOrDigit(d) && "wWsSbB<>".indexOf(d) < 0 && !Character.isDigit(d)) {
                    out.append(Pattern.quote(String.valueOf(d)));
                } else if (d == '<' || d == '>') {
                    out.append("\\b");
                } else {
                    out.append('\\').append(d);
                }
                continue;
            }
            if (c == '[') {
                int end = bracketEnd(ere, i);
                if (end < 0) {
                    out.append("\\[");
                    continue;
                }
                out.append(bracket(ere.substring(i + 1, end)));
                i = end;
                continue;
            }
            if (c == '{' && !(i + 1 < n && Character.isDigit(ere.charAt(i + 1)))) {
                out.append("\\{");
                continue;
            }
            if (c == '}' && !out.toString().matches("(?s).*\\{[0-9,]*$")) {
                out.append("\\}");
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static int bracketEnd(String s, int open) {
        int i = open + 1;
        if (i < s.length() && s.charAt(i) == '^') i++;
        if (i < s.length() && s.charAt(i) == ']') i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '[' && i + 1 < s.length() && (s.charAt(i + 1) == ':' || s.charAt(i + 1) == '.' || s.charAt(i + 1) == '=')) {
                int close = s.indexOf(s.charAt(i + 1) + "]", i + 2);
                if (close < 0) return -1;
                i = close + 2;
                continue;
            }
            if (c == ']') return i;
            i++;
        }
        return -1;
    }

    private static String bracket(String body) {
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        if (body.startsWith("^")) {
            out.append('^');
            i = 1;
        }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '[' && i + 1 < body.length() && body.charAt(i + 1) == ':') {
                int close = body.indexOf(":]", i + 2);
                String name = body.substring(i + 2, close);
                out.append(switch (name) {
                    case "alpha" -> "\\p{Alpha}";
                    case "digit" -> "0-9";
                    case "alnum" -> "\\p{Alnum}";
                    case "upper" -> "\\p{Upper}";
                    case "lower" -> "\\p{Lower}";
                    case "space" -> "\\s\\x0B";
                    case "blank" -> " \\t";
                    case "punct" -> "\\p{Punct}";
                    case "print" -> "\\p{Print}";
                    case "graph" -> "\\p{Graph}";
                    case "cntrl" -> "\\p{Cntrl}";
                    case "xdigit" -> "0-9A-Fa-f";
                    default -> "";
                });
                i = close + 1;
                continue;
            }
            if (c == '[' || c == '\\' || c == '&' || c == '~') out.append('\\');
            out.append(c);
        }
        return out.append(']').toString();
    }
}
