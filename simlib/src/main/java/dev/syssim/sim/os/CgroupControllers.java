package dev.syssim.sim.os;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceEvent;

/**
 * Where the kernel's paths consult the calling task's cgroup, and what the trace shows when a
 * controller says no: the pids controller on fork (kernel/cgroup/pids.c), the memory controller
 * when a task's memory grows (mm/memcontrol.c, then mm/oom_kill.c), the cpu controller's bandwidth
 * in the scheduler (kernel/sched/fair.c, throttle_cfs_rq), and the device controller on open and
 * mknod of a device node.
 */
public final class CgroupControllers {

    private final Kernel kernel;

    CgroupControllers(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * fork's check: null if a new task may join {@code parent}'s cgroup, else the group whose
     * pids.max it would pass. The first refusal in a group is logged, as Linux's pids_event does.
     */
    Cgroup forkRefused(Process parent) {
        Cgroup refusing = parent.cgroup().forkRefusedBy();
        if (refusing == null) return null;
        if (refusing.pidsEventsMax() == 1) kernel.printk(KernelLog.KERN_INFO, "cgroup: fork rejected by pids controller in " + refusing.path());
        if (kernel.trace().wants(EventKind.PROCESS)) {
            kernel.event(parent.lane(), CpuMode.KERNEL, EventKind.PROCESS, "fork refused: pids.max of " + refusing.path() + " is "
                    + refusing.pidsMax(), refusing.pidsCurrent() + " tasks there already: the kernel looks up the caller's cgroup, fork fails with EAGAIN",
                    parent.syscallEventSeq);
        }
        return refusing;
    }

    /**
     * After {@code p}'s memory grew: if its cgroup (or an ancestor) is over memory.max, the OOM
     * killer picks the biggest task of that group and kills it with SIGKILL, logging what Linux
     * logs (the first line, the constraint and the kill; the call trace and task dump are left out).
     * Returns whether {@code p} itself was the one killed.
     */
    boolean chargeMemory(Process p) {
        Cgroup over = p.cgroup().overMemoryLimit();
        if (over == null) return false;
        Process victim = biggest(over, p);
        over.countOomKill();
        long usageKiB = over.memoryCurrent() / 1024;
        kernel.printk(KernelLog.KERN_WARNING, p.comm() + " invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0");
        kernel.printk(KernelLog.KERN_INFO, "memory: usage " + usageKiB + "kB, limit " + over.memoryMax() / 1024 + "kB, failcnt " + over.memoryEvents().lines().skip(2).findFirst().orElse("max 0").substring(4));
        kernel.printk(KernelLog.KERN_INFO, "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=" + over.path()
                + ",task_memcg=" + victim.cgroup().path() + ",task=" + victim.comm() + ",pid=" + victim.pid() + ",uid=" + victim.credentials().uid());
        long rss = victim.memoryKiB();
        kernel.printk(KernelLog.KERN_ERR, "Memory cgroup out of memory: Killed process " + victim.pid() + " (" + victim.comm() + ") total-vm:"
                + (rss + 2_400) + "kB, anon-rss:" + Math.max(0, rss - 1_200) + "kB, file-rss:" + Math.min(rss, 1_200) + "kB, shmem-rss:0kB, UID:"
                + victim.credentials().uid() + " pgtables:" + (48 + rss / 512) + "kB oom_score_adj:0");
        if (kernel.trace().wants(EventKind.PROCESS)) {
            kernel.event(victim.lane(), CpuMode.KERNEL, EventKind.PROCESS, "OOM killer: " + over.path() + " is over memory.max, kill " + victim,
                    "usage " + usageKiB + " kB > limit " + over.memoryMax() / 1024 + " kB: SIGKILL to the biggest task of the cgroup", p.syscallEventSeq);
        }
        kernel.signals().send(victim, Signal.SIGKILL, null);
        return victim == p;
    }

    private static Process biggest(Cgroup group, Process fallback) {
        Process best = null;
        for (Process q : group.members()) if (best == null || q.memoryKiB() > best.memoryKiB()) best = q;
        for (Cgroup child : group.children().values()) {
            Process c = biggest(child, null);
            if (c != null && (best == null || c.memoryKiB() > best.memoryKiB())) best = c;
        }
        return best == null ? fallback : best;
    }

    /**
     * The device controller's check on open and mknod, for the calling task: false means EPERM.
     * The trace shows where it happens — in the kernel, after the syscall trap, by looking up the
     * caller's cgroup.
     */
    boolean deviceAllowed(Process p, FileType type, int major, int minor, String what) {
        Cgroup group = p.cgroup();
        if (group.allowsDevice(type, major, minor)) return true;
        if (kernel.trace().wants(EventKind.PROCESS)) {
            char t = type == FileType.BLOCK_DEVICE ? 'b' : 'c';
            kernel.event(kernel.kernelLane(), CpuMode.KERNEL, EventKind.PROCESS, "device cgroup: " + what + " of " + t + " " + major + ":" + minor
                            + " by " + p + " denied",
                    "the kernel looks up the calling task's cgroup (" + group.path() + "): the device is not on its allow-list, EPERM",
                    p.syscallEventSeq);
        }
        return false;
    }

    /** How long {@code p} may compute from now before cpu.max throttles its group (Long.MAX_VALUE: no limit). */
    long cpuAllowance(Process p, long now) {
        return p.cgroup().cpuAllowance(now);
    }

    /** The time the throttle on {@code p}'s group lifts; the trace shows the scheduler passing it over. */
    long throttle(Process p, long now) {
        Cgroup group = p.cgroup();
        long until = group.throttledUntil(now);
        Cgroup by = group.throttler(now);
        group.countThrottle(until - now);
        if (kernel.trace().wants(EventKind.CONTEXT_SWITCH)) {
            kernel.event(kernel.kernelLane(), CpuMode.KERNEL, EventKind.CONTEXT_SWITCH,
                    "cpu.max: " + by.path() + " used its " + Durations.text(by.cpuQuotaMicros() * 1000) + " of every "
                            + Durations.text(by.cpuPeriodMicros() * 1000) + ": " + p + " throttled",
                    "the scheduler skips it until the period ends, in " + Durations.text(until - now), TraceEvent.NO_CAUSE);
        }
        return until;
    }

    void chargeCpu(Process p, long nanos, long now) {
        p.cgroup().chargeCpu(nanos, now);
    }
}
