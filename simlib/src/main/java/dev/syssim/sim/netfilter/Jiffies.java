package dev.syssim.sim.netfilter;

/**
 * The kernel's tick counter as {@code /proc/net/xt_recent} prints it: Debian's kernels count
 * HZ=250 ticks a second, starting at {@code INITIAL_JIFFIES} (five minutes before the 32-bit
 * wrap, so wrap bugs show early) when the machine boots — simulated time 0 here.
 */
final class Jiffies {

    static final int HZ = 250;
    static final long INITIAL = 4_294_967_296L - 300L * HZ;

    private Jiffies() {
    }

    static long at(long nanos) {
        return INITIAL + nanos / (1_000_000_000L / HZ);
    }
}
