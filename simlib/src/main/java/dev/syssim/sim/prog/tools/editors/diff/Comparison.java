package dev.syssim.sim.prog.tools.editors.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The differences between two texts, found as GNU diff 3.8 finds them — the same steps in the same
 * order, because which of several equally short edit scripts a diff prints is the interface: the
 * identical beginning and end are set aside (keeping the context lines), lines are grouped into
 * classes of equal lines (after -i, -b, -w ...), lines that match nothing (and, in runs of them,
 * lines that match too much) are marked changed at once, Myers' O(ND) search with its midpoint
 * snakes compares the rest, and the changed runs are slid to join neighbours as diff slides them.
 */
final class Comparison {

    /** How lines are compared. */
    record Options(boolean ignoreCase, int whiteSpace, boolean minimal, boolean speedLargeFiles, int horizonLines,
                   boolean robust) {
        static final int NO_WHITE_SPACE = 0;
        static final int TAB_EXPANSION = 1;
        static final int TRAILING_SPACE = 2;
        static final int TAB_EXPANSION_AND_TRAILING_SPACE = 3;
        static final int SPACE_CHANGE = 4;
        static final int ALL_SPACE = 8;
    }

    /** One file's text split into lines: line i is bytes [start(i), start(i+1)). */
    static final class Text {
        final byte[] data;
        /** The file lacks a newline at its end (one is added to {@link #data}'s view). */
        final boolean missingNewline;
        /** Line starts; the last entry is the end of the data. */
        final int[] starts;

        Text(byte[] raw) {
            missingNewline = raw.length > 0 && raw[raw.length - 1] != '\n';
            if (missingNewline) {
                data = java.util.Arrays.copyOf(raw, raw.length + 1);
                data[raw.length] = '\n';
            } else {
                data = raw;
            }
            int n = 0;
            for (byte b : data) if (b == '\n') n++;
            starts = new int[n + 1];
            int k = 0;
            for (int i = 0; i < data.length; i++) {
                if (data[i] == '\n') starts[++k] = i + 1;
            }
        }

        int lines() {
            return starts.length - 1;
        }

        /** Whether line i ends without a newline in the file (the last line of a missingNewline file). */
        boolean incomplete(int i) {
            return missingNewline && i == lines() - 1;
        }

        /** The bytes of line i without its newline. */
        byte[] line(int i) {
            return java.util.Arrays.copyOfRange(data, starts[i], starts[i + 1] - 1);
        }
    }

    /** A change: {@code deleted} lines of file 0 at {@code line0} replaced by {@code inserted} of file 1 at {@code line1}. */
    record Change(int line0, int line1, int deleted, int inserted) {
    }

    final Text[] files;
    /** Lines before these are identical in both files and were not compared. */
    final int[] prefixLines = new int[2];
    final List<Change> script;

    private final Options options;
    private final boolean[][] changed = new boolean[2][];
    private int[][] equivs;

    Comparison(Text a, Text b, Options options) {
        this.files = new Text[] {a, b};
        this.options = options;
        int[] bufferedEnd = identicalEnds();
        int n0 = bufferedEnd[0] - prefixLines[0];
        int n1 = bufferedEnd[1] - prefixLines[1];
        equivalences(n0, n1);
        changed[0] = new boolean[n0 + 2];
        changed[1] = new boolean[n1 + 2];
        analyse(n0, n1);
        script = buildScript(n0, n1);
    }

    // ---- the identical beginning and end ----

