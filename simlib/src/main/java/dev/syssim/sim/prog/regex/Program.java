package dev.syssim.sim.prog.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled regular expression: instructions in the style of Thompson's and Pike's machines. A
 * {@code SPLIT} prefers its first branch, so the order of paths is the order a backtracking
 * matcher would try them (greedy repetition, alternatives left to right) — which is how glibc picks
 * the groups within the leftmost-longest match.
 */
final class Program {

    /**
     * Compiled programs longer than this are refused as "Regular expression too big". Simplification:
     * glibc builds them (grep takes minutes and 160 MB on {@code \(a\{1000\}\)\{1000\}}); here the
     * matcher's tables would cost the kernel's heap too much, so half a million instructions is the limit.
     */
    static final int MAX_SIZE = 1 << 19;

    static final int CHAR = 0;
    /** A character compared upper-cased (ignoring case). */
    static final int CHAR_FOLD = 1;
    static final int ANY = 2;
    static final int SET = 3;
    static final int SPLIT = 4;
    static final int JMP = 5;
    static final int SAVE = 6;
    static final int ASSERT = 7;
    static final int BACKREF = 8;
    static final int MATCH = 9;
    /** Remembers where an iteration of a loop whose body can match empty started (register a). */
    static final int MARK = 10;
    /** Fails unless the iteration since the MARK of register a consumed something. */
    static final int PROGRESS = 11;

    final int[] op;
    final int[] a;
    final int[] b;
    final CharSet[] sets;
    final int groups;
    final int registers;
    final boolean backrefs;
    final boolean utf8;
    final boolean icase;
    /** {@code .} does not match NUL. */
    final boolean dotNotNull;
    /** Multi-line (REG_NEWLINE): ^ and $ also at newlines; . and [^...] do not match a newline. */
    final boolean newline;
    /** Bytes a match can start with, or null when a match may be empty or start anywhere. */
    final boolean[] firstBytes;

    private Program(Builder builder, int groups, boolean backrefs, boolean utf8, boolean icase, boolean dotNotNull, boolean newline) {
        int n = builder.size;
        this.op = java.util.Arrays.copyOf(builder.op, n);
        this.a = java.util.Arrays.copyOf(builder.a, n);
        this.b = java.util.Arrays.copyOf(builder.b, n);
        this.sets = builder.sets.toArray(new CharSet[0]);
        this.groups = groups;
        this.registers = builder.registers;
        this.backrefs = backrefs;
        this.utf8 = utf8;
        this.icase = icase;
        this.dotNotNull = dotNotNull;
        this.newline = newline;
        this.firstBytes = firstBytes();
    }

    int size() {
        return op.length;
    }

    /** Compiles a parse tree; null when the program would be too big. */
    static Program compile(Node tree, int groups, boolean backrefs, boolean utf8, boolean icase, boolean dotNotNull, boolean newline) {
        Builder builder = new Builder(icase);
        builder.emit(tree);
        if (builder.tooBig) return null;
        builder.add(MATCH, 0, 0);
        return new Program(builder, groups, backrefs, utf8, icase, dotNotNull, newline);
    }

    /** Whether instruction {@code pc} (a consuming one) accepts character {@code c}. */
    boolean accepts(int pc, int c) {
        return switch (op[pc]) {
            case CHAR -> c == a[pc];
            case CHAR_FOLD -> c == a[pc] || c <= Character.MAX_CODE_POINT && Fold.upper(c, utf8) == a[pc];
            case ANY -> c <= Character.MAX_CODE_POINT && !(c == 0 && dotNotNull) && !(c == '\n' && newline);
            case SET -> sets[a[pc]].contains(c);
            default -> false;
        };
    }

    static boolean consumes(int opcode) {
        return opcode <= SET;
    }

