package dev.syssim.sim.netfilter;

/**
 * The token bucket of {@code -m limit} ({@code xt_limit}) and of each {@code -m hashlimit} entry
 * ({@code xt_hashlimit}), in the kernel's own arithmetic: credit counted in "credits", a fixed
 * number of them earned per jiffy (4 ms at Debian's HZ=250), a packet costing the credits of one
 * interval, the bucket holding {@code burst} packets' worth and starting full. The numbers are
 * the kernel's: {@code /proc/net/ipt_hashlimit} shows them, and a refill comes exactly on the
 * jiffy it comes on Linux. limit counts in 32 bits with 128 credits a jiffy, hashlimit (revision
 * 2 and later) in 64 bits with 2^39.
 *
 * <p>Simplification: after about 37 hours without a packet the kernel's 32-bit limit credit
 * overflows while being refilled; here it is simply full.
 */
public final class TokenBucket {

    /** xt_limit: CREDITS_PER_JIFFY = POW2_BELOW32(0xFFFFFFFF / (HZ * 86400)). */
    static final long LIMIT_PER_JIFFY = 128;
    /** xt_hashlimit v2: CREDITS_PER_JIFFY = POW2_BELOW64(0xFFFFFFFFFFFFFFFF / (HZ * 86400)). */
    static final long HASHLIMIT_PER_JIFFY = 1L << 39;

    private final long cost;
    private final long capacity;
    private final long perJiffy;
    private long credit;
    private long prev;

    private TokenBucket(long cost, long capacity, long perJiffy, long nowJiffies) {
        this.cost = cost;
        this.capacity = capacity;
        this.perJiffy = perJiffy;
        this.credit = capacity;
        this.prev = nowJiffies;
    }

    /** The bucket of a {@code -m limit} rule: {@code avg} in 1/10000 s ({@code XT_LIMIT_SCALE}). */
    public static TokenBucket limit(int avg, int burst, long now) {
        return new TokenBucket(limitCredits(avg), limitCredits((long) avg * burst & 0xFFFFFFFFL), LIMIT_PER_JIFFY,
                Jiffies.at(now));
    }

    /** xt_limit's {@code user2credits}: divide first where multiplying would overflow 32 bits. */
    private static long limitCredits(long user) {
        long factor = Jiffies.HZ * LIMIT_PER_JIFFY;
        if (user > 0xFFFFFFFFL / factor) return (user / LimitMatch.SCALE) * factor & 0xFFFFFFFFL;
        return user * factor / LimitMatch.SCALE;
    }

    /** The bucket of a {@code -m hashlimit} entry: {@code avg} in 1/1000000 s ({@code XT_HASHLIMIT_SCALE_v2}). */
    public static TokenBucket hashlimit(long avg, int burst, long now) {
        long factor = Jiffies.HZ * HASHLIMIT_PER_JIFFY / HashlimitMatch.SCALE;
        return new TokenBucket(avg * factor, avg * burst * factor, HASHLIMIT_PER_JIFFY, Jiffies.at(now));
    }

    /**
     * The bucket of an nftables {@code limit} statement ({@code nft_limit}), kept in nanoseconds as
     * the kernel keeps it: a packet costs {@code costNanos}, the bucket holds {@code burst} of them.
     * Modelled with one credit a nanosecond earned in whole jiffies, as the buckets above.
     */
    public static TokenBucket nanos(long costNanos, int burst, long now) {
        long perJiffy = 1_000_000_000L / Jiffies.HZ;
        return new TokenBucket(costNanos, costNanos * Math.max(1, burst), perJiffy, Jiffies.at(now));
    }

    /** rateinfo_recalc: the credit earned since the last packet, up to the cap. */
    private void refill(long now) {
        long jiffies = Jiffies.at(now);
        long delta = jiffies - prev;
        if (delta <= 0) return;
        prev = jiffies;
        long earned = delta > Long.MAX_VALUE / perJiffy ? Long.MAX_VALUE : delta * perJiffy;
        credit = Long.compareUnsigned(capacity - credit, earned) <= 0 ? capacity : credit + earned;
    }

    /** Refills for the time since the last packet, then takes one packet's credit if there is enough. */
    public boolean take(long now) {
        refill(now);
        if (Long.compareUnsigned(credit, cost) < 0) return false;
        credit -= cost;
        return true;
    }

    /** The credit now, after the refill (what {@code /proc/net/ipt_hashlimit} prints first). */
    public long credit(long now) {
        refill(now);
        return credit;
    }

    public long capacity() {
        return capacity;
    }

    public long cost() {
        return cost;
    }
}
