package dev.syssim.sim.prog.tools.isolation;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.prog.tools.Executable;
import dev.syssim.sim.prog.tools.Installed;
import dev.syssim.sim.prog.tools.isolation.Debootstrap.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated offline mirror's packages: what each puts into a new root. The programs are the
 * executables of {@link Installed} that the package ships on Debian (by name); the libraries are
 * the sonames the simulation's programs link. Packages the simulation has no program of (apt,
 * perl-base, tzdata, ...) install nothing here: a simplification, named in {@link Debootstrap}.
 */
final class Packages {

    private static final String MULTIARCH = "/usr/lib/x86_64-linux-gnu/";

    /** Which programs (by file name) each package ships. */
    private static final Map<String, Set<String>> PROGRAMS = Map.ofEntries(
            Map.entry("coreutils", Set.of("[", "base64", "basename", "cat", "chgrp", "chmod", "chown", "cksum", "comm", "cp", "csplit", "cut",
                    "date", "dd", "df", "dirname", "du", "echo", "env", "expand", "expr", "false", "fold", "groups", "head", "id",
                    "install", "join", "ln", "ls", "md5sum", "mkdir", "mkfifo", "mknod", "mktemp", "mv", "nice", "nl", "nohup", "nproc",
                    "od", "paste", "printenv", "printf", "pwd", "readlink", "realpath", "rm", "rmdir", "seq", "sha1sum", "sha256sum",
                    "shuf", "sleep", "sort", "split", "stat", "sum", "tac", "tail", "tee", "test", "timeout", "touch", "tr", "true", "truncate",
                    "tty", "uname", "unexpand", "uniq", "wc", "whoami", "yes", "chroot")),
            Map.entry("grep", Set.of("grep", "egrep", "fgrep")),
            Map.entry("sed", Set.of("sed")),
            Map.entry("findutils", Set.of("find", "xargs")),
            Map.entry("tar", Set.of("tar")),
            Map.entry("gzip", Set.of("gzip", "gunzip", "zcat")),
            Map.entry("diffutils", Set.of("diff", "cmp")),
            Map.entry("util-linux", Set.of("dmesg", "lsns", "nsenter", "unshare", "setpriv", "taskset", "renice", "su", "rev", "more")),
            Map.entry("bsdutils", Set.of("logger")),
            Map.entry("mount", Set.of("mount", "umount")),
            Map.entry("hostname", Set.of("hostname")),
            Map.entry("libc-bin", Set.of("getent", "ldd")),
            Map.entry("mawk", Set.of("mawk")),
            Map.entry("ncurses-bin", Set.of("clear")));

    /** Which libraries each library package ships. */
    private static final Map<String, String> LIBRARIES = Map.ofEntries(
            Map.entry("libtinfo6", "libtinfo.so.6"), Map.entry("libselinux1", "libselinux.so.1"),
            Map.entry("libpcre2-8-0", "libpcre2-8.so.0"), Map.entry("libacl1", "libacl.so.1"), Map.entry("libattr1", "libattr.so.1"),
            Map.entry("libcap2", "libcap.so.2"), Map.entry("libaudit1", "libaudit.so.1"), Map.entry("libpam0g", "libpam.so.0"),
            Map.entry("libsystemd0", "libsystemd.so.0"), Map.entry("libmount1", "libmount.so.1"), Map.entry("libblkid1", "libblkid.so.1"),
            Map.entry("libsmartcols1", "libsmartcols.so.1"), Map.entry("zlib1g", "libz.so.1"), Map.entry("libcap-ng0", "libcap-ng.so.0"));

    private Packages() {
    }

    /** The skeleton debootstrap makes before it extracts anything: the merged-/usr links and the top directories. */
    static List<Entry> skeleton() {
        List<Entry> out = new ArrayList<>();
        for (String d : List.of("/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/etc", "/var")) {
            out.add(Entry.dir(d));
        }
        out.add(Entry.link("/bin", "usr/bin"));
        out.add(Entry.link("/sbin", "usr/sbin"));
        out.add(Entry.link("/lib", "usr/lib"));
        out.add(Entry.link("/lib64", "usr/lib64"));
        return out;
    }

    /** The device nodes and links debootstrap makes in TARGET/dev (setup_devices on a real host). */
    static List<Entry> devices() {
        List<Entry> out = new ArrayList<>();
        out.add(Entry.dir("/dev"));
        out.add(Entry.chr("/dev/console", 0666, 5, 1));
        out.add(Entry.chr("/dev/full", 0666, 1, 7));
        out.add(Entry.chr("/dev/null", 0666, 1, 3));
        out.add(Entry.chr("/dev/ptmx", 0666, 5, 2));
        out.add(Entry.chr("/dev/random", 0666, 1, 8));
        out.add(Entry.chr("/dev/tty", 0666, 5, 0));
        out.add(Entry.chr("/dev/urandom", 0666, 1, 9));
        out.add(Entry.chr("/dev/zero", 0666, 1, 5));
        out.add(Entry.dir("/dev/pts"));
        out.add(Entry.dir("/dev/shm"));
        out.add(Entry.link("/dev/fd", "/proc/self/fd"));
        out.add(Entry.link("/dev/stdin", "/proc/self/fd/0"));
        out.add(Entry.link("/dev/stdout", "/proc/self/fd/1"));
        out.add(Entry.link("/dev/stderr", "/proc/self/fd/2"));
        return out;
    }

