package dev.syssim.sim.world;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.system.Init;
import dev.syssim.sim.prog.tools.Installed;
import dev.syssim.sim.prog.lang.Interpreter;
import dev.syssim.sim.prog.tools.processes.Strace;
import dev.syssim.sim.shell.Bash;
import java.util.List;

/** The programs every Debian machine of the world can run, and where they are installed. */
public final class Toolbox {

    /** The boot date every machine's clock starts from (see {@link dev.syssim.sim.os.Kernel#bootEpochSeconds()}). */
    public static final long BOOT_EPOCH = 1_767_607_200L;

    private Toolbox() {
    }

    public static Binaries programs() {
        Binaries binaries = new Binaries()
                .register("init", new Init())
                .register("bash", new Bash(false))
                .register("sh", new Bash(true))
                .register("strace", new Strace())
                .register(Interpreter.PROGRAM, new Interpreter());
        Installed.register(binaries, BOOT_EPOCH);
        dev.syssim.sim.prog.net.NetworkTools.register(binaries);
        dev.syssim.sim.virt.tools.VirtTools.register(binaries);
        dev.syssim.sim.container.tools.ContainerTools.register(binaries);
        return binaries;
    }

    /** Executables beyond the base image's shells and init: the tools of {@link Installed}. */
    static List<DebianImage.Binary> binaries() {
        List<DebianImage.Binary> all = new java.util.ArrayList<>(Installed.BINARIES.stream()
                .map(b -> new DebianImage.Binary(b.path(), b.program(), b.memoryKiB(), b.mode(), b.libraries()))
                .toList());
        dev.syssim.sim.prog.net.NetworkTools.BINARIES.forEach(b -> all.add(new DebianImage.Binary(b.path(), b.program(), b.memoryKiB(), b.mode(), b.libraries())));
        all.add(DebianImage.Binary.of("/usr/bin/strace", "strace", 2_600, "libc.so.6"));
        return all;
    }
}
