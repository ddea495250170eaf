package dev.syssim.sim.netfilter.conntrack;

import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.Transport;

/**
 * What identifies one direction of a connection: addresses, protocol and the two ports. As in the
 * kernel's {@code nf_conntrack_tuple}, ICMP queries use the same slots differently: {@code srcPort}
 * holds the query id and {@code dstPort} the type and code ({@code type << 8 | code}); other
 * protocols have both ports 0. Addresses are raw IPv4 bits so a lookup allocates nothing else.
 */
public record Tuple(int src, int dst, int protocol, int srcPort, int dstPort) {

    /** The tuple of the direction {@code packet} travels in. */
    public static Tuple of(Packet packet) {
        Transport transport = packet.transport();
        int src = packet.src().bits();
        int dst = packet.dst().bits();
        if (transport instanceof Transport.Tcp tcp) return new Tuple(src, dst, 6, tcp.srcPort(), tcp.dstPort());
        if (transport instanceof Transport.Udp udp) return new Tuple(src, dst, 17, udp.srcPort(), udp.dstPort());
        if (transport instanceof Transport.Icmp icmp) {
            return new Tuple(src, dst, 1, icmp.id(), icmp.type() << 8 | icmp.code());
        }
        return new Tuple(src, dst, packet.protocol(), 0, 0);
    }

    /** The tuple the other direction has: addresses and ports swapped, an ICMP query type turned into its reply. */
    public Tuple inverse() {
        if (protocol == 1) {
            int replyType = Icmp.replyTypeOf(icmpType());
            return new Tuple(dst, src, 1, srcPort, replyType << 8 | icmpCode());
        }
        return new Tuple(dst, src, protocol, dstPort, srcPort);
    }

    public int icmpType() {
        return dstPort >>> 8;
    }

    public int icmpCode() {
        return dstPort & 0xFF;
    }

    public int icmpId() {
        return srcPort;
    }
}
