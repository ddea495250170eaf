package dev.syssim.sim.os;

/**
 * getpriority(which, who): the most favourable nice value among the processes named, returned as
 * the kernel does, {@code 20 - nice} (1 to 40), so that it is never negative; glibc's wrapper
 * turns it back into a nice value ({@link #nice}). No process is ESRCH.
 */
public record Getpriority(Priority which, int who) implements Syscall {

    @Override
    public String name() {
        return "getpriority";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        int best = -1;
        for (Process target : which.targets(p, who)) best = Math.max(best, 20 - target.nice());
        return best < 0 ? Outcome.error(Errno.ESRCH, Costs.SYSCALL / 3) : Outcome.ok(best, Costs.SYSCALL / 3);
    }

    @Override
    public String straceArgs(SysResult r) {
        return which.name() + ", " + who;
    }

    /** glibc's getpriority(3): the nice value from the kernel's result. */
    public static int nice(SysResult r) {
        return 20 - (int) r.value();
    }
}
