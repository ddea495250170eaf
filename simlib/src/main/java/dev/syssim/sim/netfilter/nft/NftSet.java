package dev.syssim.sim.netfilter.nft;

import java.util.Map;
import java.util.TreeMap;

/**
 * A named set of an nftables table ({@code set blocked { type ipv4_addr; flags timeout; }}): its
 * type ({@code ipv4_addr} or {@code inet_service}), whether its members may time out, and the
 * members, each with its own timeout and when it expires (simulated ns; 0 = never). A lookup is
 * one hash probe, as the kernel's hash set is.
 */
public final class NftSet {

    /** A member's timeout as given (ms, 0 for none) and when it expires (ns, 0 for never). */
    record Element(long timeoutMillis, long expires) {
    }

    private final String name;
    private final String type;
    private final boolean timeoutFlag;
    final long handle;
    final Map<Long, Element> elements = new TreeMap<>();

    NftSet(String name, String type, boolean timeoutFlag, long handle) {
        this.name = name;
        this.type = type;
        this.timeoutFlag = timeoutFlag;
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

    public long handle() {
        return handle;
    }

    /** Whether {@code value} is a member not yet expired. */
    public boolean contains(long value, long now) {
        Element e = elements.get(value);
        return e != null && (e.expires() == 0 || now < e.expires());
    }

    /** The members not yet expired, in order. */
    public java.util.List<Long> members(long now) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (Map.Entry<Long, Element> e : elements.entrySet()) {
            if (e.getValue().expires() == 0 || now < e.getValue().expires()) out.add(e.getKey());
        }
        return out;
    }

    /** Adds or refreshes a member; {@code timeoutMillis} 0 for none. */
    public void add(long value, long timeoutMillis, long now) {
        elements.put(value, new Element(timeoutMillis, timeoutMillis == 0 ? 0 : now + timeoutMillis * 1_000_000L));
    }

    public boolean remove(long value) {
        return elements.remove(value) != null;
    }

    NftSet copy() {
        NftSet s = new NftSet(name, type, timeoutFlag, handle);
        s.elements.putAll(elements);
        return s;
    }

    /** Forgets expired members (the kernel's set garbage collector). */
    void expire(long now) {
        elements.values().removeIf(e -> e.expires() != 0 && now >= e.expires());
    }
}
