package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * {@code -m hashlimit}: a token bucket per group of packets — grouped by source or destination
 * address (masked) and port, as {@code --hashlimit-mode} says — in the machine's table
 * {@code --hashlimit-name} ({@code /proc/net/ipt_hashlimit/NAME}). {@code --hashlimit-upto}
 * matches while the group's bucket has credit; {@code --hashlimit-above} ({@code above}) matches
 * when it has none. {@code avg} is the interval in 1/1000000 s ({@code XT_HASHLIMIT_SCALE_v2});
 * {@code expireMillis} and the masks are -1 when not given (defaults 10000 ms and /32).
 */
public record HashlimitMatch(long avg, int burst, boolean above, int mode, String tableName, int srcMask,
                             int dstMask, int expireMillis) implements Match {

    public static final long SCALE = 1_000_000L;
    public static final int SRC_IP = 1;
    public static final int SRC_PORT = 2;
    public static final int DST_IP = 4;
    public static final int DST_PORT = 8;
    public static final int DEFAULT_EXPIRE_MILLIS = 10_000;

    @Override
    public String name() {
        return "hashlimit";
    }

    public long intervalNanos() {
        return avg * (1_000_000_000L / SCALE);
    }

    public long expireNanos() {
        return (expireMillis < 0 ? DEFAULT_EXPIRE_MILLIS : expireMillis) * 1_000_000L;
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        throw new IllegalStateException("hashlimit needs the machine's tables");
    }

    @Override
    public boolean matches(Skb skb) {
        if (skb.netfilter() == null) return !above;
        boolean credit = skb.netfilter().hashlimits().take(this, skb.packet(), skb.now());
        return credit != above;
    }
}
