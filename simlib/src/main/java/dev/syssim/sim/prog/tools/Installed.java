package dev.syssim.sim.prog.tools;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.archives.ArchiveTools;
import dev.syssim.sim.prog.tools.bytes.BytesTools;
import dev.syssim.sim.prog.tools.editors.EditorTools;
import dev.syssim.sim.prog.tools.files.FileTools;
import dev.syssim.sim.prog.tools.processes.ProcessTools;
import dev.syssim.sim.prog.tools.system.SystemTools;
import dev.syssim.sim.prog.tools.text.TextTools;
import dev.syssim.sim.prog.tools.users.UserTools;
import java.util.ArrayList;
import java.util.List;

/**
 * The tools of the simulated Debian image: where each executable is installed, which program it
 * runs, how big it is, and which shared libraries it links — and the registration of the programs.
 * Each group of tools (text, files, processes, system, users) lists its own; this joins them.
 */
public final class Installed {

    /** One installed executable (mode 04755 for set-user-ID root tools such as su). */
    public record Executable(String path, String program, int memoryKiB, int mode, List<String> libraries) {

        public static Executable of(String path, String program, int memoryKiB, String... libraries) {
            return new Executable(path, program, memoryKiB, 0755, List.of(libraries));
        }

        public static Executable setuid(String path, String program, int memoryKiB, String... libraries) {
            return new Executable(path, program, memoryKiB, 04755, List.of(libraries));
        }
    }

    /** The C library every tool links. */
    public static final String LIBC = "libc.so.6";
    public static final String SELINUX = "libselinux.so.1";
    /** procps 4.0.2 links libproc2; the image carries its predecessor's name for it. */
    public static final String PROCPS = "libproc2.so.0";

    public static final List<Executable> BINARIES = all();

    private Installed() {
    }

    private static List<Executable> all() {
        List<Executable> all = new ArrayList<>();
        all.addAll(TextTools.BINARIES);
        all.addAll(FileTools.BINARIES);
        all.addAll(ProcessTools.BINARIES);
        all.addAll(SystemTools.BINARIES);
        all.addAll(UserTools.BINARIES);
        all.addAll(BytesTools.BINARIES);
        all.addAll(ArchiveTools.BINARIES);
        all.addAll(EditorTools.BINARIES);
        return List.copyOf(all);
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        TextTools.register(binaries, bootEpochSeconds);
        FileTools.register(binaries, bootEpochSeconds);
        ProcessTools.register(binaries, bootEpochSeconds);
        SystemTools.register(binaries, bootEpochSeconds);
        UserTools.register(binaries, bootEpochSeconds);
        BytesTools.register(binaries, bootEpochSeconds);
        ArchiveTools.register(binaries, bootEpochSeconds);
        EditorTools.register(binaries, bootEpochSeconds);
    }
}
