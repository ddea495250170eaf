package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.TcpFlags;
import dev.syssim.sim.net.Transport;
import java.util.Optional;

/**
 * What a REJECT sends back ({@code --reject-with}), in the order of the kernel's
 * {@code ipt_reject_with} values, with iptables' name and alias. All but {@code tcp-reset} are an
 * ICMP destination-unreachable with the given code; the client's {@code connect()} then fails with
 * ECONNREFUSED (port unreachable, RST), EHOSTUNREACH (host unreachable/prohibited, admin
 * prohibited), ENETUNREACH (net unreachable/prohibited) or ENOPROTOOPT (protocol unreachable).
 */
public enum RejectWith {
    ICMP_NET_UNREACHABLE("icmp-net-unreachable", "net-unreach", Icmp.NET_UNREACH),
    ICMP_HOST_UNREACHABLE("icmp-host-unreachable", "host-unreach", Icmp.HOST_UNREACH),
    ICMP_PROTO_UNREACHABLE("icmp-proto-unreachable", "proto-unreach", Icmp.PROT_UNREACH),
    ICMP_PORT_UNREACHABLE("icmp-port-unreachable", "port-unreach", Icmp.PORT_UNREACH),
    ICMP_NET_PROHIBITED("icmp-net-prohibited", "net-prohib", Icmp.NET_PROHIBITED),
    ICMP_HOST_PROHIBITED("icmp-host-prohibited", "host-prohib", Icmp.HOST_PROHIBITED),
    TCP_RESET("tcp-reset", "tcp-rst", -1),
    ICMP_ADMIN_PROHIBITED("icmp-admin-prohibited", "admin-prohib", Icmp.ADMIN_PROHIBITED);

    private final String keyword;
    private final String alias;
    private final int icmpCode;

    RejectWith(String keyword, String alias, int icmpCode) {
        this.keyword = keyword;
        this.alias = alias;
        this.icmpCode = icmpCode;
    }

    /** The name iptables prints: {@code icmp-port-unreachable}. */
    public String keyword() {
        return keyword;
    }

    public String alias() {
        return alias;
    }

    /** The ICMP destination-unreachable code sent, or -1 for {@code tcp-reset}. */
    public int icmpCode() {
        return icmpCode;
    }

    /**
     * Looks a {@code --reject-with} argument up the way iptables does: case-insensitively, as a
     * prefix of a name or alias, first entry in table order wins ({@code icmp-host} is
     * {@code icmp-host-unreachable}).
     */
    public static Optional<RejectWith> lookup(String argument) {
        String arg = argument.toLowerCase(java.util.Locale.ROOT);
        for (RejectWith with : values()) {
            if (with.keyword.startsWith(arg) || with.alias.startsWith(arg)) return Optional.of(with);
        }
        return Optional.empty();
    }

    /**
     * The packet a REJECT sends back for {@code offending}. A {@code tcp-reset} comes from the
     * original destination (even when a router rejects a forwarded packet: it speaks for the
     * server), 40 bytes, RST+ACK unless the offending segment had ACK set. An ICMP error comes from
     * {@code icmpSource}, the rejecting machine's address, and quotes the offending packet.
     */
    public Packet replyTo(Packet offending, Ipv4Address icmpSource) {
        if (this != TCP_RESET) {
            return Packet.icmpError(icmpSource, Icmp.DEST_UNREACH, icmpCode, offending);
        }
        if (!(offending.transport() instanceof Transport.Tcp tcp)) {
            throw new IllegalArgumentException("tcp-reset for a non-TCP packet");
        }
        TcpFlags flags = tcp.flags().ack() ? TcpFlags.RST_ONLY : TcpFlags.RST_ACK;
        return Packet.tcp(offending.dst(), offending.src(), tcp.dstPort(), tcp.srcPort(), flags);
    }
}
