package dev.syssim.sim.net.stack;

import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.net.EthernetHeader;
import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.Transport;
import dev.syssim.sim.net.link.Frame;
import dev.syssim.sim.net.link.Nic;
import dev.syssim.sim.net.link.Segment;
import dev.syssim.sim.netfilter.Chain;
import dev.syssim.sim.netfilter.Hook;
import dev.syssim.sim.netfilter.HookResult;
import dev.syssim.sim.netfilter.LogRecord;
import dev.syssim.sim.netfilter.Netfilter;
import dev.syssim.sim.netfilter.Policy;
import dev.syssim.sim.netfilter.RejectWith;
import dev.syssim.sim.netfilter.Skb;
import dev.syssim.sim.netfilter.Table;
import dev.syssim.sim.netfilter.TableKind;
import dev.syssim.sim.netfilter.TraceStep;
import dev.syssim.sim.netfilter.Verdict;
import dev.syssim.sim.netfilter.conntrack.Tracked;
import dev.syssim.sim.netfilter.nft.NftChain;
import dev.syssim.sim.netfilter.nft.NftTable;
import dev.syssim.sim.netfilter.nft.NftText;
import dev.syssim.sim.netfilter.tools.RuleText;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.ProcFs;
import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.LaneType;
import dev.syssim.sim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The IPv4 network stack of one machine (Linux's {@code net/ipv4}): its interfaces and routes,
 * whether it forwards, its netfilter state, and the three paths a packet takes through it.
 * <ul>
 *   <li>{@link #send}: a packet the machine makes (a socket's segment, an ICMP reply, a REJECT's
 *   answer) is routed, passes the OUTPUT hook, and leaves through a NIC — or loops back through
 *   {@code lo} to this machine's INPUT hook.</li>
 *   <li>a received frame: the NIC's interrupt hands it over; a packet for one of the machine's
 *   addresses passes INPUT and goes to TCP, UDP or ICMP; any other packet is forwarded (FORWARD
 *   hook) if {@code net.ipv4.ip_forward} is 1, else dropped.</li>
 *   <li>a REJECT at any hook answers the sender with a packet of this machine's own, which takes
 *   the send path (and so this machine's OUTPUT chain, where it is counted).</li>
 * </ul>
 * Each step is a trace event: the packet on the kernel's lane, each netfilter decision on the
 * hook's lane in the kernel's TRACE form, the frame on the NIC and on the segment.
 *
 * <p>The five netfilter hooks are where Linux has them: PREROUTING before the routing decision
 * (so a DNAT there changes where the packet goes), INPUT, FORWARD, OUTPUT (a DNAT there routes the
 * packet again) and POSTROUTING just before the wire (SNAT, MASQUERADE); each translation is a
 * packet event in the trace.
 *
 * <p>Simplifications a student would notice on a real machine: ARP
 * answers instantly and never appears in the trace (a neighbour that does not exist is noticed
 * after 3 s, as Linux's ARP gives up); the receive path runs entirely inside the NIC interrupt
 * (no softirq, no NAPI) on cpu0 and costs no simulated time; ICMP errors are not rate limited
 * ({@code net.ipv4.icmp_ratelimit=0}, as on the recorded oracle machines).
 */
public final class NetStack implements Nic.Receiver, dev.syssim.sim.os.NetworkNamespace {

    /** How long a packet takes to loop back through {@code lo}. */
    public static final long LOOPBACK_LATENCY = 2_000;
    /** How long ARP tries before a missing neighbour is reported (3 probes, 1 s apart). */
    public static final long NEIGHBOUR_TIMEOUT = 3_000_000_000L;

    private final Kernel kernel;
    private final Netfilter netfilter = new Netfilter();
    private final List<Interface> interfaces = new ArrayList<>();
    private final RoutingTable routes = new RoutingTable();
    private final Interface loopback;
    private final Tcp tcp;
    private final Udp udp;
    private final Pings pings;
    private final List<RawSocketState> raws = new ArrayList<>();
    private final Lane kernelLane;
    private final Map<Hook, Lane> hookLanes = new EnumMap<>(Hook.class);
    private boolean forwarding;
    private int nextId;
    private final Map<dev.syssim.sim.os.Terminal, RemoteLogin> remoteLogins = new java.util.HashMap<>();
    private long nextInode = 30_000;

    /** How a namespace's stack is named in trace lanes: empty for the machine's first, "netns N" for the others. */
    private final String label;

    private NetStack(Kernel kernel, String label) {
        this.kernel = kernel;
        this.label = label;
        this.kernelLane = kernel.kernelLane();
        for (Hook hook : Hook.values()) {
            hookLanes.put(hook, new Lane(kernel.machineName(), LaneType.FIREWALL, label.isEmpty() ? hook.name() : hook.name() + " (" + label + ")"));
        }
        this.loopback = new Interface(1, "lo", null, 65536);
        loopback.setOwner(this);
        interfaces.add(loopback);
        if (label.isEmpty()) {
            loopback.setUp(true);
            loopback.addAddress(new InterfaceAddress(Ipv4Address.LOOPBACK, 8));
        }
        this.tcp = new Tcp(this);
        this.udp = new Udp(this);
        this.pings = new Pings(this);
        this.nextId = kernel.random().nextInt(65536);
        netfilter.seedWith(kernel.random()::nextInt);
        netfilter.setClock(kernel::now);
        netfilter.setAddresses(this::isLocal, name -> {
            Interface iface = interfaceNamed(name);
            return iface == null || iface.addresses().isEmpty() ? null : iface.addresses().get(0).address();
        });
    }

    /** Gives a machine its network stack: {@code lo} up with 127.0.0.1/8, forwarding off, no rules. */
    public static NetStack attach(Kernel kernel) {
        NetStack stack = new NetStack(kernel, "");
        kernel.setNetwork(stack);
        int[] made = {0};
        kernel.setNetworkNamespaces(stack, () -> new NetStack(kernel, "netns " + ++made[0]));
        // /proc/net shows the initial namespace's lists (simplification: not per namespace)
        kernel.procNet().put("xt_recent", stack.recentFiles());
        kernel.procNet().put("ipt_hashlimit", stack.hashlimitFiles());
        kernel.procSysFiles().put("net/ipv4/ip_forward", Kernel.tunable(() -> stack.forwarding ? "1" : "0", value -> {
            if (!value.equals("0") && !value.equals("1")) return false;
            stack.forwarding = value.equals("1");
            return true;
        }));
        kernel.procSysFiles().put("net/ipv4/ip_local_port_range", Kernel.tunable(
                () -> Tcp.EPHEMERAL_LOW + "\t" + Tcp.EPHEMERAL_HIGH, value -> false));
        kernel.procSysFiles().put("net/ipv4/icmp_ratelimit", Kernel.tunable(() -> "0", value -> false));
        kernel.procSysFiles().put("net/ipv4/tcp_syn_retries", Kernel.tunable(
                () -> Integer.toString(TcpConnection.SYN_RETRIES), value -> false));
        kernel.procSysFiles().put("net/ipv4/tcp_synack_retries", Kernel.tunable(
                () -> Integer.toString(TcpConnection.SYNACK_RETRIES), value -> false));
        return stack;
    }

    /** {@code /proc/net/xt_recent}: a file per recent list, read and written as on Linux (root may write). */
    private ProcFs.NetDirectory recentFiles() {
        return new ProcFs.NetDirectory() {
            @Override
            public List<String> names() {
                return netfilter.recent().names();
            }

            @Override
            public String read(String name) {
                return netfilter.recent().read(name);
            }

            @Override
            public Errno write(String name, long offset, String data) {
                if (offset != 0) return Errno.ESPIPE;
                return netfilter.recent().write(name, data, kernel.now()) ? null : Errno.EINVAL;
            }

            @Override
            public int mode() {
                return 0644;
            }
        };
    }

    /** {@code /proc/net/ipt_hashlimit}: a read-only file per hashlimit table. */
    private ProcFs.NetDirectory hashlimitFiles() {
        return new ProcFs.NetDirectory() {
            @Override
            public List<String> names() {
                return netfilter.hashlimits().names();
            }

            @Override
            public String read(String name) {
                return netfilter.hashlimits().read(name, kernel.now());
            }

            @Override
            public Errno write(String name, long offset, String data) {
                return Errno.EIO;
            }

            @Override
            public int mode() {
                return 0444;
            }
        };
    }

    /** The stack of a machine, or null if it has none. */
    public static NetStack of(Kernel kernel) {
        return kernel.network(NetStack.class);
    }

    // ---- configuration ----

    public Kernel kernel() {
        return kernel;
    }

    public Netfilter netfilter() {
        return netfilter;
    }

    public List<Interface> interfaces() {
        return List.copyOf(interfaces);
    }

    public Interface loopback() {
        return loopback;
    }

    public Interface interfaceNamed(String name) {
        for (Interface i : interfaces) if (i.name().equals(name)) return i;
        return null;
    }

    public RoutingTable routes() {
        return routes;
    }

    public Tcp tcp() {
        return tcp;
    }

    public Udp udp() {
        return udp;
    }

    public Pings pings() {
        return pings;
    }

    public boolean forwarding() {
        return forwarding;
    }

    public void setForwarding(boolean on) {
        this.forwarding = on;
    }

    /** A new Ethernet interface {@code name} with a NIC on {@code segment}, raising {@code irq}; up. */
    public Interface addEthernet(String name, String mac, Irq irq, Segment segment) {
        Nic nic = new Nic(kernel.machineName(), name, mac, irq, this);
        Interface iface = new Interface(interfaces.size() + 1, name, nic, 1500);
        iface.setOwner(this);
        interfaces.add(iface);
        iface.setUp(true);
        kernel.addIrqLine(irq);
        segment.plug(nic);
        return iface;
    }

    /** {@code ip addr add ADDRESS/LEN dev IFACE}: the address and its connected route. */
    public void addAddress(Interface iface, Ipv4Address address, int prefixLength) {
        InterfaceAddress a = new InterfaceAddress(address, prefixLength);
        iface.addAddress(a);
        if (!iface.isLoopback() && !routes.has(a.subnet(), null)) routes.add(new Route(a.subnet(), null, iface, address, true));
    }

    /** {@code ip route add default via GATEWAY}: through the interface whose subnet holds the gateway. */
    public void addDefaultRoute(Ipv4Address gateway) {
        Route toGateway = routes.lookup(gateway);
        if (toGateway == null || !toGateway.connected()) throw new IllegalArgumentException("gateway " + gateway + " is not on a connected subnet");
        routes.add(new Route(dev.syssim.sim.net.Cidr.ANY, gateway, toGateway.device(), null, false));
    }

    /**
     * {@code ip link set IFACE up|down}. A new namespace's {@code lo} gets 127.0.0.1/8 (and ::1,
     * since IPv6 is on in a new namespace even where the machine has it off) when it comes up, as
     * Linux's inetdev does.
     */
    public void setLinkUp(Interface iface, boolean up) {
        iface.setUp(up);
        if (up && iface.isLoopback() && iface.addresses().isEmpty()) {
            iface.addAddress(new InterfaceAddress(Ipv4Address.LOOPBACK, 8));
            iface.setIpv6Loopback(!label.isEmpty());
        }
    }

    /** A network namespace made by unshare --net or ip netns add: its name in trace lanes. */
    public String label() {
        return label;
    }

    /**
     * {@code ip link add NAME type veth peer name PEER}: two interfaces joined by a virtual cable,
     * both in this namespace, down. A frame sent into one comes out of the other (no interrupt:
     * veth is software). Null if a name is taken.
     */
    public Interface addVeth(String name, String peerName) {
        if (interfaceNamed(name) != null || interfaceNamed(peerName) != null || name.equals(peerName)) return null;
        Segment cable = new Segment("veth " + name + "-" + peerName, List.of(), VETH_LATENCY, kernel.timeline(), kernel.trace(),
                kernel.random().nextLong());
        cable.setAddressBook(nic -> nic.receiver() instanceof NetStack s ? s.addressesOn(nic) : List.of());
        // the kernel registers the peer first: it gets the lower index, as ip link lists them
        Interface b = plugVeth(peerName, cable);
        Interface a = plugVeth(name, cable);
        a.setPeer(b);
        b.setPeer(a);
        return a;
    }

    /** A veth frame crosses in a few microseconds: it is a copy inside the kernel. */
    static final long VETH_LATENCY = 4_000;

    private Interface plugVeth(String name, Segment cable) {
        byte[] mac = new byte[5];
        kernel.random().nextBytes(mac);
        StringBuilder text = new StringBuilder("ae");
        for (byte b : mac) text.append(String.format(":%02x", b & 0xff));
        Nic nic = new Nic(kernel.machineName(), name, text.toString(), null, this);
        Interface iface = new Interface(nextIndex(), name, nic, 1500, LinkKind.VETH);
        iface.setOwner(this);
        interfaces.add(iface);
        cable.plug(nic);
        return iface;
    }

    private int nextIndex() {
        int max = 0;
        for (Interface i : interfaces) max = Math.max(max, i.index());
        return max + 1;
    }

    /**
     * {@code ip link set DEV netns NS}: the interface leaves this namespace for {@code target} —
     * down, without its addresses and routes, as Linux moves it — keeping its index if free there.
     */
    public void moveTo(Interface iface, NetStack target) {
        if (iface.isLoopback() || target == this) return;
        release(iface);
        interfaces.remove(iface);
        routes.removeIf(r -> r.device() == iface);
        iface.setUp(false);
        for (InterfaceAddress a : iface.addresses()) iface.removeAddress(a);
        for (Interface other : target.interfaces) {
            if (other.index() == iface.index()) {
                iface.setIndex(target.nextIndex());
                break;
            }
        }
        iface.setOwner(target);
        iface.nic().setReceiver(target);
        target.interfaces.add(iface);
    }

    /**
     * {@code ip link add NAME type bridge}: a bridge interface, down, with no ports ({@code mac}
     * null: a random locally administered address). Null if the name is taken.
     */
    public Interface addBridge(String name, String mac) {
        if (interfaceNamed(name) != null) return null;
        Nic nic = new Nic(kernel.machineName(), name, mac == null ? randomMac() : mac, null, this);
        Interface iface = new Interface(nextIndex(), name, nic, 1500, LinkKind.BRIDGE);
        iface.setOwner(this);
        iface.setBridge(new dev.syssim.sim.net.link.Bridge(nic, port -> {
            Interface p = interfaceOf(port);
            return p != null && p.isUp() && p.carrier() && iface.isUp();
        }, kernel.timeline(), kernel.trace(), kernel.random().nextLong()));
        interfaces.add(iface);
        return iface;
    }

    /**
     * {@code ip tuntap add dev NAME mode tap} (or a process's TUNSETIFF): a tap interface, down.
     * Its NIC is on a cable of its own; whoever serves the tap (QEMU: a guest's NIC) plugs into
     * that cable, which gives the tap its carrier. Simplification: on Linux the other end is the
     * file descriptor QEMU reads and writes; here the frame goes straight to the guest's NIC,
     * whose device model does QEMU's reads and writes. Null if the name is taken.
     */
    public Interface addTap(String name) {
        if (interfaceNamed(name) != null) return null;
        Segment cable = new Segment("tap " + name, List.of(), VETH_LATENCY, kernel.timeline(), kernel.trace(), kernel.random().nextLong());
        Nic nic = new Nic(kernel.machineName(), name, randomMac(), null, this);
        Interface iface = new Interface(nextIndex(), name, nic, 1500, LinkKind.TAP);
        iface.setOwner(this);
        interfaces.add(iface);
        cable.plug(nic);
        return iface;
    }

    /** {@code ip link set DEV master BRIDGE}: ENODEV-like nulls are the caller's; EOPNOTSUPP if {@code bridge} is no bridge. */
    public Errno enslave(Interface port, Interface bridge) {
        if (bridge.kind() != LinkKind.BRIDGE) return Errno.EOPNOTSUPP;
        if (port.kind() == LinkKind.BRIDGE || port.isLoopback() || port == bridge) return Errno.ELOOP;
        if (port.master() == bridge) return null;
        if (port.master() != null) release(port);
        port.setMaster(bridge);
        bridge.bridge().enslave(port.nic());
        return null;
    }

    /** {@code ip link set DEV nomaster}. */
    public void release(Interface port) {
        if (port.master() == null) return;
        port.master().bridge().release(port.nic());
        port.setMaster(null);
    }

    /** {@code ip link set DEV address MAC}. */
    public void setMac(Interface iface, String mac) {
        if (iface.nic() != null) iface.nic().setMac(mac);
    }

    /** The interface of this stack whose NIC is {@code nic}, or null. */
    public Interface interfaceOf(Nic nic) {
        for (Interface i : interfaces) if (i.nic() == nic) return i;
        return null;
    }

    /** A random locally administered unicast MAC, as the kernel's eth_random_addr gives a software device. */
    private String randomMac() {
        byte[] mac = new byte[6];
        kernel.random().nextBytes(mac);
        mac[0] = (byte) ((mac[0] & 0xfe) | 0x02);
        StringBuilder text = new StringBuilder();
        for (byte b : mac) text.append(text.length() == 0 ? "" : ":").append(String.format("%02x", b & 0xff));
        return text.toString();
    }

    /** {@code ip link del DEV}: a veth takes its peer with it; a bridge lets its ports go; a tap just goes. */
    public boolean delete(Interface iface) {
        if (iface.kind() == LinkKind.BRIDGE || iface.kind() == LinkKind.TAP) {
            if (iface.master() != null) release(iface);
            for (Interface port : List.copyOf(interfaces)) if (port.master() == iface) release(port);
            if (iface.kind() == LinkKind.TAP && iface.nic().segment() != null) iface.nic().segment().unplug(iface.nic());
            interfaces.remove(iface);
            routes.removeIf(r -> r.device() == iface);
            return true;
        }
        if (iface.isLoopback() || iface.peer() == null) return false;
        for (Interface end : List.of(iface, iface.peer())) {
            if (end.master() != null) end.owner().release(end);
            NetStack owner = end.owner();
            owner.interfaces.remove(end);
            owner.routes.removeIf(r -> r.device() == end);
        }
        return true;
    }

    /** The addresses this machine answers ARP for on a NIC. */
    public List<Ipv4Address> addressesOn(Nic nic) {
        for (Interface i : interfaces) {
            if (i.nic() == nic && i.isUp()) return i.addresses().stream().map(InterfaceAddress::address).toList();
        }
        return List.of();
    }

    /** Whether {@code address} is one of this machine's own (127.0.0.0/8 while {@code lo} is up). */
    public boolean isLocal(Ipv4Address address) {
        if (address.isLoopback()) return loopback.isUp();
        for (Interface i : interfaces) if (i.has(address)) return true;
        return false;
    }

    /**
     * The source address the kernel gives a packet to {@code destination}: the destination itself
     * if it is one of the machine's addresses, 127.0.0.1 for the rest of 127.0.0.0/8 (the
     * preferred source of the local route {@code local 127.0.0.0/8 dev lo src 127.0.0.1}), else
     * the preferred source of the route (the interface's address on that subnet). Null without a
     * route.
     */
    public Ipv4Address sourceFor(Ipv4Address destination) {
        if (destination.isLoopback() && loopback.isUp()) return Ipv4Address.LOOPBACK;
        if (isLocal(destination)) return destination;
        Route route = routes.lookup(destination);
        if (route == null) return null;
        if (route.src() != null) return route.src();
        List<InterfaceAddress> on = route.device().addresses();
        for (InterfaceAddress a : on) if (a.subnet().contains(route.gateway())) return a.address();
        return on.isEmpty() ? null : on.get(0).address();
    }

    /** A raw socket for {@code protocol} (TCP 6, ICMP 1). */
    public RawSocketState openRaw(int protocol) {
        RawSocketState raw = new RawSocketState(this, protocol, nextInode());
        raws.add(raw);
        return raw;
    }

    void closeRaw(RawSocketState raw) {
        raws.remove(raw);
    }

    /**
     * The stack of the machine that owns {@code address}, found by walking the wires: this
     * machine's segments, the machines plugged into them, their other segments, and so on.
     * Null if no machine reachable that way has it.
     */
    public NetStack locate(Ipv4Address address) {
        List<NetStack> seen = new ArrayList<>(List.of(this));
        for (int i = 0; i < seen.size(); i++) {
            NetStack stack = seen.get(i);
            if (stack.isLocal(address) && !address.isLoopback()) return stack;
            for (Interface iface : stack.interfaces) {
                if (iface.nic() == null || iface.nic().segment() == null) continue;
                for (Nic nic : iface.nic().segment().nics()) {
                    if (nic.receiver() instanceof NetStack other && !seen.contains(other)) seen.add(other);
                    dev.syssim.sim.net.link.Bridge bridge = dev.syssim.sim.net.link.Bridge.of(nic.receiver());
                    if (bridge == null) continue;
                    for (Nic host : bridge.hosts()) {
                        if (host.receiver() instanceof NetStack other && !seen.contains(other)) seen.add(other);
                    }
                }
            }
        }
        return null;
    }

    /**
     * A login on another machine that a user of this machine's terminal is typing into (ssh): the
     * remote machine's kernel, the remote terminal, the login shell and the user.
     */
    public record RemoteLogin(Kernel kernel, dev.syssim.sim.os.Terminal terminal, dev.syssim.sim.os.Process shell, String user) {
    }

    /** Notes that {@code local} (a terminal of this machine) now types into {@code login}. */
    public void startRemoteLogin(dev.syssim.sim.os.Terminal local, RemoteLogin login) {
        remoteLogins.put(local, login);
    }

    /** The remote login {@code local} types into, or null. */
    public RemoteLogin remoteLogin(dev.syssim.sim.os.Terminal local) {
        return remoteLogins.get(local);
    }

    public void endRemoteLogin(dev.syssim.sim.os.Terminal local) {
        remoteLogins.remove(local);
    }

    /** A fresh inode number for a socket ({@code socket:[30012]}). */
    public long nextInode() {
        return nextInode++;
    }

    // ---- sending ----

    /**
     * Sends a packet this machine makes: route it, pass it through OUTPUT (already tracked as
     * {@code tracked}, or tracked here if null), and put it on the wire or loop it back.
     * {@code cause} is the trace event that made it (a syscall, an arriving packet, a timer).
     */
    public Sent send(Packet packet, byte[] payload, Tracked tracked, long cause) {
        return send(packet, payload, tracked, cause, "OUTPUT");
    }

    /** As {@link #send(Packet, byte[], Tracked, long)}, with the word the trace puts before the packet ({@code retransmit}). */
    public Sent send(Packet packet, byte[] payload, Tracked tracked, long cause, String what) {
        return send(packet, payload, tracked, cause, what, Owner.NONE);
    }

    /** A packet a socket of {@code owner} sends: {@code -m owner} in OUTPUT and POSTROUTING sees who. */
    public Sent send(Packet packet, byte[] payload, Tracked tracked, long cause, String what, Owner owner) {
        boolean local = isLocal(packet.dst());
        Route route = local ? null : routes.lookup(packet.dst());
        if (!local && route == null) {
            packetEvent(what + " " + PacketLabel.of(packet), "no route to " + packet.dst() + ": Network is unreachable", cause);
            return Sent.NO_ROUTE;
        }
        Interface out = local ? loopback : route.device();
        Packet p = packet.withId(nextId++ & 0xFFFF);
        long seq = packetEvent(what + " " + PacketLabel.of(p), PacketLabel.detail(p) + ", out " + out.name(), cause);
        Skb skb = new Skb(p, Hook.OUTPUT, "", out.name(), kernel.now(), tracked, tracked == null ? null : tracked.state())
                .ownedBy(owner.uid(), owner.gid());
        HookResult result = netfilter.output(skb);
        seq = firewallEvent(result, seq);
        if (!result.verdict().accepted()) {
            answerReject(p, result, seq);
            return Sent.DROPPED;
        }
        if (!skb.packet().dst().equals(p.dst())) {
            // DNAT in OUTPUT (or REDIRECT): the packet is routed again to its new destination.
            seq = natEvent(p, skb.packet(), seq);
            local = isLocal(skb.packet().dst());
            route = local ? null : routes.lookup(skb.packet().dst());
            if (!local && route == null) return Sent.NO_ROUTE;
            out = local ? loopback : route.device();
        }
        Packet before = skb.packet();
        result = netfilter.postrouting(skb.at(Hook.POSTROUTING, "", out.name()));
        seq = firewallEvent(result, seq);
        if (!result.verdict().accepted()) return Sent.DROPPED;
        if (!skb.packet().equals(before)) seq = natEvent(before, skb.packet(), seq);
        if (local) {
            loopBack(skb.packet(), payload == null ? new byte[0] : payload, skb.tracked(), seq);
        } else {
            Ipv4Address nextHop = route.connected() ? skb.packet().dst() : route.gateway();
            transmit(out, nextHop, skb.packet(), payload, seq);
        }
        return Sent.SENT;
    }

    private void loopBack(Packet p, byte[] payload, Tracked tracked, long cause) {
        loopback.countLoopback(p.length());
        kernel.timeline().after(LOOPBACK_LATENCY, () -> {
            Packet in = p.withEthernet(EthernetHeader.LOOPBACK);
            long seq = packetEvent("lo in, INPUT: " + PacketLabel.of(in), PacketLabel.detail(in), cause);
            Skb skb = new Skb(in, Hook.PREROUTING, "lo", "", kernel.now(), tracked, tracked == null ? null : tracked.state());
            HookResult pre = netfilter.prerouting(skb);
            seq = firewallEvent(pre, seq);
            if (!pre.verdict().accepted()) return;
            HookResult result = netfilter.input(skb.at(Hook.INPUT, "lo", ""));
            afterInput(skb.packet(), payload, result, seq);
        });
    }

    private void transmit(Interface out, Ipv4Address nextHop, Packet p, byte[] payload, long cause) {
        Nic nic = out.nic();
        Nic to = nic.segment() == null ? null : nic.segment().owner(nextHop);
        if (to == null) {
            neighbourUnreachable(out, nextHop, p, cause);
            return;
        }
        long seq = cause;
        if (kernel.trace().wants(EventKind.DEVICE_REQUEST)) {
            long s = kernel.event(nic.irq() == null ? kernelLane : kernel.deviceLane(nic.irq()), CpuMode.NONE, EventKind.DEVICE_REQUEST,
                    "send frame (" + (Nic.ETHERNET_HEADER + p.length()) + " bytes)", "to " + to.mac() + " (" + nextHop + ")", cause);
            if (s != TraceEvent.NO_CAUSE) seq = s;
        }
        nic.transmit(new Frame(p, payload == null ? new byte[0] : payload, nic, to, seq));
    }

    /** Nobody answers ARP for the next hop: after ARP gives up, the sender hears "host unreachable". */
    private void neighbourUnreachable(Interface out, Ipv4Address nextHop, Packet p, long cause) {
        packetEvent("ARP: who has " + nextHop + "? (no answer on " + out.name() + ")", PacketLabel.of(p), cause);
        if (p.isIcmpError()) return;
        kernel.timeline().after(NEIGHBOUR_TIMEOUT, () -> {
            Ipv4Address from = out.addresses().isEmpty() ? p.src() : out.addresses().get(0).address();
            Packet error = Packet.icmpError(from, Icmp.DEST_UNREACH, Icmp.HOST_UNREACH, p);
            long seq = packetEvent("ARP gave up on " + nextHop + ": " + PacketLabel.of(error), "the packet is dropped; its sender is told", cause);
            send(error, null, null, seq);
        });
    }

    // ---- receiving ----

    @Override
    public void receive(Nic nic, Frame frame) {
        Interface in = null;
        for (Interface i : interfaces) if (i.nic() == nic) in = i;
        if (in == null || !in.isUp()) return;
        // a veth has no hardware and raises no interrupt: its frames arrive in software
        if (nic.irq() != null) kernel.traps().interrupt(0, nic.irq(), "frame received: " + PacketLabel.of(frame.packet()));
        Packet p = frame.packet().withEthernet(nic.headerFrom(frame.from()));
        ipReceive(in, p, frame.payload(), frame.cause());
    }

    private void ipReceive(Interface in, Packet arrived, byte[] payload, long cause) {
        Packet p = arrived;
        if (p.dst().isLoopback()) {
            // 127.0.0.0/8 never comes in on a wire: Linux drops it as a "martian destination".
            packetEvent(in.name() + " in, martian destination: dropped", PacketLabel.of(p), cause);
            return;
        }
        Skb skb = new Skb(p, Hook.PREROUTING, in.name(), "", kernel.now(), null, null);
        HookResult pre = netfilter.prerouting(skb);
        long preSeq = firewallEvent(pre, cause);
        if (!pre.verdict().accepted()) {
            answerReject(p, pre, preSeq);
            return;
        }
        if (!skb.packet().equals(p)) {
            preSeq = natEvent(p, skb.packet(), preSeq);
            p = skb.packet();
        }
        cause = preSeq;
        if (isLocal(p.dst())) {
            long seq = packetEvent(in.name() + " in, INPUT: " + PacketLabel.of(p), PacketLabel.detail(p), cause);
            HookResult result = netfilter.input(skb.at(Hook.INPUT, in.name(), ""));
            afterInput(skb.packet(), payload, result, seq);
            return;
        }
        if (!forwarding) {
            packetEvent(in.name() + " in, not for this machine: dropped", PacketLabel.of(p) + " (net.ipv4.ip_forward is 0)", cause);
            return;
        }
        Route route = routes.lookup(p.dst());
        if (route == null) {
            long seq = packetEvent(in.name() + " in, no route: " + PacketLabel.of(p), "the sender is told: net unreachable", cause);
            if (!p.isIcmpError()) send(Packet.icmpError(sourceFor(p.src()), Icmp.DEST_UNREACH, Icmp.NET_UNREACH, p), null, null, seq);
            return;
        }
        Interface out = route.device();
        long seq = packetEvent(in.name() + " in, route via " + out.name() + ": " + PacketLabel.of(p), PacketLabel.detail(p), cause);
        if (p.ttl() <= 1) {
            if (!p.isIcmpError()) send(Packet.icmpError(sourceFor(p.src()), Icmp.TIME_EXCEEDED, 0, p), null, null, seq);
            return;
        }
        HookResult result = netfilter.forward(skb.at(Hook.FORWARD, in.name(), out.name()));
        seq = firewallEvent(result, seq);
        if (!result.verdict().accepted()) {
            answerReject(p, result, seq);
            return;
        }
        skb.setPacket(skb.packet().withTtl(skb.packet().ttl() - 1).withEthernet(null));
        Packet before = skb.packet();
        result = netfilter.postrouting(skb.at(Hook.POSTROUTING, in.name(), out.name()));
        seq = firewallEvent(result, seq);
        if (!result.verdict().accepted()) return;
        if (!skb.packet().equals(before)) seq = natEvent(before, skb.packet(), seq);
        transmit(out, route.connected() ? skb.packet().dst() : route.gateway(), skb.packet(), payload, seq);
    }

    /** After the INPUT hook: deliver to the protocol, or answer a REJECT. */
    private void afterInput(Packet p, byte[] payload, HookResult result, long cause) {
        long seq = firewallEvent(result, cause);
        if (!result.verdict().accepted()) {
            answerReject(p, result, seq);
            return;
        }
        for (RawSocketState raw : List.copyOf(raws)) if (raw.protocol() == p.protocol()) raw.deliver(p);
        Transport t = p.transport();
        if (t instanceof Transport.Tcp) {
            tcp.receive(p, payload, seq);
        } else if (t instanceof Transport.Udp) {
            udp.receive(p, payload, seq);
        } else if (t instanceof Transport.Icmp icmp) {
            icmpReceive(p, icmp, payload, seq);
        }
    }

    private void icmpReceive(Packet p, Transport.Icmp icmp, byte[] payload, long cause) {
        if (icmp.type() == Icmp.ECHO_REQUEST) {
            int data = p.length() - Packet.IP_HEADER - Packet.ICMP_HEADER;
            Packet reply = Packet.icmpQuery(p.dst(), p.src(), Icmp.ECHO_REPLY, icmp.id(), icmp.sequence(), data);
            send(reply, payload, null, cause);
        } else if (icmp.type() == Icmp.ECHO_REPLY) {
            pings.reply(p, cause);
        } else if (icmp.isError()) {
            Packet quoted = icmp.quoted();
            if (quoted.transport() instanceof Transport.Tcp) tcp.icmpError(quoted, icmp.type(), icmp.code(), p.src(), cause);
            else if (quoted.transport() instanceof Transport.Udp) udp.icmpError(quoted, icmp.type(), icmp.code(), p.src(), cause);
            else if (quoted.transport() instanceof Transport.Icmp) pings.icmpError(quoted, icmp.type(), icmp.code(), p.src(), cause);
        }
    }

    /**
     * A REJECT's answer, sent by this machine: a RST from the original destination, or an ICMP
     * error from this machine (from the rejected packet's destination if that is this machine,
     * else from the address it would use towards the sender). Never a RST for a RST, never an ICMP
     * error about an ICMP error, as {@code nf_send_reset} and {@code icmp_send} refuse.
     */
    private void answerReject(Packet offending, HookResult result, long cause) {
        if (!(result.verdict() instanceof Verdict.Reject reject)) return;
        RejectWith with = reject.with();
        if (with == RejectWith.TCP_RESET) {
            if (!(offending.transport() instanceof Transport.Tcp) || offending.tcpFlags().rst()) return;
        } else if (offending.isIcmpError()) {
            return;
        }
        Ipv4Address source = isLocal(offending.dst()) ? offending.dst() : sourceFor(offending.src());
        if (source == null) return;
        Packet answer = with.replyTo(offending, source);
        send(answer, null, Tracked.relatedTo(result.tracked()), cause, "REJECT answers:");
    }

    // ---- trace ----

    /** A packet event on this machine's kernel lane; returns its seq, or {@code cause} if not recorded. */
    public long packetEvent(String label, String detail, long cause) {
        long seq = kernel.event(kernelLane, CpuMode.KERNEL, EventKind.PACKET, label, detail, cause);
        return seq == TraceEvent.NO_CAUSE ? cause : seq;
    }

    /**
     * The netfilter decision as a FIREWALL event on the hook's lane, in the kernel's TRACE form —
     * when the chain has a say (rules, or a policy other than ACCEPT). A hook whose chain is empty
     * with policy ACCEPT passes packets without a word, as a real TRACE would show only the policy.
     * The LOG lines of the walk go to the kernel log.
     */
    private long firewallEvent(HookResult result, long cause) {
        for (LogRecord log : result.logs()) kernel.log().log(log.level(), kernel.now(), log.text());
        if (!hasSay(result.hook())) return cause;
        if (!kernel.trace().wants(EventKind.FIREWALL)) return cause;
        TraceStep decided = result.decidedBy();
        StringBuilder detail = new StringBuilder(decided.verdict()).append(": ");
        if (decided.kind() == TraceStep.Kind.POLICY) {
            detail.append("no rule matched, the chain's policy decides");
        } else if (TableKind.named(decided.table()) != null) {
            Table table = netfilter.table(decided.table());
            detail.append(RuleText.of(table.chain(decided.chain()).entry(decided.number()).rule()));
        } else {
            // A native nftables table, named "inet fw" in the trace: its rule as nft prints it.
            String[] name = decided.table().split(" ", 2);
            NftTable table = netfilter.nftables().table(name[0], name[1]);
            NftChain chain = table == null ? null : table.chains().get(decided.chain());
            detail.append(chain == null || decided.number() > chain.rules().size() ? decided.chain()
                    : NftText.rule(chain.rules().get(decided.number() - 1), true));
        }
        detail.append(" (ctstate ").append(result.state()).append(")");
        if (result.steps().size() > 1) {
            detail.append("; walk:");
            for (TraceStep step : result.steps()) detail.append(' ').append(step.label()).append(';');
            detail.setLength(detail.length() - 1);
        }
        long seq = kernel.event(hookLanes.get(result.hook()), CpuMode.KERNEL, EventKind.FIREWALL, decided.kernelForm(),
                detail.toString(), cause);
        return seq == TraceEvent.NO_CAUSE ? cause : seq;
    }

    /** Whether any table has rules, or a policy other than ACCEPT, at the hook: only then is the hook traced. */
    private boolean hasSay(Hook hook) {
        if (netfilter.nftables().hooks(hook)) return true;
        for (TableKind kind : TableKind.values()) {
            Chain chain = netfilter.table(kind).builtin(hook);
            if (chain != null && (!chain.isEmpty() || chain.policy() != Policy.ACCEPT)) return true;
        }
        return false;
    }

    /** A translation by NAT, as a packet event: {@code DNAT: 203.0.113.1:8080 -> 10.84.0.10:80}. */
    private long natEvent(Packet before, Packet after, long cause) {
        String what = !before.dst().equals(after.dst()) || before.dstPort() != after.dstPort() ? "destination" : "source";
        return packetEvent("nat: " + what + " rewritten: " + PacketLabel.of(after), "was " + PacketLabel.of(before), cause);
    }

    @Override
    public String toString() {
        return "network stack of " + kernel.machineName();
    }
}
