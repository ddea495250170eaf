package dev.syssim.kernel.display;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UpdateThrottleTest {

    private long now;
    private final UpdateThrottle throttle = new UpdateThrottle(() -> now, UpdateThrottle.DEFAULT_INTERVAL_NANOS);

    @Test
    void firstUpdateIsAlwaysDue() {
        assertTrue(throttle.tryUpdate());
    }

    @Test
    void neverMoreThanFourUpdatesPerSecond() {
        int updates = 0;
        for (now = 0; now < 1_000_000_000L; now += 1_000_000L) {
            if (throttle.tryUpdate()) updates++;
        }
        assertTrue(updates <= 4, updates + " updates in one second");
    }

    @Test
    void dueAgainOnceTheIntervalHasPassed() {
        assertTrue(throttle.tryUpdate());
        now += 249_999_999L;
        assertFalse(throttle.tryUpdate());
        now += 1;
        assertTrue(throttle.tryUpdate());
    }
}
