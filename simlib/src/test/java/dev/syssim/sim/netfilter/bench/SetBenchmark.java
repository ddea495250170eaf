package dev.syssim.sim.netfilter.bench;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.TcpFlags;
import dev.syssim.sim.netfilter.CtState;
import dev.syssim.sim.netfilter.Hook;
import dev.syssim.sim.netfilter.Netfilter;
import dev.syssim.sim.netfilter.Skb;
import dev.syssim.sim.netfilter.conntrack.Tracked;
import dev.syssim.sim.netfilter.tools.Ipset;
import dev.syssim.sim.netfilter.tools.IptablesRestore;
import dev.syssim.sim.netfilter.tools.ToolContext;
import dev.syssim.sim.netfilter.tools.ToolResult;
import java.util.Arrays;
import java.util.List;

/**
 * The blocklist benchmark of issue 21, on one core: packets per second through an INPUT chain of
 * 10 and of 10,000 {@code -s ADDR -j DROP} rules, and through one rule testing a 10,000-entry
 * {@code hash:ip} set ({@code -m set --match-set blocked src -j DROP}) — the traffic comes from
 * addresses on no list, so every rule is tried, the worst case for the chain and an ordinary one
 * for the set (one hash probe). Then {@code recent} and {@code hashlimit} with 100,000 sources
 * (each packet from the next one), and the memory they hold afterwards: a recent list keeps at
 * most 100 addresses (ip_list_tot), a hashlimit table at most 65,536 entries, so both stay
 * bounded however many sources come. Memory is measured as the heap retained after a full GC,
 * before and after (approximate, as such measurements are). Plain Java, like
 * {@link FilterBenchmark}: warm-up, then the median of 7 rounds. Run with
 * {@code bench/netfilter/run.sh sets}.
 */
public final class SetBenchmark {

    private static final int ROUNDS = 7;
    private static final int PACKETS = 100_000;
    private static final int SOURCES = 100_000;

    private SetBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf("netfilter sets benchmark: INPUT chain, %s %s, 1 thread%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        // The three run round by round, interleaved, so a busy machine slows them alike.
        Netfilter[] setups = {rules(10), rules(10_000), setRule(10_000)};
        double[][] rates = chains(setups);
        double ten = median(rates[0]);
        double tenThousand = median(rates[1]);
        double set = median(rates[2]);
        report("10 rules (-s ADDR -j DROP, none matches)", ten);
        report("10,000 rules (-s ADDR -j DROP, none matches)", tenThousand);
        report("1 rule, -m set: 10,000-entry hash:ip (no member)", set);
        System.out.printf("  the set is %.0fx as fast as the 10,000 rules%n", set / tenThousand);
        sources("recent (--set, then --update --seconds 60 --hitcount 4 -j DROP)",
                "-A INPUT -m recent --set --name scan --rsource\n"
                        + "-A INPUT -m recent --update --seconds 60 --hitcount 4 --name scan --rsource -j DROP\n",
                n -> n.recent().size("scan"));
        sources("hashlimit (--hashlimit-above 10/sec --hashlimit-mode srcip -j DROP)",
                "-A INPUT -m hashlimit --hashlimit-above 10/sec --hashlimit-mode srcip --hashlimit-name per_src -j DROP\n",
                n -> n.hashlimits().size("per_src"));
    }

    /** {@code count} rules none of the traffic matches: 192.0.2.0 onwards, one address each. */
    private static Netfilter rules(int count) {
        StringBuilder save = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n");
        for (int i = 0; i < count; i++) save.append("-A INPUT -s ").append(blocked(i)).append("/32 -j DROP\n");
        return load(save.append("COMMIT\n").toString(), count);
    }

    /** One rule testing a set of {@code count} addresses (the same as {@link #rules}). */
    private static Netfilter setRule(int count) {
        Netfilter netfilter = new Netfilter();
        StringBuilder restore = new StringBuilder("create blocked hash:ip family inet hashsize 1024 maxelem 65536\n");
        for (int i = 0; i < count; i++) restore.append("add blocked ").append(blocked(i)).append('\n');
        ToolResult made = Ipset.run(List.of("restore"), netfilter, ToolContext.root(0).withStdin(restore.toString()));
        if (made.exitCode() != 0) throw new IllegalStateException("set not made: " + made.stderr());
        String save = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                + "-A INPUT -m set --match-set blocked src -j DROP\nCOMMIT\n";
        ToolResult result = IptablesRestore.run(List.of(), netfilter, ToolContext.root(0).withStdin(save));
        if (result.exitCode() != 0) throw new IllegalStateException("rules not loaded: " + result.stderr());
        return netfilter;
    }

