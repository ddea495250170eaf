package dev.syssim.sim.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.TcpFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The evaluator's compiled form of a rule decides exactly as the rule's own {@link Rule#matches}. */
class CompiledRuleTest {

    private static final String[] IFACES = {"eth0", "eth1", "lo", "eth+", "e+", "wlan0"};
    private static final String[] PACKET_IFACES = {"eth0", "eth1", "lo", "", new String("eth0")};

    @Test
    void compiledRulesDecideLikeTheRuleRecords() {
        Random random = new Random(20251128);
        List<Packet> packets = packets(random);
        for (int i = 0; i < 3000; i++) {
            Rule rule = randomRule(random);
            CompiledRule compiled = new CompiledRule(RuleEntry.of(rule));
            for (Packet packet : packets) {
                String in = PACKET_IFACES[random.nextInt(PACKET_IFACES.length)];
                String out = PACKET_IFACES[random.nextInt(PACKET_IFACES.length)];
                CtState state = CtState.values()[random.nextInt(5)];
                assertEquals(rule.matches(packet, in, out, state),
                        compiled.matches(packet.src().bits(), packet.dst().bits(), packet.protocol(), in, out,
                                new Skb(packet, Hook.FORWARD, in, out, 0, null, state)),
                        () -> rule + " on " + packet + " in=" + in + " out=" + out + " " + state);
            }
        }
    }

    private static List<Packet> packets(Random random) {
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Ipv4Address a = address(random);
            Ipv4Address b = address(random);
            int port = new int[] {22, 25, 80, 443, 631, 1024, 40000}[random.nextInt(7)];
            Packet syn = Packet.tcp(a, b, 40000 + i, port, i % 3 == 0 ? TcpFlags.SYN_ACK : TcpFlags.SYN_ONLY);
            packets.add(switch (i % 4) {
                case 0, 1 -> syn;
                case 2 -> Packet.udp(a, b, 5353, port, 20);
                default -> i % 8 == 3 ? Packet.icmpQuery(a, b, Icmp.ECHO_REQUEST, 1, 1, 56)
                        : Packet.icmpError(a, Icmp.DEST_UNREACH, Icmp.PORT_UNREACH, syn);
            });
        }
        return packets;
    }

    private static Ipv4Address address(Random random) {
        String[] pool = {"10.84.0.10", "10.84.1.50", "203.0.113.50", "198.51.100.25", "127.0.0.1"};
        return Ipv4Address.parse(pool[random.nextInt(pool.length)]);
    }

    private static Rule randomRule(Random random) {
        List<Match> matches = new ArrayList<>();
        if (random.nextInt(3) == 0) matches.add(new ConntrackMatch(random.nextInt(32), random.nextBoolean(), false));
        if (random.nextInt(3) == 0) {
            matches.add(new TcpMatch(ports(random), random.nextBoolean(), ports(random), random.nextBoolean(),
                    random.nextBoolean() ? 0x17 : 0, 0x02, random.nextBoolean()));
        }
        if (random.nextInt(5) == 0) matches.add(new UdpMatch(ports(random), false, ports(random), random.nextBoolean()));
        if (random.nextInt(5) == 0) {
            matches.add(new MultiportMatch(MultiportMatch.Kind.values()[random.nextInt(3)],
                    List.of(PortRange.of(22), new PortRange(600, 700)), random.nextBoolean()));
        }
        if (random.nextInt(6) == 0) matches.add(new IcmpMatch(random.nextBoolean() ? 3 : 0xFF, 0, 0xFF, random.nextBoolean()));
        int[] protocols = {0, 1, 6, 17};
        return new Rule(new AddressMatch(cidr(random), random.nextInt(4) == 0),
                new AddressMatch(cidr(random), random.nextInt(4) == 0), iface(random), iface(random),
                new ProtocolMatch(protocols[random.nextInt(4)], random.nextInt(5) == 0),
                FragmentMatch.values()[random.nextInt(3)], matches, Target.ACCEPT);
    }

    private static PortRange ports(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> PortRange.ALL;
            case 1 -> PortRange.of(22);
            default -> new PortRange(1, 1024);
        };
    }

    private static Cidr cidr(Random random) {
        String[] pool = {"0.0.0.0/0", "10.84.0.0/16", "10.84.0.10/32", "203.0.113.0/24", "198.51.100.25/32"};
        return Cidr.parse(pool[random.nextInt(pool.length)]);
    }

    private static InterfaceMatch iface(Random random) {
        if (random.nextBoolean()) return InterfaceMatch.ANY;
        return InterfaceMatch.of(IFACES[random.nextInt(IFACES.length)], random.nextBoolean());
    }
}
