package dev.syssim.sim.prog.tools.system;

import static dev.syssim.sim.prog.tools.Executable.LIBC;
import static dev.syssim.sim.prog.tools.Executable.PROCPS;
import static dev.syssim.sim.prog.tools.Executable.SELINUX;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Executable;
import java.util.List;

/** Where the system tools are installed (path, size, libraries), and their registration. */
public final class SystemTools {

    public static final List<Executable> BINARIES = List.of(
            Executable.of("/usr/bin/uname", "uname", 900, LIBC),
            Executable.of("/usr/bin/nproc", "nproc", 900, LIBC),
            Executable.of("/usr/bin/date", "date", 1_100, LIBC),
            Executable.of("/usr/bin/tty", "tty", 900, LIBC),
            Executable.of("/usr/bin/clear", "clear", 900, "libtinfo.so.6", LIBC),
            Executable.of("/usr/bin/hostname", "hostname", 900, LIBC),
            Executable.of("/usr/bin/free", "free", 1_000, PROCPS, LIBC),
            Executable.of("/usr/bin/uptime", "uptime", 1_000, PROCPS, "libsystemd.so.0", LIBC),
            Executable.of("/usr/bin/dmesg", "dmesg", 1_200, LIBC),
            Executable.of("/usr/bin/lscpu", "lscpu", 1_500, "libsmartcols.so.1", LIBC),
            Executable.setuid("/usr/bin/mount", "mount", 1_400, "libmount.so.1", SELINUX, "libblkid.so.1", LIBC),
            Executable.setuid("/usr/bin/umount", "umount", 1_300, "libmount.so.1", SELINUX, "libblkid.so.1", LIBC),
            Executable.of("/usr/bin/man", "man", 1_800, "libz.so.1", LIBC),
            Executable.of("/usr/bin/whatis", "whatis", 1_000, "libz.so.1", LIBC),
            Executable.of("/usr/bin/apropos", "apropos", 1_000, "libz.so.1", LIBC));

    private SystemTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("uname", new Uname());
        binaries.register("nproc", new Nproc());
        binaries.register("date", new Date(bootEpochSeconds));
        binaries.register("tty", new Tty());
        binaries.register("clear", new Clear());
        binaries.register("hostname", new Hostname());
        binaries.register("free", new Free());
        binaries.register("uptime", new Uptime());
        binaries.register("dmesg", new Dmesg());
        binaries.register("lscpu", new Lscpu());
        binaries.register("mount", new Mount());
        binaries.register("umount", new Umount());
        binaries.register("man", new Man(binaries));
        binaries.register("whatis", new Man(binaries, Man.Mode.WHATIS));
        binaries.register("apropos", new Man(binaries, Man.Mode.APROPOS));
    }
}
