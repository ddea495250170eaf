package dev.syssim.sim.prog.tools.text;

import static dev.syssim.sim.prog.tools.Installed.LIBC;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Installed.Executable;
import java.util.List;

/** Where the text tools are installed (path, size, libraries), and their registration. */
public final class TextTools {

    public static final List<Executable> BINARIES = List.of(
            Executable.of("/usr/bin/cat", "cat", 1_000, LIBC),
            Executable.of("/usr/bin/echo", "echo", 1_000, LIBC),
            Executable.of("/usr/bin/true", "true", 900, LIBC),
            Executable.of("/usr/bin/false", "false", 900, LIBC),
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
            Executable.of("/usr/bin/less", "less", 1_700, "libtinfo.so.6", LIBC));

    private TextTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("cat", new Cat());
        binaries.register("echo", new Echo());
        binaries.register("true", new Exit(0));
        binaries.register("false", new Exit(1));
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
        binaries.register("less", new Less());
    }
}
