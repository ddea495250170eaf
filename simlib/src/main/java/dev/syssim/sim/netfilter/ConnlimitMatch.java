package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * {@code -m connlimit}: how many connections the machine's conntrack holds from the packet's
 * source (or, with {@code --connlimit-daddr}, to its destination), addresses compared under a
 * {@code maskBits} mask, counting the packet's own connection. {@code --connlimit-above N} matches
 * when that is more than N; {@code --connlimit-upto N} ({@code upto}) when it is N or fewer.
 * Connections in TCP's TIME_WAIT or CLOSE no longer count, as {@code nf_conncount} skips them.
 */
public record ConnlimitMatch(long limit, boolean upto, int maskBits, boolean destination) implements Match {

    @Override
    public String name() {
        return "connlimit";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        throw new IllegalStateException("connlimit needs the machine's conntrack");
    }

    @Override
    public boolean matches(Skb skb) {
        if (skb.netfilter() == null) return upto;
        int mask = maskBits == 0 ? 0 : -1 << (32 - maskBits);
        int key = (destination ? skb.packet().dst().bits() : skb.packet().src().bits()) & mask;
        var own = skb.tracked() == null ? null : skb.tracked().connection();
        long count = skb.netfilter().conntrack().count(key, mask, destination, own, skb.now());
        return (count > limit) != upto;
    }
}
