package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.Transport;

/** {@code -m udp}: source and destination port ranges, each possibly negated. */
public record UdpMatch(PortRange srcPorts, boolean srcInverted, PortRange dstPorts, boolean dstInverted)
        implements Match {

    public static final UdpMatch ANY = new UdpMatch(PortRange.ALL, false, PortRange.ALL, false);

    @Override
    public String name() {
        return "udp";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        if (!(packet.transport() instanceof Transport.Udp udp)) return false;
        return srcPorts.contains(udp.srcPort()) != srcInverted && dstPorts.contains(udp.dstPort()) != dstInverted;
    }

    public boolean isEmpty() {
        return srcPorts.isAll() && !srcInverted && dstPorts.isAll() && !dstInverted;
    }
}
