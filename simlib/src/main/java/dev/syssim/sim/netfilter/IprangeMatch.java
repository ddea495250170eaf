package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;

/**
 * {@code -m iprange --src-range A-B --dst-range C-D}: the source (destination) address lies in the
 * inclusive range, each test possibly negated. A range that is not given is null.
 */
public record IprangeMatch(Ipv4Address srcFrom, Ipv4Address srcTo, boolean srcInverted, Ipv4Address dstFrom,
                           Ipv4Address dstTo, boolean dstInverted) implements Match {

    @Override
    public String name() {
        return "iprange";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        if (srcFrom != null && in(packet.src(), srcFrom, srcTo) == srcInverted) return false;
        return dstFrom == null || in(packet.dst(), dstFrom, dstTo) != dstInverted;
    }

    private static boolean in(Ipv4Address a, Ipv4Address from, Ipv4Address to) {
        long v = a.bits() & 0xFFFFFFFFL;
        return v >= (from.bits() & 0xFFFFFFFFL) && v <= (to.bits() & 0xFFFFFFFFL);
    }
}
