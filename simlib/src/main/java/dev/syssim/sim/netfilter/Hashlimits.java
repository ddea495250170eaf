package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.Transport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * The tables of {@code -m hashlimit} on one machine ({@code xt_hashlimit}, Linux 6.x): one per
 * {@code --hashlimit-name}, existing while a rule names it (with its file
 * {@code /proc/net/ipt_hashlimit/NAME}) and configured by the first rule that named it. A table
 * keeps one token bucket per group of packets the mode tells apart (source and/or destination
 * address, masked, and ports), in 8192 hash buckets (a machine with more than 1 GiB of memory).
 * An entry lives until {@code --hashlimit-htable-expire} after its last packet (by default one
 * unit of its rate: a second for {@code N/sec}, a minute for {@code N/min}); the garbage collector
 * removes expired entries every second ({@code --hashlimit-htable-gcinterval}).
 *
 * <p>Memory is bounded: a table holds at most 8 entries per bucket, 65,536
 * ({@code --hashlimit-htable-max}); a packet of a new group beyond that is dropped on the spot
 * ("max count of 65536 reached"), as on Linux.
 */
public final class Hashlimits {

    /** Hash buckets of a table on a machine with more than 1 GiB of memory. */
    static final int SIZE = 8192;
    /** Entries a table may hold: 8 × its buckets. */
    static final int MAX = 8 * SIZE;
    static final long GC_INTERVAL_MILLIS = 1000;

    /** What one packet's test gives. */
    enum Result { UNDER_LIMIT, OVER_LIMIT, HOTDROP }

    /** One group's bucket ({@code struct dsthash_ent}). */
    private static final class Entry {
        final int src;
        final int dst;
        final int srcPort;
        final int dstPort;
        final TokenBucket bucket;
        long expires;

        Entry(int src, int dst, int srcPort, int dstPort, TokenBucket bucket) {
            this.src = src;
            this.dst = dst;
            this.srcPort = srcPort;
            this.dstPort = dstPort;
            this.bucket = bucket;
        }
    }

    private record Key(int src, int dst, int srcPort, int dstPort) {
    }

    private static final class Table {
        final HashlimitMatch config;
        final Map<Key, Entry> entries = new HashMap<>();
        /** Each bucket's entries, newest first (hlist_add_head), for the file's order. */
        final List<List<Entry>> buckets = new ArrayList<>();
        int seed;
        boolean seeded;
        long nextGc;

        Table(HashlimitMatch config, long now) {
            this.config = config;
            this.nextGc = Jiffies.at(now) + Jiffies.fromMillis(GC_INTERVAL_MILLIS);
        }
    }

    private final Map<String, Table> tables = new TreeMap<>();
    private IntSupplier seeds;

    public Hashlimits(IntSupplier seeds) {
        this.seeds = seeds;
    }

    public void seedWith(IntSupplier source) {
        this.seeds = source;
    }

    /** Makes the tables the rules name exist (the first rule's settings) and drops those no rule names. */
    void keep(Map<String, HashlimitMatch> firstRules, long now) {
        tables.keySet().removeIf(name -> !firstRules.containsKey(name));
        for (Map.Entry<String, HashlimitMatch> e : firstRules.entrySet()) {
            tables.computeIfAbsent(e.getKey(), n -> new Table(e.getValue(), now));
        }
    }

    /** hashlimit_mt_common: the packet's group gets (or is refused) a packet's credit. */
    Result take(HashlimitMatch m, Packet packet, long now) {
        Table table = tables.get(m.tableName());
        if (table == null) return Result.UNDER_LIMIT;
        collectGarbage(table, now);
        HashlimitMatch c = table.config;
        Key key = key(c, packet);
        long jiffies = Jiffies.at(now);
        Entry e = table.entries.get(key);
        if (e == null) {
            if (table.entries.size() >= MAX) return Result.HOTDROP;
            if (!table.seeded) {
                table.seed = seeds.getAsInt();
                table.seeded = true;
            }
            e = new Entry(key.src(), key.dst(), key.srcPort(), key.dstPort(), TokenBucket.hashlimit(c.avg(), c.burst(), now));
            table.entries.put(key, e);
            bucket(table, e).add(0, e);
        }
        e.expires = jiffies + Jiffies.fromMillis(c.expiry());
        return e.bucket.take(now) ? Result.UNDER_LIMIT : Result.OVER_LIMIT;
    }

