package dev.syssim.sim.net.stack;

import dev.syssim.sim.os.Errno;
import java.util.ArrayDeque;

/**
 * The kernel side of a UDP socket: where it is bound, the peer it is connected to (or null), the
 * datagrams received and not yet read, and a pending error (an ICMP port unreachable reported to a
 * connected socket: ECONNREFUSED on the next call).
 */
public final class UdpSocketState {

    /** One received datagram and who sent it. */
    public record Datagram(Endpoint from, byte[] data) {
    }

    private final Udp udp;
    private final long inode;
    private final Waiters waiters = new Waiters("sk_wait");
    private final ArrayDeque<Datagram> queue = new ArrayDeque<>();
    private Endpoint local;
    private Endpoint remote;
    private Errno error;

    UdpSocketState(Udp udp, long inode) {
        this.udp = udp;
        this.inode = inode;
    }

    public Endpoint local() {
        return local;
    }

    void setLocal(Endpoint local) {
        this.local = local;
    }

    public Endpoint remote() {
        return remote;
    }

    public void setRemote(Endpoint remote) {
        this.remote = remote;
    }

    public long inode() {
        return inode;
    }

    public Waiters waiters() {
        return waiters;
    }

    public boolean readable() {
        return !queue.isEmpty() || error != null;
    }

    public Datagram take() {
        return queue.pollFirst();
    }

    public int queuedBytes() {
        int n = 0;
        for (Datagram d : queue) n += d.data().length;
        return n;
    }

    public Errno takeError() {
        Errno e = error;
        error = null;
        return e;
    }

    public Errno error() {
        return error;
    }

    void deliver(Datagram d) {
        queue.addLast(d);
        waiters.wake(udp.stack().kernel());
    }

    void fail(Errno e) {
        error = e;
        waiters.wake(udp.stack().kernel());
    }

    public void close() {
        udp.close(this);
    }
}
