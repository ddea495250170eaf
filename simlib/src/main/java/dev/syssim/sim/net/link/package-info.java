/**
 * The link layer: Ethernet segments (switches) and the NICs plugged into them. A NIC transmits a
 * frame onto its segment; the segment carries it, after a wire latency on the world's timeline, to
 * the NIC it is addressed to, which hands it to its machine's network stack in an interrupt. A
 * {@link dev.syssim.sim.net.link.Bridge} is a switch inside a machine whose ports are the machine's
 * interfaces (veth ends, taps); a NIC's {@link dev.syssim.sim.net.link.Nic.Device} lets a hypervisor's
 * device model stand between a guest's stack and the wire.
 * Uses {@code hw} (timeline, IRQ lines), {@code trace} and the network values; used by
 * {@code dev.syssim.sim.net.stack}.
 */
package dev.syssim.sim.net.link;
