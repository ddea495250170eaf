package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables of {@code -m hashlimit} on one machine ({@code xt_hashlimit}): one per name
 * ({@code /proc/net/ipt_hashlimit/NAME}), each a token bucket per group of packets the rule's mode
 * tells apart. An entry unused for the table's expiry time (10 s by default) is forgotten, so
 * memory stays bounded by the sources active in that window; the kernel also caps a table
 * ({@code --hashlimit-htable-max}, default 8 × the bucket count), which is not modelled.
 */
public final class Hashlimits {

    /** One group's bucket and when it was last used. */
    private record Entry(TokenBucket bucket, long[] lastUsed) {
    }

    /** The group key: masked addresses and ports, packed. */
    private record Key(int src, int dst, int srcPort, int dstPort) {
    }

    private static final class Table {
        final HashlimitMatch config;
        final Map<Key, Entry> entries = new HashMap<>();
        long nextSweep;

        Table(HashlimitMatch config) {
            this.config = config;
        }
    }

    private final Map<String, Table> tables = new TreeMap<>();

    /** Whether the packet's group has credit now (and takes it). The first rule naming a table sets its rate. */
    boolean take(HashlimitMatch m, Packet packet, long now) {
        Table table = tables.computeIfAbsent(m.tableName(), n -> new Table(m));
        HashlimitMatch c = table.config;
        if (now >= table.nextSweep) {
            table.entries.values().removeIf(e -> now - e.lastUsed()[0] > c.expireNanos());
            table.nextSweep = now + c.expireNanos();
        }
        Key key = key(c, packet);
        Entry e = table.entries.get(key);
        if (e == null || now - e.lastUsed()[0] > c.expireNanos()) {
            e = new Entry(new TokenBucket(c.intervalNanos(), c.burst(), now), new long[1]);
            table.entries.put(key, e);
        }
        e.lastUsed()[0] = now;
        return e.bucket().take(now);
    }

    private static Key key(HashlimitMatch c, Packet p) {
        int mode = c.mode();
        int srcMask = mask(c.srcMask());
        int dstMask = mask(c.dstMask());
        return new Key((mode & HashlimitMatch.SRC_IP) != 0 ? p.src().bits() & srcMask : 0,
                (mode & HashlimitMatch.DST_IP) != 0 ? p.dst().bits() & dstMask : 0,
                (mode & HashlimitMatch.SRC_PORT) != 0 ? p.srcPort() : 0,
                (mode & HashlimitMatch.DST_PORT) != 0 ? p.dstPort() : 0);
    }

    private static int mask(int bits) {
        int b = bits < 0 ? 32 : bits;
        return b == 0 ? 0 : -1 << (32 - b);
    }

    /** How many groups the table holds (for the memory benchmark and tests). */
    public int size(String name) {
        Table t = tables.get(name);
        return t == null ? 0 : t.entries.size();
    }

    public List<String> names() {
        return new ArrayList<>(tables.keySet());
    }

    /**
     * {@code /proc/net/ipt_hashlimit/NAME}: per group, seconds until it expires, the key
     * ({@code SRC:SPORT->DST:DPORT}), credit, credit cap and cost — in nanoseconds here where the
     * kernel shows its own credit units. Null if there is no such table.
     */
    public String read(String name, long now) {
        Table t = tables.get(name);
        if (t == null) return null;
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Key, Entry> each : t.entries.entrySet()) {
            Key k = each.getKey();
            Entry e = each.getValue();
            long expires = Math.max(0, (e.lastUsed()[0] + t.config.expireNanos() - now) / 1_000_000_000L);
            out.append(expires).append(' ').append(new Ipv4Address(k.src())).append(':').append(k.srcPort()).append("->")
                    .append(new Ipv4Address(k.dst())).append(':').append(k.dstPort()).append(' ')
                    .append(e.bucket().credit(now)).append(' ').append(e.bucket().capacity()).append(' ')
                    .append(e.bucket().cost()).append('\n');
        }
        return out.toString();
    }
}
