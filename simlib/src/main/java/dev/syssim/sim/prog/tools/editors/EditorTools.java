package dev.syssim.sim.prog.tools.editors;

import static dev.syssim.sim.prog.tools.Installed.LIBC;
import static dev.syssim.sim.prog.tools.Installed.SELINUX;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Installed.Executable;
import java.util.List;

/** Where the editors are installed (path, size, libraries), and their registration. */
public final class EditorTools {

    public static final List<Executable> BINARIES = List.of(
            Executable.of("/usr/bin/sed", "sed", 1_300, SELINUX, LIBC));

    private EditorTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("sed", new Sed());
    }
}
