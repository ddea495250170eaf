package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.OmittedGroup;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a cell chose to see of its trace: a level (a recording at {@code full} can be shown at
 * {@code syscalls}), a lane selection, and at most {@code maxEvents} events one by one. Events past
 * the limit are not dropped: they join the omitted middle, counted in groups like the ones the
 * bounded {@link dev.syssim.sim.trace.Trace} makes, so the summary still adds up to the total.
 */
public record TraceFilter(TraceLevel level, LaneSelector lanes, int maxEvents) {

    public TraceFilter {
        if (maxEvents < 2) throw new IllegalArgumentException("maxEvents must be at least 2");
    }

    /** Applies the level and lane selection, then the limit; the result's total counts what remains. */
    public TraceSnapshot apply(TraceSnapshot snapshot) {
        List<TraceEvent> head = keep(snapshot.head());
        List<TraceEvent> tail = keep(snapshot.tail());
        List<OmittedGroup> groups = new ArrayList<>();
        for (OmittedGroup group : snapshot.omitted()) {
            if (shows(group.lane(), group.kind())) groups.add(group);
        }
        return limit(head, groups, tail);
    }

    private List<TraceEvent> keep(List<TraceEvent> events) {
        List<TraceEvent> kept = new ArrayList<>(events.size());
        for (TraceEvent event : events) {
            if (shows(event.lane(), event.kind())) kept.add(event);
        }
        return kept;
    }

    private boolean shows(Lane lane, EventKind kind) {
        return level.shows(kind) && lanes.selects(lane);
    }

    /**
     * Keeps the first half of the limit from the start and the second half from the end; what lies
     * between is grouped, in order of first occurrence, before and after the groups already there.
     */
    private TraceSnapshot limit(List<TraceEvent> head, List<OmittedGroup> groups, List<TraceEvent> tail) {
        long total = head.size() + tail.size();
        for (OmittedGroup group : groups) total += group.count();
        if (head.size() + tail.size() <= maxEvents) return new TraceSnapshot(level, head, groups, tail, total);

        List<TraceEvent> kept = new ArrayList<>(head);
        kept.addAll(tail);
        int n = kept.size();
        // With a middle already there, the kept events stay on their side of it.
        boolean middle = !groups.isEmpty();
        int headRoom = middle ? head.size() : n;
        int tailRoom = middle ? tail.size() : n;
        int fromStart = Math.min((maxEvents + 1) / 2, headRoom);
        int fromEnd = Math.min(maxEvents - fromStart, tailRoom);
        fromStart = Math.min(maxEvents - fromEnd, headRoom);

        Map<GroupKey, long[]> counts = new LinkedHashMap<>();
        int gap = middle ? head.size() : n - fromEnd;
        count(kept.subList(fromStart, gap), counts);
        for (OmittedGroup group : groups) {
            counts.computeIfAbsent(new GroupKey(group.lane(), group.kind(), group.label()), k -> new long[1])[0] += group.count();
        }
        count(kept.subList(gap, n - fromEnd), counts);

        List<OmittedGroup> merged = new ArrayList<>(counts.size());
        counts.forEach((key, c) -> merged.add(new OmittedGroup(key.lane(), key.kind(), key.label(), c[0])));
        return new TraceSnapshot(level, kept.subList(0, fromStart), merged, kept.subList(n - fromEnd, n), total);
    }

    private record GroupKey(Lane lane, EventKind kind, String label) {
    }

    private static void count(List<TraceEvent> events, Map<GroupKey, long[]> counts) {
        for (TraceEvent event : events) {
            counts.computeIfAbsent(new GroupKey(event.lane(), event.kind(), firstWord(event.label())), k -> new long[1])[0]++;
        }
    }

    /**
     * The word a group is named by, as {@link dev.syssim.sim.trace.Trace} names its groups
     * ({@code write} for {@code write(1, "y\n", 2)}), so groups from both places merge.
     */
    static String firstWord(String label) {
        int end = 0;
        while (end < label.length() && (Character.isLetterOrDigit(label.charAt(end)) || label.charAt(end) == '_')) end++;
        return end == 0 ? label : label.substring(0, end);
    }
}
