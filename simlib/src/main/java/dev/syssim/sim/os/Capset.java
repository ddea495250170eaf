package dev.syssim.sim.os;

/**
 * capset(2) on the calling thread: its capability set becomes {@code effective}. Linux's rule
 * without CAP_SETPCAP games: a process may drop capabilities but never gain one it does not hold
 * (EPERM) — which is why runc can give a container root that holds only Docker's default set.
 *
 * <p>Simplification: one set stands for the permitted, effective and inheritable sets, and there
 * is no bounding set, so a process that calls setuid(0) afterwards gets every capability back
 * (on Linux the bounding set runc also lowers keeps them away).
 */
public record Capset(long effective) implements Syscall {

    @Override
    public String name() {
        return "capset";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        long held = p.credentials().capabilities();
        if ((effective & ~held) != 0) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        p.setCredentials(p.credentials().withCapabilities(effective));
        return Outcome.ok(0, Costs.SYSCALL);
    }

    @Override
    public String straceArgs(SysResult r) {
        String set = String.format("0x%x", effective);
        return "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=" + set + ", permitted=" + set + ", inheritable=" + set + "}";
    }
}
