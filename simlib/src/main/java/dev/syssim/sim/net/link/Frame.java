package dev.syssim.sim.net.link;

import dev.syssim.sim.net.Packet;

/**
 * One Ethernet frame on a segment: the IP packet it carries (headers as a {@link Packet}, the data
 * bytes apart in {@code payload}, empty for none), the NIC that sent it and the one it is addressed
 * to (the sender's ARP answer, which the simulation gives at once), and the trace event that
 * caused it, so the receiving side can name it.
 */
public record Frame(Packet packet, byte[] payload, Nic from, Nic to, long cause) {

    /** Ethernet header (14 bytes) plus the packet: what the NIC puts on the wire (no FCS, no padding). */
    public int bytes() {
        return Nic.ETHERNET_HEADER + packet.length();
    }
}