    private boolean[] firstBytes() {
        boolean[] first = new boolean[256];
        boolean[] seen = new boolean[op.length];
        int[] stack = new int[op.length + 1];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int pc = stack[--top];
            if (seen[pc]) continue;
            seen[pc] = true;
            switch (op[pc]) {
                case MATCH, BACKREF:
                    return null;
                case SPLIT:
                    stack[top++] = b[pc];
                    stack[top++] = a[pc];
                    break;
                case JMP:
                    stack[top++] = a[pc];
                    break;
                case SAVE, ASSERT, MARK, PROGRESS:
                    stack[top++] = pc + 1;
                    break;
                default:
                    for (int x = 0; x < 256; x++) {
                        if (first[x]) continue;
                        if (x >= 0x80 && utf8) first[x] = x >= 0xC2 && x <= 0xF4 || op[pc] == CHAR && a[pc] == 0x110000 + x;
                        else first[x] = accepts(pc, x);
                    }
                    break;
            }
        }
        return first;
    }

    /** Emits instructions for a tree. Recursion follows the tree's nesting, which the parser bounds. */
    private static final class Builder {
        final boolean icase;
        int[] op = new int[64];
        int[] a = new int[64];
        int[] b = new int[64];
        int size;
        int registers;
        boolean tooBig;
        final List<CharSet> sets = new ArrayList<>();

        Builder(boolean icase) {
            this.icase = icase;
        }

        int add(int opcode, int x, int y) {
            if (size >= MAX_SIZE) {
                tooBig = true;
                return size;
            }
            if (size == op.length) {
                op = java.util.Arrays.copyOf(op, size * 2);
                a = java.util.Arrays.copyOf(a, size * 2);
                b = java.util.Arrays.copyOf(b, size * 2);
            }
            op[size] = opcode;
            a[size] = x;
            b[size] = y;
            return size++;
        }

        void emit(Node node) {
            if (node == null || tooBig) return;
            if (node instanceof Node.Literal l) {
                add(icase ? CHAR_FOLD : CHAR, l.c(), 0);
            } else if (node instanceof Node.Any) {
                add(ANY, 0, 0);
            } else if (node instanceof Node.Set s) {
                sets.add(s.set());
                add(SET, sets.size() - 1, 0);
            } else if (node instanceof Node.Anchor anchor) {
                add(ASSERT, anchor.kind().ordinal(), 0);
            } else if (node instanceof Node.Backref r) {
                add(BACKREF, r.group(), 0);
            } else if (node instanceof Node.Group g) {
                add(SAVE, 2 * g.index(), 0);
                emit(g.body());
                add(SAVE, 2 * g.index() + 1, 0);
            } else if (node instanceof Node.Concat c) {
                for (Node part : c.parts()) emit(part);
            } else if (node instanceof Node.Alt alt) {
                alternatives(alt.branches());
            } else if (node instanceof Node.Repeat r) {
                repeat(r);
            }
        }

        private void alternatives(List<Node> branches) {
            List<Integer> jumps = new ArrayList<>();
            for (int i = 0; i < branches.size(); i++) {
                if (tooBig) return;
                if (i == branches.size() - 1) {
                    emit(branches.get(i));
                    break;
                }
                int split = add(SPLIT, 0, 0);
                a[split] = size;
                emit(branches.get(i));
                jumps.add(add(JMP, 0, 0));
                if (tooBig) return;
                b[split] = size;
            }
            if (tooBig) return;
            for (int j : jumps) a[j] = size;
        }

        private void repeat(Node.Repeat r) {
            for (int i = 0; i < r.min(); i++) {
                emit(r.body());
                if (tooBig) return;
            }
            if (r.max() == -1) {
                star(r.body());
                return;
            }
            List<Integer> exits = new ArrayList<>();
            for (int i = r.min(); i < r.max(); i++) {
                int split = add(SPLIT, 0, 0);
                if (tooBig) return;
                a[split] = size;
                exits.add(split);
                emit(r.body());
                if (tooBig) return;
            }
            for (int split : exits) b[split] = size;
        }

        private void star(Node body) {
            boolean empty = nullable(body);
            int loop = add(SPLIT, 0, 0);
            if (tooBig) return;
            a[loop] = size;
            int register = empty ? registers++ : -1;
            if (empty) add(MARK, register, 0);
            emit(body);
            if (empty) add(PROGRESS, register, 0);
            add(JMP, loop, 0);
            if (tooBig) return;
            b[loop] = size;
        }

        private static boolean nullable(Node node) {
            if (node == null || node instanceof Node.Anchor || node instanceof Node.Backref) return true;
            if (node instanceof Node.Group g) return nullable(g.body());
            if (node instanceof Node.Concat c) return c.parts().stream().allMatch(Builder::nullable);
            if (node instanceof Node.Alt alt) return alt.branches().stream().anyMatch(Builder::nullable);
            if (node instanceof Node.Repeat r) return r.min() == 0 || nullable(r.body());
            return false;
        }
    }
}
