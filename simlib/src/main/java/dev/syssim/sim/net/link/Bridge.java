package dev.syssim.sim.net.link;

import dev.syssim.sim.hw.Timeline;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Linux bridge ({@code net/bridge}): a software switch inside a machine. Its ports are
 * interfaces of the machine (a veth end, a tap, a NIC) whose frames the bridge forwards to the
 * port that leads to their destination instead of handing them to the machine's stack; the
 * bridge's own interface ({@code br0}, {@code virbr0}, {@code docker0}) is the machine's port on
 * the switch, so an address on it makes the machine a host of that LAN (and its router, when it
 * forwards).
 *
 * <p>Inside, the switch is a {@link Segment} named after the bridge (so bridged frames appear on
 * a lane of their own in the trace) into which the bridge's own NIC and one side of each port are
 * plugged. Simplifications: no MAC learning, no flooding, no STP (the bridge knows at once which
 * port leads to a NIC, as the segments know who owns an address); ports forward as soon as they
 * are up with a carrier ({@code stp_state 0}); bridged frames do not pass iptables
 * ({@code nf_call_iptables 0}, as without {@code br_netfilter}); routed ones do, at the bridge's
 * own interface.
 */
public final class Bridge {

    /** What crossing the switch costs: a copy in the kernel, 1 µs. */
    public static final long LATENCY = 1_000;

    private final Segment fabric;
    private final Nic self;
    private final Predicate<Nic> forwarding;
    private final Map<Nic, Port> ports = new LinkedHashMap<>();

    /**
     * A bridge whose own NIC is {@code self} (its receiver is the machine's stack); a port forwards
     * while {@code forwarding} says so of its NIC (the port's interface is up, as is the bridge).
     */
    public Bridge(Nic self, Predicate<Nic> forwarding, Timeline timeline, Trace trace, long seed) {
        this.self = self;
        this.forwarding = forwarding;
        this.fabric = new Segment(self.name(), List.of(), LATENCY, timeline, trace, seed);
        fabric.plug(self);
    }

    /** The bridge's own NIC: the machine's side of the switch. */
    public Nic self() {
        return self;
    }

    /** The port NICs, in the order they were added (port_no 1, 2, ...). */
    public List<Nic> ports() {
        return List.copyOf(ports.keySet());
    }

    /** {@code ip link set DEV master BRIDGE}: the NIC's frames now go to the bridge. */
    public void enslave(Nic nic) {
        if (ports.containsKey(nic)) return;
        Port port = new Port(nic, nic.receiver());
        ports.put(nic, port);
        nic.setReceiver(port.outer);
        fabric.plug(port.inner);
    }

    /** {@code ip link set DEV nomaster} (or the bridge is deleted): the NIC belongs to its machine again. */
    public void release(Nic nic) {
        Port port = ports.remove(nic);
        if (port == null) return;
        nic.setReceiver(port.machine);
        fabric.unplug(port.inner);
    }

    /** The NICs on the far side of every port and the bridge's own: whom this bridge connects. */
    public List<Nic> hosts() {
        List<Nic> out = new ArrayList<>(List.of(self));
        for (Port p : ports.values()) {
            if (p.nic.segment() == null) continue;
            for (Nic n : p.nic.segment().nics()) if (n != p.nic) out.add(n);
        }
        return out;
    }

    /** The bridge {@code receiver} is a side of (a port's NIC, or its twin on the switch), or null. */
    public static Bridge of(Nic.Receiver receiver) {
        return receiver instanceof Side side ? side.bridge() : null;
    }

    /** Either side of a port. */
    private interface Side extends Nic.Receiver {
        Bridge bridge();
    }

    /** One port: the NIC on its cable (outer side) and its twin on the switch (inner side). */
    private final class Port {
        final Nic nic;
        final Nic.Receiver machine;
        final Outer outer = new Outer();
        final Nic inner;

        Port(Nic nic, Nic.Receiver machine) {
            this.nic = nic;
            this.machine = machine;
            this.inner = new Nic(nic.machine(), nic.name(), nic.mac(), null, new Inner());
        }

        /** The port as its cable sees it: frames from the cable go into the switch. */
        final class Outer implements Side {
            @Override
            public Bridge bridge() {
                return Bridge.this;
            }

            @Override
            public void receive(Nic at, Frame frame) {
                if (forwarding.test(nic)) inner.transmit(frame);
            }

            @Override
            public Nic beyond(Nic at, Ipv4Address address) {
                return forwarding.test(nic) ? fabric.owner(address, inner) : null;
            }

            @Override
            public boolean leadsTo(Nic at, Nic target) {
                return forwarding.test(nic) && fabric.reaches(target, inner);
            }
        }

        /** The port as the switch sees it: frames from the switch go out on the cable. */
        final class Inner implements Side {
            @Override
            public Bridge bridge() {
                return Bridge.this;
            }

            @Override
            public void receive(Nic at, Frame frame) {
                if (forwarding.test(nic)) nic.transmit(frame);
            }

            @Override
            public Nic beyond(Nic at, Ipv4Address address) {
                return forwarding.test(nic) && nic.segment() != null ? nic.segment().owner(address, nic) : null;
            }

            @Override
            public boolean leadsTo(Nic at, Nic target) {
                return forwarding.test(nic) && nic.segment() != null && nic.segment().reaches(target, nic);
            }
        }
    }

    @Override
    public String toString() {
        return "bridge " + self.name();
    }
}
