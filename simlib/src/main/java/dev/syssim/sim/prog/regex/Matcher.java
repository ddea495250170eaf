package dev.syssim.sim.prog.regex;

import java.util.Arrays;

/**
 * Runs a {@link Program} over a subject of bytes. Three machines, none of which uses Java's stack
 * for the subject or the pattern's repetitions:
 * <ul>
 *   <li>a Pike VM that finds the leftmost-longest match span (POSIX's rule, which glibc follows for
 *       the whole match) in time linear in the subject;</li>
 *   <li>a depth-first search with an explicit stack that finds the groups: the first path, in the
 *       order a backtracking matcher tries them, that matches exactly that span — what glibc's
 *       set_regs picks (so {@code (a|ab)(c|bcd)} on {@code abcd} gives {@code a} and {@code bcd},
 *       not POSIX's {@code ab} and {@code c}, exactly as GNU sed prints);</li>
 *   <li>for patterns with back-references, a backtracker over all paths, bounded by {@link #BUDGET}
 *       steps per search (simplification: beyond that the longest match found so far is taken, where
 *       glibc would go on for as long as it takes).</li>
 * </ul>
 * A matcher is scratch space for one search at a time; it is not shared between threads.
 */
final class Matcher {

    /** Steps the back-reference backtracker may take in one search. */
    static final long BUDGET = 20_000_000L;

    private static final int NONE = -1;

    private final Program prog;
    private byte[] text;
    private int start;
    private int end;
    private boolean notBol;
    private boolean notEol;
    private int decodedLength;

    // Pike VM thread lists
    private int[] curPc;
    private int[] curStart;
    private int[] nextPc;
    private int[] nextStart;
    private final int[] mark;
    private int generation;
    private int[] stack;

    Matcher(Program prog) {
        this.prog = prog;
        int n = prog.size();
        curPc = new int[n];
        curStart = new int[n];
        nextPc = new int[n];
        nextStart = new int[n];
        mark = new int[n];
        stack = new int[Math.max(16, n * 2)];
    }

    /**
     * The leftmost-longest match in {@code text[start, end)} beginning at or after {@code from}:
     * group spans as {@code [start0, end0, start1, end1, ...]} (-1 for a group that took no part),
     * only the whole match when {@code groups} is false; null when there is none.
     */
    int[] search(byte[] subject, int subjectStart, int subjectEnd, int from, boolean noBol, boolean noEol, boolean groups) {
        this.text = subject;
        this.start = subjectStart;
        this.end = subjectEnd;
        this.notBol = noBol;
        this.notEol = noEol;
        if (prog.backrefs) return backtrack(from);
        int[] span = span(from, false);
        if (span == null) return null;
        int[] regs = new int[2 * (prog.groups + 1)];
        Arrays.fill(regs, NONE);
        regs[0] = span[0];
        regs[1] = span[1];
        if (groups && prog.groups > 0) findGroups(span[0], span[1], regs);
        return regs;
    }

    /** Whether there is any match at or after {@code from} (stops at the first one found). */
    boolean matches(byte[] subject, int subjectStart, int subjectEnd, int from, boolean noBol, boolean noEol) {
        this.text = subject;
        this.start = subjectStart;
        this.end = subjectEnd;
        this.notBol = noBol;
        this.notEol = noEol;
        if (prog.backrefs) return backtrack(from) != null;
        return span(from, true) != null;
    }

    // ---- characters ----

