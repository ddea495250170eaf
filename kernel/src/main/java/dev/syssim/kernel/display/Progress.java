package dev.syssim.kernel.display;

import java.util.OptionalDouble;

/**
 * How far a long simulation has come, in simulated terms only: what is running, how many
 * simulation steps ran, the simulated time, how many trace events were recorded, and the fraction
 * done when it is known (a {@code sleep 10} knows; an endless loop does not).
 */
public record Progress(String activity, long steps, long simulatedNanos, long events, OptionalDouble fraction) {

    public Progress {
        if (fraction.isPresent() && (fraction.getAsDouble() < 0 || fraction.getAsDouble() > 1)) {
            throw new IllegalArgumentException("fraction must be within 0..1");
        }
    }
}
