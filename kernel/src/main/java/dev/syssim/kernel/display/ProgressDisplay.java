package dev.syssim.kernel.display;

import dev.syssim.sim.trace.TraceEvent;
import java.util.List;
import java.util.Optional;

/**
 * The live progress of one long cell, kept in a single display that the final trace replaces.
 *
 * <p>When the display appears is decided in simulated terms ({@code startAfterSteps}), never by
 * the wall clock: a saved notebook then has its trace output at the same place among the cell's
 * stream outputs however fast the machine ran. The wall clock (through the {@link UpdateThrottle})
 * only decides how often the display is refreshed while it runs, and every refresh is overwritten
 * by the final one, so no wall-clock value reaches a saved output.
 */
public final class ProgressDisplay {

    /** Steps after which a simulation counts as long enough to show its progress. */
    public static final long DEFAULT_START_AFTER_STEPS = 100_000;

    private final String displayId;
    private final UpdateThrottle throttle;
    private final long startAfterSteps;
    private boolean shown;

    public ProgressDisplay(String displayId, UpdateThrottle throttle, long startAfterSteps) {
        this.displayId = displayId;
        this.throttle = throttle;
        this.startAfterSteps = startAfterSteps;
    }

    /** Whether the progress display has appeared (so the end must replace it). */
    public boolean shown() {
        return shown;
    }

    /**
     * Called as the simulation runs (every step or every few; cheap when nothing is due).
     *
     * @return the message to send now, if any: the first display once the simulation has run
     *         {@code startAfterSteps} steps, then updates no more often than the throttle allows
     */
    public Optional<DisplayUpdate> progress(Progress progress, List<TraceEvent> recent) {
        if (!shown) {
            if (progress.steps() < startAfterSteps) return Optional.empty();
            shown = true;
            throttle.tryUpdate();
            return Optional.of(new DisplayUpdate(ProgressBundle.build(progress, recent), displayId, false));
        }
        if (!throttle.tryUpdate()) return Optional.empty();
        return Optional.of(new DisplayUpdate(ProgressBundle.build(progress, recent), displayId, true));
    }

    /**
     * The end of the cell: the trace replaces the progress display, or appears as a new display if
     * progress was never shown. Without a trace, a shown progress display is replaced by its final
     * progress line (with no recent events), which depends on simulated values only.
     */
    public Optional<DisplayUpdate> finish(Progress last, Optional<DisplayBundle> trace) {
        if (trace.isPresent()) return Optional.of(new DisplayUpdate(trace.get(), displayId, shown));
        if (!shown) return Optional.empty();
        return Optional.of(new DisplayUpdate(ProgressBundle.finished(last), displayId, true));
    }
}
