package dev.syssim.sim.netfilter.bench;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.TcpFlags;
import dev.syssim.sim.netfilter.HookResult;
import dev.syssim.sim.netfilter.Netfilter;
import dev.syssim.sim.netfilter.tools.IptablesRestore;
import dev.syssim.sim.netfilter.tools.ToolContext;
import dev.syssim.sim.netfilter.tools.ToolResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verdicts per second through a 1,000-rule FORWARD chain on one core, for the two kinds of
 * traffic a router sees: the first packet of new connections (a SYN walks all 1,000 rules — none
 * matches until the last — and conntrack makes and confirms a connection), and packets of
 * established connections (one hash lookup in conntrack, then the ESTABLISHED,RELATED rule first
 * in the chain accepts). Plain Java rather than JMH (not available offline here): each scenario is
 * warmed up, then timed over several rounds; the median round is reported. Run with
 * {@code bench/netfilter/run.sh}.
 */
public final class FilterBenchmark {

    private static final int RULES = 1000;
    private static final int ROUNDS = 7;

    private FilterBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf("netfilter benchmark: %d-rule FORWARD chain, %s %s, 1 thread%n", RULES,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        report("new connections (SYN walks 1000 rules, conntrack new + confirm)", newConnections(), 1_000_000);
        report("established packets (conntrack lookup, rule 1 accepts)", established(), 10_000_000);
        report("filter only, no conntrack (1000 rules, NEW)", filterOnly(), 1_000_000);
    }

    /** A realistic long chain: host and port blocks that never match the traffic, then the deciding rule. */
    static Netfilter router(boolean establishedFirst) {
        StringBuilder save = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n");
        int count = 0;
        if (establishedFirst) {
            save.append("-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
            count++;
        }
        for (int i = 0; count < RULES - 1; i++, count++) {
            String blocked = "192.0." + (2 + i / 250) + "." + (1 + i % 250);
            save.append(switch (i % 4) {
                case 0 -> "-A FORWARD -s " + blocked + "/32 -j DROP\n";
                case 1 -> "-A FORWARD -s " + blocked + "/32 -d 10.84.0.0/16 -i eth0 -p tcp -m tcp --dport " + (1000 + i) + " -j REJECT\n";
                case 2 -> "-A FORWARD -d " + blocked + "/32 -o eth0 -p udp -m udp --dport 53 -j DROP\n";
                default -> "-A FORWARD -i eth0 -o eth1 -p tcp -m multiport --dports " + (20000 + i) + "," + (30000 + i)
                        + " -m conntrack --ctstate NEW -j DROP\n";
            });
        }
        save.append("-A FORWARD -i eth0 -o eth1 -p tcp -m conntrack --ctstate NEW -j ACCEPT\nCOMMIT\n");
        Netfilter netfilter = new Netfilter();
        ToolResult result = IptablesRestore.run(List.of(), netfilter, ToolContext.root(0).withStdin(save.toString()));
        if (result.exitCode() != 0 || netfilter.filter().chain("FORWARD").size() != RULES) {
            throw new IllegalStateException("ruleset not loaded: " + result.stderr());
        }
        return netfilter;
    }

    private static Packet[] syns(int count) {
        Packet[] packets = new Packet[count];
        for (int i = 0; i < count; i++) {
            Ipv4Address client = new Ipv4Address(0xCB007100 | (i & 0xFF) | ((i >>> 8) & 0x3F) << 16);
            packets[i] = Packet.tcp(client, Ipv4Address.parse("10.84.0.10"), 1024 + (i >>> 14), 80, TcpFlags.SYN_ONLY);
        }
        return packets;
    }

    private static double[] newConnections() {
        Netfilter netfilter = router(false);
        Packet[] packets = syns(100_000);
        long[] sink = new long[1];
        for (int warm = 0; warm < 3; warm++) {
            runSyns(netfilter, packets, sink);
            netfilter.conntrack().flush();
        }
        double[] rates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            runSyns(netfilter, packets, sink);
            long elapsed = System.nanoTime() - start;
            rates[round] = packets.length * 1e9 / elapsed;
            if (netfilter.conntrack().flush() != packets.length) throw new IllegalStateException("not all confirmed");
        }
        check(sink[0] > 0);
        return rates;
    }

