package dev.syssim.sim.prog.tools.editors.awk;

import dev.syssim.sim.prog.Regex;
import java.util.ArrayList;
import java.util.List;

/**
 * A regular expression of an awk program: gawk's escapes done first (its make_regexp: {@code \/},
 * {@code \n}, octal and hex escapes become characters, {@code \y} becomes {@code \b}, an unknown
 * escape warns), then compiled with glibc's gawk syntax bits by the shared {@link Regex} engine,
 * which matches leftmost-longest as gawk's does. Subjects are awk strings (one char per byte).
 */
final class AwkRegex {

    /**
     * A compile error: glibc's message and the regex's text as gawk quotes it — cut to the length
     * of the translated pattern, as gawk's {@code %.*s} does ({@code /^[\300/} for {@code /^[\300-\337]/}).
     */
    record Invalid(String message, String source) {
    }

    private final Regex regex;
    final String source;

    private AwkRegex(Regex regex, String source) {
        this.regex = regex;
        this.source = source;
    }

    /** Compiles; {@code warnings} collects gawk's escape warnings; the result is an AwkRegex or an Invalid. */
    static Object compile(String source, boolean utf8, boolean ignoreCase, List<String> warnings) {
        String translated = translate(source, warnings);
        int flags = (utf8 ? Regex.UTF8 : 0) | (ignoreCase ? Regex.ICASE : 0);
        Regex.Result r = Regex.compile(Bytes.bytes(translated), Regex.Dialect.AWK, flags);
        if (r instanceof Regex.Valid v) return new AwkRegex(v.regex(), source);
        String shown = source.substring(0, Math.min(source.length(), translated.length()));
        return new Invalid(((Regex.Invalid) r).message(), shown);
    }

    private static final String OK_TO_ESCAPE = "<>`'BywWsS{}()|*+?.^$\\[]/-";

    /** gawk's make_regexp escape pass. */
    static String translate(String s, List<String> warnings) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                b.append('\\');
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v':
                case 'x': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                    int[] end = {i + 1};
                    int v = escapeValue(s, end, warnings);
                    b.append((char) v);
                    i = end[0];
                    break;
                }
                case '8':
                case '9':
                    b.append(e);
                    i += 2;
                    warnOnce(warnings, "regexp escape sequence `\\" + e + "' treated as plain `" + e + "'");
                    break;
                case 'y':
                    b.append("\\b");
                    i += 2;
                    break;
                default:
                    if (OK_TO_ESCAPE.indexOf(e) < 0) {
                        warnOnce(warnings, "regexp escape sequence `\\" + e + "' is not a known regexp operator");
                    }
                    b.append('\\').append(e);
                    i += 2;
                    break;
            }
        }
        return b.toString();
    }

    private static void warnOnce(List<String> warnings, String w) {
        if (warnings != null && !warnings.contains(w)) warnings.add(w);
    }

    /** Which regex escape warnings were given already: gawk gives each one once per run. */
    static final class Warned {
        private final java.util.Set<String> given = new java.util.HashSet<>();

        /** Whether {@code w} is new (and now given). */
        boolean first(String w) {
            return given.add(w);
        }
    }

    /** parse_escape at end[0] (the letter after the backslash); moves end[0] past the escape. */
    private static int escapeValue(String s, int[] end, List<String> warnings) {
        int i = end[0];
        char c = s.charAt(i++);
        int v;
        switch (c) {
            case 'a': v = 7; break;
            case 'b': v = 8; break;
            case 'f': v = 12; break;
            case 'n': v = 10; break;
            case 'r': v = 13; break;
            case 't': v = 9; break;
            case 'v': v = 11; break;
            case 'x': {
                if (i >= s.length() || Character.digit(s.charAt(i), 16) < 0) {
                    warnOnce(warnings, "no hex digits in `\\x' escape sequence");
                    v = 'x';
                    break;
                }
                v = 0;
                for (int j = 0; j < 2 && i < s.length() && Character.digit(s.charAt(i), 16) >= 0; j++) {
                    v = v * 16 + Character.digit(s.charAt(i++), 16);
                }
                break;
            }
            default: {
                v = c - '0';
                for (int count = 1; count < 3 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; count++) {
                    v = v * 8 + (s.charAt(i++) - '0');
                }
                v &= 0xff;
            }
        }
        end[0] = i;
        return v;
    }

    /** The leftmost-longest match in {@code subject} at or after {@code from}: {start, end}, or null. */
    int[] search(byte[] subject, int from, boolean notBol) {
        Regex.Match m = regex.search(subject, 0, subject.length, from, notBol, false, false);
        return m == null ? null : new int[] {m.start(), m.end()};
    }

    /** The match and its groups: {start0, end0, start1, end1 ...} (-1 for a group that took no part), or null. */
    int[] searchGroups(byte[] subject, int from) {
        Regex.Match m = regex.search(subject, 0, subject.length, from, false, false, true);
        if (m == null) return null;
        int[] regs = new int[2 * (m.groups() + 1)];
        for (int g = 0; g <= m.groups(); g++) {
            regs[2 * g] = m.start(g);
            regs[2 * g + 1] = m.end(g);
        }
        return regs;
    }

    /** The same within {@code text[start, end)}, which is the whole subject ({@code ^} matches at start). */
    int[] search(byte[] text, int start, int end, int from, boolean notBol) {
        Regex.Match m = regex.search(text, start, end, from, notBol, false, false);
        return m == null ? null : new int[] {m.start(), m.end()};
    }

    int[] search(String subject, int from) {
        return search(Bytes.bytes(subject), from, false);
    }

    /** Whether {@code subject} holds a match anywhere. */
    boolean matches(String subject) {
        return regex.find(Bytes.bytes(subject));
    }

    static List<String> newWarnings() {
        return new ArrayList<>();
    }
}
