package dev.syssim.kernel.display;

import java.util.function.LongSupplier;

/**
 * Decides when a live display may be updated again: at most once per interval of the clock it is
 * given. The kernel gives it wall time (a person watching needs a few updates per second, not one
 * per simulated step); tests give it a clock they move by hand. Only the timing of updates depends
 * on this clock, never what a display shows.
 */
public final class UpdateThrottle {

    /** Four updates per second at most. */
    public static final long DEFAULT_INTERVAL_NANOS = 250_000_000L;

    private final LongSupplier clockNanos;
    private final long intervalNanos;
    private boolean fired;
    private long last;

    public UpdateThrottle(LongSupplier clockNanos, long intervalNanos) {
        if (intervalNanos <= 0) throw new IllegalArgumentException("interval must be positive");
        this.clockNanos = clockNanos;
        this.intervalNanos = intervalNanos;
    }

    /** A throttle on the JVM's monotonic clock, {@link #DEFAULT_INTERVAL_NANOS} apart. */
    public static UpdateThrottle wallClock() {
        return new UpdateThrottle(System::nanoTime, DEFAULT_INTERVAL_NANOS);
    }

    /** True, and counts as an update, when the interval has passed since the last one (or there was none). */
    public boolean tryUpdate() {
        long now = clockNanos.getAsLong();
        if (fired && now - last < intervalNanos) return false;
        fired = true;
        last = now;
        return true;
    }
}
