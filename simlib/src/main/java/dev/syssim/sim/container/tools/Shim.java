package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.EngineCalls;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * containerd-shim-runc-v2 (containerd 1.6.20): one per container, child of containerd. It runs
 * runc for the container, waits for the container to end, removes its cgroup (what
 * {@code runc delete} does), and reports the exit status to containerd, which tells dockerd.
 */
public final class Shim extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        int at = args.indexOf("-id");
        String id = at >= 0 && at + 1 < args.size() ? args.get(at + 1) : "";
        return c.sys(new EngineCalls.Bundle(id), b -> {
            if (b.failed()) return c.exit(1);
            Container ct = (Container) b.data();
            List<String> runc = List.of("runc", "--root", "/var/run/docker/runtime-runc/moby", "--log",
                    "/run/containerd/io.containerd.runtime.v2.task/moby/" + id + "/log.json", "--log-format", "json", "run", "--bundle",
                    "/run/containerd/io.containerd.runtime.v2.task/moby/" + id, id);
            return c.sys(Syscall.Clone.fork(() -> c.sys(new Syscall.Execve("/usr/sbin/runc", runc, c.args().env()), e -> c.exitQuietly(127))),
                    pid -> waitRunc(c, ct, pid.intValue()));
        });
    }

    private static Step waitRunc(Libc c, Container ct, int pid) {
        return c.sys(new Syscall.Wait4(pid, 0), w -> {
            if (w.failed() && w.errno() == Errno.EINTR) return waitRunc(c, ct, pid);
            int status = w.failed() ? 255 : Syscall.Wait4.status(w);
            int code = WaitStatus.isExited(status) ? WaitStatus.exitCode(status) : 128 + WaitStatus.termSignal(status).number();
            return c.sys(Syscall.Unlinkat.rmdir(ct.cgroupPath()), r -> c.sys(new EngineCalls.TaskExit(ct, code), x -> c.exitQuietly(0)));
        });
    }

    @Override
    public String source() {
        return "containerd 1.6.20";
    }

    @Override
    public String manual() {
        return "containerd-shim-runc-v2 -namespace NS -id ID -address ADDRESS\n"
                + "  The shim between containerd and runc: one per container, started by containerd.";
    }
}
