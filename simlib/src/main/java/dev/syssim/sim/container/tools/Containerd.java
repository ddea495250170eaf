package dev.syssim.sim.container.tools;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;

/**
 * containerd (1.6.20): the daemon that runs containers for dockerd. It makes its state
 * directories and then waits; the shims it starts for dockerd's tasks are its children
 * ({@link dev.syssim.sim.container.EngineCalls.CreateTask}). Simplification: its gRPC service
 * is not a loop of its own here — dockerd's request starts the shim directly under it.
 */
public final class Containerd extends Tool {

    @Override
    protected Step run(Libc c) {
        return c.sys(new Syscall.Mkdir("/run/containerd", 0711), a -> c.sys(new Syscall.Mkdir("/run/containerd/io.containerd.runtime.v2.task", 0711),
                b -> c.sys(new Syscall.Mkdir("/run/containerd/io.containerd.runtime.v2.task/moby", 0711), d -> idle(c))));
    }

    private static Step idle(Libc c) {
        return c.sys(new Syscall.Pause(), r -> idle(c));
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "containerd 1.6.20";
    }

    @Override
    public String manual() {
        return "containerd [global options] command [command options] [arguments...]\n"
                + "  An industry-standard container runtime: started by systemd; dockerd asks it to run containers.";
    }
}
