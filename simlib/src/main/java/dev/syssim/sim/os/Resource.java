package dev.syssim.sim.os;

/**
 * The resources of getrlimit(2)/prlimit(2), with Linux's numbers (asm-generic/resource.h). The
 * kernel enforces {@link #FSIZE} (a write past it: SIGXFSZ, EFBIG), {@link #NPROC} (fork:
 * EAGAIN) and {@link #NOFILE} (a new descriptor at or above it: EMFILE; dup2 to one: EBADF;
 * fcntl F_DUPFD from one: EINVAL — {@link Process#fdLimit}); the others are kept and reported.
 */
public enum Resource {
    CPU(0, "Max cpu time", "seconds"), FSIZE(1, "Max file size", "bytes"), DATA(2, "Max data size", "bytes"),
    STACK(3, "Max stack size", "bytes"), CORE(4, "Max core file size", "bytes"), RSS(5, "Max resident set", "bytes"),
    NPROC(6, "Max processes", "processes"), NOFILE(7, "Max open files", "files"), MEMLOCK(8, "Max locked memory", "bytes"),
    AS(9, "Max address space", "bytes"), LOCKS(10, "Max file locks", "locks"), SIGPENDING(11, "Max pending signals", "signals"),
    MSGQUEUE(12, "Max msgqueue size", "bytes"), NICE(13, "Max nice priority", null), RTPRIO(14, "Max realtime priority", null),
    RTTIME(15, "Max realtime timeout", "us");

    private final int number;
    /** Its line's name in /proc/PID/limits (fs/proc/base.c's lnames). */
    private final String procName;
    /** Its unit there; null where Linux prints none. */
    private final String unit;

    Resource(int number, String procName, String unit) {
        this.number = number;
        this.procName = procName;
        this.unit = unit;
    }

    /**
     * /proc/PID/limits, as fs/proc/base.c's proc_pid_limits writes it: a header, then each resource
     * with its soft and hard limit ("unlimited" for RLIM_INFINITY) and its unit.
     */
    public static String procLimits(Rlimits limits) {
        StringBuilder out = new StringBuilder(String.format("%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit", "Hard Limit", "Units"));
        for (Resource r : values()) {
            Rlimit l = limits.get(r);
            out.append(String.format("%-25s %-20s %-20s ", r.procName, Rlimit.text(l.soft()), Rlimit.text(l.hard())));
            if (r.unit != null) out.append(String.format("%-10s", r.unit));
            out.append('\n');
        }
        return out.toString();
    }

    public int number() {
        return number;
    }

    /** The name strace shows, e.g. {@code RLIMIT_FSIZE}. */
    public String constant() {
        return "RLIMIT_" + name();
    }
}
