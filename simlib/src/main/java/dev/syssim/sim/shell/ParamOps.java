package dev.syssim.sim.shell;

import dev.syssim.sim.prog.Fnmatch;
import dev.syssim.sim.shell.syntax.AnsiC;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The string work of <code>${...}</code>'s operators, each on one value (an array's elements one by
 * one): removing a matching prefix or suffix, replacing matches, changing case, taking a substring
 * or slice, and the {@code @} transformations. Patterns are bash's ({@link Fnmatch}); positions
 * count characters in a UTF-8 locale.
 */
final class ParamOps {

    private ParamOps() {
    }

    static Parameters.Value each(Parameters.Value v, UnaryOperator<String> f) {
        if (!v.multiple()) return Parameters.Value.of(f.apply(v.single()));
        List<String> out = new ArrayList<>(v.elements().size());
        for (String s : v.elements()) out.add(f.apply(s));
        return Parameters.Value.of(out, v.star());
    }

    private static Fnmatch compile(String pattern, boolean utf8, boolean extglob) {
        return Fnmatch.compile(pattern, extglob ? Fnmatch.EXTMATCH : 0, utf8);
    }

    static String removePrefix(String s, String pattern, boolean longest, boolean utf8, boolean extglob) {
        if (pattern == null || pattern.isEmpty()) return s;
        Fnmatch.Subject subject = compile(pattern, utf8, extglob).subject(s);
        int at = subject.removePrefix(longest);
        return s.substring(subject.offset(at));
    }

    static String removeSuffix(String s, String pattern, boolean longest, boolean utf8, boolean extglob) {
        if (pattern == null || pattern.isEmpty()) return s;
        Fnmatch.Subject subject = compile(pattern, utf8, extglob).subject(s);
        int at = subject.removeSuffix(longest);
        return s.substring(0, subject.offset(at));
    }

