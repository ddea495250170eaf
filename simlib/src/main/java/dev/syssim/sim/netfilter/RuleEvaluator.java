package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a packet through the filter table from the built-in chain of a hook, the way
 * {@code ipt_do_table} does: rules in order, the first terminating target wins, LOG and rules
 * without target go on, a jump pushes a return point (a goto does not), RETURN or the end of a user
 * chain pops it, and at the end of a built-in chain its policy decides. Every matching rule counts
 * the packet; the policy counts what it decides.
 */
final class RuleEvaluator {

    /** The kernel's jump stack depth (NFT_JUMP_STACK_SIZE); deeper nesting is refused on insertion. */
    static final int MAX_DEPTH = 16;

    private final FilterTable table;

    RuleEvaluator(FilterTable table) {
        this.table = table;
    }

    HookResult evaluate(Hook hook, Packet packet, String in, String out, CtState state) {
        Chain base = table.builtin(hook);
        Chain[] returnChains = new Chain[MAX_DEPTH + 1];
        int[] returnIndexes = new int[MAX_DEPTH + 1];
        int depth = 0;
        List<TraceStep> steps = new ArrayList<>(4);
        List<LogRecord> logs = List.of();

        int src = packet.src().bits();
        int dst = packet.dst().bits();
        int protocol = packet.protocol();
        Chain chain = base;
        CompiledRule[] entries = chain.compiledRules();
        int index = 0;
        while (true) {
            if (index >= entries.length) {
                if (chain.isBuiltin()) break;
                // The end of a user chain: back to the rule after the jump (or, after a goto, further up).
                steps.add(new TraceStep(chain.name(), TraceStep.Kind.RETURN, entries.length + 1, "RETURN"));
                if (depth == 0) break;
                depth--;
                chain = returnChains[depth];
                entries = chain.compiledRules();
                index = returnIndexes[depth];
                continue;
            }
            CompiledRule rule = entries[index];
            if (!rule.matches(src, dst, protocol, in, out, packet, state)) {
                index++;
                continue;
            }
            rule.entry.counters().count(packet.length());
            int number = index + 1;
            Target target = rule.target;
            if (target instanceof Target.Accept) {
                steps.add(new TraceStep(chain.name(), TraceStep.Kind.RULE, number, "ACCEPT"));
                return result(hook, Verdict.ACCEPT, state, steps, logs);
            } else if (target instanceof Target.Drop) {
                steps.add(new TraceStep(chain.name(), TraceStep.Kind.RULE, number, "DROP"));
                return result(hook, Verdict.DROP, state, steps, logs);
            } else if (target instanceof Target.Reject reject) {
                steps.add(new TraceStep(chain.name(), TraceStep.Kind.RULE, number, "REJECT"));
                return result(hook, new Verdict.Reject(reject.with()), state, steps, logs);
            } else if (target instanceof Target.Log log) {
                steps.add(new TraceStep(chain.name(), TraceStep.Kind.RULE, number, "LOG"));
                if (logs.isEmpty()) logs = new ArrayList<>(2);
                logs.add(new LogRecord(log.level(), KernelLogLine.format(log, in, out, packet)));
                index++;
            } else if (target instanceof Target.None) {
                steps.add(new TraceStep(chain.name(), TraceStep.Kind.RULE, number, "CONTINUE"));
                index++;
            } else if (target instanceof Target.Return) {
                steps.add(new TraceStep(chain.name(), TraceStep.Kind.RULE, number, "RETURN"));
                // RETURN in a built-in chain, or with nothing to return to, ends at the policy.
                if (chain.isBuiltin() || depth == 0) break;
                depth--;
                chain = returnChains[depth];
                entries = chain.compiledRules();
                index = returnIndexes[depth];
            } else if (target instanceof Target.Jump jump) {
                steps.add(new TraceStep(chain.name(), TraceStep.Kind.RULE, number, "JUMP:" + jump.chain()));
                returnChains[depth] = chain;
                returnIndexes[depth] = index + 1;
                depth++;
                chain = table.chain(jump.chain());
                entries = chain.compiledRules();
                index = 0;
            } else if (target instanceof Target.Goto jump) {
                steps.add(new TraceStep(chain.name(), TraceStep.Kind.RULE, number, "GOTO:" + jump.chain()));
                chain = table.chain(jump.chain());
                entries = chain.compiledRules();
                index = 0;
            }
        }
        base.policyCounters().count(packet.length());
        Policy policy = base.policy();
        steps.add(new TraceStep(base.name(), TraceStep.Kind.POLICY, base.size() + 1, policy.name()));
        return result(hook, policy.verdict(), state, steps, logs);
    }

    private static HookResult result(Hook hook, Verdict verdict, CtState state, List<TraceStep> steps,
                                     List<LogRecord> logs) {
        return new HookResult(hook, verdict, state, steps, logs, null);
    }
}
