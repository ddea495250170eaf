package dev.syssim.sim.netfilter.nft;

import dev.syssim.sim.net.Transport;
import dev.syssim.sim.netfilter.CtState;
import dev.syssim.sim.netfilter.Hook;
import dev.syssim.sim.netfilter.KernelLogLine;
import dev.syssim.sim.netfilter.LogRecord;
import dev.syssim.sim.netfilter.RejectWith;
import dev.syssim.sim.netfilter.Skb;
import dev.syssim.sim.netfilter.Target;
import dev.syssim.sim.netfilter.TokenBucket;
import dev.syssim.sim.netfilter.TraceStep;
import dev.syssim.sim.netfilter.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The native nftables tables of one machine, in the order they were made, and their evaluation:
 * at each hook the base chains run by priority among the iptables tables (the machine's
 * {@link dev.syssim.sim.netfilter.Netfilter} interleaves them), each base chain on its own:
 * {@code accept} ends that base chain only and the packet goes on to the next one, {@code drop}
 * and {@code reject} end the packet's way, a base chain's policy decides at its end.
 */
public final class Nftables {

    /** A base chain with its table, as the hook calls it. */
    public record Base(NftTable table, NftChain chain) {
    }

    /** What one base chain did with a packet: its verdict (ACCEPT: go on), steps and log lines. */
    public record Outcome(Verdict verdict, List<TraceStep> steps, List<LogRecord> logs) {
    }

    /** The jump stack's depth, as the kernel's (NFT_JUMP_STACK_SIZE). */
    static final int MAX_DEPTH = 16;

    private final List<NftTable> tables = new ArrayList<>();
    private final Map<Hook, List<Base>> byHook = new EnumMap<>(Hook.class);

    public List<NftTable> tables() {
        return tables;
    }

    /** The table {@code family name}, or null. */
    public NftTable table(String family, String name) {
        for (NftTable t : tables) if (t.family().equals(family) && t.name().equals(name)) return t;
        return null;
    }

    public NftTable addTable(String family, String name, long handle) {
        NftTable t = new NftTable(family, name, handle);
        tables.add(t);
        return t;
    }

    public void removeTable(NftTable t) {
        tables.remove(t);
        rehook();
    }

    public void clear() {
        tables.clear();
        rehook();
    }

    /** The tables as they are now, to {@link #restore} if a batch of commands fails (nft's transactions are all or nothing). */
    public List<NftTable> snapshot() {
        List<NftTable> copy = new ArrayList<>(tables.size());
        for (NftTable t : tables) copy.add(t.copy());
        return copy;
    }

    /**
     * Back to {@code snapshot}. {@code keepHandles}: the batch reached the kernel, which does not
     * give back the handles it took before refusing, so each table keeps counting from where it is.
     */
    public void restore(List<NftTable> snapshot, boolean keepHandles) {
        if (keepHandles) {
            for (NftTable old : snapshot) {
                NftTable live = table(old.family(), old.name());
                if (live != null) old.keepCountingFrom(live);
            }
        }
        tables.clear();
        tables.addAll(snapshot);
        rehook();
    }

    /** Recomputes which base chains each hook calls, by priority (ties in the order they were made). */
    public void rehook() {
        byHook.clear();
        for (NftTable t : tables) {
            for (NftChain c : t.chains.values()) {
                if (c.isBase()) byHook.computeIfAbsent(c.hook, h -> new ArrayList<>()).add(new Base(t, c));
            }
        }
        for (List<Base> list : byHook.values()) list.sort(Comparator.comparingInt(b -> b.chain().priority));
    }

    /** The base chains at {@code hook} with a priority in [{@code low}, {@code high}). */
    public List<Base> between(Hook hook, int low, int high) {
        List<Base> all = byHook.get(hook);
        if (all == null) return List.of();
        List<Base> out = new ArrayList<>(2);
        for (Base b : all) if (b.chain().priority >= low && b.chain().priority < high) out.add(b);
        return out;
    }

    public boolean hooks(Hook hook) {
        return byHook.containsKey(hook);
    }

    // ---- evaluation ----

