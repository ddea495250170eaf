/**
 * The link layer: Ethernet segments (switches) and the NICs plugged into them. A NIC transmits a
 * frame onto its segment; the segment carries it, after a wire latency on the world's timeline, to
 * the NIC it is addressed to, which hands it to its machine's network stack in an interrupt.
 * Uses {@code hw} (timeline, IRQ lines), {@code trace} and the network values; used by
 * {@code dev.syssim.sim.net.stack}.
 */
package dev.syssim.sim.net.link;
