package dev.syssim.sim.netfilter;

import java.util.HashSet;
import java.util.Set;

/**
 * The kernel's check that the chains reachable from the built-in chains form no loop and nest no
 * deeper than its jump stack. Chains nobody reaches may loop: nf_tables only validates what a
 * packet can get to, which is why {@code -A b1 -j a1} after {@code -A a1 -j b1} is accepted while
 * neither is jumped to.
 */
final class JumpGraph {

    private JumpGraph() {
    }

    static ChangeResult check(Table table) {
        for (Hook hook : table.kind().hooks()) {
            ChangeResult result = walk(table, table.builtin(hook), new HashSet<>(), 0);
            if (!result.ok()) return result;
        }
        return ChangeResult.OK;
    }

    private static ChangeResult walk(Table table, Chain chain, Set<String> onPath, int depth) {
        if (!onPath.add(chain.name())) return ChangeResult.LOOP;
        for (RuleEntry entry : chain.entryArray()) {
            var target = Table.targetChain(entry.rule().target());
            if (target.isEmpty()) continue;
            if (depth + 1 > RuleEvaluator.MAX_DEPTH) return ChangeResult.TOO_DEEP;
            Chain next = table.chain(target.get());
            if (next == null) continue;
            ChangeResult result = walk(table, next, onPath, depth + 1);
            if (!result.ok()) return result;
        }
        onPath.remove(chain.name());
        return ChangeResult.OK;
    }
}
