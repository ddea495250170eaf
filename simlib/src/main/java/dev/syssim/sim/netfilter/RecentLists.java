package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The address lists of {@code -m recent} on one machine ({@code xt_recent}): one per name, each
 * holding up to 200 addresses ({@code ip_list_tot}), each address with the times of its last 20
 * hits ({@code ip_pkt_list_tot}), oldest address dropped first when full. Readable as
 * {@code /proc/net/xt_recent/NAME} and changed by writing {@code +ADDR}, {@code -ADDR} or {@code /}
 * to it, as on Linux. A list exists from the first rule that names it.
 */
public final class RecentLists {

    static final int LIST_TOTAL = 200;
    static final int STAMPS = 20;

    /** One address on a list: its TTL when last seen and its hit times (a ring of {@link #STAMPS}). */
    private static final class Entry {
        final long[] stamps = new long[STAMPS];
        int index;
        int count;
        int ttl;

        void hit(long now, int packetTtl) {
            index %= STAMPS;
            stamps[index++] = now;
            if (index > count) count = index;
            ttl = packetTtl;
        }

        long last() {
            return stamps[(index - 1 + STAMPS) % STAMPS];
        }
    }

    /** name -> (address bits -> entry), each list in least-recently-used order. */
    private final Map<String, LinkedHashMap<Integer, Entry>> lists = new TreeMap<>();

    /** Makes the list exist (a rule names it), as the kernel does when the rule is added. */
    public void create(String name) {
        lists.computeIfAbsent(name, n -> new LinkedHashMap<>(16, 0.75f, true));
    }

    public List<String> names() {
        return new ArrayList<>(lists.keySet());
    }

    /** The test of one {@code -m recent} rule on one packet at {@code now}; see {@link RecentMatch}. */
    boolean check(RecentMatch m, Packet packet, long now) {
        LinkedHashMap<Integer, Entry> list = lists.computeIfAbsent(m.listName(), n -> new LinkedHashMap<>(16, 0.75f, true));
        int mask = m.mask();
        int address = (m.destination() ? packet.dst().bits() : packet.src().bits()) & mask;
        boolean ret = m.inverted();
        Entry e = list.get(address);
        if (e != null && m.ttl() && e.ttl != packet.ttl()) e = null;
        if (e == null) {
            if (m.command() != RecentMatch.Command.SET) return ret;
            if (list.size() >= LIST_TOTAL) {
                Iterator<Integer> oldest = list.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            e = new Entry();
            e.hit(now, packet.ttl());
            list.put(address, e);
            return !ret;
        }
        switch (m.command()) {
            case SET -> ret = !ret;
            case REMOVE -> {
                list.remove(address);
                ret = !ret;
            }
            default -> {
                long since = now - m.seconds() * 1_000_000_000L;
                int hits = 0;
                for (int i = 0; i < e.count; i++) {
                    if (m.seconds() != 0 && e.stamps[i] < since) continue;
                    if (m.hitCount() == 0 || ++hits >= m.hitCount()) {
                        ret = !ret;
                        break;
                    }
                }
                if (m.reap() && e.count > 0 && e.last() < since) list.remove(address);
            }
        }
        if (m.command() == RecentMatch.Command.SET || (m.command() == RecentMatch.Command.UPDATE && ret)) {
            Entry current = list.get(address);
            if (current == null) {
                current = e;
                list.put(address, e);
            }
            current.hit(now, packet.ttl());
        }
        return ret;
    }

    /** The text of {@code /proc/net/xt_recent/NAME}, or null if there is no such list. */
    public String read(String name, long now) {
        LinkedHashMap<Integer, Entry> list = lists.get(name);
        if (list == null) return null;
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Integer, Entry> each : new ArrayList<>(list.entrySet())) {
            Entry e = each.getValue();
            out.append("src=").append(new Ipv4Address(each.getKey())).append(" ttl: ").append(e.ttl)
                    .append(" last_seen: ").append(Jiffies.at(e.last())).append(" oldest_pkt: ").append(e.index);
            for (int i = 0; i < e.count; i++) out.append(i == 0 ? " " : ", ").append(Jiffies.at(e.stamps[i]));
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * A write to {@code /proc/net/xt_recent/NAME}: {@code +ADDR} adds (or refreshes) an address,
     * {@code -ADDR} removes it, {@code /} empties the list. Returns false for anything else (the
     * kernel's EINVAL).
     */
    public boolean write(String name, String text, long now) {
        LinkedHashMap<Integer, Entry> list = lists.get(name);
        if (list == null) return false;
        String command = text.strip();
        if (command.equals("/")) {
            list.clear();
            return true;
        }
        if (command.length() < 2 || (command.charAt(0) != '+' && command.charAt(0) != '-')) return false;
        var address = Ipv4Address.tryParse(command.substring(1));
        if (address.isEmpty()) return false;
        int key = address.get().bits();
        if (command.charAt(0) == '-') {
            return list.remove(key) != null;
        }
        list.computeIfAbsent(key, k -> new Entry()).hit(now, 0);
        return true;
    }
}
