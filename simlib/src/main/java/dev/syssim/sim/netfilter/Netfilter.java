package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.netfilter.conntrack.Conntrack;
import dev.syssim.sim.netfilter.conntrack.Tracked;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The netfilter state of one machine — its tables (raw, mangle, nat, filter, security), its
 * connection-tracking table, the lists of {@code -m recent} and the buckets of {@code -m hashlimit}
 * — and the five hooks a packet meets them at. At each hook the tables run in Linux's order
 * (priority): raw, then connection tracking, mangle, nat's destination half, filter, security,
 * nat's source half; the first table that does not accept the packet decides. The network stack
 * calls, for a packet that arrives, {@link #prerouting} then {@link #input} or {@link #forward}
 * and {@link #postrouting}; for a packet it sends, {@link #output} then {@link #postrouting}.
 *
 * <p>A new connection is confirmed when its first packet has passed the last hook on the machine
 * (POSTROUTING, or INPUT). A packet that already has a {@link Tracked} handle on this machine (one
 * sent to itself over {@code lo}, or the RST or ICMP error a REJECT generates, see
 * {@link Tracked#relatedTo}) is passed with it instead of tracked again. A table whose chain at a
 * hook is empty with policy ACCEPT lets packets by without a trace step (its policy still counts
 * them); the filter table always shows its walk. All state hangs off this object.
 */
public final class Netfilter {

    private final Map<TableKind, Table> tables = new EnumMap<>(TableKind.class);
    private final Conntrack conntrack = new Conntrack();
    private final RecentLists recent = new RecentLists();
    private final Hashlimits hashlimits = new Hashlimits();
    private Predicate<Ipv4Address> localAddress = Ipv4Address::isLoopback;
    private Function<String, Ipv4Address> interfaceAddress = name -> name.equals("lo") ? Ipv4Address.LOOPBACK : null;

    public Netfilter() {
        for (TableKind kind : TableKind.values()) tables.put(kind, new Table(kind));
    }

    public Table filter() {
        return tables.get(TableKind.FILTER);
    }

    public Table table(TableKind kind) {
        return tables.get(kind);
    }

    /** The table called {@code name} ({@code nat}), or null. */
    public Table table(String name) {
        TableKind kind = TableKind.named(name);
        return kind == null ? null : tables.get(kind);
    }

    public Conntrack conntrack() {
        return conntrack;
    }

    public RecentLists recent() {
        return recent;
    }

    public Hashlimits hashlimits() {
        return hashlimits;
    }

    /** How the machine tells its own addresses ({@code -m addrtype LOCAL}) and an interface's address (MASQUERADE, REDIRECT). */
    public void setAddresses(Predicate<Ipv4Address> local, Function<String, Ipv4Address> ofInterface) {
        this.localAddress = local;
        this.interfaceAddress = ofInterface;
    }

    boolean isLocal(Ipv4Address address) {
        return localAddress.test(address);
    }

    Ipv4Address addressOf(String iface) {
        return iface == null || iface.isEmpty() ? null : interfaceAddress.apply(iface);
    }

    // ---- the hooks ----

    /** PREROUTING: raw, connection tracking (unless already tracked), mangle, nat's destination half. */
    public HookResult prerouting(Skb skb) {
        skb.on(this);
        Walk walk = new Walk(skb);
        if (!walk.table(TableKind.RAW)) return walk.result();
        if (skb.tracked() == null) skb.setTracked(conntrack.track(skb.packet(), skb.now()));
        if (walk.table(TableKind.MANGLE)) walk.nat();
        return walk.result();
    }

    /** INPUT: mangle, filter, security, nat's source half; a new connection is confirmed if all accept. */
    public HookResult input(Skb skb) {
        skb.on(this);
        Walk walk = new Walk(skb);
        boolean accepted = walk.table(TableKind.MANGLE) && walk.table(TableKind.FILTER) && walk.table(TableKind.SECURITY)
                && walk.nat();
        if (accepted) conntrack.confirm(skb.tracked());
        return walk.result();
    }

    /** FORWARD: mangle, filter, security. */
    public HookResult forward(Skb skb) {
        skb.on(this);
        Walk walk = new Walk(skb);
        if (walk.table(TableKind.MANGLE) && walk.table(TableKind.FILTER)) walk.table(TableKind.SECURITY);
        return walk.result();
    }

    /** OUTPUT: raw, connection tracking (unless already tracked), mangle, nat's destination half, filter, security. */
    public HookResult output(Skb skb) {
        skb.on(this);
        Walk walk = new Walk(skb);
        if (!walk.table(TableKind.RAW)) return walk.result();
        if (skb.tracked() == null) skb.setTracked(conntrack.track(skb.packet(), skb.now()));
        if (walk.table(TableKind.MANGLE) && walk.nat() && walk.table(TableKind.FILTER)) walk.table(TableKind.SECURITY);
        return walk.result();
    }

    /** POSTROUTING: mangle, nat's source half; a new connection is confirmed if both accept. */
    public HookResult postrouting(Skb skb) {
        skb.on(this);
        Walk walk = new Walk(skb);
        if (walk.table(TableKind.MANGLE) && walk.nat()) conntrack.confirm(skb.tracked());
        return walk.result();
    }

    // ---- the filter-only shortcuts (tests, benchmarks, the engine without a network) ----

    /** A packet for this machine arriving on interface {@code in} at simulated time {@code now} (ns): conntrack, then INPUT. */
    public HookResult input(Packet packet, String in, long now) {
        return input(packet, in, conntrack.track(packet, now), now);
    }

    /** The INPUT hook for a packet this machine has tracked already (it sent it to itself). */
    public HookResult input(Packet packet, String in, Tracked tracked) {
        return input(packet, in, tracked, 0);
    }

    private HookResult input(Packet packet, String in, Tracked tracked, long now) {
        Skb skb = new Skb(packet, Hook.INPUT, in, "", now, tracked, tracked.state());
        return input(skb).withTracked(skb.tracked());
    }

    /** A packet routed through this machine from interface {@code in} to {@code out}: conntrack, FORWARD, and confirmed if accepted. */
    public HookResult forward(Packet packet, String in, String out, long now) {
        Tracked tracked = conntrack.track(packet, now);
        Skb skb = new Skb(packet, Hook.FORWARD, in, out, now, tracked, tracked.state());
        HookResult result = forward(skb);
        if (result.verdict().accepted()) conntrack.confirm(tracked);
        return result.withTracked(tracked);
    }

    /** A packet this machine sends out of interface {@code out}: conntrack, then OUTPUT, confirmed if accepted. */
    public HookResult output(Packet packet, String out, long now) {
        Skb skb = new Skb(packet, Hook.OUTPUT, "", out, now, null, CtState.NEW);
        HookResult result = output(skb);
        if (result.verdict().accepted()) conntrack.confirm(skb.tracked());
        return result.withTracked(skb.tracked());
    }

    /** The OUTPUT hook for a generated packet already tracked, e.g. {@code Tracked.relatedTo(rejected)}. */
    public HookResult output(Packet packet, String out, Tracked tracked) {
        Skb skb = new Skb(packet, Hook.OUTPUT, "", out, 0, tracked, tracked.state());
        HookResult result = output(skb);
        if (result.verdict().accepted()) conntrack.confirm(tracked);
        return result.withTracked(tracked);
    }

    /** One packet's way through the tables of one hook: their steps and logs, until one does not accept. */
    private final class Walk {
        private final Skb skb;
        private final List<TraceStep> steps = new ArrayList<>(4);
        private final List<LogRecord> logs = new ArrayList<>(0);
        private Verdict verdict = Verdict.ACCEPT;

        Walk(Skb skb) {
            this.skb = skb;
        }

        /** Runs one table if it has this hook; false if it did not accept the packet. */
        boolean table(TableKind kind) {
            Table table = tables.get(kind);
            Chain chain = table.builtin(skb.hook());
            if (chain == null) return true;
            if (kind != TableKind.FILTER && chain.isEmpty() && chain.policy() == Policy.ACCEPT) {
                chain.policyCounters().count(skb.packet().length());
                return true;
            }
            HookResult result = table.evaluate(skb);
            steps.addAll(result.steps());
            logs.addAll(result.logs());
            verdict = result.verdict();
            return verdict.accepted();
        }

        /** The nat table, for a connection's first packet, then the translation every packet of it gets. */
        boolean nat() {
            if (!tables.get(TableKind.NAT).kind().hooks().contains(skb.hook())) return true;
            if (Nat.undecided(skb)) {
                if (!table(TableKind.NAT)) return false;
                Nat.nullBinding(skb);
            }
            Nat.apply(skb);
            return true;
        }

        HookResult result() {
            if (steps.isEmpty()) {
                // No table had a say: the filter table's empty chain (or none at this hook) passes it.
                Chain chain = tables.get(TableKind.FILTER).builtin(skb.hook());
                String chainName = chain != null ? chain.name() : skb.hook().chainName();
                steps.add(new TraceStep(chain != null ? "filter" : "mangle", chainName, TraceStep.Kind.POLICY,
                        chain != null ? chain.size() + 1 : 1, "ACCEPT"));
            }
            return new HookResult(skb.hook(), verdict, skb.state(), steps, logs, skb.tracked());
        }
    }
}
