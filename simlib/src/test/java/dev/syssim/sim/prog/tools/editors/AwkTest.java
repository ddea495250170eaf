package dev.syssim.sim.prog.tools.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.oracle.RecordedRun;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Terminal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * awk beyond the recorded corpus: what gawk does with programs too deep or too long to record
 * usefully — the interpreter's own stacks, its limits and its speed, stopping in the middle of a
 * slice, and the installed names.
 */
class AwkTest {

    private final Terminal.Fixture f = Terminal.laptop();

    private CommandRun.Result run(long maxSteps, String... argv) {
        return CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of(argv), "student", "/home/student",
                RecordedRun.environment("/home/student"), null), maxSteps);
    }

    @Test
    void aHundredThousandNestedCallsOfAUserFunctionComplete() {
        CommandRun.Result r = run(50_000_000, "awk", "function d(n) { return n == 0 ? 0 : 1 + d(n - 1) } BEGIN { print d(100000) }");
        assertEquals("100000\n", r.stdoutText());
        assertEquals(0, r.status());
    }

    @Test
    void recursionBeyondTheSimulatedMemoryEndsInGawksAllocationFailure() {
        CommandRun.Result r = run(50_000_000, "awk", "function d(n) { return 1 + d(n + 1) } BEGIN { print d(0) }");
        assertEquals("", r.stdoutText());
        assertEquals("awk: cmd. line:1: fatal: eval.c:1284:setup_frame: sp: cannot allocate 8 bytes of memory: Cannot allocate memory\n",
                r.stderrText());
        assertEquals(2, r.status());
    }

    @Test
    void aMillionIterationLoopFinishesWithinTwoHundredSchedulerSteps() {
        // about six instructions an iteration, 100,000 instructions a slice: no step per iteration
        // (wall time is measured in the report, not asserted: the build machine is shared)
        CommandRun.Result r = run(200, "awk", "BEGIN { for (i = 0; i < 1000000; i++) s += i; print s }");
        assertTrue(r.finished());
        assertEquals("499999500000\n", r.stdoutText());
    }

    @Test
    void parenthesesNestedTenThousandDeepEndInTheParsersMemoryExhaustedMessage() {
        String deep = "BEGIN { x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " }";
        CommandRun.Result r = run(5_000_000, "awk", deep);
        assertEquals(1, r.status());
        assertTrue(r.stderrText().contains("^ memory exhausted\n"), r.stderrText());
    }

    @Test
    void bracesNestedTenThousandDeepEndInTheParsersMemoryExhaustedMessage() {
        String deep = "BEGIN " + "{".repeat(10_000) + "}".repeat(10_000);
        CommandRun.Result r = run(5_000_000, "awk", deep);
        assertEquals(1, r.status());
        assertTrue(r.stderrText().contains("^ memory exhausted\n"), r.stderrText());
    }

    @Test
    void aFiftyThousandTermSumCompilesWithoutDeepeningTheJavaStack() {
        String sum = "BEGIN { x = 0" + " + 1".repeat(50_000) + "; y = \"\"" + " \"a\"".repeat(50_000) + "; print x, length(y) }";
        CommandRun.Result r = run(50_000_000, "awk", sum);
        assertEquals("50000 50000\n", r.stdoutText());
    }

    @Test
    void anEndlessLoopStopsAtTheStepBudgetWithoutAJavaError() {
        CommandRun.Result r = run(50, "awk", "BEGIN { while (1) n++ }");
        assertFalse(r.finished());
    }

    @Test
    void aSortComparisonThatNeverReturnsIsStoppedWithAFatalError() {
        // the whole sort runs on the Java thread: a comparison function is cut off, not waited for
        CommandRun.Result r = run(5_000_000, "awk",
                "function c(i1, v1, i2, v2) { while (1) n++ } BEGIN { PROCINFO[\"sorted_in\"] = \"c\"; a[1]; a[2]; for (k in a) print k }");
        assertEquals("awk: cmd. line:1: fatal: sort comparison function `c' ran too long for the simulation\n", r.stderrText());
        assertEquals(2, r.status());
    }

    @Test
    void aCoprocessAnswersWhatItWasSentOnceItsInputIsClosed() {
        CommandRun.Result r = run(5_000_000, "awk",
                "BEGIN { cmd = \"tr a-z A-Z\"; print \"one\" |& cmd; close(cmd, \"to\"); cmd |& getline x; print x; print close(cmd) }");
        assertEquals("ONE\n0\n", r.stdoutText());
        assertEquals(0, r.status());
    }

    @Test
    void aHundredThousandRecordsFromAPipeAreSummed() {
        assertEquals("5000050000\n", f.run("seq 100000 | awk '{ s += $1 } END { print s }'"));
    }

    @Test
    void gawkIsInstalledUnderBothNames() {
        assertEquals("x\nx\n", f.run("/usr/bin/awk 'BEGIN { print \"x\" }'; /usr/bin/gawk 'BEGIN { print \"x\" }'"));
    }

    @Test
    void messagesNameTheProgramAsItWasInvoked() {
        assertEquals("gawk: cmd. line:1: fatal: division by zero attempted\n", f.run("gawk 'BEGIN { x = 0; print 1 / x }'"));
    }

    @Test
    void randIsTheSameSequenceEveryRun() {
        String first = f.run("awk 'BEGIN { srand(5); print rand(), rand() }'");
        assertEquals(first, f.run("awk 'BEGIN { srand(5); print rand(), rand() }'"));
    }

    @Test
    void outputToAPipeIsReadByTheCommandBeforeAwkExits() {
        assertEquals("1\n2\n3\n", f.run("printf '3\\n1\\n2\\n' | awk '{ print | \"sort -n\" }'"));
    }
}
