package dev.syssim.sim.os;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceEvent;
import java.util.function.Supplier;

/**
 * Threads: tasks of one thread group (Linux's CLONE_THREAD), as pthread_create makes them. A thread
 * has its own thread id (a pid of the namespace), its own steps and its own name ({@code CPU 0/KVM}),
 * and shares everything else with its leader: the descriptor table, memory, credentials. /proc lists
 * only the leader, so {@code ps} shows one process; a fatal signal or exit_group ends the whole group.
 *
 * <p>Simplifications: a thread ends only with its group (no pthread_exit of one thread), and its
 * memory is counted once, on the leader.
 */
public final class Threads {

    private Threads() {
    }

    /**
     * clone3 with CLONE_THREAD: a new thread of the caller's group, named {@code comm}, starting at
     * {@code start}; the caller gets its thread id.
     */
    public record Clone3(String comm, Supplier<Step> start) implements Syscall {
        public String name() { return "clone3"; }

        public Outcome enter(Kernel k, Process p) {
            return create(k, p, this);
        }

        public String straceArgs(SysResult r) {
            String flags = "CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID";
            String args = "{flags=" + flags + ", child_tid=0x7f3a1b5ff910, parent_tid=0x7f3a1b5ff910, exit_signal=0, "
                    + "stack=0x7f3a1adff000, stack_size=0x7fff00, tls=0x7f3a1b5ff6c0}";
            return r == null || r.failed() ? args + ", 88" : args + " => {parent_tid=[" + r.value() + "]}, 88";
        }
    }

    private static Outcome create(Kernel kernel, Process caller, Clone3 call) {
        if (kernel.processCount() >= kernel.limits().maxProcesses()) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        Process leader = caller.threadGroupLeader();
        Process t = kernel.newProcess(leader.pidNamespace(), null);
        if (t == null) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        t.setParent(leader.parent());
        t.setComm(call.comm());
        t.setCmdline(leader.cmdline());
        t.setEnvironment(leader.environment());
        t.setExecutable(leader.executable());
        t.setCredentials(leader.credentials());
        t.setRoot(leader.root());
        t.setCwd(leader.cwd());
        t.setMounts(leader.mounts());
        t.setUts(leader.uts());
        t.setCgroup(leader.cgroup());
        t.setUmask(leader.umask());
        t.setFds(leader.fds());
        t.setTerminal(leader.terminal());
        t.setCpuMask(leader.cpuMask());
        t.setNice(leader.nice());
        t.setPgid(leader.pgid());
        t.setSid(leader.sid());
        t.ignoredSignals = leader.ignoredSignals;
        t.joinThreadGroup(leader);
        if (caller.tracer != null && caller.tracer.followFork(caller, t)) t.tracer = caller.tracer;
        t.pendingCall = call;
        t.pendingResult = SysResult.ZERO;
        t.pendingThen = result -> call.start().get();
        if (kernel.trace().wants(EventKind.PROCESS)) {
            kernel.event(caller.lane(), CpuMode.KERNEL, EventKind.PROCESS, "clone3: new thread " + t + " of " + leader,
                    "same memory, open files and credentials as " + leader, caller.syscallEventSeq);
        }
        kernel.scheduler().makeReady(t);
        return Outcome.ok(t.ownPid(), Costs.FORK / 5);
    }

    /** Ends one thread as its group ends: no zombie (threads are reaped at once), the shared files stay with the leader. */
    static void end(Kernel kernel, Process t, int status) {
        if (t.state == ProcessState.ZOMBIE || t.state == ProcessState.DEAD) return;
        if (t.tracer != null) t.tracer.exited(t, status);
        kernel.scheduler().forget(t);
        if (t.sleepingOn != null) {
            t.sleepingOn.remove(t);
            t.sleepingOn = null;
        }
        t.retry = null;
        t.pendingThen = null;
        t.state = ProcessState.DEAD;
        t.leaveThreadGroup();
        kernel.release(t);
        if (kernel.trace().wants(EventKind.PROCESS)) {
            kernel.event(t.lane(), CpuMode.KERNEL, EventKind.PROCESS, "thread " + t + " ends with its process", "", TraceEvent.NO_CAUSE);
        }
    }
}
