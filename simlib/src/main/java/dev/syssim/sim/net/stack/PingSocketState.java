package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Ipv4Address;
import java.util.ArrayDeque;

/**
 * The kernel side of an ICMP datagram ("ping") socket ({@code socket(AF_INET, SOCK_DGRAM,
 * IPPROTO_ICMP)}, what iputils' ping uses when {@code net.ipv4.ping_group_range} allows): its echo
 * identifier, and the replies and errors (IP_RECVERR) that arrived for it.
 */
public final class PingSocketState {

    /**
     * An echo reply ({@code errorType} -1) or an ICMP error about one of our requests: who sent it,
     * the sequence number, the TTL it arrived with, its ICMP size, when it arrived.
     */
    public record Message(Ipv4Address from, int sequence, int ttl, int bytes, long time, int errorType, int errorCode) {

        public boolean isError() {
            return errorType >= 0;
        }
    }

    private final Pings pings;
    private final int id;
    private final long inode;
    private final Waiters waiters = new Waiters("sk_wait");
    private final ArrayDeque<Message> queue = new ArrayDeque<>();

    PingSocketState(Pings pings, int id, long inode) {
        this.pings = pings;
        this.id = id;
        this.inode = inode;
    }

    /** The echo identifier the kernel gave this socket (its "port"). */
    public int id() {
        return id;
    }

    public long inode() {
        return inode;
    }

    public Waiters waiters() {
        return waiters;
    }

    public boolean readable() {
        return !queue.isEmpty();
    }

    public Message take() {
        return queue.pollFirst();
    }

    void deliver(Message m) {
        queue.addLast(m);
        waiters.wake(pings.stack().kernel());
    }

    public void close() {
        pings.close(this);
    }
}
