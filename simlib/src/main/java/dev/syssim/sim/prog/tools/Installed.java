package dev.syssim.sim.prog.tools;

import dev.syssim.sim.prog.Binaries;
import java.util.List;

/**
 * The tools of the simulated Debian image: where each executable is installed, which program it
 * runs, how big it is, and which shared libraries it links — and the registration of the programs.
 */
public final class Installed {

    /** One installed executable (mode 04755 for set-user-ID root tools such as su). */
    public record Executable(String path, String program, int memoryKiB, int mode, List<String> libraries) {

        static Executable of(String path, String program, int memoryKiB, String... libraries) {
            return new Executable(path, program, memoryKiB, 0755, List.of(libraries));
        }

        static Executable setuid(String path, String program, int memoryKiB, String... libraries) {
            return new Executable(path, program, memoryKiB, 04755, List.of(libraries));
        }
    }

    private static final String LIBC = "libc.so.6";

    public static final List<Executable> BINARIES = List.of(
            Executable.of("/usr/bin/cat", "cat", 1_000, LIBC),
            Executable.of("/usr/bin/echo", "echo", 1_000, LIBC),
            Executable.of("/usr/bin/true", "true", 900, LIBC),
            Executable.of("/usr/bin/false", "false", 900, LIBC),
            Executable.of("/usr/bin/ls", "ls", 2_300, "libselinux.so.1", LIBC, "libpcre2-8.so.0"));

    private Installed() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("cat", new Cat())
                .register("echo", new Echo())
                .register("true", new Exit(0))
                .register("false", new Exit(1))
                .register("ls", new Ls(bootEpochSeconds));
    }
}
