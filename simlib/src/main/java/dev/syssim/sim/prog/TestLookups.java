package dev.syssim.sim.prog;

import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers a {@link TestExpression}'s questions with system calls, in the order the expression
 * asks them (stat, lstat, access, isatty: the calls strace shows under {@code test -f x}), then
 * hands the answers to the evaluation. Shared by the shells' {@code test} builtins and coreutils'
 * {@code /usr/bin/test}; a shell adds what only it knows (variables, options) through {@link Shell}.
 */
public final class TestLookups {

    /** What only a shell can answer: {@code -v}, {@code -R}, {@code -o}. */
    public interface Shell {
        boolean variableSet(String name);

        boolean nameref(String name);

        boolean option(String name);

        /** The file name a word (a byte string: one char per byte, as the engine takes them) stands for. */
        default String path(String word) {
            return new String(word.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Outside a shell (coreutils' test has none of these operators, so they are never asked). */
    public static final Shell NO_SHELL = new Shell() {
        public boolean variableSet(String name) {
            return false;
        }

        public boolean nameref(String name) {
            return false;
        }

        public boolean option(String name) {
            return false;
        }
    };

    private TestLookups() {
    }

    /** Asks each query of {@code test}, then continues with the result. */
    public static Step evaluate(Libc c, TestExpression test, Shell shell, Function<TestExpression.Result, Step> then) {
        List<TestExpression.Query> queries = test.queries();
        if (queries.isEmpty()) return then.apply(test.evaluate(new Answered(Map.of(), shell, 0, 0)));
        Map<TestExpression.Query, Object> answers = new HashMap<>();
        return c.id("geteuid", euid -> c.id("getegid", egid -> Libc.forEach(queries, (q, more) -> ask(c, q, shell, answers, more),
                () -> then.apply(test.evaluate(new Answered(answers, shell, euid, egid))))));
    }

    private static Step ask(Libc c, TestExpression.Query q, Shell shell, Map<TestExpression.Query, Object> answers, java.util.function.Supplier<Step> more) {
        if (q instanceof TestExpression.Query.Stat s) {
            return c.statOf(shell.path(s.path()), true, (err, st) -> {
                if (err == null) answers.put(q, status(st));
                return more.get();
            });
        }
        if (q instanceof TestExpression.Query.Lstat s) {
            return c.statOf(shell.path(s.path()), false, (err, st) -> {
                if (err == null) answers.put(q, status(st));
                return more.get();
            });
        }
        if (q instanceof TestExpression.Query.Access a) {
            return c.sys(new Syscall.Access(shell.path(a.path()), a.mode()), r -> {
                answers.put(q, !r.failed());
                return more.get();
            });
        }
        if (q instanceof TestExpression.Query.Tty t) {
            return c.isatty(t.fd(), tty -> {
                answers.put(q, tty);
                return more.get();
            });
        }
        return more.get(); // a shell's own question: answered from its state
    }

    /** stat's answer in the engine's terms. */
    public static TestExpression.FileStatus status(Stat st) {
        TestExpression.FileType type = switch (st.type()) {
            case DIRECTORY -> TestExpression.FileType.DIRECTORY;
            case SYMLINK -> TestExpression.FileType.SYMLINK;
            case CHAR_DEVICE -> TestExpression.FileType.CHARACTER;
            case BLOCK_DEVICE -> TestExpression.FileType.BLOCK;
            case FIFO -> TestExpression.FileType.FIFO;
            case SOCKET -> TestExpression.FileType.SOCKET;
            default -> TestExpression.FileType.REGULAR;
        };
        return new TestExpression.FileStatus(type, st.permissions(), st.uid(), st.gid(), st.size(), st.device(), st.inode(),
                st.atime(), st.mtime());
    }

    private record Answered(Map<TestExpression.Query, Object> answers, Shell shell, int euid, int egid)
            implements TestExpression.Answers {
        public TestExpression.FileStatus stat(String path) {
            return (TestExpression.FileStatus) answers.get(new TestExpression.Query.Stat(path));
        }

        public TestExpression.FileStatus lstat(String path) {
            return (TestExpression.FileStatus) answers.get(new TestExpression.Query.Lstat(path));
        }

        public boolean access(String path, int mode) {
            return Boolean.TRUE.equals(answers.get(new TestExpression.Query.Access(path, mode)));
        }

        public boolean isatty(int fd) {
            return Boolean.TRUE.equals(answers.get(new TestExpression.Query.Tty(fd)));
        }

        public boolean variableSet(String name) {
            return shell.variableSet(name);
        }

        public boolean nameref(String name) {
            return shell.nameref(name);
        }

        public boolean option(String name) {
            return shell.option(name);
        }
    }
}
