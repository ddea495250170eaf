package dev.syssim.sim.prog.tools.isolation;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.NamespaceCalls;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * unshare (util-linux 2.38.1): run a program in new namespaces. In util-linux's order:
 * unshare(2) with the chosen CLONE_NEW* flags (EPERM without privilege: {@code unshare: unshare
 * failed: Operation not permitted}, status 1); with {@code --fork} a child runs the rest while
 * unshare waits and exits with its status — needed with {@code --pid}, whose first child is
 * PID 1; {@code --map-root-user} writes {@code deny} to /proc/self/setgroups and {@code 0 UID 1}
 * to the uid and gid maps; a new mount namespace gets propagation {@code private} (or
 * {@code --propagation}); {@code --mount-proc} mounts a fresh proc, which shows the pid namespace
 * of the process that mounts it. Then the program, or {@code $SHELL}, is executed.
 */
public final class Unshare extends Tool {

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("unshare", c.args().operands(), "+hVmuinpUCTfr",
                List.of("help>h", "version>V", "mount=?>m", "uts=?>u", "ipc=?>i", "net=?>n", "pid=?>p", "user=?>U", "cgroup=?>C",
                        "time=?>T", "fork>f", "mount-proc=?", "map-root-user>r", "propagation=", "kill-child=?", "setgroups=", "root=", "wd="),
                false);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("h")) return help(c);
        if (g.has("V")) {
            c.println("unshare from util-linux 2.38.1");
            return c.exit(0);
        }
        String propagation = g.last("propagation");
        long propagationFlags = Syscall.Mount.MS_PRIVATE;
        if (propagation != null) {
            switch (propagation) {
                case "private" -> propagationFlags = Syscall.Mount.MS_PRIVATE;
                case "shared", "slave" -> propagationFlags = propagation.equals("shared") ? 1 << 20 : 1 << 19;
                case "unchanged" -> propagationFlags = 0;
                default -> {
                    c.eprint("unshare: unsupported propagation mode: " + propagation + "\n");
                    return c.exit(1);
                }
            }
        }
        boolean mountProc = g.has("mount-proc");
        boolean mapRoot = g.has("r");
        long flags = 0;
        if (g.has("m") || mountProc) flags |= NamespaceCalls.CLONE_NEWNS;
        if (g.has("u")) flags |= NamespaceCalls.CLONE_NEWUTS;
        if (g.has("i")) flags |= NamespaceCalls.CLONE_NEWIPC;
        if (g.has("n")) flags |= NamespaceCalls.CLONE_NEWNET;
        if (g.has("p")) flags |= NamespaceCalls.CLONE_NEWPID;
        if (g.has("U") || mapRoot) flags |= NamespaceCalls.CLONE_NEWUSER;
        if (g.has("C")) flags |= NamespaceCalls.CLONE_NEWCGROUP;
        List<String> command = new ArrayList<>(g.operands());
        if (command.isEmpty()) {
            String shell = c.env("SHELL");
            command.add(shell == null ? "/bin/sh" : shell);
        }
        long finalFlags = flags;
        long propagate = propagationFlags;
        String procDir = mountProc ? (g.last("mount-proc") == null ? "/proc" : g.last("mount-proc")) : null;
        return c.id("geteuid", euid -> c.id("getegid", egid -> c.sys(new dev.syssim.sim.os.Unshare(finalFlags), r -> {
            if (r.failed()) {
                c.eprint("unshare: unshare failed: " + r.errno().message() + "\n");
                return c.exit(1);
            }
            Supplier<Step> rest = () -> mapRoot(c, mapRoot, euid, egid, () -> propagation(c, finalFlags, propagate,
                    () -> mountProc(c, procDir, () -> exec(c, command))));
            if (!g.has("f")) return rest.get();
            c.flushStdout();
            return c.sys(Syscall.Clone.fork(() -> rest.get()), pid -> {
                if (pid.failed()) {
                    c.eprint("unshare: fork failed: " + pid.errno().message() + "\n");
                    return c.exit(1);
                }
                return waitFor(c, pid.intValue());
            });
        })));
    }

    /** The parent of --fork: waits, then ends as the child did (a child killed by a signal: 128 + its number). */
    private static Step waitFor(Libc c, int pid) {
        return c.sys(new Syscall.Wait4(pid, 0), w -> {
            if (w.failed()) return w.errno() == Errno.EINTR ? waitFor(c, pid) : c.exitQuietly(1);
            int status = Syscall.Wait4.status(w);
            if (WaitStatus.isExited(status)) return c.exitQuietly(WaitStatus.exitCode(status));
            return c.exitQuietly(128 + WaitStatus.termSignal(status).number());
        });
    }

    private static Step mapRoot(Libc c, boolean mapRoot, int euid, int egid, Supplier<Step> then) {
        if (!mapRoot) return then.get();
        return write(c, "/proc/self/setgroups", "deny", () -> write(c, "/proc/self/uid_map", "0 " + euid + " 1",
                () -> write(c, "/proc/self/gid_map", "0 " + egid + " 1", then)));
    }

    private static Step write(Libc c, String path, String text, Supplier<Step> then) {
        return c.open(path, OpenFlags.O_WRONLY, o -> {
            if (o.failed()) {
                c.eprint("unshare: cannot open " + path + ": " + o.errno().message() + "\n");
                return c.exit(1);
            }
            int fd = o.intValue();
            return c.write(fd, Libc.bytes(text), w -> {
                if (w.failed()) {
                    c.eprint("unshare: write failed " + path + ": " + w.errno().message() + "\n");
                    return c.exit(1);
                }
                return c.close(fd, then);
            });
        });
    }

    private static Step propagation(Libc c, long flags, long propagate, Supplier<Step> then) {
        if ((flags & NamespaceCalls.CLONE_NEWNS) == 0 || propagate == 0) return then.get();
        return c.sys(new Syscall.Mount("none", "/", null, Syscall.Mount.MS_REC | propagate, null), m -> {
            if (m.failed()) {
                c.eprint("unshare: cannot change root filesystem propagation: " + m.errno().message() + "\n");
                return c.exit(1);
            }
            return then.get();
        });
    }

    private static Step mountProc(Libc c, String dir, Supplier<Step> then) {
        if (dir == null) return then.get();
        return c.sys(new Syscall.Mount("none", dir, null, Syscall.Mount.MS_PRIVATE | Syscall.Mount.MS_REC, null), a ->
                c.sys(new Syscall.Mount("proc", dir, "proc", 0, null), m -> {
                    if (m.failed()) {
                        c.eprint("unshare: mount " + dir + " failed: " + m.errno().message() + "\n");
                        return c.exit(1);
                    }
                    return then.get();
                }));
    }

    private static Step exec(Libc c, List<String> command) {
        return c.execvp(command, c.args().env(), e -> {
            c.eprint("unshare: failed to execute " + command.get(0) + ": " + e.message() + "\n");
            return c.exit(e == Errno.ENOENT ? 127 : 126);
        });
    }

    @Override
    public String source() {
        return "util-linux 2.38.1";
    }

    /** util-linux 2.38.1's own text (manual() below is the short story {@code man} tells). */
    @Override
    public String usage() {
        return """

                Usage:
                 unshare [options] [<program> [<argument>...]]

                Run a program with some namespaces unshared from the parent.

                Options:
                 -m, --mount[=<file>]      unshare mounts namespace
                 -u, --uts[=<file>]        unshare UTS namespace (hostname etc)
                 -i, --ipc[=<file>]        unshare System V IPC namespace
                 -n, --net[=<file>]        unshare network namespace
                 -p, --pid[=<file>]        unshare pid namespace
                 -U, --user[=<file>]       unshare user namespace
                 -C, --cgroup[=<file>]     unshare cgroup namespace
                 -T, --time[=<file>]       unshare time namespace

                 -f, --fork                fork before launching <program>
                 --map-user=<uid>|<name>   map current user to uid (implies --user)
                 --map-group=<gid>|<name>  map current group to gid (implies --user)
                 -r, --map-root-user       map current user to root (implies --user)
                 -c, --map-current-user    map current user to itself (implies --user)
                 --map-auto                map users and groups automatically (implies --user)
                 --map-users=<outeruid>,<inneruid>,<count>
                                           map count users from outeruid to inneruid (implies --user)
                 --map-groups=<outergid>,<innergid>,<count>
                                           map count groups from outergid to innergid (implies --user)

                 --kill-child[=<signame>]  when dying, kill the forked child (implies --fork)
                                             defaults to SIGKILL
                 --mount-proc[=<dir>]      mount proc filesystem first (implies --mount)
                 --propagation slave|shared|private|unchanged
                                           modify mount propagation in mount namespace
                 --setgroups allow|deny    control the setgroups syscall in user namespaces
                 --keep-caps               retain capabilities granted in user namespaces

                 -R, --root=<dir>          run the command with root directory set to <dir>
                 -w, --wd=<dir>            change working directory to <dir>
                 -S, --setuid <uid>        set uid in entered namespace
                 -G, --setgid <gid>        set gid in entered namespace
                 --monotonic <offset>      set clock monotonic offset (seconds) in time namespaces
                 --boottime <offset>       set clock boottime offset (seconds) in time namespaces

                 -h, --help                display this help
                 -V, --version             display version

                For more details see unshare(1).
                """;
    }

    @Override
    public String manual() {
        return "unshare [options] [<program> [<argument>...]]\n"
                + "  Run a program with some namespaces unshared from the parent.\n"
                + "  -m, --mount  mount namespace; -u, --uts  UTS (hostname); -i, --ipc  IPC; -n, --net  network (only lo, down);\n"
                + "  -p, --pid  pid namespace (with -f: the program is PID 1); -U, --user  user namespace\n"
                + "  -f, --fork  fork before running the program; --mount-proc[=DIR]  mount proc (implies --mount)\n"
                + "  -r, --map-root-user  map the current user to root (implies --user)\n"
                + "  --propagation slave|shared|private|unchanged  mount propagation in the new mount namespace (default private)\n"
                + "  Without privilege: 'unshare: unshare failed: Operation not permitted', status 1.";
    }
}
