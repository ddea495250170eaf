package dev.syssim.sim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An interrupt arrives from another thread at whatever step the world has reached; a replay that
 * interrupts at the recorded step reaches the same state (what homework checks rely on when they
 * rebuild a student's world).
 */
class InterruptReplayTest {

    private static final String COUNTER = "set n 0\ntop:\nset n $n + 1\ncompute 1ms\nprint $n\njump top\n";

    @Test
    void aRunStoppedByAnInterruptRecordsTheStepItStoppedAt() throws Exception {
        var f = Terminal.laptop();
        UserPrograms.install(f.laptop(), "counter", COUNTER, 1000, 1000);
        f.world().replayInterruptsAt(List.of(f.world().steps() + 5_000));
        String out = f.run("counter");
        List<Long> steps = f.world().takeInterruptSteps();
        assertEquals(1, steps.size(), out);
        assertTrue(out.contains("^C"), out);
        assertEquals(List.of(), f.world().takeInterruptSteps(), "taking them forgets them");
    }

    @Test
    void replayingTheInterruptStepReachesTheSameState() throws Exception {
        var live = Terminal.laptop();
        UserPrograms.install(live.laptop(), "counter", COUNTER, 1000, 1000);
        // as Jupyter's control thread does: at some moment, whatever step the world is at
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            live.world().requestInterrupt();
        });
        stopper.start();
        String liveOut = live.run("counter");
        stopper.join();
        List<Long> recorded = live.world().takeInterruptSteps();
        assertEquals(1, recorded.size(), "stopped by the interrupt, not by a limit: " + liveOut.substring(Math.max(0, liveOut.length() - 200)));
        String liveAfter = live.run("echo $?; ps -o pid,comm");

        var replay = Terminal.laptop();
        UserPrograms.install(replay.laptop(), "counter", COUNTER, 1000, 1000);
        replay.world().replayInterruptsAt(recorded);
        String replayOut = replay.run("counter");
        replay.world().replayInterruptsAt(List.of());
        assertEquals(liveOut, replayOut, "the same numbers were printed before ^C");
        assertEquals(liveAfter, replay.run("echo $?; ps -o pid,comm"));
        assertEquals(live.world().steps(), replay.world().steps(), "the same number of events");
        assertEquals(live.world().timeline().now(), replay.world().timeline().now(), "the same simulated time");
    }
}
