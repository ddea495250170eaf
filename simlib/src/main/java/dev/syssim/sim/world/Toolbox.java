package dev.syssim.sim.world;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Cat;
import dev.syssim.sim.prog.tools.Echo;
import dev.syssim.sim.prog.tools.Exit;
import dev.syssim.sim.prog.tools.Init;
import dev.syssim.sim.prog.tools.Ls;
import dev.syssim.sim.shell.Bash;
import java.util.List;

/** The programs every Debian machine of the world can run, and where the extra ones are installed. */
public final class Toolbox {

    /** The boot date every machine's clock starts from (see {@link dev.syssim.sim.os.Kernel#bootEpochSeconds()}). */
    public static final long BOOT_EPOCH = 1_767_607_200L;

    private Toolbox() {
    }

    public static Binaries programs() {
        return new Binaries()
                .register("init", new Init())
                .register("bash", new Bash(false))
                .register("sh", new Bash(true))
                .register("cat", new Cat())
                .register("echo", new Echo())
                .register("true", new Exit(0))
                .register("false", new Exit(1))
                .register("ls", new Ls(BOOT_EPOCH));
    }

    /** Executables beyond the base image's list. */
    static List<DebianImage.Binary> binaries() {
        return List.of();
    }
}
