package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.TcpFlags;
import dev.syssim.sim.net.Transport;
import dev.syssim.sim.os.Errno;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TCP on one machine (Linux's {@code tcp_ipv4.c}): the listening sockets and the connections, and
 * which one an arriving segment belongs to. A SYN for a port nobody listens on, or any segment
 * for a connection that does not exist, is answered with a RST — which is how a client learns
 * "Connection refused". Ephemeral ports come from {@code ip_local_port_range}, in an order the
 * machine's seeded random source decides.
 */
public final class Tcp {

    public static final int EPHEMERAL_LOW = 32768;
    public static final int EPHEMERAL_HIGH = 60999;

    /** A connection's key: its local and remote ends. */
    record Key(Endpoint local, Endpoint remote) {
    }

    private final NetStack stack;
    private final List<TcpListener> listeners = new ArrayList<>();
    private final Map<Key, TcpConnection> connections = new LinkedHashMap<>();
    /** Ports bound by sockets that neither listen nor connect yet, or that listen or connect from them. */
    private final List<Endpoint> bound = new ArrayList<>();

    Tcp(NetStack stack) {
        this.stack = stack;
    }

    public NetStack stack() {
        return stack;
    }

    /** Listening sockets in the order they were opened. */
    public List<TcpListener> listeners() {
        return List.copyOf(listeners);
    }

    /** Connections in every state but LISTEN, in the order they began. */
    public List<TcpConnection> connections() {
        return List.copyOf(connections.values());
    }

    // ---- binding ----

    /** bind(2): EADDRINUSE if a socket has the port already (on the same or the wildcard address). */
    public Errno bind(Endpoint local, boolean reuseAddress) {
        for (Endpoint b : bound) {
            if (b.port() == local.port() && overlaps(b.address(), local.address())) return Errno.EADDRINUSE;
        }
        for (TcpConnection c : connections.values()) {
            if (c.local().port() != local.port() || !overlaps(c.local().address(), local.address())) continue;
            if (reuseAddress && c.state() == TcpState.TIME_WAIT) continue;
            if (c.listener() != null) continue; // an accepted connection shares its listener's port
            return Errno.EADDRINUSE;
        }
        bound.add(local);
        return null;
    }

    private static boolean overlaps(Ipv4Address a, Ipv4Address b) {
        return a.equals(Ipv4Address.ANY) || b.equals(Ipv4Address.ANY) || a.equals(b);
    }

    /** Releases a port a socket held. */
    public void unbind(Endpoint local) {
        bound.remove(local);
    }

    /** A free ephemeral port for a connection from {@code local} to {@code remote}. */
    public int ephemeralPort(Ipv4Address local, Endpoint remote) {
        int range = EPHEMERAL_HIGH - EPHEMERAL_LOW + 1;
        int start = stack.kernel().random().nextInt(range);
        for (int i = 0; i < range; i++) {
            int port = EPHEMERAL_LOW + (start + i) % range;
            if (portFree(port, local, remote)) return port;
        }
        return -1;
    }

    private boolean portFree(int port, Ipv4Address local, Endpoint remote) {
        for (Endpoint b : bound) if (b.port() == port) return false;
        return !connections.containsKey(new Key(new Endpoint(local, port), remote));
    }

    // ---- opening ----

    /** listen(2) on a bound endpoint. */
    public TcpListener listen(Endpoint local, int backlog, long inode) {
        TcpListener listener = new TcpListener(this, local, backlog, inode);
        listeners.add(listener);
        return listener;
    }

    /** connect(2): a new connection in SYN-SENT, its SYN on the way; null if the port is taken. */
    public TcpConnection connect(Endpoint local, Endpoint remote, long inode, long cause) {
        return connect(local, remote, inode, cause, Owner.NONE);
    }

    /** connect(2) on a socket of {@code owner}, whose SYN then carries the owner too. */
    public TcpConnection connect(Endpoint local, Endpoint remote, long inode, long cause, Owner owner) {
        Key key = new Key(local, remote);
        TcpConnection old = connections.get(key);
        if (old != null && old.state() != TcpState.TIME_WAIT) return null;
        if (old != null) connections.remove(key);
        TcpConnection c = new TcpConnection(this, local, remote, null, inode);
        c.setOwner(owner);
        connections.put(key, c);
        c.open(cause);
        return c;
    }

    void register(TcpConnection c) {
        connections.put(new Key(c.local(), c.remote()), c);
    }

    void forget(TcpConnection c) {
        connections.remove(new Key(c.local(), c.remote()), c);
    }

    void forget(TcpListener l) {
        listeners.remove(l);
    }

    // ---- arriving segments ----

    /** A segment for this machine, past INPUT. */
    void receive(Packet p, byte[] payload, long cause) {
        Transport.Tcp t = (Transport.Tcp) p.transport();
        Key key = new Key(new Endpoint(p.dst(), t.dstPort()), new Endpoint(p.src(), t.srcPort()));
        TcpConnection c = connections.get(key);
        TcpFlags flags = t.flags();
        boolean syn = flags.syn() && !flags.ack() && !flags.rst();
        if (c != null && syn && c.state() == TcpState.TIME_WAIT) {
            c.discard();
            c = null;
        }
        if (c != null) {
            c.segment(p, payload, cause);
            return;
        }
        if (syn) {
            TcpListener l = listenerFor(p.dst(), t.dstPort());
            if (l != null) {
                l.syn(p, cause);
                return;
            }
        }
        if (!flags.rst()) {
            long seq = stack.packetEvent("no socket for " + p.dst() + ":" + t.dstPort() + ", answer with RST",
                    PacketLabel.of(p), cause);
            reset(p, seq);
        }
    }

    private TcpListener listenerFor(Ipv4Address address, int port) {
        TcpListener wildcard = null;
        for (TcpListener l : listeners) {
            if (l.local().port() != port) continue;
            if (l.local().address().equals(address)) return l;
            if (l.local().address().equals(Ipv4Address.ANY)) wildcard = l;
        }
        return wildcard;
    }

    /** The RST answering {@code p} (RFC 793): RST alone if it carried an ACK, else RST+ACK. */
    void reset(Packet p, long cause) {
        Transport.Tcp t = (Transport.Tcp) p.transport();
        TcpFlags flags = t.flags().ack() ? TcpFlags.RST_ONLY : TcpFlags.RST_ACK;
        long ack = t.seq() + Math.max(1, p.length() - Packet.IP_HEADER - Packet.TCP_HEADER);
        Packet rst = Packet.tcp(p.dst(), p.src(), t.dstPort(), t.srcPort(), flags)
                .withTransport(new Transport.Tcp(t.dstPort(), t.srcPort(), flags, 0, t.flags().ack() ? t.ack() : 0, flags.ack() ? ack : 0));
        stack.send(rst, null, null, cause);
    }

    /** An ICMP error about a segment this machine sent. */
    void icmpError(Packet quoted, int type, int code, Ipv4Address from, long cause) {
        Transport.Tcp t = (Transport.Tcp) quoted.transport();
        TcpConnection c = connections.get(new Key(new Endpoint(quoted.src(), t.srcPort()), new Endpoint(quoted.dst(), t.dstPort())));
        if (c != null) c.icmpError(type, code, cause);
    }
}