    /** The character at {@code pos} (sets {@link #decodedLength}); an invalid byte b is {@code 0x110000 + b}. */
    private int decode(int pos) {
        int b0 = text[pos] & 0xff;
        decodedLength = 1;
        if (!prog.utf8 || b0 < 0x80) return b0;
        int need;
        int min;
        int cp;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
            min = 0x80;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            min = 0x800;
            cp = b0 & 0x0F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            min = 0x10000;
            cp = b0 & 0x07;
        } else {
            return 0x110000 + b0;
        }
        if (pos + need >= end) return 0x110000 + b0;
        for (int i = 1; i <= need; i++) {
            int bi = text[pos + i] & 0xff;
            if ((bi & 0xC0) != 0x80) return 0x110000 + b0;
            cp = cp << 6 | bi & 0x3F;
        }
        if (cp < min || cp > Character.MAX_CODE_POINT || cp >= 0xD800 && cp <= 0xDFFF) return 0x110000 + b0;
        decodedLength = need + 1;
        return cp;
    }

    /** The character that ends just before {@code pos}, or NONE at the start of the subject. */
    private int before(int pos) {
        if (pos <= start) return NONE;
        if (!prog.utf8 || (text[pos - 1] & 0x80) == 0) return text[pos - 1] & 0xff;
        for (int back = 2; back <= 4 && pos - back >= start; back++) {
            int lead = text[pos - back] & 0xff;
            if ((lead & 0xC0) == 0x80) continue;
            int c = decode(pos - back);
            if (decodedLength == back) return c;
            break;
        }
        return 0x110000 + (text[pos - 1] & 0xff);
    }

    private int after(int pos) {
        if (pos >= end) return NONE;
        int saved = decodedLength;
        int c = decode(pos);
        decodedLength = saved;
        return c;
    }

    private boolean word(int c) {
        return c != NONE && c <= Character.MAX_CODE_POINT && CharClass.word(c, prog.utf8);
    }

    private boolean holds(int kind, int pos) {
        Assertion a = Assertion.values()[kind];
        switch (a) {
            case LINE_START:
                return pos == start && !notBol || prog.newline && pos > start && text[pos - 1] == '\n';
            case LINE_END:
                return pos == end && !notEol || prog.newline && pos < end && text[pos] == '\n';
            case BUFFER_START:
                return pos == start;
            case BUFFER_END:
                return pos == end;
            default:
                break;
        }
        boolean w1 = word(before(pos));
        boolean w2 = word(after(pos));
        return switch (a) {
            case WORD_START -> !w1 && w2;
            case WORD_END -> w1 && !w2;
            case WORD_BOUNDARY -> w1 != w2;
            default -> w1 == w2;
        };
    }

    // ---- the Pike VM: the leftmost-longest span ----

    private int curCount;
    private int nextCount;
    private int matchStart;
    private int matchEnd;

    private int[] span(int from, boolean anyMatch) {
        matchStart = NONE;
        matchEnd = NONE;
        curCount = 0;
        int pos = from;
        boolean[] first = prog.firstBytes;
        generation++;
        while (true) {
            if (matchStart == NONE) {
                if (curCount == 0 && first != null) {
                    int p = pos;
                    while (p < end && !first[text[p] & 0xff]) p++;
                    if (p >= end) return null;
                    if (p != pos) {
                        pos = p;
                        generation++;
                    }
                }
                addThread(true, 0, pos, pos);
                if (anyMatch && matchStart != NONE) return new int[] {matchStart, matchEnd};
            }
            if (curCount == 0) {
                if (matchStart != NONE || pos >= end) break;
                decode(pos);
                pos += decodedLength;
                generation++;
                continue;
            }
            if (pos >= end) break;
            int c = decode(pos);
            int next = pos + decodedLength;
            nextCount = 0;
            generation++;
            for (int i = 0; i < curCount; i++) {
                int st = curStart[i];
                if (matchStart != NONE && st > matchStart) continue;
                int pc = curPc[i];
                if (prog.accepts(pc, c)) {
                    addThread(false, pc + 1, st, next);
                    if (anyMatch && matchStart != NONE) return new int[] {matchStart, matchEnd};
                }
            }
            int[] t = curPc;
            curPc = nextPc;
            nextPc = t;
            t = curStart;
            curStart = nextStart;
            nextStart = t;
            curCount = nextCount;
            pos = next;
        }
        return matchStart == NONE ? null : new int[] {matchStart, matchEnd};
    }

    /** Follows the empty transitions from {@code pc0} at {@code pos}, adding the consuming ones to a list. */
    private void addThread(boolean current, int pc0, int threadStart, int pos) {
        int top = 0;
        stack[top++] = pc0;
        while (top > 0) {
            int pc = stack[--top];
            if (mark[pc] == generation) continue;
            mark[pc] = generation;
            switch (prog.op[pc]) {
                case Program.SPLIT -> {
                    if (top + 2 > stack.length) stack = Arrays.copyOf(stack, stack.length * 2);
                    stack[top++] = prog.b[pc];
                    stack[top++] = prog.a[pc];
                }
                case Program.JMP -> stack[top++] = prog.a[pc];
                case Program.SAVE, Program.MARK, Program.PROGRESS -> stack[top++] = pc + 1;
                case Program.ASSERT -> {
                    if (holds(prog.a[pc], pos)) stack[top++] = pc + 1;
                }
                case Program.MATCH -> {
                    if (matchStart == NONE || threadStart < matchStart || threadStart == matchStart && pos > matchEnd) {
                        matchStart = threadStart;
                        matchEnd = pos;
                    }
                }
                default -> {
                    if (current) {
                        curPc[curCount] = pc;
                        curStart[curCount++] = threadStart;
                    } else {
                        nextPc[nextCount] = pc;
                        nextStart[nextCount++] = threadStart;
                    }
                }
            }
        }
    }

    // ---- the groups of a known span ----

    private static final int EXPLORE = 0;
    private static final int RESTORE = 1;

    private int[] frames = new int[64];
    private int top;
    /** The (instruction, position) pairs the group search has tried, reused from search to search. */
    private java.util.BitSet visited;

    private void push(int kind, int x, int y) {
        if (top + 3 > frames.length) frames = Arrays.copyOf(frames, frames.length * 2);
        frames[top++] = kind;
        frames[top++] = x;
        frames[top++] = y;
    }

    /** Fills {@code regs} with the groups of the first path (in preference order) from s that ends at e. */
    private void findGroups(int s, int e, int[] regs) {
        int n = prog.size();
        long cells = (long) n * (e - s + 1);
        java.util.BitSet small = null;
        if (cells <= 1L << 26) {
            if (visited == null) visited = new java.util.BitSet();
            visited.clear(0, (int) cells);
            small = visited;
        }
        java.util.Set<Long> large = small == null ? new java.util.HashSet<>() : null;
        top = 0;
        push(EXPLORE, 0, s);
        while (top > 0) {
            top -= 3;
            int kind = frames[top];
            int x = frames[top + 1];
            int pos = frames[top + 2];
            if (kind == RESTORE) {
                regs[x] = pos;
                continue;
            }
            int pc = x;
            long cell = (long) pc * (e - s + 1) + (pos - s);
            if (small != null) {
                if (small.get((int) cell)) continue;
                small.set((int) cell);
            } else if (!large.add(cell)) {
                continue;
            }
            switch (prog.op[pc]) {
                case Program.SPLIT -> {
                    push(EXPLORE, prog.b[pc], pos);
                    push(EXPLORE, prog.a[pc], pos);
                }
                case Program.JMP -> push(EXPLORE, prog.a[pc], pos);
                case Program.SAVE -> {
                    int slot = prog.a[pc];
                    if (slot < regs.length) {
                        push(RESTORE, slot, regs[slot]);
                        regs[slot] = pos;
                    }
                    push(EXPLORE, pc + 1, pos);
                }
                case Program.MARK, Program.PROGRESS -> push(EXPLORE, pc + 1, pos);
                case Program.ASSERT -> {
                    if (holds(prog.a[pc], pos)) push(EXPLORE, pc + 1, pos);
                }
                case Program.MATCH -> {
                    if (pos == e) {
                        regs[0] = s;
                        regs[1] = e;
                        return;
                    }
                }
                default -> {
                    if (pos < e) {
                        int c = decode(pos);
                        if (prog.accepts(pc, c)) push(EXPLORE, pc + 1, pos + decodedLength);
                    }
                }
            }
        }
    }

    // ---- back-references: backtracking over every path ----

    private int[] backtrack(int from) {
        long steps = 0;
        int slots = 2 * (prog.groups + 1);
        int[] regs = new int[slots + prog.registers];
        int pos0 = from;
        while (pos0 <= end) {
            Arrays.fill(regs, NONE);
            int best = NONE;
            int[] bestRegs = null;
            top = 0;
            push(EXPLORE, 0, pos0);
            while (top > 0 && steps < BUDGET) {
                steps++;
                top -= 3;
                int kind = frames[top];
                int x = frames[top + 1];
                int pos = frames[top + 2];
                if (kind == RESTORE) {
                    regs[x] = pos;
                    continue;
                }
                int pc = x;
                switch (prog.op[pc]) {
                    case Program.SPLIT -> {
                        push(EXPLORE, prog.b[pc], pos);
                        push(EXPLORE, prog.a[pc], pos);
                    }
                    case Program.JMP -> push(EXPLORE, prog.a[pc], pos);
                    case Program.SAVE -> {
                        int slot = prog.a[pc];
                        push(RESTORE, slot, regs[slot]);
                        regs[slot] = pos;
                        push(EXPLORE, pc + 1, pos);
                    }
                    case Program.MARK -> {
                        int slot = slots + prog.a[pc];
                        push(RESTORE, slot, regs[slot]);
                        regs[slot] = pos;
                        push(EXPLORE, pc + 1, pos);
                    }
                    case Program.PROGRESS -> {
                        if (regs[slots + prog.a[pc]] != pos) push(EXPLORE, pc + 1, pos);
                    }
                    case Program.ASSERT -> {
                        if (holds(prog.a[pc], pos)) push(EXPLORE, pc + 1, pos);
                    }
                    case Program.BACKREF -> {
                        int g = prog.a[pc];
                        int gs = regs[2 * g];
                        int ge = regs[2 * g + 1];
                        if (gs == NONE || ge == NONE) break;
                        int after = backrefEnd(gs, ge, pos);
                        if (after != NONE) push(EXPLORE, pc + 1, after);
                    }
                    case Program.MATCH -> {
                        if (pos > best) {
                            best = pos;
                            bestRegs = Arrays.copyOf(regs, slots);
                            bestRegs[0] = pos0;
                            bestRegs[1] = pos;
                            if (pos == end) top = 0;
                        }
                    }
                    default -> {
                        if (pos < end) {
                            int c = decode(pos);
                            if (prog.accepts(pc, c)) push(EXPLORE, pc + 1, pos + decodedLength);
                        }
                    }
                }
            }
            if (bestRegs != null) return bestRegs;
            if (steps >= BUDGET || pos0 >= end) return null;
            decode(pos0);
            pos0 += decodedLength;
        }
        return null;
    }

    /** Where the text of group [gs, ge) repeated at {@code pos} ends, or NONE. */
    private int backrefEnd(int gs, int ge, int pos) {
        int len = ge - gs;
        if (pos + len > end) return NONE;
        if (!prog.icase) {
            for (int i = 0; i < len; i++) if (text[gs + i] != text[pos + i]) return NONE;
            return pos + len;
        }
        int p = gs;
        int q = pos;
        while (p < ge) {
            if (q >= end) return NONE;
            int c1 = decode(p);
            int l1 = decodedLength;
            int c2 = decode(q);
            int l2 = decodedLength;
            if (c1 != c2 && Fold.upper(c1, prog.utf8) != Fold.upper(c2, prog.utf8)) return NONE;
            p += l1;
            q += l2;
        }
        return q;
    }
}
