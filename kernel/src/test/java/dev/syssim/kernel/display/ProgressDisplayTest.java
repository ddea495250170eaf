package dev.syssim.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private long wall;
    private final ProgressDisplay display =
            new ProgressDisplay("trace-7", new UpdateThrottle(() -> wall, UpdateThrottle.DEFAULT_INTERVAL_NANOS), 1000);

    private static Progress at(long steps) {
        return new Progress("spin", steps, steps * 1_000_000L, steps * 2, OptionalDouble.empty());
    }

    @Test
    void shortSimulationNeverShowsProgress() {
        assertTrue(display.progress(at(999), List.of()).isEmpty());
        assertFalse(display.shown());
    }

    @Test
    void appearsAfterEnoughSimulatedStepsWhateverTheWallClock() {
        wall = 123_456_789L;
        DisplayUpdate first = display.progress(at(1000), List.of()).orElseThrow();
        assertFalse(first.update());
        assertEquals("trace-7", first.displayId());
        assertTrue(((String) first.bundle().data().get("text/plain")).startsWith("running spin: 1.000000 s simulated, 1,000 steps"));
    }

    @Test
    void updatesAreThrottledToTheWallClock() {
        display.progress(at(1000), List.of());
        assertTrue(display.progress(at(1001), List.of()).isEmpty());
        wall += UpdateThrottle.DEFAULT_INTERVAL_NANOS;
        DisplayUpdate update = display.progress(at(5000), List.of()).orElseThrow();
        assertTrue(update.update());
    }

    @Test
    void finalTraceReplacesTheProgressDisplay() {
        display.progress(at(1000), List.of());
        DisplayBundle trace = TraceBundle.build(TraceFixtures.catMotd(), TraceDisplayOptions.DEFAULT.withLevel(TraceLevel.FULL)).orElseThrow();
        DisplayUpdate last = display.finish(at(2000), Optional.of(trace)).orElseThrow();
        assertTrue(last.update());
        assertEquals("trace-7", last.displayId());
        assertEquals(trace, last.bundle());
    }

    @Test
    void withoutProgressTheTraceIsAnOrdinaryDisplay() {
        DisplayBundle trace = TraceBundle.build(TraceFixtures.catMotd(), TraceDisplayOptions.DEFAULT.withLevel(TraceLevel.FULL)).orElseThrow();
        assertFalse(display.finish(at(10), Optional.of(trace)).orElseThrow().update());
        assertTrue(display.finish(at(10), Optional.empty()).isEmpty());
    }

    @Test
    void withoutATraceTheProgressEndsOnSimulatedValuesOnly() {
        display.progress(at(1000), List.of());
        DisplayUpdate last = display.finish(at(3000), Optional.empty()).orElseThrow();
        assertEquals("finished spin: 3.000000 s simulated, 3,000 steps, 6,000 events\n", last.bundle().data().get("text/plain"));
    }

    @Test
    void progressBarAndRecentEventsAreEscapedInHtml() {
        List<TraceEvent> recent = TraceFixtures.catMotd().head().subList(0, 3);
        Progress half = new Progress("sleep <10>", 500, 5_000_000_000L, 3, OptionalDouble.of(0.5));
        DisplayBundle bundle = ProgressBundle.build(half, recent);
        String text = (String) bundle.data().get("text/plain");
        assertTrue(text.startsWith("running sleep <10>: 5.000000 s simulated, 500 steps, 3 events [##########..........]  50%\n"), text);
        assertEquals(4, text.lines().count());
        assertTrue(((String) bundle.data().get("text/html")).contains("running sleep &lt;10&gt;"));
    }
}
