package dev.syssim.sim.os;

/** setns(2): join the namespace of an open /proc/PID/ns file ({@code nstype} 0 accepts any kind). */
public record Setns(int fd, long nstype) implements Syscall {
    public String name() {
        return "setns";
    }

    public Outcome enter(Kernel k, Process p) {
        return k.namespaceCalls().setns(p, this);
    }

    public String straceArgs(SysResult r) {
        return fd + ", " + NamespaceCalls.flagNames(nstype);
    }
}
