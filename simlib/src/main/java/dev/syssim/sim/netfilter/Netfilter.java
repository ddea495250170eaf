package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.netfilter.conntrack.Conntrack;
import dev.syssim.sim.netfilter.conntrack.Tracked;
import dev.syssim.sim.netfilter.ipset.IpSets;
import dev.syssim.sim.netfilter.nft.Nftables;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
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

    /** The priorities at which the iptables tables and connection tracking register (the kernel's NF_IP_PRI_*). */
    private static final int MIN = Integer.MIN_VALUE;
    private static final int RAW = -300;
    private static final int CONNTRACK = -200;
    private static final int MANGLE = -150;
    private static final int DSTNAT = -100;
    private static final int FILTER = 0;
    private static final int SECURITY = 50;
    private static final int SRCNAT = 100;
    private static final int MAX = Integer.MAX_VALUE;

    private final Map<TableKind, Table> tables = new EnumMap<>(TableKind.class);
    private final Nftables nftables = new Nftables();
    private final Conntrack conntrack = new Conntrack();
    /** Seeded like everything in the simulation; the machine's network stack reseeds them from the kernel's generator. */
    private final RecentLists recent = new RecentLists(new java.util.Random(0)::nextInt);
    private final Hashlimits hashlimits = new Hashlimits(new java.util.Random(1)::nextInt);
    private final IpSets ipsets = new IpSets(new java.util.Random(2)::nextInt);
    private LongSupplier clock = () -> 0;
    /** The handles of tables, iptables-nft's and nft's alike: the kernel numbers them in one sequence. */
    private long tableHandles;
    private Predicate<Ipv4Address> localAddress = Ipv4Address::isLoopback;
    private Function<String, Ipv4Address> interfaceAddress = name -> name.equals("lo") ? Ipv4Address.LOOPBACK : null;

    public Netfilter() {
        for (TableKind kind : TableKind.values()) {
            Table table = new Table(kind);
            table.onRulesChanged(this::rulesChanged);
            table.handlesFrom(this::nextTableHandle);
            tables.put(kind, table);
        }
        ipsets.countReferencesWith(this::setReferences);
    }

    /** Where the random seeds of the kernel's hash tables come from: the machine's seeded generator. */
    public void seedWith(IntSupplier seeds) {
        recent.seedWith(seeds);
        hashlimits.seedWith(seeds);
        ipsets.seedWith(seeds);
    }

    /** The machine's clock (simulated ns), for state that rules create when they are added. */
    public void setClock(LongSupplier now) {
        this.clock = now;
    }

    /**
     * After a change of the rules: the recent lists and hashlimit tables the rules name exist (a
     * new one made as the rule is added, with its /proc file), those no rule names any more go —
     * as the kernel's checkentry and destroy functions do.
     */
    private void rulesChanged() {
        Map<String, Integer> lists = new java.util.TreeMap<>();
        Map<String, HashlimitMatch> limits = new java.util.TreeMap<>();
        for (Table table : tables.values()) {
            for (Chain chain : table.chains()) {
                for (RuleEntry entry : chain.entryArray()) {
                    for (Match match : entry.rule().matches()) {
                        if (match instanceof RecentMatch m) lists.merge(m.listName(), m.hitCount(), Math::max);
                        if (match instanceof HashlimitMatch m) limits.putIfAbsent(m.tableName(), m);
                    }
                }
            }
        }
        recent.keep(lists);
        hashlimits.keep(limits, clock.getAsLong());
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

    public IpSets ipsets() {
        return ipsets;
    }

    /** The next table handle (the kernel's per-namespace sequence). */
    public long nextTableHandle() {
        return ++tableHandles;
    }

    /** The native nftables tables ({@code nft add table ...}). */
    public Nftables nftables() {
        return nftables;
    }

    /** How many rules of all tables test the ipset {@code name} ({@code References:} of {@code ipset list}). */
    private int setReferences(String name) {
        int count = 0;
        for (Table table : tables.values()) {
            for (Chain chain : table.chains()) {
                for (RuleEntry entry : chain.entryArray()) {
                    for (Match match : entry.rule().matches()) {
                        if (match instanceof SetMatch set && set.setName().equals(name)) count++;
                    }
                }
            }
        }
        return count;
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
        if (!walk.nft(MIN, RAW) || !walk.table(TableKind.RAW) || !walk.nft(RAW, CONNTRACK)) return walk.result();
        if (skb.tracked() == null) skb.setTracked(conntrack.track(skb.packet(), skb.now()));
        if (walk.nft(CONNTRACK, MANGLE) && walk.table(TableKind.MANGLE) && walk.nft(MANGLE, DSTNAT) && walk.nat()) {
            walk.nft(DSTNAT, MAX);
        }
        return walk.result();
    }

    /** INPUT: mangle, filter, security, nat's source half; a new connection is confirmed if all accept. */
    public HookResult input(Skb skb) {
        skb.on(this);
        Walk walk = new Walk(skb);
        boolean accepted = walk.nft(MIN, MANGLE) && walk.table(TableKind.MANGLE) && walk.nft(MANGLE, FILTER)
                && walk.table(TableKind.FILTER) && walk.nft(FILTER, SECURITY) && walk.table(TableKind.SECURITY)
                && walk.nft(SECURITY, SRCNAT) && walk.nat() && walk.nft(SRCNAT, MAX);
        if (accepted) conntrack.confirm(skb.tracked());
        return walk.result();
    }

    /** FORWARD: mangle, filter, security. */
    public HookResult forward(Skb skb) {
        skb.on(this);
        Walk walk = new Walk(skb);
        if (walk.nft(MIN, MANGLE) && walk.table(TableKind.MANGLE) && walk.nft(MANGLE, FILTER) && walk.table(TableKind.FILTER)
                && walk.nft(FILTER, SECURITY) && walk.table(TableKind.SECURITY)) {
            walk.nft(SECURITY, MAX);
        }
        return walk.result();
    }

    /** OUTPUT: raw, connection tracking (unless already tracked), mangle, nat's destination half, filter, security. */
    public HookResult output(Skb skb) {
        skb.on(this);
        Walk walk = new Walk(skb);
        if (!walk.nft(MIN, RAW) || !walk.table(TableKind.RAW) || !walk.nft(RAW, CONNTRACK)) return walk.result();
        if (skb.tracked() == null) skb.setTracked(conntrack.track(skb.packet(), skb.now()));
        if (walk.nft(CONNTRACK, MANGLE) && walk.table(TableKind.MANGLE) && walk.nft(MANGLE, DSTNAT) && walk.nat()
                && walk.nft(DSTNAT, FILTER) && walk.table(TableKind.FILTER) && walk.nft(FILTER, SECURITY)
                && walk.table(TableKind.SECURITY)) {
            walk.nft(SECURITY, MAX);
        }
        return walk.result();
    }

    /** POSTROUTING: mangle, nat's source half; a new connection is confirmed if both accept. */
    public HookResult postrouting(Skb skb) {
        skb.on(this);
        Walk walk = new Walk(skb);
        if (walk.nft(MIN, MANGLE) && walk.table(TableKind.MANGLE) && walk.nft(MANGLE, SRCNAT) && walk.nat()
                && walk.nft(SRCNAT, MAX)) {
            conntrack.confirm(skb.tracked());
        }
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
        /** The steps so far: a table's own (immutable) list while only one table had a say, copied when a second adds. */
        private List<TraceStep> steps = List.of();
        private List<LogRecord> logs = List.of();
        private Verdict verdict = Verdict.ACCEPT;

        Walk(Skb skb) {
            this.skb = skb;
        }

        /**
         * The native nftables base chains of this hook with a priority in [{@code low},
         * {@code high}), each on its own; false if one dropped or rejected the packet.
         */
        boolean nft(int low, int high) {
            if (!nftables.hooks(skb.hook())) return true;
            for (Nftables.Base base : nftables.between(skb.hook(), low, high)) {
                Nftables.Outcome outcome = nftables.evaluate(base, skb);
                steps = joined(steps, outcome.steps());
                logs = joined(logs, outcome.logs());
                verdict = outcome.verdict();
                if (!verdict.accepted()) return false;
            }
            return true;
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
            steps = joined(steps, result.steps());
            logs = joined(logs, result.logs());
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

        private static <T> List<T> joined(List<T> so, List<T> more) {
            if (more.isEmpty()) return so;
            if (so.isEmpty()) return more;
            List<T> all = new ArrayList<>(so.size() + more.size());
            all.addAll(so);
            all.addAll(more);
            return all;
        }

        HookResult result() {
            if (steps.isEmpty()) {
                // No table had a say: the filter table's empty chain (or none at this hook) passes it.
                Chain chain = tables.get(TableKind.FILTER).builtin(skb.hook());
                String chainName = chain != null ? chain.name() : skb.hook().chainName();
                steps = List.of(new TraceStep(chain != null ? "filter" : "mangle", chainName, TraceStep.Kind.POLICY,
                        chain != null ? chain.size() + 1 : 1, "ACCEPT"));
            }
            return new HookResult(skb.hook(), verdict, skb.state(), steps, logs, skb.tracked());
        }
    }
}
