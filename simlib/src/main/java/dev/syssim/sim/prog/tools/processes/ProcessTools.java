package dev.syssim.sim.prog.tools.processes;

import static dev.syssim.sim.prog.tools.Installed.LIBC;
import static dev.syssim.sim.prog.tools.Installed.PROCPS;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Installed.Executable;
import java.util.List;

/** Where the processes tools are installed (path, size, libraries), and their registration. */
public final class ProcessTools {

    public static final List<Executable> BINARIES = List.of(
            Executable.of("/usr/bin/sleep", "sleep", 900, LIBC),
            Executable.of("/usr/bin/env", "env", 1_000, LIBC),
            Executable.of("/usr/bin/ps", "ps", 2_100, PROCPS, "libsystemd.so.0", LIBC),
            Executable.of("/usr/bin/kill", "kill", 1_000, PROCPS, LIBC),
            Executable.of("/usr/bin/taskset", "taskset", 1_000, LIBC),
            Executable.of("/usr/bin/printenv", "printenv", 900, LIBC),
            Executable.of("/usr/bin/timeout", "timeout", 1_000, LIBC),
            Executable.of("/usr/bin/nohup", "nohup", 900, LIBC),
            Executable.of("/usr/bin/nice", "nice", 900, LIBC),
            Executable.of("/usr/bin/renice", "renice", 900, LIBC),
            Executable.of("/usr/bin/prlimit", "prlimit", 1_000, "libsmartcols.so.1", LIBC),
            Executable.of("/usr/bin/pgrep", "pgrep", 1_000, PROCPS, LIBC),
            Executable.of("/usr/bin/pkill", "pkill", 1_000, PROCPS, LIBC),
            Executable.of("/usr/bin/top", "top", 1_600, PROCPS, "libtinfo.so.6", LIBC));

    private ProcessTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("sleep", new Sleep());
        binaries.register("env", new Env());
        binaries.register("ps", new Ps());
        binaries.register("kill", new Kill());
        binaries.register("taskset", new Taskset());
        binaries.register("printenv", new Printenv());
        binaries.register("timeout", new Timeout());
        binaries.register("nohup", new Nohup());
        binaries.register("nice", new Nice());
        binaries.register("renice", new Renice());
        binaries.register("prlimit", new Prlimit());
        binaries.register("pgrep", new Pgrep(false));
        binaries.register("pkill", new Pgrep(true));
        binaries.register("top", new Top());
    }
}