    private static Key key(HashlimitMatch c, Packet p) {
        int mode = c.mode();
        int ports = 0;
        Transport t = p.transport();
        boolean hasPorts = t instanceof Transport.Tcp || t instanceof Transport.Udp;
        return new Key((mode & HashlimitMatch.SRC_IP) != 0 ? p.src().bits() & mask(c.srcMask()) : 0,
                (mode & HashlimitMatch.DST_IP) != 0 ? p.dst().bits() & mask(c.dstMask()) : 0,
                (mode & HashlimitMatch.SRC_PORT) != 0 && hasPorts ? p.srcPort() : ports,
                (mode & HashlimitMatch.DST_PORT) != 0 && hasPorts ? p.dstPort() : ports);
    }

    private static int mask(int bits) {
        int b = bits < 0 ? 32 : bits;
        return b == 0 ? 0 : -1 << (32 - b);
    }

    /**
     * The entry's bucket, hash_dst: jhash2 over {@code struct dsthash_dst} (the two addresses in a
     * union as large as two IPv6 addresses, then the two ports, network order), scaled to the
     * table's size by a multiply.
     */
    private static List<Entry> bucket(Table table, Entry e) {
        if (table.buckets.isEmpty()) for (int i = 0; i < SIZE; i++) table.buckets.add(new ArrayList<>(0));
        int[] words = new int[9];
        words[0] = Integer.reverseBytes(e.src);
        words[1] = Integer.reverseBytes(e.dst);
        words[8] = swap16(e.srcPort) | swap16(e.dstPort) << 16;
        long hash = Integer.toUnsignedLong(Jhash.hash(words, table.seed));
        return table.buckets.get((int) ((hash * SIZE) >>> 32));
    }

    private static int swap16(int port) {
        return (port >>> 8) & 0xFF | (port & 0xFF) << 8;
    }

    /** htable_gc, run when due: every entry whose time is up goes. */
    private static void collectGarbage(Table table, long now) {
        long jiffies = Jiffies.at(now);
        if (jiffies < table.nextGc) return;
        long interval = Jiffies.fromMillis(GC_INTERVAL_MILLIS);
        long at = table.nextGc + (jiffies - table.nextGc) / interval * interval;
        table.entries.values().removeIf(e -> {
            if (at < e.expires) return false;
            bucket(table, e).remove(e);
            return true;
        });
        table.nextGc = at + interval;
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
     * {@code /proc/net/ipt_hashlimit/NAME}: per entry, in bucket order, the seconds until it
     * expires, {@code SRC:SPORT->DST:DPORT}, and its credit, credit cap and cost in the kernel's
     * credits. Null if there is no such table.
     */
    public String read(String name, long now) {
        Table t = tables.get(name);
        if (t == null) return null;
        collectGarbage(t, now);
        long jiffies = Jiffies.at(now);
        StringBuilder out = new StringBuilder();
        for (List<Entry> bucket : t.buckets) {
            for (Entry e : bucket) {
                out.append((e.expires - jiffies) / Jiffies.HZ).append(' ')
                        .append(new Ipv4Address(e.src)).append(':').append(e.srcPort).append("->")
                        .append(new Ipv4Address(e.dst)).append(':').append(e.dstPort).append(' ')
                        .append(Long.toUnsignedString(e.bucket.credit(now))).append(' ')
                        .append(Long.toUnsignedString(e.bucket.capacity())).append(' ')
                        .append(Long.toUnsignedString(e.bucket.cost())).append('\n');
            }
        }
        return out.toString();
    }
}
