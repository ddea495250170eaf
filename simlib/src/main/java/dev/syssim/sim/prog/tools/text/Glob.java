package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.prog.Regex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A shell wildcard pattern for grep's --include and --exclude, as fnmatch(3) without flags matches
 * it ({@code *} and {@code ?} also match a slash), turned into an anchored basic regular expression.
 */
final class Glob {

    private Glob() {
    }

    static Regex compile(String glob) {
        ByteArrayOutputStream re = new ByteArrayOutputStream();
        re.write('^');
        byte[] g = glob.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < g.length; i++) {
            byte b = g[i];
            if (b == '*') {
                re.writeBytes(new byte[] {'.', '*'});
            } else if (b == '?') {
                re.write('.');
            } else if (b == '[' && bracketEnd(g, i) > 0) {
                int end = bracketEnd(g, i);
                re.write('[');
                int j = i + 1;
                if (g[j] == '!' || g[j] == '^') {
                    re.write('^');
                    j++;
                }
                for (; j <= end; j++) re.write(g[j]);
                i = end;
            } else if (b == '\\' && i + 1 < g.length) {
                escaped(re, g[++i]);
            } else {
                escaped(re, b);
            }
        }
        re.write('$');
        Regex.Result r = Regex.compile(re.toByteArray(), Regex.Dialect.GREP_BASIC, Regex.UTF8);
        if (r instanceof Regex.Valid v) return v.regex();
        return ((Regex.Valid) Regex.compile("^" + new String(GrepPatterns.escapeFixed(g), StandardCharsets.UTF_8) + "$",
                Regex.Dialect.GREP_BASIC, Regex.UTF8)).regex();
    }

    private static void escaped(ByteArrayOutputStream re, byte b) {
        if (b == '.' || b == '[' || b == '\\' || b == '*' || b == '^' || b == '$') re.write('\\');
        re.write(b);
    }

    /** Where the bracket expression opened at {@code start} closes, or -1 when it does not. */
    private static int bracketEnd(byte[] g, int start) {
        int j = start + 1;
        if (j < g.length && (g[j] == '!' || g[j] == '^')) j++;
        if (j < g.length && g[j] == ']') j++;
        for (; j < g.length; j++) if (g[j] == ']') return j;
        return -1;
    }
}
