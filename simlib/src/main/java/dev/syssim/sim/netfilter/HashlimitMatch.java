package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * {@code -m hashlimit}: a token bucket per group of packets — grouped by source or destination
 * address (masked) and port, as {@code --hashlimit-mode} says — in the machine's table
 * {@code --hashlimit-name} ({@code /proc/net/ipt_hashlimit/NAME}). {@code --hashlimit-upto}
 * matches while the group's bucket has credit; {@code --hashlimit-above} ({@code above}) matches
 * when it has none. {@code avg} is the interval in 1/1000000 s ({@code XT_HASHLIMIT_SCALE_v2});
 * {@code expireMillis} and the masks are -1 when not given (the masks default to /32; an entry
 * expires, unless told otherwise, one {@code unitSeconds} after its last packet, as iptables
 * sets it: a second for {@code N/sec}, a minute for {@code N/min}).
 */
public record HashlimitMatch(long avg, int burst, boolean above, int mode, String tableName, int srcMask,
                             int dstMask, int expireMillis, int unitSeconds) implements Match {

    public static final long SCALE = 1_000_000L;
    public static final int SRC_IP = 1;
    public static final int SRC_PORT = 2;
    public static final int DST_IP = 4;
    public static final int DST_PORT = 8;

    @Override
    public String name() {
        return "hashlimit";
    }

    /** How long an entry lives after its last packet, in ms ({@code cfg.expire}). */
    public long expiry() {
        return expireMillis >= 0 ? expireMillis : unitSeconds * 1000L;
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        throw new IllegalStateException("hashlimit needs the machine's tables");
    }

    @Override
    public boolean matches(Skb skb) {
        if (skb.netfilter() == null) return !above;
        Hashlimits.Result result = skb.netfilter().hashlimits().take(this, skb.packet(), skb.now());
        if (result == Hashlimits.Result.HOTDROP) {
            skb.hotdrop();
            return false;
        }
        return (result == Hashlimits.Result.UNDER_LIMIT) != above;
    }
}
