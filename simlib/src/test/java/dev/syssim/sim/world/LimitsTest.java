package dev.syssim.sim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runaway cells end with a clear message and the machine keeps serving. */
class LimitsTest {

    @Test
    void forkBombMeetsTheProcessLimitAndTheShellStillAnswers() throws Exception {
        var f = Terminal.laptop();
        UserPrograms.install(f.laptop(), "nap", "sleep 1s\n", 1000, 1000);
        String out = f.run(":(){ :|:& };:");
        out += f.run("nap");
        assertTrue(out.contains("fork: retry: Resource temporarily unavailable"), out.length() > 2000 ? out.substring(0, 2000) : out);
        // bash retries a failed fork for 15 s, then that shell gives up (status 254): the bomb either
        // meets the cell's step limit or dies out by itself, as it can on Linux under a process limit
        assertTrue(out.contains("LimitExceeded") || out.contains("limit") || out.contains("Done"),
                "the limit stops the bomb: " + out.substring(Math.max(0, out.length() - 300)));
        assertTrue(f.laptop().kernel().processCount() <= f.laptop().kernel().limits().maxProcesses());
        assertEquals("still here\n", f.run("echo still here"));
    }

    @Test
    void outputLimitKillsAJobThatFloodsTheNotebook() throws Exception {
        var f = Terminal.laptop();
        UserPrograms.install(f.laptop(), "flood", "top:\nprint yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\njump top\n", 1000, 1000);
        String out = f.run("flood");
        assertTrue(out.contains("output limit"), out.substring(Math.max(0, out.length() - 300)));
        assertTrue(out.length() < 1_100_000);
        assertEquals("ok\n", f.run("echo ok"));
    }
}
