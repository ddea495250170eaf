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
            Executable.of("/usr/bin/taskset", "taskset", 1_000, LIBC));

    private ProcessTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("sleep", new Sleep());
        binaries.register("env", new Env());
        binaries.register("ps", new Ps());
        binaries.register("kill", new Kill());
        binaries.register("taskset", new Taskset());
    }
}
