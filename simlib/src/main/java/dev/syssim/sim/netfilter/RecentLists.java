package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * The address lists of {@code -m recent} on one machine ({@code xt_recent}, Linux 6.x): a list
 * exists while a rule names it (its file {@code /proc/net/xt_recent/NAME} with it), holds at most
 * 100 addresses ({@code ip_list_tot}; the least recently seen goes first), and remembers for each
 * address the jiffies of its last hits — 32 of them, or, if a rule of the list counts more
 * ({@code --hitcount N}), N rounded up to a power of two (a list whose rules come to need more
 * is emptied, as the kernel does). Times are in jiffies (HZ=250), as the file shows them.
 *
 * <p>The file lists the addresses in the kernel's order: by hash bucket
 * ({@code jhash_1word(address, seed) & 127}, the seed drawn once per machine), oldest first
 * within a bucket. Writing {@code +ADDR} adds an address (or records a hit), {@code -ADDR}
 * removes it, {@code /} empties the list; anything else is EINVAL.
 */
public final class RecentLists {

    /** ip_list_tot: addresses per list. */
    static final int LIST_TOTAL = 100;
    /** ip_list_hash_size: 1 << fls(ip_list_tot). */
    static final int HASH_SIZE = 128;
    /** XT_RECENT_MAX_NSTAMPS. */
    static final int MAX_STAMPS = 256;

    /** One address on a list ({@code struct recent_entry}). */
    private static final class Entry {
        final int address;
        final long[] stamps;
        int index;
        int count;
        int ttl;

        Entry(int address, int stampSlots, int ttl, long now) {
            this.address = address;
            this.stamps = new long[stampSlots];
            this.ttl = ttl;
            this.stamps[0] = now;
            this.count = 1;
            this.index = 1;
        }
    }

    /** One list ({@code struct recent_table}). */
    private static final class Table {
        int stampMask;
        final List<List<Entry>> buckets = new ArrayList<>(HASH_SIZE);
        /** Least recently updated first. */
        final LinkedHashSet<Entry> lru = new LinkedHashSet<>();

        Table(int stampMask) {
            this.stampMask = stampMask;
            for (int i = 0; i < HASH_SIZE; i++) buckets.add(new ArrayList<>(0));
        }

        void flush() {
            for (List<Entry> bucket : buckets) bucket.clear();
            lru.clear();
        }
    }

    private final Map<String, Table> tables = new TreeMap<>();
    private IntSupplier seedSource;
    private int seed;
    private boolean seeded;

    /** Lists whose hash seed comes from {@code seeds} (the machine's seeded generator). */
    public RecentLists(IntSupplier seeds) {
        this.seedSource = seeds;
    }

    public void seedWith(IntSupplier seeds) {
        this.seedSource = seeds;
    }

    /**
     * Makes the lists the rules name exist, with the hit slots their rules need, and drops those
     * no rule names any more (recent_mt_check, recent_mt_destroy). {@code hitCounts}: per list
     * name, the largest {@code --hitcount} of its rules.
     */
    void keep(Map<String, Integer> hitCounts) {
        tables.keySet().removeIf(name -> !hitCounts.containsKey(name));
        for (Map.Entry<String, Integer> e : hitCounts.entrySet()) {
            if (!seeded) {
                seed = seedSource.getAsInt();
                seeded = true;
            }
            int mask = stampMask(e.getValue());
            Table t = tables.get(e.getKey());
            if (t == null) {
                tables.put(e.getKey(), new Table(mask));
            } else if (mask > t.stampMask) {
                t.flush();
                t.stampMask = mask;
            }
        }
    }

    /** The stamps a rule with {@code --hitcount N} needs: 32 without, else N rounded up to a power of two. */
    static int stampMask(int hitCount) {
        if (hitCount == 0) return 32 - 1;
        return hitCount == 1 ? 0 : Integer.highestOneBit(hitCount - 1) * 2 - 1;
    }

    public List<String> names() {
        return new ArrayList<>(tables.keySet());
    }

    private int bucketOf(int address) {
        return Jhash.hash1(Integer.reverseBytes(address), seed) & (HASH_SIZE - 1);
    }

    private Entry lookup(Table t, int address, int ttl) {
        for (Entry e : t.buckets.get(bucketOf(address))) {
            if (e.address == address && (ttl == e.ttl || ttl == 0 || e.ttl == 0)) return e;
        }
        return null;
    }

    private Entry init(Table t, int address, int ttl, long now) {
        if (t.lru.size() >= LIST_TOTAL) remove(t, t.lru.iterator().next());
        Entry e = new Entry(address, t.stampMask + 1, ttl, now);
        t.buckets.get(bucketOf(address)).add(e);
        t.lru.add(e);
        return e;
    }

