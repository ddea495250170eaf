package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/** {@code -m ttl --ttl-eq|--ttl-lt|--ttl-gt N} ({@code ! --ttl-eq} is "not equal"): the IP header's TTL. */
public record TtlMatch(Mode mode, int value) implements Match {

    /** The comparison, in {@code ipt_ttl}'s order. */
    public enum Mode { EQ, NE, LT, GT }

    @Override
    public String name() {
        return "ttl";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        int ttl = packet.ttl();
        return switch (mode) {
            case EQ -> ttl == value;
            case NE -> ttl != value;
            case LT -> ttl < value;
            case GT -> ttl > value;
        };
    }
}
