package dev.syssim.sim.os;

/**
 * One resource limit: the soft limit the kernel enforces and the hard limit the soft one may be
 * raised to (struct rlimit). {@link #INFINITY} is RLIM_INFINITY (Linux's ~0UL, the largest value).
 */
public record Rlimit(long soft, long hard) {

    /** RLIM_INFINITY: no limit. Linux's is the all-ones unsigned value, above every other; so is this one. */
    public static final long INFINITY = Long.MAX_VALUE;

    public static final Rlimit UNLIMITED = new Rlimit(INFINITY, INFINITY);

    /** As strace prints it: {@code {rlim_cur=1024, rlim_max=RLIM64_INFINITY}}. */
    public String strace() {
        return "{rlim_cur=" + show(soft) + ", rlim_max=" + show(hard) + "}";
    }

    private static String show(long value) {
        return value == INFINITY ? "RLIM64_INFINITY" : Long.toString(value);
    }

    /** A limit as /proc/PID/limits and prlimit show it: the number, or "unlimited" for RLIM_INFINITY. */
    public static String text(long limit) {
        return limit == INFINITY ? "unlimited" : Long.toString(limit);
    }
}
