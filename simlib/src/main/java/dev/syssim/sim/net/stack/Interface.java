package dev.syssim.sim.net.stack;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.link.Nic;
import java.util.ArrayList;
import java.util.List;

/**
 * A network interface of a machine as the kernel knows it ({@code struct net_device}): its index and
 * name, the loopback device or a NIC, whether it is up, and its IPv4 addresses. IPv6 is not
 * simulated: every machine behaves as with {@code net.ipv6.conf.all.disable_ipv6=1}, as in the
 * recorded oracle.
 */
public final class Interface {

    public static final String LOOPBACK_MAC = "00:00:00:00:00:00";

    private int index;
    private final String name;
    private final LinkKind kind;
    /** The bridge this interface is a port of, or null. */
    private Interface master;
    /** The switch of a bridge interface, or null. */
    private dev.syssim.sim.net.link.Bridge bridge;
    /** A veth's other end, or null. */
    private Interface peer;
    private NetStack owner;
    /** ::1/128 on a new namespace's lo once it is up (IPv6 is on there; see NetStack). */
    private boolean ipv6Loopback;
    private final Nic nic;
    private final int mtu;
    private boolean up;
    private final List<InterfaceAddress> addresses = new ArrayList<>();
    private long loopbackPackets;
    private long loopbackBytes;

    Interface(int index, String name, Nic nic, int mtu) {
        this(index, name, nic, mtu, nic == null ? LinkKind.LOOPBACK : LinkKind.ETHERNET);
    }

    Interface(int index, String name, Nic nic, int mtu, LinkKind kind) {
        this.index = index;
        this.name = name;
        this.kind = kind;
        this.nic = nic;
        this.mtu = mtu;
    }

    public int index() {
        return index;
    }

    void setIndex(int index) {
        this.index = index;
    }

    public LinkKind kind() {
        return kind;
    }

    /** The bridge this interface is a port of ({@code master br0}), or null. */
    public Interface master() {
        return master;
    }

    void setMaster(Interface master) {
        this.master = master;
    }

    /** A bridge interface's switch, or null for other kinds. */
    public dev.syssim.sim.net.link.Bridge bridge() {
        return bridge;
    }

    void setBridge(dev.syssim.sim.net.link.Bridge bridge) {
        this.bridge = bridge;
    }

    /** The other end of a veth pair, or null. */
    public Interface peer() {
        return peer;
    }

    void setPeer(Interface peer) {
        this.peer = peer;
    }

    /** The network namespace (stack) the interface is in. */
    public NetStack owner() {
        return owner;
    }

    void setOwner(NetStack owner) {
        this.owner = owner;
    }

    /** The IPv6 addresses ip shows: only a new namespace's lo has one. */
    public List<String> inet6() {
        return ipv6Loopback && up ? List.of("::1/128") : List.of();
    }

    void setIpv6Loopback(boolean on) {
        this.ipv6Loopback = on;
    }

    public String name() {
        return name;
    }

    /** The NIC behind the interface; null for the loopback device. */
    public Nic nic() {
        return nic;
    }

    public boolean isLoopback() {
        return nic == null;
    }

    public int mtu() {
        return mtu;
    }

    public boolean isUp() {
        return up;
    }

    void setUp(boolean up) {
        this.up = up;
    }

    public String mac() {
        return nic == null ? LOOPBACK_MAC : nic.mac();
    }

    public List<InterfaceAddress> addresses() {
        return List.copyOf(addresses);
    }

    void addAddress(InterfaceAddress address) {
        addresses.add(address);
    }

    boolean removeAddress(InterfaceAddress address) {
        return addresses.remove(address);
    }

    public boolean has(Ipv4Address address) {
        for (InterfaceAddress a : addresses) if (a.address().equals(address)) return true;
        return false;
    }

    /**
     * The link flags {@code ip link} prints: {@code LOOPBACK,UP,LOWER_UP} or
     * {@code BROADCAST,MULTICAST,UP,LOWER_UP}; {@code M-DOWN} on a veth whose other end is down.
     */
    public String flags() {
        String base = isLoopback() ? "LOOPBACK" : "BROADCAST,MULTICAST";
        if (!up) return base;
        if (!carrier()) return "NO-CARRIER," + base + ",UP" + (peer != null && !peer.up ? ",M-DOWN" : "");
        return base + ",UP,LOWER_UP";
    }

    /**
     * Whether the link has a carrier: a veth while its other end is up; a tap while a process has
     * it open (something else is on its cable); a bridge while one of its ports is up with one.
     */
    public boolean carrier() {
        return switch (kind) {
            case VETH -> peer == null || peer.up;
            case TAP -> nic.segment() != null && nic.segment().nics().size() > 1;
            case BRIDGE -> owner != null && owner.interfaces().stream().anyMatch(i -> i.master == this && i.up && i.carrier());
            default -> true;
        };
    }

    /**
     * What {@code ethtool -i} learns of the interface's driver; null for {@code lo} (its driver
     * answers EOPNOTSUPP). A NIC without a device model is taken for an Intel e1000 in PCI slot 3,
     * the card the simulation's machines have (their NIC raises IRQ 11, as that card does).
     */
    public Nic.DriverInfo driverInfo() {
        return switch (kind) {
            case LOOPBACK -> null;
            case BRIDGE -> new Nic.DriverInfo("bridge", "2.3", "N/A", "N/A", false, false, false, false);
            case VETH -> new Nic.DriverInfo("veth", "1.0", "", "", true, false, false, false);
            case TAP -> new Nic.DriverInfo("tun", "1.6", "", "tap", false, false, false, false);
            case ETHERNET -> nic.device() != null ? nic.device().driverInfo()
                    : new Nic.DriverInfo("e1000", dev.syssim.sim.os.Kernel.RELEASE, "", "0000:00:03.0", true, true, true, true);
        };
    }

    /** The queueing discipline {@code ip link} names: none for software devices, pfifo_fast on a tap, fq_codel on a NIC. */
    public String qdisc() {
        if (kind == LinkKind.BRIDGE) return up ? "noqueue" : "noop";
        if (!up) return "noop";
        return switch (kind) {
            case LOOPBACK, VETH -> "noqueue";
            case TAP -> "pfifo_fast";
            default -> "fq_codel";
        };
    }

    /** The operational state: {@code UNKNOWN} for an up loopback (it has no carrier to know), {@code UP}, {@code DOWN}. */
    public String operState() {
        if (!up) return "DOWN";
        if (!carrier()) return kind == LinkKind.VETH ? "LOWERLAYERDOWN" : "DOWN";
        return isLoopback() ? "UNKNOWN" : "UP";
    }

    void countLoopback(int bytes) {
        loopbackPackets++;
        loopbackBytes += bytes;
    }

    public long rxPackets() {
        return nic == null ? loopbackPackets : nic.rxPackets();
    }

    public long rxBytes() {
        return nic == null ? loopbackBytes : nic.rxBytes();
    }

    public long txPackets() {
        return nic == null ? loopbackPackets : nic.txPackets();
    }

    public long txBytes() {
        return nic == null ? loopbackBytes : nic.txBytes();
    }

    @Override
    public String toString() {
        return name;
    }
}
