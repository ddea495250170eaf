package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * {@code -m pkttype --pkt-type unicast|broadcast|multicast}: the link-layer class of the packet.
 * Simplified: decided from the IP destination (255.255.255.255 and x.x.x.255 of a /24 are
 * broadcast, 224.0.0.0/4 multicast, the rest unicast), since the simulated links carry no
 * broadcast frames of their own.
 */
public record PkttypeMatch(Type type, boolean inverted) implements Match {

    /** The classes iptables names ({@code PACKET_HOST} is printed as unicast). */
    public enum Type { UNICAST, BROADCAST, MULTICAST }

    @Override
    public String name() {
        return "pkttype";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        return (classOf(packet) == type) != inverted;
    }

    static Type classOf(Packet packet) {
        int dst = packet.dst().bits();
        if (dst == -1 || (dst & 0xFF) == 0xFF) return Type.BROADCAST;
        if ((dst >>> 28) == 0xE) return Type.MULTICAST;
        return Type.UNICAST;
    }
}
