package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Terminal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sed's rules that the recorded corpus (testdata/oracle/tools/sed.jsonl) cannot show: it runs as
 * steps of the scheduler, so long inputs and endless scripts never meet Java's stack.
 */
class SedTest {

    private static CommandRun.Result run(List<String> argv, String stdin, long maxSteps) {
        Terminal.Fixture f = Terminal.laptop();
        return CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(argv, "student", "/tmp",
                Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8"), stdin.getBytes(StandardCharsets.UTF_8)), maxSteps);
    }

    @Test
    void aLongInputRunsLineByLineWithoutNestingJavaCalls() {
        String input = "x\n".repeat(200_000);
        CommandRun.Result r = run(List.of("sed", "-n", "$="), input, 50_000_000);
        assertTrue(r.finished());
        assertEquals("200000\n", r.stdoutText());
    }

    @Test
    void joiningAllLinesWithNDoesNotNestJavaCalls() {
        String input = "y\n".repeat(50_000);
        CommandRun.Result r = run(List.of("sed", ":a;N;$!ba;s/\\n/,/g"), input, 50_000_000);
        assertTrue(r.finished());
        assertEquals(("y,".repeat(50_000)).replaceAll(",$", "\n"), r.stdoutText());
    }

    @Test
    void anEndlessScriptKeepsHandingStepsToTheScheduler() {
        CommandRun.Result r = run(List.of("sed", ":a;ba"), "a\n", 2_000);
        assertFalse(r.finished());
    }

    @Test
    void grepOverManyLinesMatchesBlockByBlock() {
        String input = "no\n".repeat(100_000) + "yes\n";
        CommandRun.Result r = run(List.of("grep", "-n", "yes"), input, 50_000_000);
        assertEquals("100001:yes\n", r.stdoutText());
    }
}
