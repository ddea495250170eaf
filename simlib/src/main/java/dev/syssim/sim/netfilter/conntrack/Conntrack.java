package dev.syssim.sim.netfilter.conntrack;

import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.Transport;
import dev.syssim.sim.netfilter.CtState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The connection-tracking table of one machine. {@link #track} places each packet, as
 * {@code nf_conntrack_in} does at PREROUTING and OUTPUT: a packet of a known connection is found
 * with one hash lookup of its tuple (either direction is a key), a first packet makes a new
 * unconfirmed connection, and an ICMP error is RELATED to the connection of the packet it quotes.
 * {@link #confirm} puts a new connection in the table once its first packet was accepted by every
 * hook — a SYN dropped in FORWARD leaves nothing behind, so its retransmission is NEW again.
 * Time is the simulation's, in nanoseconds; expired connections vanish when next looked at.
 */
public final class Conntrack {

    private static final long SECOND = 1_000_000_000L;
    /** Linux defaults: {@code nf_conntrack_udp_timeout}, {@code _udp_timeout_stream}, {@code _icmp_timeout}, {@code _generic_timeout}. */
    public static final int UDP_TIMEOUT = 30;
    public static final int UDP_STREAM_TIMEOUT = 120;
    public static final int ICMP_TIMEOUT = 30;
    public static final int GENERIC_TIMEOUT = 600;
    /** A UDP flow with replies that is still active this long after it began counts as a stream. */
    private static final long UDP_STREAM_AFTER = 2 * SECOND;

    private final Map<Tuple, Connection> byTuple = new HashMap<>();
    private long nextSerial = 1;

    /** Places a packet seen at {@code now}; updates the state of the connection it belongs to. */
    public Tracked track(Packet packet, long now) {
        if (packet.transport() instanceof Transport.Icmp icmp && icmp.isError()) {
            return related(icmp.quoted(), now);
        }
        Tuple tuple = Tuple.of(packet);
        Connection connection = find(tuple, now);
        if (connection == null) return open(packet, tuple, now);
        Direction direction = connection.original().equals(tuple) ? Direction.ORIGINAL : Direction.REPLY;
        return follow(connection, direction, packet, now);
    }

    /** Enters a new connection in the table once its first packet is through. No-op for other packets. */
    public void confirm(Tracked tracked) {
        Connection connection = tracked.connection();
        if (!tracked.isNew() || connection == null || connection.confirmed()) return;
        // Another packet of the same tuple may have been confirmed first: the kernel keeps that one.
        if (byTuple.containsKey(connection.original()) || byTuple.containsKey(connection.reply())) return;
        connection.markConfirmed();
        byTuple.put(connection.original(), connection);
        byTuple.put(connection.reply(), connection);
    }

    /** The live connections in order of creation; expired ones are removed first. */
    public List<Connection> connections(long now) {
        List<Connection> live = new ArrayList<>();
        for (Map.Entry<Tuple, Connection> entry : List.copyOf(byTuple.entrySet())) {
            Connection connection = entry.getValue();
            if (!entry.getKey().equals(connection.original())) continue;
            if (connection.expired(now)) {
                remove(connection);
            } else {
                live.add(connection);
            }
        }
        live.sort(Comparator.comparingLong(Connection::serial));
        return live;
    }

    /** The connection a tuple belongs to (in either direction), if it is in the table and alive. */
    public Connection lookup(Tuple tuple, long now) {
        return find(tuple, now);
    }

    /**
     * How many live connections {@code -m connlimit} counts for a key: those whose original source
     * (or destination) under {@code mask} is {@code key}, not closing (TCP TIME_WAIT and CLOSE are
     * skipped, as {@code nf_conncount} does), plus the packet's own connection {@code own} if it is
     * not in the table yet.
     */
    public long count(int key, int mask, boolean destination, Connection own, long now) {
        long count = 0;
        boolean ownCounted = false;
        for (Connection c : connections(now)) {
            int address = destination ? c.original().dst() : c.original().src();
            if ((address & mask) != key) continue;
            if (c.tcpState() == TcpState.TIME_WAIT || c.tcpState() == TcpState.CLOSE) continue;
            if (c == own) ownCounted = true;
            count++;
        }
        return own != null && !ownCounted ? count + 1 : count;
    }

    /** Whether {@code tuple} is the reply tuple of a connection other than {@code except} (a NAT clash). */
    public boolean replyTaken(Tuple tuple, Connection except, long now) {
        Connection c = find(tuple, now);
        return c != null && c != except;
    }

    /** {@code conntrack -F}: forgets every connection; returns how many there were. */
    public int flush() {
        int count = byTuple.size() / 2;
        byTuple.clear();
        return count;
    }

    // ---- placing a packet ----

    private Tracked open(Packet packet, Tuple tuple, long now) {
        Transport transport = packet.transport();
        TcpState tcpState = null;
        int timeout;
        if (transport instanceof Transport.Tcp tcp) {
            int first = TcpTracker.first(tcp.flags());
            if (first < 0) return Tracked.INVALID;
            tcpState = TcpState.values()[first];
            timeout = tcpState.timeoutSeconds();
        } else if (transport instanceof Transport.Udp) {
            timeout = UDP_TIMEOUT;
        } else if (transport instanceof Transport.Icmp icmp) {
            if (Icmp.replyTypeOf(icmp.type()) < 0) return Tracked.INVALID;
            timeout = ICMP_TIMEOUT;
        } else {
            timeout = GENERIC_TIMEOUT;
        }
        Connection connection = new Connection(nextSerial++, tuple, tcpState, now, now + timeout * SECOND);
        return new Tracked(connection, Direction.ORIGINAL, CtState.NEW, true);
    }

    private Tracked follow(Connection connection, Direction direction, Packet packet, long now) {
        boolean firstReply = direction == Direction.REPLY && !connection.seenReply();
        if (packet.transport() instanceof Transport.Tcp tcp) {
            TcpState old = connection.tcpState();
            if (direction == Direction.ORIGINAL && TcpTracker.isSyn(tcp.flags())
                    && (old == TcpState.TIME_WAIT || old == TcpState.CLOSE)) {
                // A new SYN on a closed connection's tuple: the kernel kills the old one and starts over.
                remove(connection);
                return open(packet, Tuple.of(packet), now);
            }
            int next = TcpTracker.next(direction, tcp.flags(), old);
            if (next == TcpTracker.INVALID) return new Tracked(connection, direction, CtState.INVALID, false);
            TcpState state = next == TcpTracker.IGNORE ? old : TcpState.values()[next];
            connection.setTcpState(state);
            connection.refresh(now, state.timeoutSeconds() * SECOND);
            if (firstReply && tcp.flags().rst()) {
                // "If only reply is a RST, we can consider ourselves not to have an established
                // connection": the kernel deletes it at once; the RST itself still counts as ESTABLISHED.
                remove(connection);
                return new Tracked(connection, direction, CtState.ESTABLISHED, false);
            }
            if (connection.seenReply() && (old == TcpState.SYN_RECV || old == TcpState.ESTABLISHED)
                    && state == TcpState.ESTABLISHED) {
                connection.markAssured();
            }
        } else if (packet.transport() instanceof Transport.Udp) {
            boolean stream = connection.seenReply() && now > connection.createdAt() + UDP_STREAM_AFTER;
            connection.refresh(now, (stream ? UDP_STREAM_TIMEOUT : UDP_TIMEOUT) * SECOND);
            if (stream) connection.markAssured();
        } else if (packet.transport() instanceof Transport.Icmp) {
            connection.refresh(now, ICMP_TIMEOUT * SECOND);
        } else {
            connection.refresh(now, GENERIC_TIMEOUT * SECOND);
        }
        CtState state = direction == Direction.REPLY || connection.seenReply() ? CtState.ESTABLISHED : CtState.NEW;
        if (direction == Direction.REPLY) connection.markSeenReply();
        return new Tracked(connection, direction, state, false);
    }

    private Tracked related(Packet quoted, long now) {
        if (quoted.isIcmpError()) return Tracked.INVALID;
        Tuple tuple = Tuple.of(quoted);
        Connection connection = find(tuple, now);
        if (connection == null) return Tracked.INVALID;
        Direction quotedDirection = connection.original().equals(tuple) ? Direction.ORIGINAL : Direction.REPLY;
        return new Tracked(connection, quotedDirection.reverse(), CtState.RELATED, false);
    }

    // ---- the table ----

    private Connection find(Tuple tuple, long now) {
        Connection connection = byTuple.get(tuple);
        if (connection != null && connection.expired(now)) {
            remove(connection);
            return null;
        }
        return connection;
    }

    private void remove(Connection connection) {
        byTuple.remove(connection.original(), connection);
        byTuple.remove(connection.reply(), connection);
    }
}
