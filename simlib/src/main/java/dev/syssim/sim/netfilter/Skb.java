package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import dev.syssim.sim.netfilter.conntrack.Tracked;

/**
 * A packet as netfilter holds it while it passes the hooks of one machine (the kernel's
 * {@code sk_buff} with its {@code nf_hook_state}): the packet itself, which NAT and the TTL target
 * may rewrite; the hook it is at and its interfaces ("" where there is none); the simulated time;
 * its conntrack handle and state; its firewall mark ({@code skb->mark}); the owner of the socket
 * that sent it (uid and gid, -1 for packets no local socket sent); and the machine's netfilter,
 * where the named state of {@code recent}, {@code hashlimit} and the conntrack table live.
 * Mutable by design: the kernel's skb is too, and the tables at one hook see each other's changes.
 */
public final class Skb {

    private Packet packet;
    private Hook hook;
    private String in;
    private String out;
    private final long now;
    private Tracked tracked;
    private CtState state;
    private int mark;
    private int uid = -1;
    private int gid = -1;
    private Netfilter netfilter;

    public Skb(Packet packet, Hook hook, String in, String out, long now, Tracked tracked, CtState state) {
        this.packet = packet;
        this.hook = hook;
        this.in = in;
        this.out = out;
        this.now = now;
        this.tracked = tracked;
        // Before conntrack has seen it (the raw table), a packet has no connection: INVALID to -m conntrack.
        this.state = state == null ? CtState.INVALID : state;
    }

    public Packet packet() {
        return packet;
    }

    public void setPacket(Packet changed) {
        packet = changed;
    }

    public Hook hook() {
        return hook;
    }

    /** Moves the skb on to the next hook, with the interfaces it has there. */
    public Skb at(Hook next, String inIface, String outIface) {
        hook = next;
        in = inIface;
        out = outIface;
        return this;
    }

    public String in() {
        return in;
    }

    public String out() {
        return out;
    }

    public long now() {
        return now;
    }

    public Tracked tracked() {
        return tracked;
    }

    public void setTracked(Tracked handle) {
        tracked = handle;
        state = handle.state();
    }

    public CtState state() {
        return state;
    }

    public int mark() {
        return mark;
    }

    public void setMark(int value) {
        mark = value;
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    /** The sending socket's owner, for packets a local process sent ({@code -m owner}). */
    public Skb ownedBy(int ownerUid, int ownerGid) {
        uid = ownerUid;
        gid = ownerGid;
        return this;
    }

    /** The machine's netfilter, or null when a table is evaluated on its own (tests, benchmarks). */
    public Netfilter netfilter() {
        return netfilter;
    }

    public Skb on(Netfilter owner) {
        netfilter = owner;
        return this;
    }
}
