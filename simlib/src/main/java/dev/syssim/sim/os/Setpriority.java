package dev.syssim.sim.os;

/**
 * setpriority(which, who, niceval): set the nice value of a process, a group or a user's processes
 * (what {@code nice} and {@code renice} call). Linux's checks, in its order: another user's process
 * needs CAP_SYS_NICE (EPERM); a lower value than the process has needs CAP_SYS_NICE too (EACCES);
 * no process at all is ESRCH. Values are clamped to -20..19.
 */
public record Setpriority(Priority which, int who, int niceval) implements Syscall {

    @Override
    public String name() {
        return "setpriority";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        int nice = Math.max(-20, Math.min(19, niceval));
        Errno error = Errno.ESRCH;
        Credentials caller = p.credentials();
        for (Process target : which.targets(p, who)) {
            Credentials t = target.credentials();
            boolean mayNice = caller.has(Capability.CAP_SYS_NICE);
            if (t.uid() != caller.euid() && t.euid() != caller.euid() && !mayNice) {
                error = Errno.EPERM;
                continue;
            }
            if (nice < target.nice() && !mayNice) {
                error = Errno.EACCES;
                continue;
            }
            if (error == Errno.ESRCH) error = null;
            target.setNice(nice);
        }
        return error == null ? Outcome.ok(0, Costs.SYSCALL) : Outcome.error(error, Costs.SYSCALL);
    }

    @Override
    public String straceArgs(SysResult r) {
        return which.name() + ", " + who + ", " + niceval;
    }
}
