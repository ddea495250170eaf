package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * mount (util-linux 2.38, set-user-ID root): without arguments, list the mounts of this process's
 * mount namespace (/proc/self/mounts) as {@code /dev/sda1 on / type ext4 (rw,relatime)}; with
 * {@code -t TYPE SOURCE DIR} or {@code --bind OLD DIR}, mount(2). Because it runs as root for
 * anyone, mount itself refuses a user who is not root (getuid, not geteuid), except for fstab
 * entries marked {@code user} (the simulated fstab has none). Errors exit 32, as util-linux's do.
 */
public final class Mount extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        String type = null;
        List<String> options = new ArrayList<>();
        boolean bind = false;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--help", "-h" -> {
                    return help(c);
                }
                case "-t", "--types" -> {
                    if (i + 1 >= args.size()) return c.usageError("mount: option requires an argument -- 't'", 1);
                    type = args.get(++i);
                }
                case "-o", "--options" -> {
                    if (i + 1 >= args.size()) return c.usageError("mount: option requires an argument -- 'o'", 1);
                    options.addAll(List.of(args.get(++i).split(",")));
                }
                case "--bind", "-B" -> bind = true;
                case "--rbind", "-R" -> bind = true;
                case "-r", "--read-only" -> options.add("ro");
                case "-w", "--rw", "--read-write" -> options.add("rw");
                case "-v", "--verbose", "-n", "--no-mtab" -> { }
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        if (a.startsWith("--")) return c.usageError("mount: unrecognized option '" + a + "'", 1);
                        return c.usageError("mount: invalid option -- '" + a.charAt(1) + "'", 1);
                    }
                    operands.add(a);
                }
            }
        }
        if (options.contains("bind")) bind = true;
        if (operands.isEmpty()) return list(c, type);
        boolean isBind = bind;
        String fsType = type;
        return c.id("getuid", uid -> {
            if (uid != 0) {
                if (operands.size() == 1) {
                    c.error(operands.get(0) + ": can't find in /etc/fstab.");
                    return c.exit(1);
                }
                c.error(operands.get(1) + ": must be superuser to use mount.");
                return c.exit(32);
            }
            if (operands.size() == 1) {
                c.error(operands.get(0) + ": can't find in /etc/fstab.");
                return c.exit(1);
            }
            return mount(c, operands.get(0), operands.get(1), fsType, isBind, options);
        });
    }

    private Step mount(Libc c, String source, String target, String type, boolean bind, List<String> options) {
        long flags = 0;
        if (bind) flags |= Syscall.Mount.MS_BIND;
        if (options.contains("ro")) flags |= Syscall.Mount.MS_RDONLY;
        long f = flags;
        return c.statOf(target, true, (terr, tst) -> {
            if (terr != null) {
                failed(c, target + ": mount point does not exist.");
                return c.exit(32);
            }
            if (bind) {
                return c.statOf(source, true, (serr, sst) -> {
                    if (serr != null) {
                        failed(c, target + ": special device " + source + " does not exist.");
                        return c.exit(32);
                    }
                    return call(c, source, target, null, f, null);
                });
            }
            if (type == null) {
                return c.statOf(source, true, (serr, sst) -> {
                    failed(c, target + (serr != null ? ": special device " + source + " does not exist." : ": wrong fs type, bad option, bad superblock on " + source + ", missing codepage or helper program, or other error."));
                    return c.exit(32);
                });
            }
            return call(c, source, target, type, f, data(options));
        });
    }

    /** Mount flags mount(8) turns into MS_* bits; the other options go to the file system as data (tmpfs's size=1M). */
    private static final java.util.Set<String> FLAG_WORDS = java.util.Set.of("ro", "rw", "bind", "rbind", "defaults",
            "suid", "nosuid", "dev", "nodev", "exec", "noexec", "atime", "noatime", "relatime", "norelatime", "sync", "async");

    private static String data(List<String> options) {
        List<String> data = options.stream().filter(o -> !FLAG_WORDS.contains(o)).toList();
        return data.isEmpty() ? null : String.join(",", data);
    }

    private Step call(Libc c, String source, String target, String type, long flags, String data) {
        return c.sys(new Syscall.Mount(source, target, type, flags, data), r -> {
            if (!r.failed()) return c.exit(0);
            Errno e = r.errno();
            String message = switch (e) {
                case ENODEV -> "unknown filesystem type '" + type + "'.";
                case ENOTDIR -> "mount point is not a directory.";
                case ENOENT -> "mount point does not exist.";
                case EPERM, EACCES -> "permission denied.";
                case EBUSY -> source + " already mounted or mount point busy.";
                default -> e.message() + ".";
            };
            failed(c, target + ": " + message);
            return c.exit(32);
        });
    }

    /**
     * libmount's report of a mount that failed: its message, then the hint it adds to every
     * failure it diagnoses (all of them here).
     */
    private static void failed(Libc c, String message) {
        c.error(message + "\n       dmesg(1) may have more information after failed mount system call.");
    }

    /** No operands: the mount table, from the kernel's view for this process. */
    private Step list(Libc c, String type) {
        return c.readFile("/proc/self/mounts", (err, bytes) -> {
            if (err != null) {
                c.error("failed to read mount table", err);
                return c.exit(32);
            }
            StringBuilder out = new StringBuilder();
            for (String line : Libc.text(bytes).split("\n")) {
                String[] f = line.split(" ");
                if (f.length < 4) continue;
                if (type != null && !f[2].equals(type)) continue;
                out.append(f[0]).append(" on ").append(f[1]).append(" type ").append(f[2]).append(" (").append(f[3]).append(")\n");
            }
            c.print(out.toString());
            return c.exit(0);
        });
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String whatis() {
        return "mount a filesystem";
    }

    @Override
    public String manual() {
        return "mount [-t fstype] [-o options] device mountpoint\n  Attach the file system found on device (of type fstype) at the directory mountpoint.\n"
                + "  Without arguments, list the mounted file systems. Only root may mount (except fstab entries marked user).\n"
                + "  -t, --types <list>    the file system type (proc, tmpfs, sysfs)\n"
                + "  -o, --options <list>  comma-separated mount options (ro, rw, bind)\n"
                + "  -B, --bind            mount a subtree somewhere else (same as -o bind)\n"
                + "  -r, --read-only       mount the filesystem read-only (same as -o ro)";
    }
}
