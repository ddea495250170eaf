package dev.syssim.sim.prog.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of characters from a bracket expression (or {@code \w}, {@code \s}): single characters,
 * ranges (by code point under UTF-8, as glibc's C.UTF-8 collates) and classes, maybe negated.
 * Characters below 256 are decided once when the set is built; others are looked up.
 */
public final class CharSet {

    private final boolean utf8;
    private final List<int[]> ranges = new ArrayList<>();
    private final List<CharClass> classes = new ArrayList<>();
    private final boolean[] low = new boolean[256];
    private boolean negated;
    private boolean ignoreCase;
    private boolean notNewline;

    CharSet(boolean utf8) {
        this.utf8 = utf8;
    }

    void add(int c) {
        ranges.add(new int[] {c, c});
    }

    void addRange(int from, int to) {
        ranges.add(new int[] {from, to});
    }

    void addClass(CharClass c) {
        classes.add(c);
    }

    /** Fixes the set: negation, case folding (characters are compared upper-cased), and newline exclusion. */
    CharSet finish(boolean negate, boolean ignoreCaseToo, boolean excludeNewline) {
        this.negated = negate;
        this.ignoreCase = ignoreCaseToo;
        this.notNewline = excludeNewline;
        for (int c = 0; c < 256; c++) low[c] = decide(c);
        return this;
    }

    /** Whether character {@code c} (an invalid byte is never in a set, negated or not) belongs. */
    public boolean contains(int c) {
        if (c < 256) return low[c];
        return decide(c);
    }

    private boolean decide(int c) {
        if (c > Character.MAX_CODE_POINT || !utf8 && c > 255) return false;
        if (notNewline && c == '\n') return false;
        boolean in = positive(c) || ignoreCase && positive(Fold.upper(c, utf8));
        return in != negated;
    }

    private boolean positive(int c) {
        for (int[] r : ranges) if (c >= r[0] && c <= r[1]) return true;
        for (CharClass k : classes) if (k.contains(c, utf8)) return true;
        return false;
    }
}
