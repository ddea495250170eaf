package dev.syssim.sim.world;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import java.nio.charset.StandardCharsets;
import dev.syssim.sim.prog.Passwords;
import java.util.List;

/**
 * The root file system of a Debian 12 ("bookworm") machine, small: the merged-/usr layout
 * ({@code /bin -> usr/bin}), the C library and loader, the programs the course uses, and the files
 * in /etc they read. Executables carry their ELF facts (which program, which libraries).
 */
public final class DebianImage {

    /** An installed executable: where, which program, its size, and the libraries it links. */
    public record Binary(String path, String program, int memoryKiB, int mode, List<String> libraries) {

        static Binary of(String path, String program, int memoryKiB, String... libraries) {
            return new Binary(path, program, memoryKiB, 0755, List.of(libraries));
        }

        static Binary setuid(String path, String program, int memoryKiB, String... libraries) {
            return new Binary(path, program, memoryKiB, 04755, List.of(libraries));
        }
    }

    static final String LIBC = "libc.so.6";
    static final String LIBDIR = "/usr/lib/x86_64-linux-gnu";
    /** Files older than the boot: installed a month before the lecture. */
    /** The root partition: 32 GiB less the first MiB (the partition table), as df reports it. */
    static final long ROOT_SIZE = 8_388_096L * 4096;
    static final long ROOT_BASE_USED = 2_300_000_000L;
    static final long INSTALL_TIME = -29L * 86_400 * 1_000_000_000L - 3_600_000_000_000L;

    /** The shared libraries the image carries. */
    static final List<String> LIBRARIES = List.of(LIBC, "libtinfo.so.6", "libselinux.so.1", "libpcre2-8.so.0",
            "libacl.so.1", "libattr.so.1", "libcap.so.2", "libaudit.so.1", "libpam.so.0", "libproc2.so.0",
            "libsystemd.so.0", "libmount.so.1", "libblkid.so.1", "libsmartcols.so.1", "libz.so.1");

    /** The shells and init; the tools come from {@link Toolbox}. */
    public static final List<Binary> BINARIES = List.of(
            Binary.of("/usr/sbin/init", "init", 9_200, LIBC, "libsystemd.so.0"),
            Binary.of("/usr/bin/bash", "bash", 4_100, "libtinfo.so.6", LIBC),
            Binary.of("/usr/bin/dash", "sh", 1_500, LIBC));

    private DebianImage() {
    }

    /** Builds the root file system ({@code /dev/sda1}, ext4) of a machine called {@code hostname}. */
    public static FileSystem rootFileSystem(String hostname, List<Binary> extraBinaries) {
        FileSystem fs = new FileSystem("ext4", "/dev/sda1", 0x801, true, 2);
        // The 32 GiB disk's one partition; a Debian 12 installation with the course's packages
        // uses about 2.3 GB of it besides the files modelled here.
        fs.setCapacity(ROOT_SIZE, ROOT_BASE_USED, 2_064_384);
        Inode root = fs.root();
        root.setMtime(INSTALL_TIME);
        Inode usr = dir(fs, root, "usr", 0755);
        Inode usrBin = dir(fs, usr, "bin", 0755);
        Inode usrSbin = dir(fs, usr, "sbin", 0755);
        Inode usrLib = dir(fs, usr, "lib", 0755);
        Inode multiarch = dir(fs, usrLib, "x86_64-linux-gnu", 0755);
        Inode usrLib64 = dir(fs, usr, "lib64", 0755);
        Inode usrLocal = dir(fs, usr, "local", 0755);
        dir(fs, usrLocal, "bin", 0755);
        dir(fs, usrLocal, "sbin", 0755);
        Inode share = dir(fs, usr, "share", 0755);
        dir(fs, share, "doc", 0755);
        dir(fs, share, "man", 0755);
        link(fs, root, "bin", "usr/bin");
        link(fs, root, "sbin", "usr/sbin");
        link(fs, root, "lib", "usr/lib");
        link(fs, root, "lib64", "usr/lib64");
        link(fs, usrBin, "sh", "dash");

        for (String lib : LIBRARIES) file(fs, multiarch, lib, 0644, ExecImage.library(lib).toBytes()).setCached(true);
        file(fs, multiarch, "ld-linux-x86-64.so.2", 0755, ExecImage.staticImage("ld.so", 240).toBytes()).setCached(true);
        link(fs, usrLib64, "ld-linux-x86-64.so.2", "../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2");

        Inode boot = dir(fs, root, "boot", 0755);
        file(fs, boot, "vmlinuz-6.1.0-27-amd64", 0644, new byte[8192]);
        Inode etc = dir(fs, root, "etc", 0755);
        dir(fs, root, "dev", 0755);
        Inode home = dir(fs, root, "home", 0755);
        Inode student = dir(fs, home, "student", 0700);
        student.setOwner(1000, 1000);
        file(fs, student, ".bashrc", 0644, "# ~/.bashrc: executed by bash(1) for non-login shells.\n").setOwner(1000, 1000);
        file(fs, student, ".profile", 0644, "# ~/.profile: executed by the command interpreter for login shells.\n").setOwner(1000, 1000);
        dir(fs, root, "proc", 0555);
        dir(fs, root, "root", 0700);
        dir(fs, root, "run", 0755);
        dir(fs, root, "srv", 0755);
        dir(fs, root, "sys", 0555);
        dir(fs, root, "tmp", 01777);
        dir(fs, root, "mnt", 0755);
        dir(fs, root, "opt", 0755);
        Inode var = dir(fs, root, "var", 0755);
        dir(fs, var, "log", 0755);
        Inode varLib = dir(fs, var, "lib", 0755);
        dir(fs, varLib, "sudo", 0700);
        dir(fs, var, "tmp", 01777);

        etcFiles(fs, etc, hostname);
        for (Binary b : BINARIES) install(fs, usr, b);
        for (Binary b : extraBinaries) install(fs, usr, b);
        return fs;
    }

