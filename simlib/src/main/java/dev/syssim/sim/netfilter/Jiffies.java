package dev.syssim.sim.netfilter;

/**
 * The kernel's tick counter, in which netfilter's rate limits and lists keep their time: Debian's
 * kernels count HZ=250 ticks a second, starting at {@code INITIAL_JIFFIES} (five minutes before
 * the 32-bit wrap, so wrap bugs show early) when the machine boots — simulated time 0 here.
 */
final class Jiffies {

    static final int HZ = 250;
    static final long INITIAL = 4_294_967_296L - 300L * HZ;
    private static final long NANOS_PER_JIFFY = 1_000_000_000L / HZ;

    private Jiffies() {
    }

    /** The jiffies at simulated time {@code nanos}. */
    static long at(long nanos) {
        return INITIAL + nanos / NANOS_PER_JIFFY;
    }

    /** msecs_to_jiffies: rounded up. */
    static long fromMillis(long millis) {
        return (millis * HZ + 999) / 1000;
    }
}
