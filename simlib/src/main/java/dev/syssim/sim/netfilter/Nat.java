package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.Transport;
import dev.syssim.sim.netfilter.conntrack.Connection;
import dev.syssim.sim.netfilter.conntrack.Direction;
import dev.syssim.sim.netfilter.conntrack.Tracked;
import dev.syssim.sim.netfilter.conntrack.Tuple;

/**
 * Network address translation as {@code nf_nat} does it. The nat table is consulted once per
 * connection and half — the destination half at PREROUTING/OUTPUT, the source half at
 * INPUT/POSTROUTING — on the connection's first packet; a NAT target there (or no rule: a "null
 * binding") fixes the connection's reply tuple ({@link #bind}). From then on every packet of the
 * connection, either way, is rewritten at those hooks to fit the tuples ({@link #apply}): the
 * original direction towards the translated addresses, replies back to the ones the client used.
 * ICMP errors about a translated connection get their outer and quoted headers rewritten too.
 *
 * <p>Simplifications: of an address range the first address is taken (the kernel hashes over the
 * range), and a source port already taken for the same reply tuple is replaced by the next free
 * one counting up (the kernel picks one by hash) — both deterministic, as the simulation must be.
 */
final class Nat {

    private Nat() {
    }

    /** Whether a hook is where the source half is decided and applied (else the destination half). */
    static boolean sourceHalf(Hook hook) {
        return hook == Hook.POSTROUTING || hook == Hook.INPUT;
    }

    /** Whether the nat table still has to decide this packet's connection at its hook. */
    static boolean undecided(Skb skb) {
        Tracked t = skb.tracked();
        if (t == null || t.connection() == null || !t.isNew()) return false;
        return !t.connection().natDecided(sourceHalf(skb.hook()));
    }

    /** The nat table had nothing to say: the connection keeps its addresses for this half. */
    static void nullBinding(Skb skb) {
        Tracked t = skb.tracked();
        if (t != null && t.connection() != null) t.connection().bindNat(sourceHalf(skb.hook()), null);
    }

    /** A NAT target matched: the connection's new reply tuple; returns the trace's words for it. */
    static String bind(Skb skb, Target target) {
        Tracked t = skb.tracked();
        if (t == null || t.connection() == null || !t.isNew()) return target.name();
        Connection c = t.connection();
        Tuple r = c.reply();
        Netfilter nf = skb.netfilter();
        if (target instanceof Target.Dnat d) {
            return destination(skb, c, r, d.range().minAddress(), d.range(), "DNAT");
        }
        if (target instanceof Target.Redirect d) {
            Ipv4Address self = skb.hook() == Hook.OUTPUT ? Ipv4Address.LOOPBACK : nf.addressOf(skb.in());
            return destination(skb, c, r, self == null ? r.src() : self.bits(), d.range(), "REDIRECT");
        }
        Target.NatRange range = target instanceof Target.Snat s ? s.range() : ((Target.Masquerade) target).range();
        int address;
        if (target instanceof Target.Snat) {
            address = range.minAddress();
        } else {
            Ipv4Address out = nf.addressOf(skb.out());
            if (out == null) return "MASQUERADE (no address on " + skb.out() + ")";
            address = out.bits();
        }
        int port = r.dstPort();
        if (range.hasPorts() && hasPorts(r)) port = range.minPort();
        Tuple reply = new Tuple(r.src(), address, r.protocol(), r.srcPort(), port);
        if (hasPorts(r)) {
            int max = range.hasPorts() ? range.maxPort() : 65535;
            int min = range.hasPorts() ? range.minPort() : 1024;
            while (nf.conntrack().replyTaken(reply, c, skb.now()) && port < max) {
                port = Math.max(min, port + 1);
                reply = new Tuple(r.src(), address, r.protocol(), r.srcPort(), port);
            }
        }
        c.bindNat(true, reply);
        String name = target instanceof Target.Snat ? "SNAT" : "MASQUERADE";
        return name + " to " + new Ipv4Address(address) + (hasPorts(r) ? ":" + port : "");
    }

    private static String destination(Skb skb, Connection c, Tuple r, int address, Target.NatRange range, String name) {
        int port = range.hasPorts() && hasPorts(r) ? range.minPort() : r.srcPort();
        c.bindNat(false, new Tuple(address, r.dst(), r.protocol(), port, r.dstPort()));
        return name + " to " + new Ipv4Address(address) + (hasPorts(r) ? ":" + port : "");
    }

    private static boolean hasPorts(Tuple t) {
        return t.protocol() == 6 || t.protocol() == 17;
    }

    /** Rewrites the packet of {@code skb} for its connection's translation at this hook, if it has one. */
    static void apply(Skb skb) {
        Tracked t = skb.tracked();
        if (t == null || t.connection() == null) return;
        Connection c = t.connection();
        boolean source = sourceHalf(skb.hook());
        Direction d = t.direction();
        // A reply is translated back by the other half: a DNATed connection's replies get their source fixed.
        boolean needed = source == (d == Direction.ORIGINAL) ? c.srcNat() : c.dstNat();
        if (!needed) return;
        Tuple other = d == Direction.ORIGINAL ? c.reply() : c.original();
        Tuple target = other.inverse();
        Packet p = skb.packet();
        if (p.transport() instanceof Transport.Icmp icmp && icmp.isError()) {
            // The outer header as for the connection's own packets, the quoted one the other way round.
            Packet quoted = icmp.quoted();
            Packet inner = source ? rewrite(quoted, quoted.src().bits(), other.dst(), -1, other.dstPort())
                    : rewrite(quoted, other.src(), quoted.dst().bits(), other.srcPort(), -1);
            Transport.Icmp changed = new Transport.Icmp(icmp.type(), icmp.code(), icmp.id(), icmp.sequence(), inner);
            p = p.withTransport(changed);
            skb.setPacket(source ? rewrite(p, target.src(), p.dst().bits(), -1, -1)
                    : rewrite(p, p.src().bits(), target.dst(), -1, -1));
            return;
        }
        skb.setPacket(source ? rewrite(p, target.src(), p.dst().bits(), target.srcPort(), -1)
                : rewrite(p, p.src().bits(), target.dst(), -1, target.dstPort()));
    }

    /** The packet with new addresses and (for TCP and UDP, where not -1) ports. */
    static Packet rewrite(Packet p, int src, int dst, int srcPort, int dstPort) {
        Transport transport = p.transport();
        if (transport instanceof Transport.Tcp tcp) {
            transport = new Transport.Tcp(srcPort < 0 ? tcp.srcPort() : srcPort, dstPort < 0 ? tcp.dstPort() : dstPort,
                    tcp.flags(), tcp.window(), tcp.seq(), tcp.ack());
        } else if (transport instanceof Transport.Udp udp) {
            transport = new Transport.Udp(srcPort < 0 ? udp.srcPort() : srcPort, dstPort < 0 ? udp.dstPort() : dstPort);
        }
        return new Packet(new Ipv4Address(src), new Ipv4Address(dst), p.tos(), p.ttl(), p.id(), p.dontFragment(),
                p.length(), transport, p.ethernet());
    }
}
