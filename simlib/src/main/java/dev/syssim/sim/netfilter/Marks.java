package dev.syssim.sim.netfilter;

import dev.syssim.sim.netfilter.conntrack.Connection;

/** What the CONNMARK and TTL targets do to a packet and its connection ({@code xt_CONNMARK}, {@code ipt_TTL}). */
final class Marks {

    private Marks() {
    }

    static void connmark(Skb skb, Target.Connmark target) {
        Connection c = skb.tracked() == null ? null : skb.tracked().connection();
        if (c == null) return;
        switch (target.mode()) {
            case SET -> c.setMark((c.mark() & ~target.ctMask()) ^ target.value());
            case SAVE -> c.setMark((c.mark() & ~target.ctMask()) | (skb.mark() & target.nfMask()));
            case RESTORE -> skb.setMark((skb.mark() & ~target.nfMask()) | (c.mark() & target.ctMask()));
        }
    }

    static void ttl(Skb skb, Target.Ttl target) {
        int ttl = skb.packet().ttl();
        int next = switch (target.mode()) {
            case SET -> target.value();
            case INC -> Math.min(255, ttl + target.value());
            case DEC -> Math.max(0, ttl - target.value());
        };
        skb.setPacket(skb.packet().withTtl(next));
    }
}
