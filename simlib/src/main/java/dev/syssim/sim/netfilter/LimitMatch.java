package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * {@code -m limit --limit N/unit --limit-burst B}: matches while its rule's token bucket has
 * credit — at most {@code burst} packets at once, then one per interval. {@code avg} is the
 * interval in the kernel's unit (1/10000 s, {@code XT_LIMIT_SCALE}), as iptables stores it: 3/min
 * is 200000. The bucket belongs to the rule (each rule has its own, as in the kernel), so it is
 * kept beside the rule, not in this record.
 */
public record LimitMatch(int avg, int burst) implements Match {

    public static final int SCALE = 10_000;

    @Override
    public String name() {
        return "limit";
    }

    /** One packet's interval in nanoseconds. */
    public long intervalNanos() {
        return avg * (1_000_000_000L / SCALE);
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        throw new IllegalStateException("limit needs its rule's bucket");
    }

    /** Whether the rule's bucket lets this packet through now. */
    public boolean matches(Skb skb, TokenBucket bucket) {
        return bucket.take(skb.now());
    }
}
