package dev.syssim.sim.net.link;

import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.net.EthernetHeader;
import dev.syssim.sim.net.Ipv4Address;
import java.util.List;

/**
 * A network interface card: a MAC address, the segment its cable plugs into, and the interrupt line
 * it raises when a frame arrives. Sending hands a frame to the segment; receiving hands it to the
 * machine's network stack (its {@link Receiver}), which the stack does in the NIC's interrupt
 * handler. Counts frames and bytes both ways, as {@code ip -s link} shows them.
 */
public final class Nic {

    /** Destination MAC, source MAC, ethertype. */
    public static final int ETHERNET_HEADER = 14;

    /**
     * Where received frames go: the machine's network stack, or a bridge the NIC is a port of. A
     * receiver also answers for the NIC when its segment looks for a neighbour: the addresses it
     * owns on it (ARP), and for a bridge port the NICs reachable through it.
     */
    public interface Receiver {
        void receive(Nic nic, Frame frame);

        /** The addresses the receiver answers ARP for on {@code nic} (none unless it is a network stack). */
        default List<Ipv4Address> addressesOn(Nic nic) {
            return List.of();
        }

        /** The NIC beyond {@code nic} that owns {@code address} (a bridge port forwards ARP), or null. */
        default Nic beyond(Nic nic, Ipv4Address address) {
            return null;
        }

        /** Whether a frame for {@code target} handed to {@code nic} gets there (through a bridge). */
        default boolean leadsTo(Nic nic, Nic target) {
            return false;
        }
    }

    private final String machine;
    private final String name;
    private String mac;
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

    /** {@code ip link set DEV address MAC}. */
    public void setMac(String mac) {
        this.mac = mac;
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

    /**
     * The device model behind a NIC a hypervisor emulates (QEMU's e1000 or virtio-net): it sits
     * between the guest's network stack and the wire, and decides what sending and receiving a
     * frame cost (VM exits, QEMU's work, an injected interrupt) before the frame moves on.
     */
    public interface Device {
        /** The guest sends {@code frame}; the device calls {@code onWire} when it is on the host's tap. */
        void transmit(Nic nic, Frame frame, Runnable onWire);

        /** {@code frame} arrives on the tap; the device calls {@code deliver} in the guest's interrupt handler. */
        void receive(Nic nic, Frame frame, Runnable deliver);

        /** What the guest's driver tells {@code ethtool -i}. */
        DriverInfo driverInfo();
    }

    /**
     * A driver's answer to ETHTOOL_GDRVINFO ({@code ethtool -i}): its name and version, the
     * firmware's, the bus address, and which further ethtool requests it supports.
     */
    public record DriverInfo(String driver, String version, String firmware, String busInfo, boolean statistics, boolean test,
                             boolean eeprom, boolean registerDump) {
    }

    public Device device() {
        return device;
    }

    private Device device;

    /** Puts an emulated device model between this NIC and its machine (a guest's NIC). */
    public void setDevice(Device device) {
        this.device = device;
    }

    /** Puts a frame on the wire; false if the cable is not plugged in. */
    public boolean transmit(Frame frame) {
        if (segment == null) return false;
        if (device != null) {
            device.transmit(this, frame, () -> onWire(frame));
            return true;
        }
        onWire(frame);
        return true;
    }

    private void onWire(Frame frame) {
        if (segment == null) return;
        txPackets++;
        txBytes += frame.bytes();
        segment.carry(this, frame);
    }

    /** A frame arrives from the wire. */
    void deliver(Frame frame) {
        rxPackets++;
        rxBytes += frame.bytes();
        if (device != null) device.receive(this, frame, () -> receiver.receive(this, frame));
        else receiver.receive(this, frame);
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