    /** Runs one base chain on the packet. */
    public Outcome evaluate(Base base, Skb skb) {
        NftTable table = base.table();
        List<TraceStep> steps = new ArrayList<>(2);
        List<LogRecord> logs = new ArrayList<>(0);
        NftChain[] stack = new NftChain[MAX_DEPTH + 1];
        int[] resume = new int[MAX_DEPTH + 1];
        int depth = 0;
        NftChain chain = base.chain();
        int index = 0;
        while (true) {
            if (index >= chain.rules.size()) {
                if (chain.isBase()) break;
                if (depth == 0) break;
                depth--;
                chain = stack[depth];
                index = resume[depth];
                continue;
            }
            NftRule rule = chain.rules.get(index);
            NftExpr.Verdict verdict = run(rule, skb, table, logs);
            int number = index + 1;
            index++;
            if (verdict == null) continue;
            // A native table is named with its family in a trace ("inet fw:input:rule:2"), never mistaken for iptables'.
            String name = table.family() + " " + table.name();
            switch (verdict.kind()) {
                case "accept" -> {
                    steps.add(new TraceStep(name, chain.name(), TraceStep.Kind.RULE, number, "ACCEPT"));
                    return new Outcome(Verdict.ACCEPT, steps, logs);
                }
                case "drop" -> {
                    steps.add(new TraceStep(name, chain.name(), TraceStep.Kind.RULE, number, "DROP"));
                    return new Outcome(Verdict.DROP, steps, logs);
                }
                case "reject" -> {
                    steps.add(new TraceStep(name, chain.name(), TraceStep.Kind.RULE, number, "REJECT"));
                    return new Outcome(new Verdict.Reject(rejectWith(verdict.argument())), steps, logs);
                }
                case "jump", "goto" -> {
                    NftChain target = table.chains.get(verdict.argument());
                    steps.add(new TraceStep(name, chain.name(), TraceStep.Kind.RULE, number,
                            verdict.kind().toUpperCase(java.util.Locale.ROOT) + ":" + verdict.argument()));
                    if (target == null) continue;
                    if (verdict.kind().equals("jump")) {
                        if (depth == MAX_DEPTH) return new Outcome(Verdict.DROP, steps, logs);
                        stack[depth] = chain;
                        resume[depth] = index;
                        depth++;
                    }
                    chain = target;
                    index = 0;
                }
                case "return" -> {
                    steps.add(new TraceStep(name, chain.name(), TraceStep.Kind.RULE, number, "RETURN"));
                    if (chain.isBase() || depth == 0) {
                        index = Integer.MAX_VALUE;
                        chain = base.chain();
                        index = chain.rules.size();
                        continue;
                    }
                    depth--;
                    chain = stack[depth];
                    index = resume[depth];
                }
                default -> steps.add(new TraceStep(name, chain.name(), TraceStep.Kind.RULE, number, "CONTINUE"));
            }
        }
        NftChain b = base.chain();
        String policy = b.dropPolicy ? "DROP" : "ACCEPT";
        steps.add(new TraceStep(table.family() + " " + table.name(), b.name(), TraceStep.Kind.POLICY, b.rules.size() + 1, policy));
        return new Outcome(b.dropPolicy ? Verdict.DROP : Verdict.ACCEPT, steps, logs);
    }

    private static RejectWith rejectWith(String argument) {
        if (argument == null) return RejectWith.ICMP_PORT_UNREACHABLE;
        return switch (argument) {
            case "tcp reset" -> RejectWith.TCP_RESET;
            case "icmp host-unreachable", "icmpx host-unreachable", "icmpx no-route" -> RejectWith.ICMP_HOST_UNREACHABLE;
            case "icmp net-unreachable" -> RejectWith.ICMP_NET_UNREACHABLE;
            case "icmp prot-unreachable" -> RejectWith.ICMP_PROTO_UNREACHABLE;
            case "icmp net-prohibited" -> RejectWith.ICMP_NET_PROHIBITED;
            case "icmp host-prohibited" -> RejectWith.ICMP_HOST_PROHIBITED;
            case "icmp admin-prohibited", "icmpx admin-prohibited" -> RejectWith.ICMP_ADMIN_PROHIBITED;
            default -> RejectWith.ICMP_PORT_UNREACHABLE;
        };
    }

