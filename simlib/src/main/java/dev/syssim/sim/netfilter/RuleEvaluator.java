package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a packet through one table from the built-in chain of a hook, the way
 * {@code ipt_do_table} does: rules in order, the first terminating target wins, LOG, MARK,
 * CONNMARK, TTL, CT and rules without target go on, a jump pushes a return point (a goto does not),
 * RETURN or the end of a user chain pops it, and at the end of a built-in chain its policy decides.
 * A NAT target hands the connection to {@link Nat} and accepts. Every matching rule counts the
 * packet; the policy counts what it decides.
 */
final class RuleEvaluator {

    /** The kernel's jump stack depth (NFT_JUMP_STACK_SIZE); deeper nesting is refused on insertion. */
    static final int MAX_DEPTH = 16;

    private final Table table;

    RuleEvaluator(Table table) {
        this.table = table;
    }

    HookResult evaluate(Skb skb) {
        Hook hook = skb.hook();
        String tableName = table.name();
        Chain base = table.builtin(hook);
        Chain[] returnChains = new Chain[MAX_DEPTH + 1];
        int[] returnIndexes = new int[MAX_DEPTH + 1];
        int depth = 0;
        List<TraceStep> steps = new ArrayList<>(4);
        List<LogRecord> logs = List.of();

        Chain chain = base;
        CompiledRule[] entries = chain.compiledRules();
        int index = 0;
        while (true) {
            if (index >= entries.length) {
                if (chain.isBuiltin()) break;
                // The end of a user chain: back to the rule after the jump (or, after a goto, further up).
                steps.add(new TraceStep(tableName, chain.name(), TraceStep.Kind.RETURN, entries.length + 1, "RETURN"));
                if (depth == 0) break;
                depth--;
                chain = returnChains[depth];
                entries = chain.compiledRules();
                index = returnIndexes[depth];
                continue;
            }
            CompiledRule rule = entries[index];
            Packet packet = skb.packet();
            if (!rule.matches(packet.src().bits(), packet.dst().bits(), packet.protocol(), skb.in(), skb.out(), skb)) {
                index++;
                continue;
            }
            rule.entry.counters().count(packet.length());
            int number = index + 1;
            Target target = rule.target;
            if (target instanceof Target.Accept) {
                steps.add(step(tableName, chain, number, "ACCEPT"));
                return result(hook, Verdict.ACCEPT, skb, steps, logs);
            } else if (target instanceof Target.Drop) {
                steps.add(step(tableName, chain, number, "DROP"));
                return result(hook, Verdict.DROP, skb, steps, logs);
            } else if (target instanceof Target.Reject reject) {
                steps.add(step(tableName, chain, number, "REJECT"));
                return result(hook, new Verdict.Reject(reject.with()), skb, steps, logs);
            } else if (target instanceof Target.Dnat || target instanceof Target.Snat
                    || target instanceof Target.Masquerade || target instanceof Target.Redirect) {
                String how = skb.netfilter() == null ? target.name() : Nat.bind(skb, target);
                steps.add(step(tableName, chain, number, how));
                return result(hook, Verdict.ACCEPT, skb, steps, logs);
            } else if (target instanceof Target.Log log) {
                steps.add(step(tableName, chain, number, "LOG"));
                if (logs.isEmpty()) logs = new ArrayList<>(2);
                logs.add(new LogRecord(log.level(), KernelLogLine.format(log, skb.in(), skb.out(), packet)));
                index++;
            } else if (target instanceof Target.None) {
                steps.add(step(tableName, chain, number, "CONTINUE"));
                index++;
            } else if (target instanceof Target.Mark mark) {
                skb.setMark((skb.mark() & ~mark.mask()) ^ mark.value());
                steps.add(step(tableName, chain, number, "MARK 0x" + Integer.toHexString(skb.mark())));
                index++;
            } else if (target instanceof Target.Connmark connmark) {
                Marks.connmark(skb, connmark);
                steps.add(step(tableName, chain, number, "CONNMARK"));
                index++;
            } else if (target instanceof Target.Ttl ttl) {
                Marks.ttl(skb, ttl);
                steps.add(step(tableName, chain, number, "TTL " + skb.packet().ttl()));
                index++;
            } else if (target instanceof Target.Ct ct) {
                if (ct.notrack()) skb.setTracked(dev.syssim.sim.netfilter.conntrack.Tracked.UNTRACKED);
                steps.add(step(tableName, chain, number, ct.notrack() ? "NOTRACK" : "CT"));
                index++;
            } else if (target instanceof Target.Return) {
                steps.add(step(tableName, chain, number, "RETURN"));
                // RETURN in a built-in chain, or with nothing to return to, ends at the policy.
                if (chain.isBuiltin() || depth == 0) break;
                depth--;
                chain = returnChains[depth];
                entries = chain.compiledRules();
                index = returnIndexes[depth];
            } else if (target instanceof Target.Jump jump) {
                steps.add(step(tableName, chain, number, "JUMP:" + jump.chain()));
                returnChains[depth] = chain;
                returnIndexes[depth] = index + 1;
                depth++;
                chain = table.chain(jump.chain());
                entries = chain.compiledRules();
                index = 0;
            } else if (target instanceof Target.Goto jump) {
                steps.add(step(tableName, chain, number, "GOTO:" + jump.chain()));
                chain = table.chain(jump.chain());
                entries = chain.compiledRules();
                index = 0;
            }
        }
        base.policyCounters().count(skb.packet().length());
        Policy policy = base.policy();
        steps.add(new TraceStep(tableName, base.name(), TraceStep.Kind.POLICY, base.size() + 1, policy.name()));
        return result(hook, policy.verdict(), skb, steps, logs);
    }

    private static TraceStep step(String table, Chain chain, int number, String verdict) {
        return new TraceStep(table, chain.name(), TraceStep.Kind.RULE, number, verdict);
    }

    private static HookResult result(Hook hook, Verdict verdict, Skb skb, List<TraceStep> steps, List<LogRecord> logs) {
        return new HookResult(hook, verdict, skb.state(), steps, logs, null);
    }
}
