package dev.syssim.sim.prog.tools.editors;

import static dev.syssim.sim.prog.tools.Executable.LIBC;
import static dev.syssim.sim.prog.tools.Executable.SELINUX;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Executable;
import dev.syssim.sim.prog.tools.editors.awk.Awk;
import dev.syssim.sim.prog.tools.editors.diff.Diff;
import java.util.List;

/**
 * Where the editors are installed (path, size, libraries), and their registration. Debian's awk
 * is mawk until gawk is installed; the simulated image has gawk, so {@code /usr/bin/awk} runs it
 * (on Debian a symlink through /etc/alternatives).
 */
public final class EditorTools {

    public static final List<Executable> BINARIES = List.of(
            Executable.of("/usr/bin/sed", "sed", 1_300, SELINUX, LIBC),
            Executable.of("/usr/bin/gawk", "gawk", 2_900, LIBC),
            Executable.of("/usr/bin/awk", "awk", 2_900, LIBC),
            Executable.of("/usr/bin/diff", "diff", 1_600, LIBC),
            Executable.of("/usr/bin/cmp", "cmp", 1_100, LIBC));

    private EditorTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("sed", new Sed());
        binaries.register("awk", new Awk());
        binaries.register("gawk", new Awk());
        binaries.register("diff", new Diff(bootEpochSeconds));
        binaries.register("cmp", new Cmp());
    }
}
