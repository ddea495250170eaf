package dev.syssim.sim.prog.tools.files;

import static dev.syssim.sim.prog.tools.Executable.LIBC;
import static dev.syssim.sim.prog.tools.Executable.SELINUX;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Executable;
import java.util.List;

/** Where the files tools are installed (path, size, libraries), and their registration. */
public final class FileTools {

    public static final List<Executable> BINARIES = List.of(
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
            Executable.of("/usr/bin/stat", "stat", 1_100, SELINUX, LIBC),
            Executable.of("/usr/bin/basename", "basename", 900, LIBC),
            Executable.of("/usr/bin/dirname", "dirname", 900, LIBC),
            Executable.of("/usr/bin/readlink", "readlink", 1_000, LIBC),
            Executable.of("/usr/bin/realpath", "realpath", 1_000, LIBC),
            Executable.of("/usr/bin/mkfifo", "mkfifo", 1_000, SELINUX, LIBC),
            Executable.of("/usr/bin/mktemp", "mktemp", 1_000, LIBC),
            Executable.of("/usr/bin/install", "install", 1_500, SELINUX, "libacl.so.1", "libattr.so.1", LIBC),
            Executable.of("/usr/bin/truncate", "truncate", 1_000, LIBC),
            Executable.of("/usr/bin/du", "du", 1_200, LIBC),
            Executable.of("/usr/bin/df", "df", 1_200, LIBC),
            Executable.of("/usr/bin/file", "file", 1_300, LIBC),
            Executable.of("/usr/bin/find", "find", 2_100, SELINUX, LIBC),
            Executable.of("/usr/bin/xargs", "xargs", 1_100, LIBC));

    private FileTools() {
    }

    public static void register(Binaries binaries, long bootEpochSeconds) {
        binaries.register("ls", new Ls(bootEpochSeconds));
        binaries.register("pwd", new Pwd());
        binaries.register("mkdir", new Mkdir());
        binaries.register("rm", new Rm());
        binaries.register("rmdir", new Rmdir());
        binaries.register("cp", new Cp());
        binaries.register("mv", new Mv());
        binaries.register("touch", new Touch(bootEpochSeconds));
        binaries.register("chmod", new Chmod());
        binaries.register("chown", new Chown(false));
        binaries.register("chgrp", new Chown(true));
        binaries.register("ln", new Ln());
        binaries.register("stat", new StatTool(bootEpochSeconds));
        binaries.register("basename", new Basename(false));
        binaries.register("dirname", new Basename(true));
        binaries.register("readlink", new Readlink());
        binaries.register("realpath", new Realpath());
        binaries.register("mkfifo", new Mkfifo());
        binaries.register("mktemp", new Mktemp());
        binaries.register("install", new Install());
        binaries.register("truncate", new Truncate());
        binaries.register("du", new Du());
        binaries.register("df", new Df());
        binaries.register("file", new FileTool());
        binaries.register("find", new Find(bootEpochSeconds));
        binaries.register("xargs", new Xargs());
    }
}
