package dev.syssim.sim.netfilter.ipset;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A {@code bitmap:port} set ({@code ip_set_bitmap_port.c}): one bit per port of its range, so a
 * test is one bit's lookup, and with {@code timeout} one expiry per port. Its memory is the
 * structure, the bitmap in whole 64-bit words, and 8 bytes per port of the range for timeouts, as
 * {@code ipset list} reports it. Its {@code Number of entries} is the kernel's running count,
 * which still includes expired ports until the collector has run (every third of the timeout).
 */
public final class BitmapPortSet extends IpSet {

    private static final long SECOND = 1_000_000_000L;

    private final int first;
    private final int last;
    private final BitSet members = new BitSet();
    private final long[] expires;
    private int elements;
    private long nextGc;

    BitmapPortSet(String name, int first, int last, int timeout, long now) {
        super(name, SetType.BITMAP_PORT, timeout);
        this.first = first;
        this.last = last;
        this.expires = timeout >= 0 ? new long[last - first + 1] : null;
        this.nextGc = now + Math.max(timeout / 3, 1) * SECOND;
    }

    public int first() {
        return first;
    }

    public int last() {
        return last;
    }

    private boolean live(int id, long now) {
        return members.get(id) && (expires == null || !expired(expires[id], now));
    }

    @Override
    public SetResult add(Member member, long seconds, boolean exist, long now) {
        collectGarbage(now);
        int port = member.port();
        if (port < first || port > last) return SetResult.OUT_OF_RANGE;
        int id = port - first;
        if (members.get(id)) {
            if (expires != null && expired(expires[id], now)) {
                elements--;
            } else if (!exist) {
                return SetResult.ALREADY_ADDED;
            } else {
                elements--;
            }
        }
        if (expires != null) expires[id] = expiry(now, seconds);
        members.set(id);
        elements++;
        return SetResult.OK;
    }

    @Override
    public SetResult delete(Member member, long now) {
        collectGarbage(now);
        int port = member.port();
        if (port < first || port > last) return SetResult.OUT_OF_RANGE;
        int id = port - first;
        if (!members.get(id)) return SetResult.NOT_ADDED;
        members.clear(id);
        elements--;
        if (expires != null && expired(expires[id], now)) return SetResult.NOT_ADDED;
        return SetResult.OK;
    }

    @Override
    public boolean test(Member member, long now) {
        collectGarbage(now);
        int port = member.port();
        return port >= first && port <= last && live(port - first, now);
    }

    @Override
    public void flush() {
        members.clear();
        elements = 0;
    }

    @Override
    public List<Listed> members(long now) {
        collectGarbage(now);
        List<Listed> out = new ArrayList<>();
        for (int id = members.nextSetBit(0); id >= 0; id = members.nextSetBit(id + 1)) {
            if (!live(id, now)) continue;
            out.add(new Listed(Member.port(first + id), expires == null ? -1 : secondsLeft(expires[id], now)));
        }
        return out;
    }

    @Override
    public int entries(long now) {
        collectGarbage(now);
        return elements;
    }

    @Override
    public long memorySize(long now) {
        long ports = last - first + 1;
        long bitmap = (ports + 63) / 64 * 8;
        return type().headerSize() + bitmap + (expires == null ? 0 : 8 * ports);
    }

    @Override
    public String header() {
        return "range " + first + "-" + last + (hasTimeout() ? " timeout " + timeout() : "");
    }

    /** The collector's timer (bitmap_port_gc): every {@code max(timeout / 3, 1)} seconds it clears expired ports. */
    private void collectGarbage(long now) {
        if (expires == null || now < nextGc) return;
        long period = Math.max(timeout() / 3, 1) * SECOND;
        long at = nextGc + (now - nextGc) / period * period;
        for (int id = members.nextSetBit(0); id >= 0; id = members.nextSetBit(id + 1)) {
            if (expired(expires[id], at)) {
                members.clear(id);
                elements--;
            }
        }
        nextGc = at + period;
    }
}
