package dev.syssim.sim.prog.tools;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.archives.ArchiveTools;
import dev.syssim.sim.prog.tools.bytes.BytesTools;
import dev.syssim.sim.prog.tools.editors.EditorTools;
import dev.syssim.sim.prog.tools.files.FileTools;
import dev.syssim.sim.prog.tools.isolation.IsolationTools;
import dev.syssim.sim.prog.tools.processes.ProcessTools;
import dev.syssim.sim.prog.tools.system.SystemTools;
import dev.syssim.sim.prog.tools.text.TextTools;
import dev.syssim.sim.prog.tools.users.UserTools;
import java.util.ArrayList;
import java.util.List;

/**
 * The tools of the simulated Debian image: every group's {@link Executable}s joined, and the
 * registration of their programs. Each group of tools (text, files, processes, system, users …)
 * lists its own.
 */
public final class Installed {

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
        all.addAll(IsolationTools.BINARIES);
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
        IsolationTools.register(binaries, bootEpochSeconds);
    }
}
