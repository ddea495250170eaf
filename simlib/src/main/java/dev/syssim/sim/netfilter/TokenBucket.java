package dev.syssim.sim.netfilter;

/**
 * The token bucket of {@code -m limit} and of each {@code -m hashlimit} entry
 * ({@code xt_limit}/{@code xt_hashlimit}): it holds up to {@code burst} packets' worth of credit,
 * refills one packet's worth every {@code interval} nanoseconds, and a packet that finds a whole
 * packet's worth takes it. Starts full. Simplified: the kernel counts credit in jiffies (4 ms at
 * Debian's HZ=250) scaled by a power of two; here time is exact nanoseconds, so a refill can come
 * up to one jiffy earlier than on Linux.
 */
public final class TokenBucket {

    private final long cost;
    private final long capacity;
    private long credit;
    private long last;

    /** A full bucket for a rate of one packet per {@code interval} ns and {@code burst} packets. */
    public TokenBucket(long interval, int burst, long now) {
        this.cost = interval;
        this.capacity = interval * Math.max(1, burst);
        this.credit = capacity;
        this.last = now;
    }

    /** Refills for the time since the last packet, then takes a packet's worth if there is one. */
    public boolean take(long now) {
        credit = Math.min(capacity, credit + Math.max(0, now - last));
        last = now;
        if (credit < cost) return false;
        credit -= cost;
        return true;
    }

    /** Credit left, in packets' worth times the interval (what /proc/net/ipt_hashlimit shows as credit). */
    public long credit(long now) {
        return Math.min(capacity, credit + Math.max(0, now - last));
    }

    public long capacity() {
        return capacity;
    }

    public long cost() {
        return cost;
    }

    public long last() {
        return last;
    }
}
