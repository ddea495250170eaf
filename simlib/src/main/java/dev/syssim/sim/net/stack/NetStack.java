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
import dev.syssim.sim.netfilter.tools.RuleText;
import dev.syssim.sim.os.Kernel;
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
public final class NetStack implements Nic.Receiver {

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

    private NetStack(Kernel kernel) {
        this.kernel = kernel;
        this.kernelLane = kernel.kernelLane();
        for (Hook hook : Hook.values()) hookLanes.put(hook, new Lane(kernel.machineName(), LaneType.FIREWALL, hook.name()));
        this.loopback = new Interface(1, "lo", null, 65536);
        interfaces.add(loopback);
        loopback.setUp(true);
        loopback.addAddress(new InterfaceAddress(Ipv4Address.LOOPBACK, 8));
        this.tcp = new Tcp(this);
        this.udp = new Udp(this);
        this.pings = new Pings(this);
        this.nextId = kernel.random().nextInt(65536);
        netfilter.setAddresses(this::isLocal, name -> {
            Interface iface = interfaceNamed(name);
            return iface == null || iface.addresses().isEmpty() ? null : iface.addresses().get(0).address();
        });
    }

    /** Gives a machine its network stack: {@code lo} up with 127.0.0.1/8, forwarding off, no rules. */
    public static NetStack attach(Kernel kernel) {
        NetStack stack = new NetStack(kernel);
        kernel.setNetwork(stack);
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

    /** {@code ip link set IFACE up|down}. */
    public void setLinkUp(Interface iface, boolean up) {
        iface.setUp(up);
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
     * if it is local, else the preferred source of the route (the interface's address on that
     * subnet). Null without a route.
     */
    public Ipv4Address sourceFor(Ipv4Address destination) {
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
        boolean local = isLocal(packet.dst());
        Route route = local ? null : routes.lookup(packet.dst());
        if (!local && route == null) {
            packetEvent(what + " " + PacketLabel.of(packet), "no route to " + packet.dst() + ": Network is unreachable", cause);
            return Sent.NO_ROUTE;
        }
        Interface out = local ? loopback : route.device();
        Packet p = packet.withId(nextId++ & 0xFFFF);
        long seq = packetEvent(what + " " + PacketLabel.of(p), PacketLabel.detail(p) + ", out " + out.name(), cause);
        Skb skb = new Skb(p, Hook.OUTPUT, "", out.name(), kernel.now(), tracked, tracked == null ? null : tracked.state());
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
            long s = kernel.event(kernel.deviceLane(nic.irq()), CpuMode.NONE, EventKind.DEVICE_REQUEST,
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
        kernel.traps().interrupt(0, nic.irq(), "frame received: " + PacketLabel.of(frame.packet()));
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
        } else {
            Table table = netfilter.table(decided.table());
            detail.append(RuleText.of(table.chain(decided.chain()).entry(decided.number()).rule()));
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
