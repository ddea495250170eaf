package dev.syssim.sim.prog.tools;

import java.util.List;

/**
 * One installed executable of the simulated Debian image: where it is, which program it runs, how
 * big it is, and which shared libraries it links (mode 04755 for set-user-ID root tools such as su).
 * Each group of tools lists its own; {@link Installed} joins them.
 */
public record Executable(String path, String program, int memoryKiB, int mode, List<String> libraries) {

    /** The C library every tool links. */
    public static final String LIBC = "libc.so.6";
    public static final String SELINUX = "libselinux.so.1";
    /** procps 4.0.2 links libproc2; the image carries its predecessor's name for it. */
    public static final String PROCPS = "libproc2.so.0";

    public static Executable of(String path, String program, int memoryKiB, String... libraries) {
        return new Executable(path, program, memoryKiB, 0755, List.of(libraries));
    }

    public static Executable setuid(String path, String program, int memoryKiB, String... libraries) {
        return new Executable(path, program, memoryKiB, 04755, List.of(libraries));
    }
}