    private static void update(Table t, Entry e, long now) {
        e.index &= t.stampMask;
        e.stamps[e.index++] = now;
        if (e.index > e.count) e.count = e.index;
        t.lru.remove(e);
        t.lru.add(e);
    }

    private void remove(Table t, Entry e) {
        t.buckets.get(bucketOf(e.address)).remove(e);
        t.lru.remove(e);
    }

    /**
     * The test of one {@code -m recent} rule on one packet at {@code now}, as recent_mt makes it.
     * {@code forwarded}: the packet is being routed on, so its TTL counts as before forwarding.
     */
    boolean check(RecentMatch m, Packet packet, long now, boolean forwarded) {
        Table t = tables.get(m.listName());
        if (t == null) return m.inverted();
        long jiffies = Jiffies.at(now);
        int address = (m.destination() ? packet.dst().bits() : packet.src().bits()) & m.mask();
        int ttl = packet.ttl() + (forwarded ? 1 : 0);
        boolean ret = m.inverted();
        Entry e = lookup(t, address, m.ttl() ? ttl : 0);
        if (e == null) {
            if (m.command() != RecentMatch.Command.SET) return ret;
            init(t, address, ttl, jiffies);
            return !ret;
        }
        switch (m.command()) {
            case SET -> ret = !ret;
            case REMOVE -> {
                remove(t, e);
                return !ret;
            }
            default -> {
                long since = jiffies - m.seconds() * (long) Jiffies.HZ;
                int hits = 0;
                for (int i = 0; i < e.count; i++) {
                    if (m.seconds() != 0 && since > e.stamps[i]) continue;
                    if (m.hitCount() == 0 || ++hits >= m.hitCount()) {
                        ret = !ret;
                        break;
                    }
                }
                if (m.reap()) reap(t, since, e, m.command() == RecentMatch.Command.UPDATE && ret);
            }
        }
        if (m.command() == RecentMatch.Command.SET || (m.command() == RecentMatch.Command.UPDATE && ret)) {
            update(t, e, jiffies);
            e.ttl = ttl;
        }
        return ret;
    }

    /** recent_entry_reap: the least recently seen address goes if its last hit is older than {@code since}. */
    private void reap(Table t, long since, Entry working, boolean updating) {
        Iterator<Entry> oldest = t.lru.iterator();
        if (!oldest.hasNext()) return;
        Entry e = oldest.next();
        if (e == working && updating) return;
        if (since > e.stamps[(e.index - 1) & t.stampMask]) remove(t, e);
    }

    /** The text of {@code /proc/net/xt_recent/NAME}, or null if there is no such list. */
    public String read(String name) {
        Table t = tables.get(name);
        if (t == null) return null;
        StringBuilder out = new StringBuilder();
        for (List<Entry> bucket : t.buckets) {
            for (Entry e : bucket) {
                out.append("src=").append(new Ipv4Address(e.address)).append(" ttl: ").append(e.ttl)
                        .append(" last_seen: ").append(e.stamps[(e.index - 1) & t.stampMask])
                        .append(" oldest_pkt: ").append(e.index);
                for (int i = 0; i < e.count; i++) out.append(i == 0 ? " " : ", ").append(e.stamps[i]);
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * A write to {@code /proc/net/xt_recent/NAME} (recent_mt_proc_write): {@code +ADDR} adds the
     * address (TTL 0) or records a hit, {@code -ADDR} removes it (gone already is fine), {@code /}
     * empties the list. Returns false for anything else (the kernel's EINVAL).
     */
    public boolean write(String name, String text, long now) {
        Table t = tables.get(name);
        if (t == null || text.isEmpty()) return t != null;
        char c = text.charAt(0);
        if (c == '/') {
            t.flush();
            return true;
        }
        if (c != '+' && c != '-') return false;
        String rest = text.substring(1);
        int newline = rest.indexOf('\n');
        var address = Ipv4Address.tryParse(newline >= 0 ? rest.substring(0, newline) : rest);
        if (address.isEmpty()) return false;
        int bits = address.get().bits();
        Entry e = lookup(t, bits, 0);
        long jiffies = Jiffies.at(now);
        if (e == null) {
            if (c == '+') init(t, bits, 0, jiffies);
        } else if (c == '+') {
            update(t, e, jiffies);
        } else {
            remove(t, e);
        }
        return true;
    }

    /** How many addresses the list holds. */
    public int size(String name) {
        Table t = tables.get(name);
        return t == null ? 0 : t.lru.size();
    }
}