    /** Finds the identical prefix and suffix (io.c's find_identical_ends); returns where the compared lines end. */
    private int[] identicalEnds() {
        byte[] b0 = files[0].data;
        byte[] b1 = files[1].data;
        int n0 = b0.length;
        int n1 = b1.length;
        int p = 0;
        int min = Math.min(n0, n1);
        while (p < min && b0[p] == b1[p]) p++;
        int p0 = p;
        int p1 = p;
        if (p == min && n0 != n1) {
            // one buffer ran out: the sentinel makes the next byte differ
        }
        if (options.robust()
                && ((n0 - (files[0].missingNewline ? 1 : 0) < p0) != (n1 - (files[1].missingNewline ? 1 : 0) < p1))) {
            p0--;
            p1--;
        }
        int i = options.horizonLines();
        while (p0 != 0 && (b0[p0 - 1] != '\n' || i-- != 0)) {
            p0--;
            p1--;
        }
        int prefixEnd0 = p0;
        int prefixEnd1 = p1;
        prefixLines[0] = lineAt(files[0], prefixEnd0);
        prefixLines[1] = lineAt(files[1], prefixEnd1);

        int s0 = n0;
        int s1 = n1;
        if (!options.robust() || files[0].missingNewline == files[1].missingNewline) {
            int end0 = s0;
            int beg0 = prefixEnd0 + (n0 < n1 ? 0 : n0 - n1);
            while (s0 != beg0) {
                if (b0[--s0] != b1[--s1]) {
                    ++s0;
                    ++s1;
                    beg0 = s0;
                    break;
                }
            }
            int start0 = s0;
            int extra = options.horizonLines()
                    + ((s0 == 0 || b0[s0 - 1] == '\n') && (s1 == 0 || b1[s1 - 1] == '\n') ? 0 : 1);
            while (extra-- > 0 && s0 != end0) {
                while (b0[s0++] != '\n') {
                    // skip to the next line
                }
            }
            s1 += s0 - start0;
        }
        return new int[] {lineAt(files[0], s0), lineAt(files[1], s1)};
    }

    /** The number of the line starting at byte offset {@code at} (the count of lines before it). */
    private static int lineAt(Text t, int at) {
        int lo = 0;
        int hi = t.starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t.starts[mid] < at) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    // ---- equivalence classes ----

    private void equivalences(int n0, int n1) {
        Map<String, Integer> classes = new HashMap<>();
        equivs = new int[2][];
        int[] counts = {n0, n1};
        for (int f = 0; f < 2; f++) {
            equivs[f] = new int[counts[f]];
            for (int i = 0; i < counts[f]; i++) {
                int line = prefixLines[f] + i;
                String key = key(files[f], line);
                Integer c = classes.get(key);
                if (c == null) {
                    c = classes.size() + 1;
                    classes.put(key, c);
                }
                equivs[f][i] = c;
            }
        }
        equivMax = classes.size() + 1;
    }

    private int equivMax;

