package dev.syssim.sim.prog.tools.isolation;

import static dev.syssim.sim.prog.tools.Installed.LIBC;
import static dev.syssim.sim.prog.tools.Installed.SELINUX;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Installed.Executable;
import java.util.List;

/**
 * Where the isolation tools are installed (path, size, libraries), and their registration; also
 * Debian's busybox-static ({@code /usr/bin/busybox}, a static executable), which minimal roots copy.
 */
public final class IsolationTools {

    public static final List<Executable> BINARIES = List.of(
            Executable.of("/usr/sbin/chroot", "chroot", 1_000, LIBC),
            Executable.of("/usr/bin/setpriv", "setpriv", 1_000, "libcap-ng.so.0", LIBC),
            Executable.of("/usr/bin/unshare", "unshare", 1_000, LIBC),
            Executable.of("/usr/bin/nsenter", "nsenter", 1_000, SELINUX, LIBC),
            Executable.of("/usr/bin/lsns", "lsns", 1_100, "libsmartcols.so.1", "libmount.so.1", LIBC),
            Executable.of("/usr/bin/ldd", "ldd", 900, LIBC),
            Executable.of("/usr/bin/busybox", "busybox", 1_936),
            Executable.of("/usr/sbin/debootstrap", "debootstrap", 300, LIBC));

    private IsolationTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("chroot", new Chroot());
        binaries.register("setpriv", new Setpriv());
        binaries.register("unshare", new Unshare());
        binaries.register("nsenter", new Nsenter());
        binaries.register("lsns", new Lsns());
        binaries.register("ldd", new Ldd());
        binaries.register("debootstrap", new Debootstrap());
        // not installed on the host: debootstrap --include=hello puts it into a root
        binaries.register("hello", new Hello());
        binaries.register("busybox", new dev.syssim.sim.prog.tools.busybox.Busybox(bootEpochSeconds, binaries::find));
    }
}
