package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.EngineCalls;
import dev.syssim.sim.container.RunSpec;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Setns;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code runc exec}: another process in a running container. runc joins the container's
 * namespaces one by one — open {@code /proc/PID/ns/KIND} of the container's first process, setns(2)
 * — the pid namespace last among them but the mount namespace, then its cgroup; a pid namespace is
 * entered only by a child, so it forks, and the child enters the container's root and working
 * directory, becomes the container's user with its capability set (as the container's first
 * process did), and execs.
 * Simplification: the child enters the root with chroot(2) on the root's path in the container's
 * mount namespace (runc uses the init's root through its namespace setup).
 */
final class RuncExec {

    private static final List<String> KINDS = List.of("ipc", "uts", "net", "pid", "mnt");

    private RuncExec() {
    }

    static Step run(Libc c, String id, String processFile) {
        String key = id + "/" + processFile.substring("/tmp/runc-process".length());
        return c.sys(new EngineCalls.ExecProcess(key), r -> {
            if (r.failed()) return c.exit(1);
            EngineCalls.ExecSession s = (EngineCalls.ExecSession) r.data();
            Container ct = s.container();
            return Libc.forEach(KINDS, (kind, next) -> join(c, ct.hostPid(), kind, next),
                    () -> c.id("getpid", pid -> writeProc(c, ct.cgroupPath() + "/cgroup.procs", Integer.toString(pid),
                            () -> c.sys(Syscall.Clone.fork(() -> child(c, s)), child -> waitChild(c, s, child.intValue())))));
        });
    }

    private static Step join(Libc c, int pid, String kind, Supplier<Step> next) {
        return c.open("/proc/" + pid + "/ns/" + kind, OpenFlags.O_RDONLY, o -> {
            if (o.failed()) return next.get();
            int fd = o.intValue();
            return c.sys(new Setns(fd, 0), j -> c.close(fd, next));
        });
    }

    private static Step writeProc(Libc c, String file, String text, Supplier<Step> then) {
        return c.open(file, OpenFlags.O_WRONLY, o -> {
            if (o.failed()) return then.get();
            int fd = o.intValue();
            return c.write(fd, Libc.bytes(text), w -> c.close(fd, then));
        });
    }

    private static Step child(Libc c, EngineCalls.ExecSession s) {
        Container ct = s.container();
        List<String> command = new ArrayList<>(s.command());
        String name = command.get(0);
        return c.sys(new Syscall.Chroot(ct.rootPath()), r -> c.sys(new Syscall.Chdir(ct.workdir()), d -> Identity.become(c, ct, message -> {
                    c.eprint("OCI runtime exec failed: exec failed: unable to start container process: " + message + ": unknown\n");
                    return c.exitQuietly(126);
                }, () ->
                c.execvp(command, RunSpec.environment(ct.hostname(), ct.image().env(), concat(ct.spec().env(), s.env())), e -> {
                    boolean missing = e == Errno.ENOENT;
                    String why = missing && !name.contains("/") ? "exec: \"" + name + "\": executable file not found in $PATH"
                            : missing ? "exec: \"" + name + "\": stat " + name + ": no such file or directory"
                            : "exec: \"" + name + "\": " + e.message().toLowerCase(java.util.Locale.ROOT);
                    c.eprint("OCI runtime exec failed: exec failed: unable to start container process: " + why + ": unknown\n");
                    return c.exitQuietly(missing ? 127 : 126);
                }))));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Step waitChild(Libc c, EngineCalls.ExecSession s, int pid) {
        return c.sys(new Syscall.Wait4(pid, 0), w -> {
            if (w.failed() && w.errno() == Errno.EINTR) return waitChild(c, s, pid);
            int status = w.failed() ? 255 : Syscall.Wait4.status(w);
            int code = WaitStatus.isExited(status) ? WaitStatus.exitCode(status) : 128 + WaitStatus.termSignal(status).number();
            return c.sys(new EngineCalls.ExecExit(s, code), x -> c.exitQuietly(code));
        });
    }
}
