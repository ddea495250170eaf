package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.TcpFlags;
import dev.syssim.sim.net.Transport;

/**
 * The text of the LOG target's kernel log line, field by field as Linux's {@code nf_log_syslog}
 * writes it: {@code PREFIX IN= OUT= MAC= SRC= DST= LEN= TOS= PREC= TTL= ID= [DF] PROTO=...}, each
 * field followed by a space. Simplified: no IP or TCP options are printed
 * ({@code --log-ip-options}, {@code --log-tcp-options} are accepted but the simulated packets
 * carry none worth printing), and {@code --log-uid} prints nothing (no socket owner is known here).
 */
public final class KernelLogLine {

    private KernelLogLine() {
    }

    public static String format(Target.Log log, String in, String out, Packet packet) {
        StringBuilder line = new StringBuilder(160);
        line.append(log.prefix()).append("IN=").append(in).append(" OUT=").append(out).append(' ');
        if (!in.isEmpty()) {
            // The MAC header of the frame it arrived in: only for packets that came in on a device.
            line.append("MAC=");
            if (packet.ethernet() != null) line.append(packet.ethernet().logField());
            line.append(' ');
        }
        appendIp(line, packet, log.flags());
        return line.toString();
    }

    private static void appendIp(StringBuilder line, Packet packet, int flags) {
        line.append("SRC=").append(packet.src()).append(" DST=").append(packet.dst()).append(' ');
        line.append("LEN=").append(packet.length())
                .append(" TOS=0x").append(hex2(packet.tos() & 0x1E))
                .append(" PREC=0x").append(hex2(packet.tos() & 0xE0))
                .append(" TTL=").append(packet.ttl())
                .append(" ID=").append(packet.id()).append(' ');
        if (packet.dontFragment()) line.append("DF ");
        Transport transport = packet.transport();
        if (transport instanceof Transport.Tcp tcp) {
            line.append("PROTO=TCP SPT=").append(tcp.srcPort()).append(" DPT=").append(tcp.dstPort()).append(' ');
            if ((flags & Target.Log.TCP_SEQUENCE) != 0) {
                line.append("SEQ=").append(tcp.seq()).append(" ACK=").append(tcp.ack()).append(' ');
            }
            line.append("WINDOW=").append(tcp.window()).append(" RES=0x00 ");
            appendTcpFlags(line, tcp.flags());
            line.append("URGP=0 ");
        } else if (transport instanceof Transport.Udp udp) {
            line.append("PROTO=UDP SPT=").append(udp.srcPort()).append(" DPT=").append(udp.dstPort())
                    .append(" LEN=").append(packet.length() - Packet.IP_HEADER).append(' ');
        } else if (transport instanceof Transport.Icmp icmp) {
            line.append("PROTO=ICMP TYPE=").append(icmp.type()).append(" CODE=").append(icmp.code()).append(' ');
            if (icmp.isError()) {
                line.append('[');
                appendIp(line, icmp.quoted(), 0);
                line.append("] ");
            } else {
                line.append("ID=").append(icmp.id()).append(" SEQ=").append(icmp.sequence()).append(' ');
            }
        } else {
            line.append("PROTO=").append(packet.protocol()).append(' ');
        }
    }

    private static void appendTcpFlags(StringBuilder line, TcpFlags flags) {
        int[] order = {TcpFlags.CWR, TcpFlags.ECE, TcpFlags.URG, TcpFlags.ACK, TcpFlags.PSH, TcpFlags.RST,
                TcpFlags.SYN, TcpFlags.FIN};
        String[] names = {"CWR", "ECE", "URG", "ACK", "PSH", "RST", "SYN", "FIN"};
        for (int i = 0; i < order.length; i++) {
            if (flags.has(order[i])) line.append(names[i]).append(' ');
        }
    }

    private static String hex2(int value) {
        return String.format("%02X", value);
    }
}
