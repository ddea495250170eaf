package dev.syssim.sim.netfilter.nft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named set of an nftables table ({@code set blocked { type ipv4_addr; flags interval, timeout; }}):
 * its type ({@code ipv4_addr} or {@code inet_service}), whether its members may time out, whether
 * they are intervals ({@code 10.0.0.0/8}, {@code 1000-2000}), and the members, each with its own
 * timeout and when it expires (simulated ns; 0 = never). Members are kept by their low end: a
 * lookup is one probe of a plain set, or the nearest low end at or below the value in an interval
 * set (the kernel's rbtree / pipapo set) — O(log n) either way.
 */
public final class NftSet {

    /** A member: its high end (its low end is its key), its timeout as given (ms, 0 for none), when it expires (ns, 0 for never). */
    record Element(long high, long timeoutMillis, long expires) {

        boolean live(long now) {
            return expires == 0 || now < expires;
        }
    }

    private final String name;
    private final String type;
    private final boolean timeoutFlag;
    private final boolean intervalFlag;
    final long handle;
    final TreeMap<Long, Element> elements = new TreeMap<>();

    NftSet(String name, String type, boolean timeoutFlag, boolean intervalFlag, long handle) {
        this.name = name;
        this.type = type;
        this.timeoutFlag = timeoutFlag;
        this.intervalFlag = intervalFlag;
        this.handle = handle;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public boolean hasTimeout() {
        return timeoutFlag;
    }

    public boolean hasInterval() {
        return intervalFlag;
    }

    public long handle() {
        return handle;
    }

    /** Whether {@code value} is in a member not yet expired. */
    public boolean contains(long value, long now) {
        Map.Entry<Long, Element> e = intervalFlag ? elements.floorEntry(value) : null;
        Element found = intervalFlag ? (e == null || e.getValue().high() < value ? null : e.getValue()) : elements.get(value);
        return found != null && found.live(now);
    }

    /** Whether exactly the member {@code low..high} is in the set, not yet expired. */
    public boolean hasExactly(long low, long high, long now) {
        Element e = elements.get(low);
        return e != null && e.high() == high && e.live(now);
    }

    /** Whether {@code low..high} meets a live member other than exactly itself (an interval set refuses it). */
    public boolean overlaps(long low, long high, long now) {
        Map.Entry<Long, Element> below = elements.floorEntry(high);
        while (below != null) {
            Element e = below.getValue();
            boolean same = below.getKey() == low && e.high() == high;
            if (e.live(now) && !same && e.high() >= low) return true;
            // Members do not overlap each other, so the first live one ending below low ends the search.
            if (e.live(now) && e.high() < low) return false;
            below = elements.lowerEntry(below.getKey());
        }
        return false;
    }

    /** The low ends of the members not yet expired, in order. */
    public List<Long> members(long now) {
        List<Long> out = new ArrayList<>();
        for (Map.Entry<Long, Element> e : elements.entrySet()) {
            if (e.getValue().live(now)) out.add(e.getKey());
        }
        return out;
    }

    /** Adds or refreshes the member {@code low..high} (low = high unless an interval set); {@code timeoutMillis} 0 for none. */
    public void add(long low, long high, long timeoutMillis, long now) {
        elements.put(low, new Element(high, timeoutMillis, timeoutMillis == 0 ? 0 : now + timeoutMillis * 1_000_000L));
    }

    /** Adds or refreshes a single value. */
    public void add(long value, long timeoutMillis, long now) {
        add(value, value, timeoutMillis, now);
    }

    public boolean remove(long value) {
        return elements.remove(value) != null;
    }

    NftSet copy() {
        NftSet s = new NftSet(name, type, timeoutFlag, intervalFlag, handle);
        s.elements.putAll(elements);
        return s;
    }

    /** Forgets expired members (the kernel's set garbage collector). */
    void expire(long now) {
        elements.values().removeIf(e -> !e.live(now));
    }
}
