package dev.syssim.sim.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Changes to the filter table answer like the kernel, all or nothing. */
class FilterTableTest {

    private static RuleEntry entry(Target target) {
        return RuleEntry.of(Rule.of(target));
    }

    @Test
    void tcpResetWithoutProtocolTcpIsRefusedByTheKernel() {
        Table table = Table.filter();
        assertEquals(ChangeResult.INVALID_RULE,
                table.append("FORWARD", List.of(entry(new Target.Reject(RejectWith.TCP_RESET)))));
        assertEquals(0, table.chain("FORWARD").size());
    }

    @Test
    void aJumpLoopReachableFromABuiltinChainIsRefused() {
        Table table = Table.filter();
        table.newChain("a1");
        table.newChain("b1");
        assertEquals(ChangeResult.OK, table.append("a1", List.of(entry(new Target.Jump("b1")))));
        assertEquals(ChangeResult.OK, table.append("b1", List.of(entry(new Target.Jump("a1")))));
        assertEquals(ChangeResult.LOOP, table.append("FORWARD", List.of(entry(new Target.Jump("a1")))));
        assertEquals(0, table.chain("FORWARD").size());
    }

    @Test
    void aReferencedUserChainCannotBeDeleted() {
        Table table = Table.filter();
        table.newChain("mychain");
        table.append("FORWARD", List.of(entry(new Target.Jump("mychain"))));
        assertEquals(ChangeResult.CHAIN_IN_USE, table.deleteChain("mychain"));
        assertEquals(1, table.references("mychain"));
    }

    @Test
    void anEmptyAcceptingBuiltinChainGoesAndComesBackWithFreshCounters() {
        Table table = Table.filter();
        table.chain("INPUT").policyCounters().set(5, 300);
        assertEquals(ChangeResult.OK, table.deleteChain("INPUT"));
        assertEquals(0, table.chain("INPUT").policyCounters().packets());
        table.setPolicy("INPUT", Policy.DROP);
        assertEquals(ChangeResult.BUILTIN_IN_USE, table.deleteChain("INPUT"));
    }

    @Test
    void renamingAChainMovesTheJumpsToIt() {
        Table table = Table.filter();
        table.newChain("old");
        table.append("FORWARD", List.of(entry(new Target.Jump("old"))));
        assertEquals(ChangeResult.OK, table.renameChain("old", "new"));
        assertNull(table.chain("old"));
        assertEquals(new Target.Jump("new"), table.chain("FORWARD").entry(1).rule().target());
    }

    @Test
    void insertingBeyondOnePastTheEndIsTooBig() {
        Table table = Table.filter();
        assertEquals(ChangeResult.INDEX_TOO_BIG, table.insert("FORWARD", 2, List.of(entry(Target.ACCEPT))));
        assertEquals(ChangeResult.OK, table.insert("FORWARD", 1, List.of(entry(Target.ACCEPT))));
        assertEquals(ChangeResult.OK, table.insert("FORWARD", 2, List.of(entry(Target.DROP))));
    }

    @Test
    void deleteBySpecificationRemovesTheFirstEqualRule() {
        Table table = Table.filter();
        table.append("INPUT", List.of(entry(Target.DROP), entry(Target.ACCEPT), entry(Target.DROP)));
        assertEquals(ChangeResult.OK, table.delete("INPUT", Rule.of(Target.DROP)));
        assertEquals(List.of(Target.ACCEPT, Target.DROP),
                table.chain("INPUT").entries().stream().map(e -> e.rule().target()).toList());
        assertEquals(ChangeResult.NO_MATCHING_RULE, table.delete("INPUT", Rule.of(Target.RETURN)));
    }

    @Test
    void aCopyKeepsItsOwnCounters() {
        Table table = Table.filter();
        table.append("INPUT", List.of(entry(Target.ACCEPT)));
        Table copy = table.copy();
        copy.chain("INPUT").entry(1).counters().set(9, 900);
        assertEquals(0, table.chain("INPUT").entry(1).counters().packets());
        table.replaceWith(copy);
        assertEquals(9, table.chain("INPUT").entry(1).counters().packets());
    }
}
