package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.TcpFlags;
import dev.syssim.sim.net.Transport;
import java.util.ArrayList;
import java.util.List;

/**
 * How a trace names a packet, the way a packet analyser's summary line does:
 * {@code TCP 203.0.113.50:40312 > 10.84.0.10:22 [SYN]}, {@code TCP ... [SYN, ACK]},
 * {@code ICMP 10.84.0.1 > 203.0.113.50 destination unreachable (host prohibited)}.
 */
public final class PacketLabel {

    private PacketLabel() {
    }

    public static String of(Packet p) {
        Transport t = p.transport();
        if (t instanceof Transport.Tcp tcp) {
            int data = p.length() - Packet.IP_HEADER - Packet.TCP_HEADER - options(tcp.flags());
            return "TCP " + p.src() + ":" + tcp.srcPort() + " > " + p.dst() + ":" + tcp.dstPort() + " [" + flags(tcp.flags()) + "]"
                    + (data > 0 ? " " + data + " bytes" : "");
        }
        if (t instanceof Transport.Udp udp) {
            return "UDP " + p.src() + ":" + udp.srcPort() + " > " + p.dst() + ":" + udp.dstPort() + " "
                    + (p.length() - Packet.IP_HEADER - Packet.UDP_HEADER) + " bytes";
        }
        if (t instanceof Transport.Icmp icmp) {
            return "ICMP " + p.src() + " > " + p.dst() + " " + icmp(icmp);
        }
        return "IP " + p.src() + " > " + p.dst() + " proto " + p.protocol();
    }

    /** The detail line: size and TTL. */
    public static String detail(Packet p) {
        return p.length() + " bytes, TTL " + p.ttl();
    }

    /** Flag names in a packet analyser's order: {@code SYN, ACK}, {@code FIN, ACK}, {@code RST}. */
    public static String flags(TcpFlags flags) {
        List<String> names = new ArrayList<>();
        if (flags.fin()) names.add("FIN");
        if (flags.syn()) names.add("SYN");
        if (flags.rst()) names.add("RST");
        if (flags.has(TcpFlags.PSH)) names.add("PSH");
        if (flags.ack()) names.add("ACK");
        return String.join(", ", names);
    }

    private static int options(TcpFlags flags) {
        if (flags.rst()) return 0;
        return flags.syn() ? Packet.TCP_SYN_OPTIONS : Packet.TCP_TIMESTAMP_OPTIONS;
    }

    private static String icmp(Transport.Icmp icmp) {
        return switch (icmp.type()) {
            case Icmp.ECHO_REQUEST -> "echo request id=" + icmp.id() + " seq=" + icmp.sequence();
            case Icmp.ECHO_REPLY -> "echo reply id=" + icmp.id() + " seq=" + icmp.sequence();
            case Icmp.DEST_UNREACH -> "destination unreachable (" + unreachable(icmp.code()) + ")";
            case Icmp.TIME_EXCEEDED -> "time to live exceeded";
            default -> "type " + icmp.type() + " code " + icmp.code();
        };
    }

    /** The destination-unreachable codes as iputils' ping names them, lower case. */
    public static String unreachable(int code) {
        return switch (code) {
            case Icmp.NET_UNREACH -> "net unreachable";
            case Icmp.HOST_UNREACH -> "host unreachable";
            case Icmp.PROT_UNREACH -> "protocol unreachable";
            case Icmp.PORT_UNREACH -> "port unreachable";
            case Icmp.FRAG_NEEDED -> "fragmentation needed";
            case Icmp.NET_PROHIBITED -> "net prohibited";
            case Icmp.HOST_PROHIBITED -> "host prohibited";
            case Icmp.ADMIN_PROHIBITED -> "communication administratively prohibited";
            default -> "code " + code;
        };
    }
}