    /** What package {@code pkg} installs into a root of {@code suite}, whose libc defines up to {@code glibc}. */
    static List<Entry> files(String pkg, String suite, String glibc) {
        List<Entry> out = new ArrayList<>();
        switch (pkg) {
            case "base-files" -> baseFiles(out, suite);
            case "base-passwd" -> {
                out.add(Entry.text("/etc/passwd", resource("passwd")));
                out.add(Entry.text("/etc/group", resource("group")));
            }
            case "libc6" -> {
                out.add(Entry.file(MULTIARCH + "libc.so.6", 0755, ExecImage.library("libc.so.6").withGlibc(glibc).toBytes()));
                out.add(Entry.file(MULTIARCH + "ld-linux-x86-64.so.2", 0755, ExecImage.staticImage("ld.so", 240).toBytes()));
                out.add(Entry.link("/usr/lib64/ld-linux-x86-64.so.2", "../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"));
            }
            case "bash" -> out.add(Entry.file("/usr/bin/bash", 0755, ExecImage.dynamic("bash", 4_100, "libtinfo.so.6", "libc.so.6").toBytes()));
            case "dash" -> {
                out.add(Entry.file("/usr/bin/dash", 0755, ExecImage.dynamic("sh", 1_500, "libc.so.6").toBytes()));
                out.add(Entry.link("/usr/bin/sh", "dash"));
            }
            // GNU hello 2.10 as trixie builds it: glibc 2.38's headers turn fscanf into
            // __isoc23_fscanf@GLIBC_2.38 (objdump -T), so it needs a C library at least that new
            case "hello" -> out.add(Entry.file("/usr/bin/hello", 0755,
                    ExecImage.dynamic("hello", 120, "libc.so.6").withGlibc("GLIBC_2.38").toBytes()));
            default -> {
                String lib = LIBRARIES.get(pkg);
                if (lib != null) out.add(Entry.file(MULTIARCH + lib, 0644, ExecImage.library(lib).toBytes()));
                Set<String> programs = PROGRAMS.get(pkg);
                if (programs != null) {
                    for (Executable e : Installed.BINARIES) {
                        String name = e.path().substring(e.path().lastIndexOf('/') + 1);
                        if (!programs.contains(name)) continue;
                        ExecImage image = e.libraries().isEmpty() ? ExecImage.staticImage(e.program(), e.memoryKiB())
                                : ExecImage.dynamic(e.program(), e.memoryKiB(), e.libraries().toArray(String[]::new));
                        out.add(Entry.file(e.path(), e.mode(), image.toBytes()));
                    }
                }
            }
        }
        return out;
    }

    private static void baseFiles(List<Entry> out, String suite) {
        boolean bookworm = suite.equals("bookworm");
        String version = bookworm ? "12" : "13";
        for (String d : List.of("/boot", "/home", "/media", "/mnt", "/opt", "/run", "/srv", "/usr/local", "/usr/local/bin", "/usr/share",
                "/var/lib", "/var/log", "/var/cache")) {
            out.add(Entry.dir(d));
        }
        out.add(Entry.dir("/proc", 0555));
        out.add(Entry.dir("/sys", 0555));
        out.add(Entry.dir("/root", 0700));
        out.add(Entry.dir("/tmp", 01777));
        out.add(Entry.dir("/var/tmp", 01777));
        out.add(Entry.text("/etc/debian_version", bookworm ? "12.15\n" : "13.8\n"));
        out.add(Entry.text("/etc/issue", "Debian GNU/Linux " + version + " \\n \\l\n\n"));
        out.add(Entry.text("/usr/lib/os-release", "PRETTY_NAME=\"Debian GNU/Linux " + version + " (" + suite + ")\"\n"
                + "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"" + version + "\"\nVERSION=\"" + version + " (" + suite + ")\"\n"
                + "VERSION_CODENAME=" + suite + "\n" + (bookworm ? "" : "DEBIAN_VERSION_FULL=13.8\n")
                + "ID=debian\nHOME_URL=\"https://www.debian.org/\"\nSUPPORT_URL=\"https://www.debian.org/support\"\n"
                + "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n"));
        out.add(Entry.link("/etc/os-release", "../usr/lib/os-release"));
    }

    static String resource(String name) {
        try (InputStream in = Packages.class.getResourceAsStream("debootstrap/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource debootstrap/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
