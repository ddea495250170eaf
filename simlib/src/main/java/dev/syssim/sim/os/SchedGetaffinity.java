package dev.syssim.sim.os;

/**
 * sched_getaffinity(pid, 8, mask): the cores a process may run on, as a bit mask (what
 * {@code taskset -p} prints). Reading another process's mask needs no privilege; an unknown pid is
 * ESRCH. The result's data is the mask.
 */
public record SchedGetaffinity(int pid) implements Syscall {

    @Override
    public String name() {
        return "sched_getaffinity";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        Process target = pid == 0 ? p : p.pidNamespace().find(pid);
        if (target == null || target.state() == ProcessState.DEAD) return Outcome.error(Errno.ESRCH, Costs.SYSCALL);
        long mask = target.cpuMask() & ((1L << k.scheduler().coreCount()) - 1);
        return Outcome.done(SysResult.ok(8, mask), Costs.SYSCALL);
    }

    @Override
    public String straceArgs(SysResult r) {
        if (r == null || r.failed() || !(r.data() instanceof Long mask)) return pid + ", 8, 0x7ffd5a0c1b40";
        StringBuilder cpus = new StringBuilder("[");
        for (int c = 0; c < 64; c++) if ((mask & (1L << c)) != 0) cpus.append(cpus.length() > 1 ? " " : "").append(c);
        return pid + ", 8, " + cpus.append("]");
    }

    public static long mask(SysResult r) {
        return r.data() instanceof Long m ? m : 0;
    }
}
