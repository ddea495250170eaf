package dev.syssim.sim.prog.tools.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syssim.sim.world.Terminal;
import org.junit.jupiter.api.Test;

/** diff and cmp on inputs too large to record usefully: the explicit stacks hold. */
class DiffTest {

    private final Terminal.Fixture f = Terminal.laptop();

    @Test
    void twentyThousandLinesWithScatteredChangesDiffWithoutDeepRecursion() {
        String out = f.run("seq 20000 > a; seq 20000 | awk 'NR % 1000 == 0 { print \"x\"; next } { print }' > b; diff a b | grep -c '^[0-9]'");
        assertEquals("20\n", out);
    }

    @Test
    void totallyDifferentFilesAreOneChange() {
        assertEquals("1,3000c1,3000\n", f.run("seq 3000 > a; seq 3001 6000 > b; diff a b | head -1"));
    }

    @Test
    void cmpOfAFileWithItselfReadsNothing() {
        assertEquals("0\n", f.run("seq 10 > a; cmp a a; echo $?"));
    }
}