    private static Netfilter load(String save, int rules) {
        Netfilter netfilter = new Netfilter();
        ToolResult result = IptablesRestore.run(List.of(), netfilter, ToolContext.root(0).withStdin(save));
        if (result.exitCode() != 0 || netfilter.filter().chain("INPUT").size() != rules) {
            throw new IllegalStateException("ruleset not loaded: " + result.stderr());
        }
        return netfilter;
    }

    private static String blocked(int i) {
        return new Ipv4Address(0xC0000200 + i).toString();
    }

    /** SYNs to the server from 203.0.113.0/24 and beyond: on no list. */
    private static Packet[] traffic(int count, int sources) {
        Packet[] packets = new Packet[count];
        Ipv4Address server = Ipv4Address.parse("10.84.0.25");
        for (int i = 0; i < count; i++) {
            Ipv4Address client = new Ipv4Address(0xCB007100 + (i % sources));
            packets[i] = Packet.tcp(client, server, 40000 + (i & 0x3FFF), 25, TcpFlags.SYN_ONLY);
        }
        return packets;
    }

    /** Packets per second through INPUT (rules only: the packets are untracked, as after -j CT --notrack), per setup and round. */
    private static double[][] chains(Netfilter[] setups) {
        Packet[] packets = traffic(PACKETS, PACKETS);
        long[] sink = new long[1];
        double[][] rates = new double[setups.length][ROUNDS];
        long expected = 0;
        for (int round = -3; round < ROUNDS; round++) {
            for (int k = 0; k < setups.length; k++) {
                // The long chain gets a tenth of the packets (each walks 10,000 rules), the others 20 times them.
                boolean longChain = setups[k].filter().chain("INPUT").size() > 1000;
                Packet[] batch = longChain ? Arrays.copyOf(packets, PACKETS / 10) : packets;
                int repeats = longChain ? 1 : 20;
                long start = System.nanoTime();
                run(setups[k], batch, repeats, 0, sink);
                expected += (long) batch.length * repeats;
                if (round >= 0) rates[k][round] = (double) batch.length * repeats * 1e9 / (System.nanoTime() - start);
            }
        }
        if (sink[0] != expected) throw new IllegalStateException("some packet was dropped");
        return rates;
    }

    private static void run(Netfilter netfilter, Packet[] packets, int repeats, long now, long[] sink) {
        for (int r = 0; r < repeats; r++) {
            for (Packet packet : packets) {
                Skb skb = new Skb(packet, Hook.INPUT, "eth0", "", now, Tracked.UNTRACKED, CtState.UNTRACKED);
                if (netfilter.input(skb).verdict().accepted()) sink[0]++;
            }
        }
    }

    /**
     * {@link #SOURCES} sources, one packet each, 10 µs apart (100,000 packets a second): the
     * rate, then how many entries the match keeps and the heap they hold.
     */
    private static void sources(String what, String rules, java.util.function.ToIntFunction<Netfilter> entries) {
        Packet[] packets = traffic(SOURCES, SOURCES);
        double[] rates = new double[ROUNDS];
        long retained = 0;
        int kept = 0;
        for (int round = -2; round < ROUNDS; round++) {
            Netfilter netfilter = load("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" + rules + "COMMIT\n",
                    (int) rules.chars().filter(c -> c == '\n').count());
            long before = heap();
            long start = System.nanoTime();
            long[] sink = new long[1];
            for (int i = 0; i < packets.length; i++) {
                Skb skb = new Skb(packets[i], Hook.INPUT, "eth0", "", 1_000_000_000L + i * 10_000L, Tracked.UNTRACKED,
                        CtState.UNTRACKED);
                if (netfilter.input(skb).verdict().accepted()) sink[0]++;
            }
            long elapsed = System.nanoTime() - start;
            if (round >= 0) {
                rates[round] = packets.length * 1e9 / elapsed;
                retained = Math.max(retained, heap() - before);
                kept = entries.applyAsInt(netfilter);
            }
            if (sink[0] == 0) throw new IllegalStateException("nothing accepted");
        }
        report(what + ", 100,000 sources", median(rates));
        System.out.printf("      entries kept: %,d; heap retained: about %,d KiB%n", kept, retained / 1024);
    }

    private static long heap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double median(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void report(String what, double rate) {
        System.out.printf("  %-66s median %,14.0f packets/s%n", what, rate);
    }
}
