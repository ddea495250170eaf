package dev.syssim.sim.os;

/**
 * syslog(2) (glibc's klogctl): the old way to read the kernel's ring buffer, which dmesg falls back
 * to when it cannot open /dev/kmsg. With kernel.dmesg_restrict=1 (Debian's default) reading needs
 * CAP_SYSLOG, else EPERM. Only SYSLOG_ACTION_SIZE_BUFFER (10) is answered; it returns the buffer size.
 */
public record Syslog(int action) implements Syscall {

    public static final int SYSLOG_ACTION_READ_ALL = 3;
    public static final int SYSLOG_ACTION_SIZE_BUFFER = 10;

    /** The ring buffer's size in bytes (Linux's default 2^18 on a PC with a few cores). */
    private static final int BUFFER_SIZE = 262144;

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        if (k.dmesgRestricted() && !p.credentials().has(Capability.CAP_SYSLOG)) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        if (action != SYSLOG_ACTION_SIZE_BUFFER) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        return Outcome.ok(BUFFER_SIZE, Costs.SYSCALL);
    }

    @Override
    public String straceArgs(SysResult r) {
        return (action == SYSLOG_ACTION_SIZE_BUFFER ? "10 /* SYSLOG_ACTION_SIZE_BUFFER */" : action + "") + ", NULL, 0";
    }
}
