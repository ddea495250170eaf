package dev.syssim.sim.net.link;

import dev.syssim.sim.hw.Timeline;
import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.stack.PacketLabel;
import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.LaneType;
import dev.syssim.sim.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An Ethernet segment: the switch (a Linux bridge in the recorded oracle) and the NICs plugged
 * into it. A frame takes about {@link #latency()} to reach the NIC it is addressed to. The segment also
 * answers ARP: which NIC owns an address — instantly, where a real host would broadcast a request
 * and wait for the reply (the simulation keeps ARP out of the trace).
 */
public final class Segment {

    /** What a frame needs to cross a switched LAN here: 20 µs. */
    public static final long DEFAULT_LATENCY = 20_000;

    private final String name;
    private final List<Cidr> prefixes;
    private final long latency;
    private final Timeline timeline;
    private final Trace trace;
    private final Lane lane;
    private final List<Nic> nics = new ArrayList<>();
    private Function<Nic, List<Ipv4Address>> addresses = nic -> nic.receiver().addressesOn(nic);
    private final java.util.Random jitter;
    /** When each NIC's last frame arrives: frames from one port never overtake each other (a switch keeps their order). */
    private final java.util.Map<Nic, Long> lastArrival = new java.util.HashMap<>();

    /**
     * A segment whose frames take {@code latency} plus up to a quarter of it more, decided by a
     * random source seeded with {@code seed} (the world's): so round-trip times vary as on a real
     * LAN, and the same seed gives the same times.
     */
    public Segment(String name, List<Cidr> prefixes, long latency, Timeline timeline, Trace trace, long seed) {
        this.jitter = new java.util.Random(seed * 31 + name.hashCode());
        this.name = name;
        this.prefixes = List.copyOf(prefixes);
        this.latency = latency;
        this.timeline = timeline;
        this.trace = trace;
        this.lane = new Lane(name, LaneType.NETWORK, prefixes.stream().map(Cidr::toString).collect(Collectors.joining(" + ")));
    }

    public String name() {
        return name;
    }

    public List<Cidr> prefixes() {
        return prefixes;
    }

    public long latency() {
        return latency;
    }

    public Lane lane() {
        return lane;
    }

    public List<Nic> nics() {
        return List.copyOf(nics);
    }

    /** Plugs a NIC's cable into this segment's switch. */
    public void plug(Nic nic) {
        nics.add(nic);
        nic.plugInto(this);
    }

    /** Unplugs a NIC's cable (a port leaves a bridge, a VM's tap closes). */
    public void unplug(Nic nic) {
        nics.remove(nic);
        if (nic.segment() == this) nic.plugInto(null);
    }

    /** How to learn the addresses a NIC answers ARP for (its machine's interface addresses). */
    public void setAddressBook(Function<Nic, List<Ipv4Address>> book) {
        this.addresses = book;
    }

    /**
     * ARP: the NIC that owns {@code address} on this segment, or null if nobody answers. Behind a
     * bridge port the answer is the NIC beyond the bridge: Ethernet is addressed to the final
     * host's MAC, and the bridge forwards the frame to it.
     */
    public Nic owner(Ipv4Address address) {
        return owner(address, null);
    }

    /** ARP on this segment, not asking {@code except} (the port a bridge asks through). */
    public Nic owner(Ipv4Address address, Nic except) {
        for (Nic nic : nics) {
            if (nic != except && addresses.apply(nic).contains(address)) return nic;
        }
        for (Nic nic : List.copyOf(nics)) {
            if (nic == except) continue;
            Nic far = nic.receiver().beyond(nic, address);
            if (far != null) return far;
        }
        return null;
    }

    /** Whether {@code target} is on this segment or reachable through a bridge port on it other than {@code except}. */
    public boolean reaches(Nic target, Nic except) {
        return hopToward(target, except) != null;
    }

    /** The NIC on this segment a frame for {@code target} goes to: the target itself, or the bridge port that leads to it. */
    private Nic hopToward(Nic target, Nic sender) {
        if (nics.contains(target)) return target;
        for (Nic nic : List.copyOf(nics)) {
            if (nic != sender && nic.receiver().leadsTo(nic, target)) return nic;
        }
        return null;
    }

    /**
     * Carries a frame to its NIC: half-way along the wire the hop is recorded on this segment's
     * lane, after the whole latency the frame arrives.
     */
    void carry(Nic sender, Frame frame) {
        Nic hop = hopToward(frame.to(), sender);
        if (hop == null) return;
        long sent = timeline.now();
        long arrival = Math.max(sent + latency + (latency >= 4 ? jitter.nextInt((int) (latency / 4)) : 0),
                lastArrival.getOrDefault(sender, 0L) + 1);
        lastArrival.put(sender, arrival);
        long delay = arrival - sent;
        timeline.at(sent + delay / 2, () -> {
            long seq = trace.record(timeline.now(), lane, CpuMode.NONE, EventKind.PACKET, PacketLabel.of(frame.packet()),
                    frame.from() + " -> " + frame.to() + ", " + frame.bytes() + " bytes on the wire", frame.cause());
            Frame onWire = new Frame(frame.packet(), frame.payload(), frame.from(), frame.to(), seq < 0 ? frame.cause() : seq);
            timeline.at(sent + delay, () -> {
                if (nics.contains(hop)) hop.deliver(onWire);
            });
        });
    }
}
