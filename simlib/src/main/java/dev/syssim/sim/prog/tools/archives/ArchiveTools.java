package dev.syssim.sim.prog.tools.archives;

import static dev.syssim.sim.prog.tools.Executable.LIBC;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Executable;
import java.util.List;

/** Where the archive tools are installed (path, size, libraries), and their registration. */
public final class ArchiveTools {

    public static final List<Executable> BINARIES = List.of(
            Executable.of("/usr/bin/gzip", "gzip", 1_100, LIBC),
            Executable.of("/usr/bin/gunzip", "gunzip", 1_100, LIBC),
            Executable.of("/usr/bin/zcat", "zcat", 1_100, LIBC),
            Executable.of("/usr/bin/tar", "tar", 2_900, "libacl.so.1", "libselinux.so.1", LIBC));

    private ArchiveTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("gzip", new Gzip("gzip", bootEpochSeconds));
        binaries.register("gunzip", new Gzip("gunzip", bootEpochSeconds));
        binaries.register("zcat", new Gzip("zcat", bootEpochSeconds));
        binaries.register("tar", new Tar(bootEpochSeconds));
    }
}
