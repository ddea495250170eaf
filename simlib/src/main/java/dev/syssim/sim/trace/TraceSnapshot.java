package dev.syssim.sim.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The trace of one cell as renderers receive it: the first events and the last events kept one by
 * one, and everything between them counted in groups, so a long trace is summarised, never
 * silently cut ({@code … 9,412 more events (grouped)}).
 *
 * @param level    the level the events were recorded at
 * @param head     the first events, in order
 * @param omitted  the events between head and tail, grouped by lane, kind and label, in order of
 *                 first occurrence
 * @param tail     the last events, in order
 * @param total    how many events were recorded in all
 */
public record TraceSnapshot(TraceLevel level, List<TraceEvent> head, List<OmittedGroup> omitted,
                            List<TraceEvent> tail, long total) {

    public TraceSnapshot {
        head = List.copyOf(head);
        omitted = List.copyOf(omitted);
        tail = List.copyOf(tail);
    }

    public static TraceSnapshot of(TraceLevel level, List<TraceEvent> events) {
        return new TraceSnapshot(level, events, List.of(), List.of(), events.size());
    }

    /** How many events are only counted in {@link #omitted()}. */
    public long omittedCount() {
        return total - head.size() - tail.size();
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** The events kept one by one: head, then tail. */
    public List<TraceEvent> keptEvents() {
        List<TraceEvent> all = new ArrayList<>(head.size() + tail.size());
        all.addAll(head);
        all.addAll(tail);
        return all;
    }
}
