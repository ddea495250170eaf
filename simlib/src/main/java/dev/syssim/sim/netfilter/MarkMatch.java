package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * {@code -m mark --mark V[/M]} and {@code -m connmark --mark V[/M]} ({@code connection}): the
 * packet's firewall mark (or its connection's mark), under the mask, equals V.
 */
public record MarkMatch(int mark, int mask, boolean inverted, boolean connection) implements Match {

    @Override
    public String name() {
        return connection ? "connmark" : "mark";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        return ((0 & mask) == mark) != inverted;
    }

    @Override
    public boolean matches(Skb skb) {
        int value;
        if (connection) {
            if (skb.tracked() == null || skb.tracked().connection() == null) return false;
            value = skb.tracked().connection().mark();
        } else {
            value = skb.mark();
        }
        return ((value & mask) == mark) != inverted;
    }
}
