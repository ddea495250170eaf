package dev.syssim.sim.net.link;

import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.net.EthernetHeader;

/**
 * A network interface card: a MAC address, the segment its cable plugs into, and the interrupt line
 * it raises when a frame arrives. Sending hands a frame to the segment; receiving hands it to the
 * machine's network stack (its {@link Receiver}), which the stack does in the NIC's interrupt
 * handler. Counts frames and bytes both ways, as {@code ip -s link} shows them.
 */
public final class Nic {

    /** Destination MAC, source MAC, ethertype. */
    public static final int ETHERNET_HEADER = 14;

    /** Where received frames go: the machine's network stack. */
    public interface Receiver {
        void receive(Nic nic, Frame frame);
    }

    private final String machine;
    private final String name;
    private final String mac;
    private final Irq irq;
    private Receiver receiver;
    private Segment segment;
    private long rxPackets;
    private long rxBytes;
    private long txPackets;
    private long txBytes;

    public Nic(String machine, String name, String mac, Irq irq, Receiver receiver) {
        this.machine = machine;
        this.name = name;
        this.mac = mac;
        this.irq = irq;
        this.receiver = receiver;
    }

    public String machine() {
        return machine;
    }

    public String name() {
        return name;
    }

    /** Lower-case colon form, {@code 02:00:0a:54:00:0a}. */
    public String mac() {
        return mac;
    }

    public Irq irq() {
        return irq;
    }

    /** The machine's side of the NIC: its network stack. */
    public Receiver receiver() {
        return receiver;
    }

    /** Moves the NIC to another network stack (ip link set DEV netns NS). */
    public void setReceiver(Receiver receiver) {
        this.receiver = receiver;
    }

    public Segment segment() {
        return segment;
    }

    void plugInto(Segment segment) {
        this.segment = segment;
    }

    /** Puts a frame on the wire; false if the cable is not plugged in. */
    public boolean transmit(Frame frame) {
        if (segment == null) return false;
        txPackets++;
        txBytes += frame.bytes();
        segment.carry(frame);
        return true;
    }

    /** A frame arrives from the wire. */
    void deliver(Frame frame) {
        rxPackets++;
        rxBytes += frame.bytes();
        receiver.receive(this, frame);
    }

    /** The Ethernet header of a frame from {@code sender} to this NIC, as netfilter's LOG prints it. */
    public EthernetHeader headerFrom(Nic sender) {
        return new EthernetHeader(mac, sender.mac);
    }

    public long rxPackets() {
        return rxPackets;
    }

    public long rxBytes() {
        return rxBytes;
    }

    public long txPackets() {
        return txPackets;
    }

    public long txBytes() {
        return txBytes;
    }

    @Override
    public String toString() {
        return machine + ":" + name;
    }
}
