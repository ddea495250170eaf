package dev.syssim.sim.prog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code test} and {@code [} commands of bash's builtin, dash's builtin and coreutils 9.1's
 * programs, in two phases. File tests need the file system, which only the caller can reach
 * (through syscalls, as a continuation); and in all three tools an error depends on the words
 * alone, never on a file. So {@link #parse} (pure) follows the tool's grammar — POSIX's rules for
 * zero to four arguments, then {@code ! ( ) -a -o} — raising its messages in its own order and
 * building an expression; {@link #queries()} lists what must be looked up (stat, lstat, access,
 * isatty, shell variables and options); {@link #evaluate} (pure) answers from the caller's
 * results. None of the three short-circuits {@code -a} or {@code -o}.
 *
 * <p>Messages come without prefix: the caller writes bash's {@code bash: line N: test: }, dash's
 * {@code sh: N: [: } or coreutils' program name (argv[0]) and {@code ": "} before each.
 */
public final class TestExpression {

    /** Whose test. */
    public enum Dialect { BASH, DASH, COREUTILS }

    /** {@code access(2)} modes, checked with the effective ids. */
    public static final int R_OK = 4;
    public static final int W_OK = 2;
    public static final int X_OK = 1;

    /** What a file is ({@code st_mode & S_IFMT}). */
    public enum FileType { REGULAR, DIRECTORY, CHARACTER, BLOCK, FIFO, SYMLINK, SOCKET }

    /**
     * What {@code stat} or {@code lstat} reported.
     *
     * @param mode        the permission bits with setuid 04000, setgid 02000, sticky 01000
     * @param dev         with {@code ino}, the file's identity (for {@code -ef})
     * @param atimeNanos  last access, nanoseconds since the epoch
     * @param mtimeNanos  last modification, nanoseconds since the epoch
     */
    public record FileStatus(FileType type, int mode, int uid, int gid, long size, long dev, long ino,
                             long atimeNanos, long mtimeNanos) {
    }

    /** Something the evaluation needs looked up; the caller does it before {@link #evaluate}. */
    public sealed interface Query {
        /** {@code stat(path)}. */
        record Stat(String path) implements Query { }
        /** {@code lstat(path)}. */
        record Lstat(String path) implements Query { }
        /** {@code faccessat(path, mode, AT_EACCESS)}. */
        record Access(String path, int mode) implements Query { }
        /** {@code isatty(fd)}. */
        record Tty(int fd) implements Query { }
        /** bash's {@code -v name}: whether the variable (or {@code name[sub]}, or positional) is set. */
        record Variable(String name) implements Query { }
        /** bash's {@code -R name}: whether it is a set name reference. */
        record Nameref(String name) implements Query { }
        /** bash's {@code -o name}: whether the shell option is on. */
        record Option(String name) implements Query { }
    }

    /** The caller's answers to the queries. */
    public interface Answers {
        /** {@code stat(path)}, or null if it failed. */
        FileStatus stat(String path);

        /** {@code lstat(path)}, or null if it failed. */
        FileStatus lstat(String path);

        boolean access(String path, int mode);

        boolean isatty(int fd);

        boolean variableSet(String name);

        boolean nameref(String name);

        boolean option(String name);

        int euid();

        int egid();
    }

    /** The command's outcome: status 0 (true), 1 (false) or 2 (error), and messages. */
    public record Result(int status, List<String> messages) {
    }

    /** The parsed expression: a small tree whose leaves are decided or wait for answers. */
    sealed interface Node {
        /** A string or integer test, decided while parsing. */
        record Constant(boolean value) implements Node { }
        record Not(Node operand) implements Node { }
        record And(List<Node> operands) implements Node { }
        record Or(List<Node> operands) implements Node { }
        /** A unary file test such as {@code -f}: {@code op} is the letter. */
        record File(char op, String path, Dialect dialect) implements Node { }
        /** {@code -nt -ot -ef}. */
        record Compare(String op, String left, String right, Dialect dialect) implements Node { }
        record Tty(int fd) implements Node { }
        record Variable(String name) implements Node { }
        record Nameref(String name) implements Node { }
        record Option(String name) implements Node { }
    }

    private final Node root;
    private final Result error;

    private TestExpression(Node root, Result error) {
        this.root = root;
        this.error = error;
    }

    static TestExpression of(Node root) {
        return new TestExpression(root, null);
    }

    static TestExpression failed(String message) {
        return new TestExpression(null, new Result(2, List.of(message)));
    }

    /**
     * Parses the words after the command name.
     *
     * @param bracket whether the command was called as {@code [} (the last word must be {@code ]})
     */
    public static TestExpression parse(Dialect dialect, List<String> args, boolean bracket) {
        return switch (dialect) {
            case BASH -> BashTest.parse(args, bracket);
            case DASH -> DashTest.parse(args, bracket);
            case COREUTILS -> CoreutilsTest.parse(args, bracket);
        };
    }

    /** Whether parsing already decided the outcome (an error): no queries, {@link #evaluate} gives it. */
    public boolean failed() {
        return error != null;
    }

    /** What the evaluation will ask, each once, in order of appearance. */
    public List<Query> queries() {
        Set<Query> out = new LinkedHashSet<>();
        if (root != null) collect(root, out);
        return new ArrayList<>(out);
    }

    /** The outcome, from the answers to {@link #queries()}. */
    public Result evaluate(Answers answers) {
        if (error != null) return error;
        return new Result(value(root, answers) ? 0 : 1, List.of());
    }

    private static void collect(Node n, Set<Query> out) {
        if (n instanceof Node.Not not) {
            collect(not.operand(), out);
        } else if (n instanceof Node.And and) {
            and.operands().forEach(o -> collect(o, out));
        } else if (n instanceof Node.Or or) {
            or.operands().forEach(o -> collect(o, out));
        } else if (n instanceof Node.File f) {
            switch (f.op()) {
                case 'r' -> out.add(new Query.Access(f.path(), R_OK));
                case 'w' -> out.add(new Query.Access(f.path(), W_OK));
                case 'x' -> out.add(new Query.Access(f.path(), X_OK));
                case 'h', 'L' -> out.add(new Query.Lstat(f.path()));
                default -> out.add(new Query.Stat(f.path()));
            }
        } else if (n instanceof Node.Compare c) {
            out.add(new Query.Stat(c.left()));
            out.add(new Query.Stat(c.right()));
        } else if (n instanceof Node.Tty t) {
            out.add(new Query.Tty(t.fd()));
        } else if (n instanceof Node.Variable v) {
            out.add(new Query.Variable(v.name()));
        } else if (n instanceof Node.Nameref r) {
            out.add(new Query.Nameref(r.name()));
        } else if (n instanceof Node.Option o) {
            out.add(new Query.Option(o.name()));
        }
    }

    private static boolean value(Node n, Answers a) {
        if (n instanceof Node.Constant c) return c.value();
        if (n instanceof Node.Not not) return !value(not.operand(), a);
        if (n instanceof Node.And and) {
            boolean v = true;
            for (Node o : and.operands()) v &= value(o, a);
            return v;
        }
        if (n instanceof Node.Or or) {
            boolean v = false;
            for (Node o : or.operands()) v |= value(o, a);
            return v;
        }
        if (n instanceof Node.File f) return file(f, a);
        if (n instanceof Node.Compare c) return compare(c, a);
        if (n instanceof Node.Tty t) return a.isatty(t.fd());
        if (n instanceof Node.Variable v) return a.variableSet(v.name());
        if (n instanceof Node.Nameref r) return a.nameref(r.name());
        return a.option(((Node.Option) n).name());
    }

    private static boolean file(Node.File f, Answers a) {
        switch (f.op()) {
            case 'r':
                return a.access(f.path(), R_OK);
            case 'w':
                return a.access(f.path(), W_OK);
            case 'x':
                return a.access(f.path(), X_OK);
            case 'h':
            case 'L': {
                if (f.dialect() == Dialect.BASH && f.path().isEmpty()) return false;
                FileStatus s = a.lstat(f.path());
                return s != null && s.type() == FileType.SYMLINK;
            }
            default:
                break;
        }
        FileStatus s = a.stat(f.path());
        if (s == null) return false;
        return switch (f.op()) {
            case 'a', 'e' -> true;
            case 'f' -> s.type() == FileType.REGULAR;
            case 'd' -> s.type() == FileType.DIRECTORY;
            case 'c' -> s.type() == FileType.CHARACTER;
            case 'b' -> s.type() == FileType.BLOCK;
            case 'p' -> s.type() == FileType.FIFO;
            case 'S' -> s.type() == FileType.SOCKET;
            case 's' -> s.size() > 0;
            case 'u' -> (s.mode() & 04000) != 0;
            case 'g' -> (s.mode() & 02000) != 0;
            case 'k' -> (s.mode() & 01000) != 0;
            case 'O' -> s.uid() == a.euid();
            case 'G' -> s.gid() == a.egid();
            case 'N' -> s.mtimeNanos() > s.atimeNanos();
            default -> false;
        };
    }

    /** {@code -nt -ot -ef}: bash and coreutils treat a missing file as older than any; dash needs both. */
    private static boolean compare(Node.Compare c, Answers a) {
        FileStatus l = a.stat(c.left());
        FileStatus r = a.stat(c.right());
        if (c.op().equals("-ef")) return l != null && r != null && l.dev() == r.dev() && l.ino() == r.ino();
        boolean newer = c.op().equals("-nt");
        if (c.dialect() == Dialect.DASH) {
            if (l == null || r == null) return false;
            return newer ? l.mtimeNanos() > r.mtimeNanos() : l.mtimeNanos() < r.mtimeNanos();
        }
        if (newer) return l != null && (r == null || l.mtimeNanos() > r.mtimeNanos());
        return r != null && (l == null || l.mtimeNanos() < r.mtimeNanos());
    }

    /** Unwinds a parser at its first error; caught in the parser's entry point and made a value. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String text;

        Failure(String text) {
            super(text, null, false, false);
            this.text = text;
        }
    }

    /**
     * How deep parentheses may nest before the parsers refuse, with each tool's own syntax error.
     * Simplification: the real tools recurse on in C until their stack ends; no script nests
     * {@code ( ( ( ...} hundreds deep inside test, and this keeps the parsers off Java's stack limit.
     */
    static final int MAX_NESTING = 256;
}
