package dev.syssim.sim.prog.tools.users;

import static dev.syssim.sim.prog.tools.Executable.LIBC;
import static dev.syssim.sim.prog.tools.Executable.SELINUX;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Executable;
import java.util.List;

/** Where the users tools are installed (path, size, libraries), and their registration. */
public final class UserTools {

    public static final List<Executable> BINARIES = List.of(
            Executable.of("/usr/bin/whoami", "whoami", 900, LIBC),
            Executable.of("/usr/bin/id", "id", 1_000, SELINUX, LIBC),
            Executable.of("/usr/bin/groups", "groups", 900, LIBC),
            Executable.of("/usr/bin/getent", "getent", 900, LIBC),
            Executable.setuid("/usr/bin/su", "su", 1_600, "libpam.so.0", LIBC),
            Executable.setuid("/usr/bin/sudo", "sudo", 2_400, "libaudit.so.1", SELINUX, LIBC));

    private UserTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("whoami", new Whoami());
        binaries.register("id", new Id());
        binaries.register("groups", new Groups());
        binaries.register("getent", new Getent());
        binaries.register("su", new Su());
        binaries.register("sudo", new Sudo());
    }
}
