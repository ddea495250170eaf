package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;

/**
 * {@code -m addrtype --src-type T --dst-type T}: the kind of address the source or destination is
 * on this machine, as its routing table says — LOCAL (one of its own), BROADCAST, MULTICAST,
 * UNICAST, ... (the kernel's {@code RTN_*} types, as bits). Docker's nat rules use
 * {@code --dst-type LOCAL} to catch every packet for the host. A mask of 0 means "not tested".
 */
public record AddrtypeMatch(int srcTypes, boolean srcInverted, int dstTypes, boolean dstInverted,
                            boolean limitIfaceIn, boolean limitIfaceOut) implements Match {

    /** The type names in iptables' order; bit i is {@code 1 << i}. */
    public static final String[] TYPES = {"UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST",
        "BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"};

    @Override
    public String name() {
        return "addrtype";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        return matches(new Skb(packet, Hook.INPUT, "", "", 0, null, state));
    }

    @Override
    public boolean matches(Skb skb) {
        if (srcTypes != 0 && ((srcTypes & typeOf(skb, skb.packet().src())) != 0) == srcInverted) return false;
        return dstTypes == 0 || ((dstTypes & typeOf(skb, skb.packet().dst())) != 0) != dstInverted;
    }

    private static int typeOf(Skb skb, Ipv4Address address) {
        int bits = address.bits();
        if (bits == -1) return 1 << 3;
        if ((bits >>> 28) == 0xE) return 1 << 5;
        boolean local = address.isLoopback() || (skb.netfilter() != null && skb.netfilter().isLocal(address));
        return local ? 1 << 2 : 1 << 1;
    }
}
