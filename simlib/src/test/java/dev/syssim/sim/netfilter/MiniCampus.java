package dev.syssim.sim.netfilter;

import dev.syssim.sim.oracle.Oracle;
import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.Services;
import dev.syssim.sim.net.TcpFlags;
import dev.syssim.sim.net.Transport;
import dev.syssim.sim.netfilter.conntrack.Tracked;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for the phase-2 network, only for testing the netfilter engine against the oracle's
 * probes: the campus topology of {@code shared/oracle/firewall/topology.md}, and
 * {@code nc -zv -w 2 IP PORT} reduced to what decides its verdict — the SYN, the server's SYN-ACK
 * or RST, REJECT replies (which pass the rejecting host's OUTPUT chain), and one SYN retransmission
 * at 1 s before the 2 s timeout. Every packet meets each machine's netfilter at the hook Linux
 * would put it through. Not modelled: the ACK and FIN exchange after a successful connect and
 * retransmitted SYN-ACKs, which change counters but no verdict.
 */
final class MiniCampus {

    private static final long SECOND = 1_000_000_000L;

    /** One machine: its addresses (the first is its own) and its TCP listeners. */
    record Host(String name, List<Ipv4Address> addresses, Set<Integer> listening) {
    }

    static final Map<String, Host> HOSTS = Map.of(
            "border", host("border", List.of(), "203.0.113.1", "198.51.100.1", "10.84.0.1"),
            "wash", host("wash", List.of(22, 80), "10.84.0.10"),
            "mail", host("mail", List.of(25), "10.84.0.25"),
            "laptop", host("laptop", List.of(631, 22), "10.84.1.50"),
            "offcampus", host("offcampus", List.of(), "203.0.113.50"),
            "scanner", host("scanner", List.of(), "203.0.113.66"),
            "partner", host("partner", List.of(), "198.51.100.25"));

    private final Map<String, Netfilter> netfilters;
    private long now;
    private int nextPort = 40000;

    MiniCampus(Map<String, Netfilter> netfilters) {
        this.netfilters = netfilters;
    }

    private static Host host(String name, List<Integer> ports, String... addresses) {
        return new Host(name, java.util.Arrays.stream(addresses).map(Ipv4Address::parse).toList(), Set.copyOf(ports));
    }

    private Netfilter netfilter(String host) {
        return netfilters.computeIfAbsent(host, h -> new Netfilter());
    }

    /** What {@code nc -zv -w 2 IP PORT} run on {@code from} prints. */
    String probe(String from, Ipv4Address ip, int port) {
        now += 100 * SECOND;
        int sport = nextPort++;
        Host client = HOSTS.get(from);
        Ipv4Address src = ip.isLoopback() ? Ipv4Address.LOOPBACK : client.addresses().get(0);
        Packet syn = Packet.tcp(src, ip, sport, port, TcpFlags.SYN_ONLY);
        String failure = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            Reply reply = connectOnce(client, syn);
            if (reply.kind == ReplyKind.SYN_ACK) {
                String service = Services.nameOf(port).orElse("*");
                return "Connection to " + ip + " " + port + " port [tcp/" + service + "] succeeded!\n";
            }
            if (reply.kind == ReplyKind.RST) {
                failure = "Connection refused";
                break;
            }
            if (reply.kind == ReplyKind.ICMP) {
                failure = icmpError(reply.code);
                break;
            }
            now += SECOND;
        }
        if (failure == null) return "nc: connect to " + ip + " port " + port + " (tcp) timed out: Operation now in progress\n";
        return "nc: connect to " + ip + " port " + port + " (tcp) failed: " + failure + "\n";
    }

    private static String icmpError(int code) {
        return switch (code) {
            case Icmp.PORT_UNREACH -> "Connection refused";
            case Icmp.NET_UNREACH, Icmp.NET_PROHIBITED -> "Network is unreachable";
            case Icmp.PROT_UNREACH -> "Protocol not available";
            default -> "No route to host";
        };
    }

    private enum ReplyKind { NONE, SYN_ACK, RST, ICMP }

    private record Reply(ReplyKind kind, int code) {
    }

    /** One SYN and whatever comes back to the client's socket. */
    private Reply connectOnce(Host client, Packet syn) {
        Arrival arrival = send(client, syn);
        if (arrival.rejectReply != null) return answer(arrival.rejectReply);
        if (arrival.host == null) return new Reply(ReplyKind.NONE, 0);
        Host server = arrival.host;
        int port = syn.dstPort();
        TcpFlags flags = server.listening().contains(port) ? TcpFlags.SYN_ACK : TcpFlags.RST_ACK;
        Packet response = Packet.tcp(syn.dst(), syn.src(), port, syn.srcPort(), flags);
        Arrival back = send(server, response);
        if (back.host == null || back.host != client) return new Reply(ReplyKind.NONE, 0);
        return answer(response);
    }

    private static Reply answer(Packet packet) {
        if (packet.transport() instanceof Transport.Icmp icmp) return new Reply(ReplyKind.ICMP, icmp.code());
        return new Reply(packet.tcpFlags().rst() ? ReplyKind.RST : ReplyKind.SYN_ACK, 0);
    }

    /** Where a packet got: to a host's socket layer, nowhere (dropped), or a REJECT reply made it back to the sender. */
    private record Arrival(Host host, Packet rejectReply) {
    }

    /** Sends {@code packet} from {@code sender} along its path; REJECT replies travel back the same way. */
    private Arrival send(Host sender, Packet packet) {
        Host target = owner(packet.dst(), sender);
        boolean local = target == sender;
        String out = local ? "lo" : "eth0";
        HookResult result = netfilter(sender.name()).output(packet, out, now);
        if (!result.verdict().accepted()) return rejected(sender, packet, result, sender);
        if (local) {
            HookResult in = netfilter(sender.name()).input(packet, "lo", result.tracked());
            return in.verdict().accepted() ? new Arrival(sender, null) : rejected(sender, packet, in, sender);
        }
        if (!direct(sender, target)) {
            Host border = HOSTS.get("border");
            HookResult forward = netfilter("border").forward(packet, borderIface(packet.src()), borderIface(packet.dst()), now);
            if (!forward.verdict().accepted()) return rejected(border, packet, forward, sender);
        }
        HookResult in = netfilter(target.name()).input(packet, "eth0", now);
        return in.verdict().accepted() ? new Arrival(target, null) : rejected(target, packet, in, sender);
    }

    /** A packet dropped or rejected at {@code at}: a REJECT's reply goes back towards the sender. */
    private Arrival rejected(Host at, Packet offending, HookResult result, Host sender) {
        if (!(result.verdict() instanceof Verdict.Reject reject)) return new Arrival(null, null);
        Ipv4Address icmpSource = at.addresses().get(0);
        if (at.name().equals("border")) icmpSource = borderIface(offending.src()).equals("eth1")
                ? Ipv4Address.parse("10.84.0.1") : Ipv4Address.parse("203.0.113.1");
        Packet reply = reject.with().replyTo(offending, icmpSource);
        Host dest = owner(reply.dst(), at);
        boolean local = dest == at;
        HookResult out = netfilter(at.name()).output(reply, local ? "lo" : borderOrEth0(at, reply.dst()),
                Tracked.relatedTo(result.tracked()));
        if (!out.verdict().accepted()) return new Arrival(null, null);
        if (local) {
            HookResult in = netfilter(at.name()).input(reply, "lo", out.tracked());
            return in.verdict().accepted() && dest == sender ? new Arrival(null, reply) : new Arrival(null, null);
        }
        if (!at.name().equals("border") && !direct(at, dest)) {
            HookResult forward = netfilter("border").forward(reply, borderIface(reply.src()), borderIface(reply.dst()), now);
            if (!forward.verdict().accepted()) return new Arrival(null, null);
        }
        HookResult in = netfilter(dest.name()).input(reply, "eth0", now);
        return in.verdict().accepted() && dest == sender ? new Arrival(null, reply) : new Arrival(null, null);
    }

    private static String borderOrEth0(Host at, Ipv4Address dst) {
        return at.name().equals("border") ? borderIface(dst) : "eth0";
    }

    private static Host ownerOf(Ipv4Address address) {
        for (Host host : HOSTS.values()) {
            if (host.addresses().contains(address)) return host;
        }
        throw new IllegalArgumentException("nobody has " + address);
    }

    private Host owner(Ipv4Address address, Host sender) {
        return address.isLoopback() ? sender : ownerOf(address);
    }

    /** Same segment and same prefix: delivered without passing border. */
    private static boolean direct(Host a, Host b) {
        Ipv4Address x = a.addresses().get(0);
        Ipv4Address y = b.addresses().get(0);
        if (x.octet(0) == 10 && y.octet(0) == 10) return true;
        return x.octet(0) != 10 && y.octet(0) != 10 && (x.bits() >>> 8) == (y.bits() >>> 8);
    }

    private static String borderIface(Ipv4Address address) {
        return address.octet(0) == 10 ? "eth1" : "eth0";
    }
}