    private static void runSyns(Netfilter netfilter, Packet[] packets, long[] sink) {
        for (Packet packet : packets) {
            HookResult result = netfilter.forward(packet, "eth0", "eth1", 1);
            if (result.verdict().accepted()) sink[0]++;
        }
    }

    private static double[] established() {
        Netfilter netfilter = router(true);
        int connections = 10_000;
        List<Packet> forth = new ArrayList<>();
        List<Packet> back = new ArrayList<>();
        Ipv4Address server = Ipv4Address.parse("10.84.0.10");
        for (int i = 0; i < connections; i++) {
            Ipv4Address client = new Ipv4Address(0xCB007100 | (i & 0xFF));
            int port = 20000 + (i >>> 8);
            netfilter.forward(Packet.tcp(client, server, port, 443, TcpFlags.SYN_ONLY), "eth0", "eth1", 0);
            netfilter.forward(Packet.tcp(server, client, 443, port, TcpFlags.SYN_ACK), "eth1", "eth0", 0);
            forth.add(Packet.tcp(client, server, port, 443, TcpFlags.ACK_ONLY, 100));
            back.add(Packet.tcp(server, client, 443, port, TcpFlags.PSH_ACK, 1200));
        }
        Packet[] packets = new Packet[2 * connections];
        for (int i = 0; i < connections; i++) {
            packets[2 * i] = forth.get(i);
            packets[2 * i + 1] = back.get(i);
        }
        String[] ins = {"eth0", "eth1"};
        String[] outs = {"eth1", "eth0"};
        long[] sink = new long[1];
        int repeats = 50;
        for (int warm = 0; warm < 5; warm++) runEstablished(netfilter, packets, ins, outs, repeats, sink);
        double[] rates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            runEstablished(netfilter, packets, ins, outs, repeats, sink);
            long elapsed = System.nanoTime() - start;
            rates[round] = (double) packets.length * repeats * 1e9 / elapsed;
        }
        check(sink[0] > 0 && netfilter.conntrack().connections(1).size() == connections);
        return rates;
    }

    private static void runEstablished(Netfilter netfilter, Packet[] packets, String[] ins, String[] outs, int repeats,
                                       long[] sink) {
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < packets.length; i++) {
                HookResult result = netfilter.forward(packets[i], ins[i & 1], outs[i & 1], 1);
                if (result.verdict().accepted()) sink[0]++;
            }
        }
    }

    private static double[] filterOnly() {
        Netfilter netfilter = router(false);
        Packet[] packets = syns(100_000);
        long[] sink = new long[1];
        var state = dev.syssim.sim.netfilter.CtState.NEW;
        var hook = dev.syssim.sim.netfilter.Hook.FORWARD;
        for (int warm = 0; warm < 3; warm++) {
            for (Packet packet : packets) sink[0] += netfilter.filter().evaluate(hook, packet, "eth0", "eth1", state).steps().size();
        }
        double[] rates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (Packet packet : packets) sink[0] += netfilter.filter().evaluate(hook, packet, "eth0", "eth1", state).steps().size();
            rates[round] = packets.length * 1e9 / (System.nanoTime() - start);
        }
        check(sink[0] > 0);
        return rates;
    }

    private static void report(String what, double[] rates, double target) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-66s median %,12.0f /s  (min %,.0f, max %,.0f)%n", what, sorted[sorted.length / 2],
                sorted[0], sorted[sorted.length - 1]);
    }

    private static void check(boolean ok) {
        if (!ok) throw new IllegalStateException("benchmark did not do its work");
    }
}