    /** The text a line is compared by: equal keys exactly when diff's lines_differ says equal. */
    private String key(Text t, int line) {
        byte[] b = t.line(line);
        StringBuilder k = new StringBuilder(b.length + 1);
        int ws = options.whiteSpace();
        boolean icase = options.ignoreCase();
        int n = b.length;
        if (ws == Options.ALL_SPACE) {
            for (byte x : b) if (!isSpace(x)) k.append(fold(x, icase));
        } else if (ws == Options.SPACE_CHANGE) {
            for (int i = 0; i < n; i++) {
                if (isSpace(b[i])) {
                    int j = i;
                    while (j < n && isSpace(b[j])) j++;
                    if (j == n) break;
                    k.append(' ');
                    i = j - 1;
                    continue;
                }
                k.append(fold(b[i], icase));
            }
        } else if (ws != Options.NO_WHITE_SPACE) {
            int column = 0;
            for (int i = 0; i < n; i++) {
                byte c = b[i];
                if ((ws & Options.TRAILING_SPACE) != 0 && isSpace(c)) {
                    int j = i;
                    while (j < n && isSpace(b[j])) j++;
                    if (j == n) break;
                }
                int repetitions = 1;
                if ((ws & Options.TAB_EXPANSION) != 0) {
                    if (c == '\b') {
                        column -= column > 0 ? 1 : 0;
                    } else if (c == '\t') {
                        c = ' ';
                        repetitions = 8 - column % 8;
                        column += repetitions;
                    } else if (c == '\r') {
                        column = 0;
                    } else {
                        column++;
                    }
                }
                for (int r = 0; r < repetitions; r++) k.append(fold(c, icase));
            }
        } else {
            for (byte x : b) k.append(fold(x, icase));
        }
        // an incomplete last line can only equal the other file's incomplete last line
        if (t.incomplete(line) && options.robust() && ws < Options.TRAILING_SPACE) k.append('\uffff');
        return k.toString();
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    private static char fold(byte c, boolean icase) {
        int v = c & 0xff;
        if (icase && v >= 'A' && v <= 'Z') v += 32;
        return (char) v;
    }

    // ---- the analysis ----

    private int[][] undiscarded = new int[2][];
    private int[][] realIndexes = new int[2][];
    private int[] nondiscarded = new int[2];

    private void analyse(int n0, int n1) {
        discardConfusingLines(n0, n1);
        int diags = nondiscarded[0] + nondiscarded[1] + 3;
        fdiag = new int[diags];
        bdiag = new int[diags];
        diagOffset = nondiscarded[1] + 1;
        int tooExpensive = 1;
        for (int d = diags; d != 0; d >>= 2) tooExpensive <<= 1;
        this.tooExpensive = Math.max(4096, tooExpensive);
        compareSeq(0, nondiscarded[0], 0, nondiscarded[1], options.minimal());
        shiftBoundaries(n0, n1);
    }

    /** diff's discard_confusing_lines: lines that match nothing are changes; runs of too-common ones too. */
    private void discardConfusingLines(int n0, int n1) {
        int[] counts0 = new int[equivMax];
        int[] counts1 = new int[equivMax];
        for (int e : equivs[0]) counts0[e]++;
        for (int e : equivs[1]) counts1[e]++;
        int[][] equivCount = {counts0, counts1};
        byte[][] discarded = {new byte[n0], new byte[n1]};
        int[] ends = {n0, n1};
        for (int f = 0; f < 2; f++) {
            int end = ends[f];
            byte[] discards = discarded[f];
            int[] counts = equivCount[1 - f];
            int many = 5;
            int tem = end / 64;
            while ((tem = tem >> 2) > 0) many *= 2;
            for (int i = 0; i < end; i++) {
                int e = equivs[f][i];
                if (e == 0) continue;
                int nmatch = counts[e];
                if (nmatch == 0) discards[i] = 1;
                else if (nmatch > many) discards[i] = 2;
            }
        }
        for (int f = 0; f < 2; f++) {
            int end = ends[f];
            byte[] discards = discarded[f];
            for (int i = 0; i < end; i++) {
                if (discards[i] == 2) {
                    discards[i] = 0;
                } else if (discards[i] != 0) {
                    int j;
                    int provisional = 0;
                    for (j = i; j < end; j++) {
                        if (discards[j] == 0) break;
                        if (discards[j] == 2) ++provisional;
                    }
                    while (j > i && discards[j - 1] == 2) {
                        discards[--j] = 0;
                        --provisional;
                    }
                    int length = j - i;
                    if (provisional * 4 > length) {
                        while (j > i) {
                            if (discards[--j] == 2) discards[j] = 0;
                        }
                    } else {
                        int minimum = 1;
                        int t = length >> 2;
                        while (0 < (t >>= 2)) minimum <<= 1;
                        minimum++;
                        int consec = 0;
                        for (j = 0; j < length; j++) {
                            if (discards[i + j] != 2) {
                                consec = 0;
                            } else if (minimum == ++consec) {
                                j -= consec;
                            } else if (minimum < consec) {
                                discards[i + j] = 0;
                            }
                        }
                        consec = 0;
                        for (j = 0; j < length; j++) {
                            if (j >= 8 && discards[i + j] == 1) break;
                            if (discards[i + j] == 2) {
                                consec = 0;
                                discards[i + j] = 0;
                            } else if (discards[i + j] == 0) {
                                consec = 0;
                            } else {
                                consec++;
                            }
                            if (consec == 3) break;
                        }
                        i += length - 1;
                        consec = 0;
                        for (j = 0; j < length; j++) {
                            if (j >= 8 && discards[i - j] == 1) break;
                            if (discards[i - j] == 2) {
                                consec = 0;
                                discards[i - j] = 0;
                            } else if (discards[i - j] == 0) {
                                consec = 0;
                            } else {
                                consec++;
                            }
                            if (consec == 3) break;
                        }
                    }
                }
            }
        }
        for (int f = 0; f < 2; f++) {
            int end = ends[f];
            undiscarded[f] = new int[end];
            realIndexes[f] = new int[end];
            int j = 0;
            for (int i = 0; i < end; i++) {
                if (options.minimal() || discarded[f][i] == 0) {
                    undiscarded[f][j] = equivs[f][i];
                    realIndexes[f][j++] = i;
                } else {
                    changed[f][i + 1] = true;
                }
            }
            nondiscarded[f] = j;
        }
    }

    private int[] fdiag;
    private int[] bdiag;
    private int diagOffset;
    private int tooExpensive;
    private static final int SNAKE_LIMIT = 20;

    private int fd(int d) {
        return fdiag[d + diagOffset];
    }

    private void fd(int d, int v) {
        fdiag[d + diagOffset] = v;
    }

    private int bd(int d) {
        return bdiag[d + diagOffset];
    }

    private void bd(int d, int v) {
        bdiag[d + diagOffset] = v;
    }

    /** A midpoint of an edit script, and whether each half is known to be minimal. */
    private record Partition(int xmid, int ymid, boolean loMinimal, boolean hiMinimal) {
    }

    /** Myers' search from both ends for the middle snake (diffseq.h's diag). */
    private Partition diag(int xoff, int xlim, int yoff, int ylim, boolean findMinimal) {
        int[] xv = undiscarded[0];
        int[] yv = undiscarded[1];
        int dmin = xoff - ylim;
        int dmax = xlim - yoff;
        int fmid = xoff - yoff;
        int bmid = xlim - ylim;
        int fmin = fmid;
        int fmax = fmid;
        int bmin = bmid;
        int bmax = bmid;
        boolean odd = ((fmid - bmid) & 1) != 0;
        fd(fmid, xoff);
        bd(bmid, xlim);
        for (int c = 1; ; ++c) {
            boolean bigSnake = false;
            if (fmin > dmin) fd(--fmin - 1, -1);
            else ++fmin;
            if (fmax < dmax) fd(++fmax + 1, -1);
            else --fmax;
            for (int d = fmax; d >= fmin; d -= 2) {
                int tlo = fd(d - 1);
                int thi = fd(d + 1);
                int x0 = tlo < thi ? thi : tlo + 1;
                int x = x0;
                int y = x0 - d;
                while (x < xlim && y < ylim && xv[x] == yv[y]) {
                    x++;
                    y++;
                }
                if (x - x0 > SNAKE_LIMIT) bigSnake = true;
                fd(d, x);
                if (odd && bmin <= d && d <= bmax && bd(d) <= x) return new Partition(x, y, true, true);
            }
            if (bmin > dmin) bd(--bmin - 1, Integer.MAX_VALUE);
            else ++bmin;
            if (bmax < dmax) bd(++bmax + 1, Integer.MAX_VALUE);
            else --bmax;
            for (int d = bmax; d >= bmin; d -= 2) {
                int tlo = bd(d - 1);
                int thi = bd(d + 1);
                int x0 = tlo < thi ? tlo : thi - 1;
                int x = x0;
                int y = x0 - d;
                while (xoff < x && yoff < y && xv[x - 1] == yv[y - 1]) {
                    x--;
                    y--;
                }
                if (x0 - x > SNAKE_LIMIT) bigSnake = true;
                bd(d, x);
                if (!odd && fmin <= d && d <= fmax && x <= fd(d)) return new Partition(x, y, true, true);
            }
            if (findMinimal) continue;
            if (200 < c && bigSnake && options.speedLargeFiles()) {
                Partition p = heuristic(xoff, xlim, yoff, ylim, fmin, fmax, bmin, bmax, fmid, bmid, c);
                if (p != null) return p;
            }
            if (c >= tooExpensive) return tooExpensive(xoff, xlim, yoff, ylim, fmin, fmax, bmin, bmax);
        }
    }

    private Partition heuristic(int xoff, int xlim, int yoff, int ylim, int fmin, int fmax, int bmin, int bmax,
                                int fmid, int bmid, int c) {
        int[] xv = undiscarded[0];
        int[] yv = undiscarded[1];
        int best = 0;
        int bx = 0;
        int by = 0;
        for (int d = fmax; d >= fmin; d -= 2) {
            int dd = d - fmid;
            int x = fd(d);
            int y = x - d;
            int v = (x - xoff) * 2 - dd;
            if (v > 12 * (c + (dd < 0 ? -dd : dd)) && v > best && xoff + SNAKE_LIMIT <= x && x < xlim
                    && yoff + SNAKE_LIMIT <= y && y < ylim) {
                for (int k = 1; xv[x - k] == yv[y - k]; k++) {
                    if (k == SNAKE_LIMIT) {
                        best = v;
                        bx = x;
                        by = y;
                        break;
                    }
                }
            }
        }
        if (best > 0) return new Partition(bx, by, true, false);
        best = 0;
        for (int d = bmax; d >= bmin; d -= 2) {
            int dd = d - bmid;
            int x = bd(d);
            int y = x - d;
            int v = (xlim - x) * 2 + dd;
            if (v > 12 * (c + (dd < 0 ? -dd : dd)) && v > best && xoff < x && x <= xlim - SNAKE_LIMIT
                    && yoff < y && y <= ylim - SNAKE_LIMIT) {
                for (int k = 0; xv[x + k] == yv[y + k]; k++) {
                    if (k == SNAKE_LIMIT - 1) {
                        best = v;
                        bx = x;
                        by = y;
                        break;
                    }
                }
            }
        }
        if (best > 0) return new Partition(bx, by, false, true);
        return null;
    }

    private Partition tooExpensive(int xoff, int xlim, int yoff, int ylim, int fmin, int fmax, int bmin, int bmax) {
        int fxybest = -1;
        int fxbest = 0;
        for (int d = fmax; d >= fmin; d -= 2) {
            int x = Math.min(fd(d), xlim);
            int y = x - d;
            if (ylim < y) {
                x = ylim + d;
                y = ylim;
            }
            if (fxybest < x + y) {
                fxybest = x + y;
                fxbest = x;
            }
        }
        int bxybest = Integer.MAX_VALUE;
        int bxbest = 0;
        for (int d = bmax; d >= bmin; d -= 2) {
            int x = Math.max(xoff, bd(d));
            int y = x - d;
            if (y < yoff) {
                x = yoff + d;
                y = yoff;
            }
            if (x + y < bxybest) {
                bxybest = x + y;
                bxbest = x;
            }
        }
        if ((xlim + ylim) - bxybest < fxybest - (xoff + yoff)) return new Partition(fxbest, fxybest - fxbest, true, false);
        return new Partition(bxbest, bxybest - bxbest, false, true);
    }

    /** One range to compare: diffseq's compareseq arguments. */
    private record Range(int xoff, int xlim, int yoff, int ylim, boolean minimal) {
    }

    /**
     * diffseq's compareseq, with an explicit stack instead of recursion (the lower half first, as
     * compareseq recurses), so a long file never deepens Java's stack.
     */
    private void compareSeq(int xoff0, int xlim0, int yoff0, int ylim0, boolean minimal0) {
        int[] xv = undiscarded[0];
        int[] yv = undiscarded[1];
        java.util.ArrayDeque<Range> todo = new java.util.ArrayDeque<>();
        todo.push(new Range(xoff0, xlim0, yoff0, ylim0, minimal0));
        while (!todo.isEmpty()) {
            Range r = todo.pop();
            int xoff = r.xoff();
            int xlim = r.xlim();
            int yoff = r.yoff();
            int ylim = r.ylim();
            while (xoff < xlim && yoff < ylim && xv[xoff] == yv[yoff]) {
                xoff++;
                yoff++;
            }
            while (xoff < xlim && yoff < ylim && xv[xlim - 1] == yv[ylim - 1]) {
                xlim--;
                ylim--;
            }
            if (xoff == xlim) {
                while (yoff < ylim) changed[1][realIndexes[1][yoff++] + 1] = true;
            } else if (yoff == ylim) {
                while (xoff < xlim) changed[0][realIndexes[0][xoff++] + 1] = true;
            } else {
                Partition p = diag(xoff, xlim, yoff, ylim, r.minimal());
                todo.push(new Range(p.xmid(), xlim, p.ymid(), ylim, p.hiMinimal()));
                todo.push(new Range(xoff, p.xmid(), yoff, p.ymid(), p.loMinimal()));
            }
        }
    }

    /** diff's shift_boundaries: slide runs of changes over identical lines to join neighbouring runs. */
    private void shiftBoundaries(int n0, int n1) {
        int[] ends = {n0, n1};
        for (int f = 0; f < 2; f++) {
            boolean[] ch = changed[f];
            boolean[] other = changed[1 - f];
            int[] eq = equivs[f];
            int i = 0;
            int j = 0;
            int iEnd = ends[f];
            for (;;) {
                while (i < iEnd && !ch[i + 1]) {
                    while (other[1 + j++]) {
                        // skip the other file's changed lines
                    }
                    i++;
                }
                if (i == iEnd) break;
                int start = i;
                while (ch[1 + ++i]) {
                    // to the end of this run
                }
                while (other[1 + j]) j++;
                int runlength;
                int corresponding;
                do {
                    runlength = i - start;
                    while (start != 0 && eq[start - 1] == eq[i - 1]) {
                        ch[1 + --start] = true;
                        ch[1 + --i] = false;
                        while (ch[1 + start - 1]) start--;
                        while (other[1 + --j]) {
                            // back over the other file's changes
                        }
                    }
                    corresponding = other[1 + j - 1] ? i : iEnd;
                    while (i != iEnd && eq[start] == eq[i]) {
                        ch[1 + start++] = false;
                        ch[1 + i++] = true;
                        while (ch[1 + i]) i++;
                        while (other[1 + ++j]) corresponding = i;
                    }
                } while (runlength != i - start);
                while (corresponding < i) {
                    ch[1 + --start] = true;
                    ch[1 + --i] = false;
                    while (other[1 + --j]) {
                        // back over the other file's changes
                    }
                }
            }
        }
    }

    /** The changes in file order (diff's build_script), line numbers relative to the compared part. */
    private List<Change> buildScript(int n0, int n1) {
        List<Change> out = new ArrayList<>();
        boolean[] c0 = changed[0];
        boolean[] c1 = changed[1];
        int i0 = 0;
        int i1 = 0;
        while (i0 < n0 || i1 < n1) {
            if (c0[i0 + 1] || c1[i1 + 1]) {
                int line0 = i0;
                int line1 = i1;
                while (c0[i0 + 1]) i0++;
                while (c1[i1 + 1]) i1++;
                out.add(new Change(line0 + prefixLines[0], line1 + prefixLines[1], i0 - line0, i1 - line1));
            }
            i0++;
            i1++;
        }
        return out;
    }
}
