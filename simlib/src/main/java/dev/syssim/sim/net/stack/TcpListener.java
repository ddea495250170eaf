package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Packet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A listening TCP socket: the handshakes in progress (connections in SYN-RECV, Linux's request
 * socks) and the accept queue of finished ones waiting for {@code accept}. As in Linux the queue
 * holds up to backlog + 1 connections; a SYN arriving while it is full is dropped (the client
 * will retry), and a handshake's last ACK is ignored until there is room.
 */
public final class TcpListener {

    private final Tcp tcp;
    private final Endpoint local;
    private final int backlog;
    private final long inode;
    private final Waiters waiters = new Waiters("inet_csk_accept");
    /** Whose socket sends this one's packets ({@code -m owner}). */
    private Owner owner = Owner.NONE;
    private final List<TcpConnection> handshakes = new ArrayList<>();
    private final ArrayDeque<TcpConnection> acceptQueue = new ArrayDeque<>();
    private boolean closed;

    TcpListener(Tcp tcp, Endpoint local, int backlog, long inode) {
        this.tcp = tcp;
        this.local = local;
        this.backlog = backlog;
        this.inode = inode;
    }

    public Endpoint local() {
        return local;
    }

    /** The backlog given to listen (ss's Send-Q for a listener). */
    public int backlog() {
        return backlog;
    }

    /** Connections waiting to be accepted (ss's Recv-Q for a listener). */
    public int queued() {
        return acceptQueue.size();
    }

    public long inode() {
        return inode;
    }

    public Waiters waiters() {
        return waiters;
    }

    private boolean full() {
        return acceptQueue.size() > backlog;
    }

    /** A SYN for this port: a new connection answers it, unless the accept queue is full. */
    void syn(Packet syn, long cause) {
        if (closed) return;
        if (full()) {
            tcp.stack().packetEvent("accept queue of " + local + " full: SYN dropped", PacketLabel.of(syn), cause);
            return;
        }
        Endpoint here = new Endpoint(syn.dst(), syn.dstPort());
        Endpoint there = new Endpoint(syn.src(), syn.srcPort());
        TcpConnection child = new TcpConnection(tcp, here, there, this, tcp.stack().nextInode());
        // Until accept(2) gives it a file, the connection's packets (the SYN-ACK) count as the listener's.
        child.setOwner(owner);
        tcp.register(child);
        handshakes.add(child);
        child.answerSyn(syn, cause);
    }

    /** A handshake finished: queue the connection for accept; false (ignore the ACK) if the queue is full. */
    boolean established(TcpConnection c) {
        if (closed || full()) return false;
        handshakes.remove(c);
        acceptQueue.addLast(c);
        waiters.wake(tcp.stack().kernel());
        return true;
    }

    void dropRequest(TcpConnection c) {
        handshakes.remove(c);
    }

    /** accept(2): the oldest finished connection, or null if none is waiting. */
    public TcpConnection accept() {
        return acceptQueue.pollFirst();
    }

    /** Closing a listener resets the connections nobody accepted and forgets handshakes in progress. */
    public void close(long cause) {
        if (closed) return;
        closed = true;
        tcp.forget(this);
        tcp.unbind(local);
        for (TcpConnection c : List.copyOf(acceptQueue)) c.abort(cause);
        acceptQueue.clear();
        for (TcpConnection c : List.copyOf(handshakes)) c.discard();
        handshakes.clear();
        waiters.wake(tcp.stack().kernel());
    }

    @Override
    public String toString() {
        return "tcp listen " + local;
    }

    public void setOwner(Owner who) {
        this.owner = who;
    }

    public Owner owner() {
        return owner;
    }
}
