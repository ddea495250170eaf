package dev.syssim.sim.os;

/** unshare(2): new namespaces for the caller ({@code flags} are CLONE_NEW* bits). */
public record Unshare(long flags) implements Syscall {
    public String name() {
        return "unshare";
    }

    public Outcome enter(Kernel k, Process p) {
        return k.namespaceCalls().unshare(p, this);
    }

    public String straceArgs(SysResult r) {
        return NamespaceCalls.flagNames(flags);
    }
}