    /** One rule: its matches and statements in order; the verdict if it reached one, else null. */
    private static NftExpr.Verdict run(NftRule rule, Skb skb, NftTable table, List<LogRecord> logs) {
        for (NftExpr e : rule.exprs()) {
            if (e instanceof NftExpr.Match m) {
                if (!matches(m, skb, table)) return null;
            } else if (e instanceof NftExpr.Counter c) {
                c.packets++;
                c.bytes += skb.packet().length();
            } else if (e instanceof NftExpr.Limit l) {
                if (l.bucket == null) l.bucket = TokenBucket.nanos(l.unitSeconds * 1_000_000_000L / l.rate, l.burst, skb.now());
                boolean credit = l.bucket.take(skb.now());
                if (credit == l.over) return null;
            } else if (e instanceof NftExpr.Log log) {
                int level = log.syslogLevel();
                logs.add(new LogRecord(level, KernelLogLine.format(new Target.Log(level, log.prefix() == null ? "" : log.prefix(), 0),
                        skb.in(), skb.out(), skb.packet())));
            } else if (e instanceof NftExpr.Verdict v) {
                return v;
            } else if (e instanceof NftExpr.Vmap map) {
                long value = fieldValue(map.field(), skb);
                return value < 0 ? null : map.lookup(value);
            }
        }
        return null;
    }

    static boolean matches(NftExpr.Match m, Skb skb, NftTable table) {
        var p = skb.packet();
        boolean result;
        NftExpr.Field f = m.field();
        if (f.isInterface()) {
            String name = f == NftExpr.Field.IIF || f == NftExpr.Field.IIFNAME ? skb.in() : skb.out();
            result = false;
            for (String n : m.names()) {
                // "eth*" (iifname/oifname only) matches every name it starts.
                if (n.endsWith("*") ? name.startsWith(n.substring(0, n.length() - 1)) : n.equals(name)) result = true;
            }
        } else {
            long value = fieldValue(f, skb);
            // A port of another protocol, an ICMP type of no ICMP packet: nft's hidden dependency fails.
            if (value < 0) return false;
            if (m.setName() != null) {
                NftSet set = table.sets.get(m.setName());
                result = set != null && set.contains(value, skb.now());
            } else if (f == NftExpr.Field.CT_STATE) {
                long bits = 0;
                for (long[] r : m.ranges()) bits |= r[0];
                result = (bits & value) != 0;
            } else {
                result = false;
                for (long[] r : m.ranges()) {
                    if (value >= r[0] && value <= r[1]) {
                        result = true;
                        break;
                    }
                }
            }
        }
        return result != m.negated();
    }

    /** The value of {@code f} (not an interface) in the packet; -1 where the packet has no such field. */
    static long fieldValue(NftExpr.Field f, Skb skb) {
        var p = skb.packet();
        return switch (f) {
            case IP_SADDR -> Integer.toUnsignedLong(p.src().bits());
            case IP_DADDR -> Integer.toUnsignedLong(p.dst().bits());
            case IP_PROTOCOL, L4PROTO -> p.protocol();
            case CT_STATE -> stateBit(skb.state());
            case ICMP_TYPE -> p.transport() instanceof Transport.Icmp icmp ? icmp.type() : -1;
            case IIF, OIF, IIFNAME, OIFNAME -> -1;
            default -> p.protocol() != f.protocol() ? -1
                    : f == NftExpr.Field.TCP_SPORT || f == NftExpr.Field.UDP_SPORT ? p.srcPort() : p.dstPort();
        };
    }

    /** The kernel's ct state bits: invalid 1, established 2, related 4, new 8, untracked 64. */
    static long stateBit(CtState state) {
        return switch (state) {
            case INVALID -> 1;
            case ESTABLISHED -> 2;
            case RELATED -> 4;
            case NEW, SNAT, DNAT -> 8;
            case UNTRACKED -> 64;
        };
    }
}
