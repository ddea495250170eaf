package dev.syssim.sim.prog.tools.archives;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Installed.Executable;
import java.util.List;

/** Where the archive tools are installed (path, size, libraries), and their registration. */
public final class ArchiveTools {

    public static final List<Executable> BINARIES = List.of();

    private ArchiveTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
    }
}
