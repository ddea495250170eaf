package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.TcpFlags;

/** Synthetic packets of the campus for the engine's unit tests. */
final class Packets {

    static final Ipv4Address OFFCAMPUS = Ipv4Address.parse("203.0.113.50");
    static final Ipv4Address PARTNER = Ipv4Address.parse("198.51.100.25");
    static final Ipv4Address WASH = Ipv4Address.parse("10.84.0.10");
    static final Ipv4Address LAPTOP = Ipv4Address.parse("10.84.1.50");

    private Packets() {
    }

    static Packet syn(Ipv4Address src, Ipv4Address dst, int dport) {
        return Packet.tcp(src, dst, 40000, dport, TcpFlags.SYN_ONLY);
    }

    static Packet synAck(Ipv4Address src, Ipv4Address dst, int sport) {
        return Packet.tcp(src, dst, sport, 40000, TcpFlags.SYN_ACK);
    }

    static Packet ack(Ipv4Address src, Ipv4Address dst, int dport) {
        return Packet.tcp(src, dst, 40000, dport, TcpFlags.ACK_ONLY);
    }
}
