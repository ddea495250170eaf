package dev.syssim.sim.prog.tools.text;

import static dev.syssim.sim.prog.tools.Executable.LIBC;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Executable;
import java.util.List;

/** Where the text tools are installed (path, size, libraries), and their registration. */
public final class TextTools {

    public static final List<Executable> BINARIES = List.of(
            Executable.of("/usr/bin/cat", "cat", 1_000, LIBC),
            Executable.of("/usr/bin/echo", "echo", 1_000, LIBC),
            Executable.of("/usr/bin/printf", "printf", 1_100, LIBC),
            Executable.of("/usr/bin/test", "test", 1_000, LIBC),
            Executable.of("/usr/bin/[", "[", 1_000, LIBC),
            Executable.of("/usr/bin/true", "true", 900, LIBC),
            Executable.of("/usr/bin/false", "false", 900, LIBC),
            Executable.of("/usr/bin/expr", "expr", 1_000, LIBC),
            Executable.of("/usr/bin/more", "more", 1_000, "libtinfo.so.6", LIBC),
            Executable.of("/usr/bin/head", "head", 1_000, LIBC),
            Executable.of("/usr/bin/tail", "tail", 1_100, LIBC),
            Executable.of("/usr/bin/wc", "wc", 1_000, LIBC),
            Executable.of("/usr/bin/sort", "sort", 1_400, LIBC),
            Executable.of("/usr/bin/uniq", "uniq", 1_000, LIBC),
            Executable.of("/usr/bin/cut", "cut", 1_000, LIBC),
            Executable.of("/usr/bin/tr", "tr", 1_000, LIBC),
            Executable.of("/usr/bin/tee", "tee", 1_000, LIBC),
            Executable.of("/usr/bin/yes", "yes", 900, LIBC),
            Executable.of("/usr/bin/seq", "seq", 1_000, LIBC),
            Executable.of("/usr/bin/grep", "grep", 1_500, "libpcre2-8.so.0", LIBC),
            Executable.of("/usr/bin/egrep", "egrep", 1_500, "libpcre2-8.so.0", LIBC),
            Executable.of("/usr/bin/fgrep", "fgrep", 1_500, "libpcre2-8.so.0", LIBC),
            Executable.of("/usr/bin/less", "less", 1_700, "libtinfo.so.6", LIBC),
            Executable.of("/usr/bin/paste", "paste", 1_000, LIBC),
            Executable.of("/usr/bin/join", "join", 1_000, LIBC),
            Executable.of("/usr/bin/comm", "comm", 1_000, LIBC),
            Executable.of("/usr/bin/tac", "tac", 1_000, LIBC),
            Executable.of("/usr/bin/rev", "rev", 900, LIBC),
            Executable.of("/usr/bin/fold", "fold", 1_000, LIBC),
            Executable.of("/usr/bin/expand", "expand", 1_000, LIBC),
            Executable.of("/usr/bin/unexpand", "unexpand", 1_000, LIBC),
            Executable.of("/usr/bin/column", "column", 1_100, "libsmartcols.so.1", LIBC),
            Executable.of("/usr/bin/nl", "nl", 1_000, LIBC),
            Executable.of("/usr/bin/split", "split", 1_000, LIBC),
            Executable.of("/usr/bin/csplit", "csplit", 1_000, LIBC),
            Executable.of("/usr/bin/shuf", "shuf", 1_000, LIBC));

    private TextTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("cat", new Cat());
        binaries.register("echo", new Echo());
        binaries.register("printf", new PrintfTool());
        binaries.register("test", new TestTool());
        binaries.register("[", new TestTool());
        binaries.register("true", new Exit(0));
        binaries.register("false", new Exit(1));
        binaries.register("expr", new Expr());
        binaries.register("more", new More());
        binaries.register("head", new Head());
        binaries.register("tail", new Tail());
        binaries.register("wc", new Wc());
        binaries.register("sort", new Sort());
        binaries.register("uniq", new Uniq());
        binaries.register("cut", new Cut());
        binaries.register("tr", new Tr());
        binaries.register("tee", new Tee());
        binaries.register("yes", new Yes());
        binaries.register("seq", new Seq());
        binaries.register("grep", new Grep());
        binaries.register("egrep", new Grep('E'));
        binaries.register("fgrep", new Grep('F'));
        binaries.register("less", new Less());
        binaries.register("paste", new Paste());
        binaries.register("join", new Join());
        binaries.register("comm", new Comm());
        binaries.register("tac", new Tac());
        binaries.register("rev", new Rev());
        binaries.register("fold", new Fold());
        binaries.register("expand", new Expand(false));
        binaries.register("unexpand", new Expand(true));
        binaries.register("column", new Column());
        binaries.register("nl", new Nl());
        binaries.register("split", new Split());
        binaries.register("csplit", new Csplit());
        binaries.register("shuf", new Shuf());
    }
}