    private static void install(FileSystem fs, Inode usr, Binary b) {
        String[] parts = b.path().substring(1).split("/");
        Inode dir = fs.root();
        for (int i = 0; i < parts.length - 1; i++) {
            Inode next = dir.entries().get(parts[i]);
            if (next == null) next = dir(fs, dir, parts[i], 0755);
            if (next.type() == FileType.SYMLINK) next = usr.entries().get(parts[i]);
            dir = next;
        }
        ExecImage image = ExecImage.dynamic(b.program(), b.memoryKiB(), b.libraries().toArray(String[]::new));
        Inode file = file(fs, dir, parts[parts.length - 1], b.mode(), image.toBytes());
        file.setCached(true);
    }

    private static void etcFiles(FileSystem fs, Inode etc, String hostname) {
        file(fs, etc, "hostname", 0644, hostname + "\n");
        file(fs, etc, "hosts", 0644, "127.0.0.1\tlocalhost\n127.0.1.1\t" + hostname + "\n\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        file(fs, etc, "motd", 0644, """

                The programs included with the Debian GNU/Linux system are free software;
                the exact distribution terms for each program are described in the
                individual files in /usr/share/doc/*/copyright.

                Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent
                permitted by applicable law.
                """);
        file(fs, etc, "debian_version", 0644, "12.8\n");
        file(fs, etc, "issue", 0644, "Debian GNU/Linux 12 \\n \\l\n\n");
        file(fs, etc, "os-release", 0644, """
                PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                NAME="Debian GNU/Linux"
                VERSION_ID="12"
                VERSION="12 (bookworm)"
                VERSION_CODENAME=bookworm
                ID=debian
                HOME_URL="https://www.debian.org/"
                """);
        file(fs, etc, "passwd", 0644, """
                root:x:0:0:root:/root:/bin/bash
                daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
                bin:x:2:2:bin:/bin:/usr/sbin/nologin
                sys:x:3:3:sys:/dev:/usr/sbin/nologin
                sshd:x:100:65534::/run/sshd:/usr/sbin/nologin
                nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
                student:x:1000:1000:Student,,,:/home/student:/bin/bash
                """);
        file(fs, etc, "group", 0644, """
                root:x:0:
                daemon:x:1:
                bin:x:2:
                sys:x:3:
                adm:x:4:
                tty:x:5:
                disk:x:6:
                sudo:x:27:student
                shadow:x:42:
                users:x:100:student
                nogroup:x:65534:
                student:x:1000:
                """);
        Inode shadow = file(fs, etc, "shadow", 0640, "root:" + Passwords.hash("root") + ":20458:0:99999:7:::\n"
                + "daemon:*:20458:0:99999:7:::\nbin:*:20458:0:99999:7:::\nsys:*:20458:0:99999:7:::\nsshd:!:20458::::::\n"
                + "nobody:*:20458:0:99999:7:::\nstudent:" + Passwords.hash("student") + ":20458:0:99999:7:::\n");
        shadow.setOwner(0, 42);
        Inode sudoers = file(fs, etc, "sudoers", 0440, """
                Defaults\tenv_reset
                Defaults\tsecure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
                root\tALL=(ALL:ALL) ALL
                %sudo\tALL=(ALL:ALL) ALL
                Defaults\tuse_pty
                @includedir /etc/sudoers.d
                """);
        sudoers.setOwner(0, 0);
        dir(fs, etc, "sudoers.d", 0750);
        file(fs, etc, "fstab", 0644, "/dev/sda1  /  ext4  errors=remount-ro  0  1\n");
        file(fs, etc, "ld.so.cache", 0644, new byte[20_000]).setCached(true);
        file(fs, etc, "shells", 0644, "/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n");
        file(fs, etc, "services", 0644, dev.syssim.sim.net.Services.etcServices());
        file(fs, etc, "nsswitch.conf", 0644, "passwd:         files\ngroup:          files\nhosts:          files dns\n");
    }

    static Inode dir(FileSystem fs, Inode parent, String name, int mode) {
        Inode d = fs.mkdir(parent, name, mode, 0, 0);
        d.setMtime(INSTALL_TIME);
        d.setCached(true);
        return d;
    }

    static Inode file(FileSystem fs, Inode parent, String name, int mode, String text) {
        return file(fs, parent, name, mode, text.getBytes(StandardCharsets.UTF_8));
    }

    static Inode file(FileSystem fs, Inode parent, String name, int mode, byte[] data) {
        Inode f = fs.createFile(parent, name, mode, 0, 0, data);
        f.setMtime(INSTALL_TIME);
        return f;
    }

    static void link(FileSystem fs, Inode parent, String name, String target) {
        fs.symlink(parent, name, target, 0, 0).setMtime(INSTALL_TIME);
    }
}
