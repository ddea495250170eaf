package dev.syssim.sim.api;

import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;
import dev.syssim.sim.trace.render.LaneSelector;
import dev.syssim.sim.trace.render.TextRenderer;
import dev.syssim.sim.trace.render.TraceFilter;
import dev.syssim.sim.trace.render.TraceView;
import java.util.List;

/**
 * What happened underneath one command: the trace events it caused, recorded at the level the
 * run asked for ({@link TraceLevel#OFF} records nothing). Long traces keep their first and last
 * events one by one and count the rest in groups, as a cell's trace does. In a notebook a
 * {@code Trace} shows as the same diagram, table and text as a shell cell's trace.
 */
public final class Trace {

    /** Events drawn one by one in {@link #text()}, as a cell's trace shows them by default. */
    private static final int TEXT_MAX_EVENTS = 100;

    private final TraceSnapshot snapshot;

    Trace(TraceSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * How much was recorded.
     *
     * @return the level the events were recorded at
     */
    public TraceLevel level() {
        return snapshot.level();
    }

    /**
     * How many events were recorded.
     *
     * @return the number of events, including those only counted in groups
     */
    public long total() {
        return snapshot.total();
    }

    /**
     * Whether nothing was recorded.
     *
     * @return true when the trace has no events
     */
    public boolean isEmpty() {
        return snapshot.isEmpty();
    }

    /**
     * The events kept one by one.
     *
     * @return the events in the order they happened (the first and the last ones of a long trace)
     */
    public List<TraceEvent> events() {
        return snapshot.keptEvents();
    }

    /**
     * Counts events of one kind.
     *
     * @param kind the kind to count
     * @return how many of the kept events are of {@code kind}
     */
    public long count(EventKind kind) {
        return events().stream().filter(e -> e.kind() == kind).count();
    }

    /**
     * Finds events by their label.
     *
     * @param text what the label contains, e.g. {@code "openat"} or {@code "DROP"}
     * @return the kept events whose label contains {@code text}
     */
    public List<TraceEvent> find(String text) {
        return events().stream().filter(e -> e.label().contains(text)).toList();
    }

    /**
     * The trace as text.
     *
     * @return what a cell's text/plain shows: one line per event, long traces summarised
     */
    public String text() {
        if (snapshot.isEmpty()) return "trace: no events (recorded at level " + snapshot.level().word() + ")\n";
        TraceFilter filter = new TraceFilter(snapshot.level(), LaneSelector.ALL, TEXT_MAX_EVENTS);
        return new TextRenderer().render(TraceView.of(filter.apply(snapshot)));
    }

    /**
     * The recorded data, for renderers (the kernel draws it as SVG and PNG).
     *
     * @return the snapshot of the run's trace
     */
    public TraceSnapshot snapshot() {
        return snapshot;
    }

    /**
     * The trace as text.
     *
     * @return {@link #text()}
     */
    @Override
    public String toString() {
        return text();
    }
}
