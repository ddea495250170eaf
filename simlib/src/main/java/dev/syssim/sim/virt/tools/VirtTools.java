package dev.syssim.sim.virt.tools;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Executable;
import java.util.List;

/**
 * The virtualization packages of Debian 12 (qemu-system-x86 7.2, qemu-utils, libvirt-daemon-system
 * and libvirt-clients 9.0, linux-perf 6.1): where each program is installed. Every machine can run
 * them; the world installs the files only where the packages are ({@code Virtualization}).
 */
public final class VirtTools {

    private static final String LIBC = "libc.so.6";

    public static final List<Executable> BINARIES = List.of(
            exe("/usr/bin/qemu-system-x86_64", "qemu-system-x86_64", 38_000, "libz.so.1", LIBC),
            exe("/usr/bin/qemu-img", "qemu-img", 6_200, "libz.so.1", LIBC),
            exe("/usr/bin/virsh", "virsh", 9_500, "libselinux.so.1", LIBC),
            exe("/usr/sbin/libvirtd", "libvirtd", 21_000, "libselinux.so.1", "libsystemd.so.0", LIBC),
            exe("/usr/bin/perf", "perf", 12_000, "libz.so.1", LIBC));

    private VirtTools() {
    }

    private static Executable exe(String path, String program, int memoryKiB, String... libraries) {
        return new Executable(path, program, memoryKiB, 0755, List.of(libraries));
    }

    public static void register(Binaries binaries) {
        binaries.register("qemu-system-x86_64", new Qemu())
                .register("qemu-img", new QemuImg())
                .register("virsh", new Virsh())
                .register("libvirtd", new Libvirtd())
                .register("perf", new Perf());
    }
}
