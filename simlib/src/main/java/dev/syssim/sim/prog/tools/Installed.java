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

    private static final String SELINUX = "libselinux.so.1";
    /** procps 4.0.2 links libproc2; the image carries its predecessor's name for it. */
    private static final String PROCPS = "libproc2.so.0";

    public static final List<Executable> BINARIES = List.of(
            // coreutils 9.1
            Executable.of("/usr/bin/cat", "cat", 1_000, LIBC),
            Executable.of("/usr/bin/echo", "echo", 1_000, LIBC),
            Executable.of("/usr/bin/true", "true", 900, LIBC),
            Executable.of("/usr/bin/false", "false", 900, LIBC),
            Executable.of("/usr/bin/ls", "ls", 2_300, SELINUX, LIBC, "libpcre2-8.so.0"),
            Executable.of("/usr/bin/pwd", "pwd", 1_000, LIBC),
            Executable.of("/usr/bin/mkdir", "mkdir", 1_100, SELINUX, LIBC),
            Executable.of("/usr/bin/rm", "rm", 1_100, LIBC),
            Executable.of("/usr/bin/rmdir", "rmdir", 1_000, LIBC),
            Executable.of("/usr/bin/cp", "cp", 1_500, SELINUX, "libacl.so.1", "libattr.so.1", LIBC),
            Executable.of("/usr/bin/mv", "mv", 1_500, SELINUX, "libacl.so.1", "libattr.so.1", LIBC),
            Executable.of("/usr/bin/touch", "touch", 1_100, LIBC),
            Executable.of("/usr/bin/chmod", "chmod", 1_100, LIBC),
            Executable.of("/usr/bin/chown", "chown", 1_100, LIBC),
            Executable.of("/usr/bin/chgrp", "chgrp", 1_100, LIBC),
            Executable.of("/usr/bin/ln", "ln", 1_100, LIBC),
            Executable.of("/usr/bin/head", "head", 1_000, LIBC),
            Executable.of("/usr/bin/tail", "tail", 1_100, LIBC),
            Executable.of("/usr/bin/wc", "wc", 1_000, LIBC),
            Executable.of("/usr/bin/sort", "sort", 1_400, LIBC),
            Executable.of("/usr/bin/uniq", "uniq", 1_000, LIBC),
            Executable.of("/usr/bin/cut", "cut", 1_000, LIBC),
            Executable.of("/usr/bin/tr", "tr", 1_000, LIBC),
            Executable.of("/usr/bin/tee", "tee", 1_000, LIBC),
            Executable.of("/usr/bin/whoami", "whoami", 900, LIBC),
            Executable.of("/usr/bin/id", "id", 1_000, SELINUX, LIBC),
            Executable.of("/usr/bin/uname", "uname", 900, LIBC),
            Executable.of("/usr/bin/nproc", "nproc", 900, LIBC),
            Executable.of("/usr/bin/sleep", "sleep", 900, LIBC),
            Executable.of("/usr/bin/yes", "yes", 900, LIBC),
            Executable.of("/usr/bin/env", "env", 1_000, LIBC),
            Executable.of("/usr/bin/date", "date", 1_100, LIBC),
            Executable.of("/usr/bin/stat", "stat", 1_100, SELINUX, LIBC),
            Executable.of("/usr/bin/basename", "basename", 900, LIBC),
            Executable.of("/usr/bin/dirname", "dirname", 900, LIBC),
            Executable.of("/usr/bin/seq", "seq", 1_000, LIBC),
            Executable.of("/usr/bin/tty", "tty", 900, LIBC),
            Executable.of("/usr/bin/groups", "groups", 900, LIBC),
            // grep 3.8, ncurses-bin, hostname 3.23
            Executable.of("/usr/bin/grep", "grep", 1_500, "libpcre2-8.so.0", LIBC),
            Executable.of("/usr/bin/clear", "clear", 900, "libtinfo.so.6", LIBC),
            // less 590
            Executable.of("/usr/bin/less", "less", 1_700, "libtinfo.so.6", LIBC),
            Executable.of("/usr/bin/hostname", "hostname", 900, LIBC),
            // procps 4.0.2
            Executable.of("/usr/bin/ps", "ps", 2_100, PROCPS, "libsystemd.so.0", LIBC),
            Executable.of("/usr/bin/kill", "kill", 1_000, PROCPS, LIBC),
            Executable.of("/usr/bin/free", "free", 1_000, PROCPS, LIBC),
            Executable.of("/usr/bin/uptime", "uptime", 1_000, PROCPS, "libsystemd.so.0", LIBC),
            // util-linux 2.38.1: mount, umount and su are set-user-ID root
            Executable.of("/usr/bin/dmesg", "dmesg", 1_200, LIBC),
            Executable.of("/usr/bin/lscpu", "lscpu", 1_500, "libsmartcols.so.1", LIBC),
            Executable.setuid("/usr/bin/mount", "mount", 1_400, "libmount.so.1", SELINUX, "libblkid.so.1", LIBC),
            Executable.setuid("/usr/bin/umount", "umount", 1_300, "libmount.so.1", SELINUX, "libblkid.so.1", LIBC),
            Executable.of("/usr/bin/taskset", "taskset", 1_000, LIBC),
            Executable.setuid("/usr/bin/su", "su", 1_600, "libpam.so.0", LIBC),
            // sudo 1.9.13p3 (set-user-ID root), man-db 2.11.2
            Executable.setuid("/usr/bin/sudo", "sudo", 2_400, "libaudit.so.1", SELINUX, LIBC),
            Executable.of("/usr/bin/man", "man", 1_800, "libz.so.1", LIBC));

    private Installed() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("cat", new Cat())
                .register("echo", new Echo())
                .register("true", new Exit(0))
                .register("false", new Exit(1))
                .register("ls", new Ls(bootEpochSeconds))
                .register("pwd", new Pwd())
                .register("mkdir", new Mkdir())
                .register("rm", new Rm())
                .register("rmdir", new Rmdir())
                .register("cp", new Cp())
                .register("mv", new Mv())
                .register("touch", new Touch())
                .register("chmod", new Chmod())
                .register("chown", new Chown(false))
                .register("chgrp", new Chown(true))
                .register("ln", new Ln())
                .register("head", new Head())
                .register("tail", new Tail())
                .register("wc", new Wc())
                .register("sort", new Sort())
                .register("uniq", new Uniq())
                .register("cut", new Cut())
                .register("tr", new Tr())
                .register("tee", new Tee())
                .register("whoami", new Whoami())
                .register("id", new Id())
                .register("uname", new Uname())
                .register("nproc", new Nproc())
                .register("sleep", new Sleep())
                .register("yes", new Yes())
                .register("env", new Env())
                .register("date", new Date())
                .register("stat", new StatTool(bootEpochSeconds))
                .register("basename", new Basename(false))
                .register("dirname", new Basename(true))
                .register("seq", new Seq())
                .register("tty", new Tty())
                .register("groups", new Groups())
                .register("grep", new Grep())
                .register("clear", new Clear())
                .register("less", new Less())
                .register("hostname", new Hostname())
                .register("ps", new Ps())
                .register("kill", new Kill())
                .register("free", new Free())
                .register("uptime", new Uptime())
                .register("dmesg", new Dmesg())
                .register("lscpu", new Lscpu())
                .register("mount", new Mount())
                .register("umount", new Umount())
                .register("taskset", new Taskset())
                .register("su", new Su())
                .register("sudo", new Sudo())
                .register("man", new Man(binaries));
    }
}
