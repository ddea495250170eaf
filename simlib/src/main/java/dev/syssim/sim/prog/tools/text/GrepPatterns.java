package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.prog.Regex;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * grep's PATTERNS compiled, and the matching rules of {@code -w} and {@code -x} on top of them.
 * Patterns without back-references are joined into one expression (newline is grep's alternation),
 * as GNU grep hands them to one DFA; each pattern with back-references keeps its own, since its
 * {@code \1} refers to its own groups. {@code -F} strings become basic expressions with every
 * special character escaped.
 */
final class GrepPatterns {

    private final List<Regex> regexes;
    private final List<Regex> located;
    private final boolean words;
    private final boolean lines;
    private final boolean utf8;
    private final GrepPerl perl;

    /**
     * {@code regexes} select lines (read as dfa.c reads them), {@code located} find the matches that
     * -o and --color show (read as glibc reads them); the two differ only in rare patterns.
     */
    GrepPatterns(List<Regex> regexes, List<Regex> located, boolean words, boolean lines, boolean utf8) {
        this(regexes, located, words, lines, utf8, null);
    }

    private GrepPatterns(List<Regex> regexes, List<Regex> located, boolean words, boolean lines, boolean utf8, GrepPerl perl) {
        this.regexes = regexes;
        this.located = located;
        this.words = words;
        this.lines = lines;
        this.utf8 = utf8;
        this.perl = perl;
    }

    /** -P's one pattern (its -w and -x are part of it). */
    static GrepPatterns perl(GrepPerl perl, boolean utf8) {
        return new GrepPatterns(List.of(), List.of(), false, false, utf8, perl);
    }

    /** A fixed string as a basic regular expression that matches exactly it. */
    static byte[] escapeFixed(byte[] s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : s) {
            if (b == '\\' || b == '[' || b == '.' || b == '*' || b == '^' || b == '$') out.write('\\');
            out.write(b);
        }
        return out.toByteArray();
    }

    /** Whether the line {@code buf[s, e)} is selected by any pattern (before -v). */
    boolean matches(byte[] buf, int s, int e) {
        if (perl != null) return perl.search(buf, s, e, s) != null;
        if (!words && !lines) {
            for (Regex re : regexes) if (re.find(buf, s, e)) return true;
            return false;
        }
        return next(regexes, buf, s, e, s) != null;
    }

    /**
     * The next match in the line {@code buf[s, e)} at or after {@code from} that the rules accept:
     * the leftmost, then longest, over all patterns; null when there is none.
     */
    int[] next(byte[] buf, int s, int e, int from) {
        if (perl != null) return perl.search(buf, s, e, from);
        return next(located, buf, s, e, from);
    }

    private int[] next(List<Regex> list, byte[] buf, int s, int e, int from) {
        int[] best = null;
        for (Regex re : list) {
            int[] m = lines ? wholeLine(re, buf, s, e, from) : words ? word(re, buf, s, e, from) : plain(re, buf, s, e, from);
            if (m != null && (best == null || m[0] < best[0] || m[0] == best[0] && m[1] > best[1])) best = m;
        }
        return best;
    }

    private static int[] plain(Regex re, byte[] buf, int s, int e, int from) {
        Regex.Match m = re.search(buf, s, e, from, false, false, false);
        return m == null ? null : new int[] {m.start(), m.end()};
    }

    private static int[] wholeLine(Regex re, byte[] buf, int s, int e, int from) {
        if (from != s) return null;
        Regex.Match m = re.search(buf, s, e, s, false, false, false);
        return m != null && m.start() == s && m.end() == e ? new int[] {s, e} : null;
    }

    /**
     * GNU grep's -w: a match counts when no word character touches either end. If one does, a
     * shorter match from the same start is tried (the pattern anchored there, the line cut short and
     * its end no line end), then the search goes on one character further.
     */
    private int[] word(Regex re, byte[] buf, int s, int e, int from) {
        Regex.Match m = re.search(buf, s, e, from, false, false, false);
        while (m != null) {
            int start = m.start();
            int len = m.end() - start;
            while (true) {
                if (!wordBefore(buf, s, start) && !wordAt(buf, start + len, e)) return new int[] {start, start + len};
                int shorter = 0;
                if (len > 0) {
                    len--;
                    Regex.Match sm = re.search(buf, s, start + len, start, false, true, false);
                    if (sm != null && sm.start() == start) shorter = sm.end() - start;
                }
                if (shorter > 0) {
                    len = shorter;
                } else {
                    break;
                }
            }
            int after = start + Math.max(1, charLength(buf, start, e));
            if (after > e) return null;
            m = re.search(buf, s, e, after, false, false, false);
        }
        return null;
    }

    private int charLength(byte[] buf, int at, int e) {
        if (!utf8 || at >= e || (buf[at] & 0x80) == 0) return 1;
        int b0 = buf[at] & 0xff;
        int n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
        return Math.min(n, e - at);
    }

    private boolean wordBefore(byte[] buf, int s, int at) {
        if (at <= s) return false;
        int back = 1;
        while (utf8 && back < 4 && at - back > s && (buf[at - back] & 0xC0) == 0x80) back++;
        return isWord(buf, at - back, at);
    }

    private boolean wordAt(byte[] buf, int at, int e) {
        if (at >= e) return false;
        return isWord(buf, at, Math.min(e, at + charLength(buf, at, e)));
    }

    private boolean isWord(byte[] buf, int from, int to) {
        if (to - from == 1) {
            int b = buf[from] & 0xff;
            return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
        }
        if (!utf8) return false;
        String ch = new String(buf, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
        int cp = ch.codePointAt(0);
        return ch.length() == Character.charCount(cp) && cp != 0xFFFD && dev.syssim.sim.prog.regex.CharClass.word(cp, true);
    }

    /** Splits pattern text into grep's patterns: one per line. */
    static List<byte[]> lines(byte[] text) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length; i++) {
            if (i == text.length || text[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(text, start, i));
                start = i + 1;
            }
        }
        return out;
    }
}
