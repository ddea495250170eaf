package dev.syssim.sim.netfilter.ipset;

import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.Transport;
import java.util.List;

/**
 * One named set of a machine ({@code struct ip_set}): its type, its default timeout (sets made
 * with {@code timeout} support per-member timeouts), and its members. Changed only through
 * {@link IpSets} and the methods here, at a simulated time {@code now} in nanoseconds; a member
 * whose timeout has passed is gone for every test, listing and count, as on Linux.
 */
public abstract sealed class IpSet permits HashIpSet, BitmapPortSet {

    /** A member's expiry that never comes (added with {@code timeout 0}, or to a set without timeouts). */
    static final long PERMANENT = Long.MAX_VALUE;

    /** A member as listed: with the whole seconds it has left, or -1 in a set without timeouts. */
    public record Listed(Member member, long secondsLeft) {
    }

    private String name;
    private final SetType type;
    private final int timeout;

    IpSet(String name, SetType type, int timeout) {
        this.name = name;
        this.type = type;
        this.timeout = timeout;
    }

    public String name() {
        return name;
    }

    void rename(String newName) {
        name = newName;
    }

    public SetType type() {
        return type;
    }

    /** Whether the set was made with {@code timeout} (and so takes one per member). */
    public boolean hasTimeout() {
        return timeout >= 0;
    }

    /** The default timeout in seconds, -1 without timeout support. */
    public int timeout() {
        return timeout;
    }

    /** The expiry of a member added at {@code now} with {@code seconds} (-1: the set's default). */
    long expiry(long now, long seconds) {
        long s = seconds >= 0 ? seconds : timeout;
        if (!hasTimeout() || s == 0) return PERMANENT;
        return now + s * 1_000_000_000L;
    }

    /**
     * The seconds a member expiring at {@code expires} has left at {@code now}, as
     * {@code ip_set_timeout_get} reports them: rounded down, never 0 while it lives; 0 for a
     * permanent member.
     */
    static long secondsLeft(long expires, long now) {
        if (expires == PERMANENT) return 0;
        long left = (expires - now) / 1_000_000_000L;
        return left == 0 ? 1 : left;
    }

    static boolean expired(long expires, long now) {
        return expires != PERMANENT && now > expires;
    }

    // ---- the members ----

    /** {@code ipset add}: {@code seconds} -1 for the set's default; {@code exist} is {@code -exist} (re-adding refreshes). */
    public abstract SetResult add(Member member, long seconds, boolean exist, long now);

    /** {@code ipset del}. */
    public abstract SetResult delete(Member member, long now);

    /** {@code ipset test}: whether the member is in the set (for hash:net, an address in one of its networks). */
    public abstract boolean test(Member member, long now);

    /** {@code ipset flush}: no members. */
    public abstract void flush();

    /** The members in the kernel's listing order. */
    public abstract List<Listed> members(long now);

    /** The {@code Number of entries} of the listing. */
    public abstract int entries(long now);

    /** The {@code Size in memory} of the listing, in bytes. */
    public abstract long memorySize(long now);

    /** The words after {@code Header:} and after the type in {@code ipset save}'s create line. */
    public abstract String header();

    /** Whether two sets may be swapped: same type and, for hashes, same family (always inet here). */
    boolean swappableWith(IpSet other) {
        return type == other.type;
    }

    // ---- -m set ----

    /**
     * Whether the packet is in the set, its member made as {@code xt_set} makes it: dimension i's
     * address or port from the packet's source ({@code src}, bit i of {@code sourceBits} set) or
     * destination ({@code dst}). Fewer dimensions given than the type has never match.
     */
    public boolean matches(Packet packet, int dimensions, int sourceBits, long now) {
        if (dimensions < type.dimension()) return false;
        Member member = fromPacket(packet, sourceBits);
        return member != null && test(member, now);
    }

    private Member fromPacket(Packet packet, int sourceBits) {
        boolean[] dirs = {(sourceBits & 1) != 0, (sourceBits & 2) != 0};
        int ip = dirs[0] ? packet.src().bits() : packet.dst().bits();
        return switch (type) {
            case HASH_IP -> Member.address(ip);
            case HASH_NET -> new Member(ip, 32, 0, 0);
            case HASH_IP_PORT -> {
                int port = portOf(packet, dirs[1]);
                yield port < 0 ? null : Member.addressPort(ip, packet.protocol(), port);
            }
            case BITMAP_PORT -> {
                int port = portOf(packet, dirs[0]);
                yield port < 0 || packet.protocol() == 1 ? null : Member.port(port);
            }
        };
    }

    /** A TCP or UDP port, an ICMP message's type and code; -1 for other protocols. */
    private static int portOf(Packet packet, boolean source) {
        Transport t = packet.transport();
        if (t instanceof Transport.Tcp || t instanceof Transport.Udp) return source ? packet.srcPort() : packet.dstPort();
        if (t instanceof Transport.Icmp icmp) return icmp.type() << 8 | icmp.code();
        return -1;
    }
}