    /**
     * {@code ${x/p/r}}, {@code //} ({@code all}), {@code /#} and {@code /%} ({@code anchor}): each
     * match is the longest one at the leftmost place it can start. With {@code patsub_replacement}
     * an unescaped {@code &} in the replacement is the matched text.
     */
    static String replace(String s, String pattern, String replacement, boolean all, char anchor, boolean utf8, boolean extglob,
                          boolean ampersand) {
        if (pattern == null) pattern = "";
        if (pattern.isEmpty() && anchor == '\0') return s;
        Fnmatch.Subject subject = compile(pattern, utf8, extglob).subject(s);
        int n = subject.length();
        if (anchor == '#') {
            for (int j = n; j >= 0; j--) {
                if (subject.matches(0, j)) {
                    return expandReplacement(replacement, s.substring(0, subject.offset(j)), ampersand) + s.substring(subject.offset(j));
                }
            }
            return s;
        }
        if (anchor == '%') {
            for (int i = 0; i <= n; i++) {
                if (subject.matches(i, n)) {
                    return s.substring(0, subject.offset(i)) + expandReplacement(replacement, s.substring(subject.offset(i)), ampersand);
                }
            }
            return s;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean replaced = false;
        while (i <= n) {
            int end = -1;
            if (!replaced || all) {
                for (int j = n; j >= i; j--) {
                    if (subject.matches(i, j)) {
                        end = j;
                        break;
                    }
                }
            }
            if (end < 0 || (end == i && pattern.isEmpty())) {
                if (i < n) out.append(s, subject.offset(i), subject.offset(i + 1));
                i++;
                continue;
            }
            out.append(expandReplacement(replacement, s.substring(subject.offset(i), subject.offset(end)), ampersand));
            replaced = true;
            if (end == i) {
                if (i < n) out.append(s, subject.offset(i), subject.offset(i + 1));
                i++;
            } else {
                i = end;
            }
            if (!all) {
                if (i <= n) out.append(s.substring(subject.offset(Math.min(i, n))));
                return out.toString();
            }
        }
        return out.toString();
    }

    /** The replacement with {@code &} standing for the match, {@code \&} for an ampersand, {@code \\} for a backslash. */
    private static String expandReplacement(String replacement, String match, boolean ampersand) {
        if (replacement.indexOf('\\') < 0 && (replacement.indexOf('&') < 0 || !ampersand)) return replacement;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\' && i + 1 < replacement.length() && (replacement.charAt(i + 1) == '&' || replacement.charAt(i + 1) == '\\')) {
                out.append(replacement.charAt(++i));
            } else if (c == '&' && ampersand) {
                out.append(match);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code ${x^}}, {@code ^^}, {@code ,}, {@code ,,}: characters matching the pattern (default: any) change case. */
    static String changeCase(String s, String pattern, boolean upper, boolean all, boolean utf8, boolean extglob) {
        Fnmatch p = pattern == null || pattern.isEmpty() ? null : compile(pattern, utf8, extglob);
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean first = true;
        while (i < s.length()) {
            int next = Bytes.nextChar(s, i, utf8);
            String ch = s.substring(i, next);
            if ((all || first) && (p == null || p.matches(ch))) out.append(changeChar(ch, upper, utf8));
            else out.append(ch);
            first = false;
            i = next;
        }
        return out.toString();
    }

    /** {@code ${x~}} and {@code ~~} (bash's undocumented toggle): matching characters swap case. */
    static String toggleCase(String s, String pattern, boolean all, boolean utf8, boolean extglob) {
        Fnmatch p = pattern == null || pattern.isEmpty() ? null : compile(pattern, utf8, extglob);
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean first = true;
        while (i < s.length()) {
            int next = Bytes.nextChar(s, i, utf8);
            String ch = s.substring(i, next);
            if ((all || first) && (p == null || p.matches(ch))) {
                String upper = changeChar(ch, true, utf8);
                out.append(upper.equals(ch) ? changeChar(ch, false, utf8) : upper);
            } else {
                out.append(ch);
            }
            first = false;
            i = next;
        }
        return out.toString();
    }

    static String changeChar(String ch, boolean upper, boolean utf8) {
        String text = utf8 ? Bytes.toJava(ch) : ch;
        if (!utf8 && ch.charAt(0) >= 0x80) return ch;
        String changed = upper ? text.toUpperCase(java.util.Locale.ROOT) : text.toLowerCase(java.util.Locale.ROOT);
        if (changed.length() != text.length()) return ch;
        return utf8 ? Bytes.fromJava(changed) : changed;
    }

    /**
     * {@code ${x:offset:length}}: characters of a string; of {@code $@} or an array, elements (for
     * {@code $@}, offset 0 is {@code $0}). A negative offset counts from the end; a negative length
     * is an end position from the end. Null after bash's message when length ends before offset.
     */
    static Object substring(Shell sh, String name, Parameters.Value base, boolean wholeArray, long offset, Long length) {
        boolean positional = name.equals("@") || name.equals("*");
        if (positional || wholeArray) {
            List<String> all = new ArrayList<>();
            if (positional) {
                all.add(sh.st.name);
                all.addAll(sh.st.positional);
            } else {
                Variable v = sh.st.vars.find(name);
                if (v != null && v.isArray()) {
                    // slices of a sparse array count indexes, not positions
                    long start = offset < 0 ? v.maxIndex() + 1 + offset : offset;
                    List<String> out = new ArrayList<>();
                    if (start < 0) return Parameters.Value.of(out, base != null && base.star());
                    for (var e : v.indexed.tailMap(start, true).entrySet()) {
                        if (length != null && out.size() >= length) break;
                        out.add(e.getValue());
                    }
                    if (length != null && length < 0) {
                        sh.error(length + ": substring expression < 0");
                        return null;
                    }
                    return Parameters.Value.of(out, base != null && base.star());
                }
                if (base != null) all.addAll(base.multiple() ? base.elements() : List.of(base.single()));
            }
            int n = all.size();
            long start = positional ? offset : offset;
            if (start < 0) start += n;
            if (start < 0 || start > n) return Parameters.Value.of(List.of(), base != null && base.star());
            long end = n;
            if (length != null) {
                if (length < 0) {
                    sh.error(length + ": substring expression < 0");
                    return null;
                }
                end = Math.min(n, start + length);
            }
            boolean star = base != null && base.star() || name.equals("*");
            return Parameters.Value.of(new ArrayList<>(all.subList((int) start, (int) Math.max(start, end))), star);
        }
        String s = base == null ? "" : base.joined();
        boolean utf8 = sh.utf8();
        int[] starts = Bytes.charStarts(s, utf8);
        int n = starts.length - 1;
        long start = offset < 0 ? n + offset : offset;
        if (start < 0 || start > n) return Parameters.Value.of("");
        long end = n;
        if (length != null) {
            end = length < 0 ? n + length : start + length;
            if (end < start) {
                if (length < 0) {
                    sh.error(length + ": substring expression < 0");
                    return null;
                }
                end = start;
            }
            end = Math.min(end, n);
        }
        return Parameters.Value.of(s.substring(starts[(int) start], starts[(int) end]));
    }

    /** The {@code @} transformations: Q, E, P, A, K, k, a, U, u, L. */
    static Parameters.Value transform(Shell sh, char what, String name, String sub, Parameters.Value base) {
        boolean utf8 = sh.utf8();
        Parameters.Value v = base == null ? Parameters.Value.of("") : base;
        switch (what) {
            case 'Q':
                if (base == null) return Parameters.Value.of("");
                return each(v, Quote::single);
            case 'E':
                return each(v, s -> AnsiC.decode(s, utf8));
            case 'P':
                return each(v, s -> Prompt.expand(sh, s));
            case 'U':
                return each(v, s -> changeCase(s, null, true, true, utf8, false));
            case 'u':
                return each(v, s -> changeCase(s, null, true, false, utf8, false));
            case 'L':
                return each(v, s -> changeCase(s, null, false, true, utf8, false));
            case 'a':
                return Parameters.Value.of(Declare.attributeLetters(sh.st.vars.find(name)));
            case 'A':
                return Parameters.Value.of(Declare.assignmentText(sh, name, sub, base));
            case 'K':
            case 'k':
                return keyValues(sh, name, sub, base, what == 'k');
            default:
                return v;
        }
    }

    private static Parameters.Value keyValues(Shell sh, String name, String sub, Parameters.Value base, boolean separate) {
        Variable var = sh.st.vars.find(name);
        boolean whole = sub != null && (sub.equals("@") || sub.equals("*"));
        if (var == null || !(var.isArray() || var.isAssoc()) || !whole) {
            if (base == null) return Parameters.Value.of("");
            return each(base, Quote::single);
        }
        List<String> out = new ArrayList<>();
        List<String> keys = var.keys();
        List<String> values = var.elements();
        for (int i = 0; i < keys.size(); i++) {
            String key = var.isAssoc() ? Quote.keyText(keys.get(i)) : keys.get(i);
            if (separate) {
                out.add(keys.get(i));
                out.add(values.get(i));
            } else {
                out.add(key + " " + Quote.dq(values.get(i)));
            }
        }
        // @K makes ONE word of the pairs, even in "${a[@]@K}" (it is meant for eval or a compound assignment);
        // an associative array's pairs each end in a space, as bash prints them, an indexed array's do not
        if (!separate && !out.isEmpty()) return Parameters.Value.of(var.isAssoc() ? String.join(" ", out) + " " : String.join(" ", out));
        return Parameters.Value.of(out, sub.equals("*"));
    }
}
