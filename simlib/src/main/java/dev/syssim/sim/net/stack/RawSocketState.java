package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Packet;
import java.util.ArrayDeque;

/**
 * The kernel side of a raw IPv4 socket ({@code socket(AF_INET, SOCK_RAW, PROTOCOL)}, CAP_NET_RAW
 * only): every packet of its protocol that passes this machine's INPUT hook is copied to it —
 * while the kernel goes on handling the packet as usual (so an unexpected SYN-ACK is still answered
 * with a RST, which is what a SYN scanner relies on). What it sends is a whole packet.
 */
public final class RawSocketState {

    private final NetStack stack;
    private final int protocol;
    private final long inode;
    private final Waiters waiters = new Waiters("sk_wait");
    private final ArrayDeque<Arrival> queue = new ArrayDeque<>();

    /** A packet and when it arrived (the kernel's receive timestamp, as pcap reports it). */
    public record Arrival(Packet packet, long time) {
    }

    RawSocketState(NetStack stack, int protocol, long inode) {
        this.stack = stack;
        this.protocol = protocol;
        this.inode = inode;
    }

    public int protocol() {
        return protocol;
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

    public Arrival take() {
        return queue.pollFirst();
    }

    void deliver(Packet p) {
        if (queue.size() >= 4096) return;
        queue.addLast(new Arrival(p, stack.kernel().now()));
        waiters.wake(stack.kernel());
    }

    public void close() {
        stack.closeRaw(this);
    }
}
