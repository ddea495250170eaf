package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.OmittedGroup;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot read once for rendering: its lanes in drawing order, its kept events with their
 * nesting, grouped into runs of repeats, head and tail apart (a repeat never spans the omitted
 * middle). Every renderer starts here, so text, diagram, table and JSON tell the same story.
 */
public final class TraceView {

    /** At most this many omitted groups are listed one by one; the rest are counted in one line. */
    public static final int MAX_GROUPS_LISTED = 24;

    private final TraceSnapshot snapshot;
    private final List<Lane> lanes;
    private final List<EventLine> lines;
    private final List<Run> headRuns;
    private final List<Run> tailRuns;
    private final Map<Long, TraceEvent> bySeq = new HashMap<>();

    private TraceView(TraceSnapshot snapshot) {
        this.snapshot = snapshot;
        List<TraceEvent> kept = snapshot.keptEvents();
        List<Lane> appearance = new ArrayList<>();
        for (TraceEvent event : kept) {
            appearance.add(event.lane());
            bySeq.put(event.seq(), event);
        }
        for (OmittedGroup group : snapshot.omitted()) appearance.add(group.lane());
        this.lanes = LaneOrder.of(appearance);
        this.lines = Nesting.lines(kept);
        int headSize = snapshot.head().size();
        this.headRuns = Repeats.find(lines.subList(0, headSize));
        this.tailRuns = Repeats.find(lines.subList(headSize, lines.size()));
    }

    public static TraceView of(TraceSnapshot snapshot) {
        return new TraceView(snapshot);
    }

    public TraceSnapshot snapshot() {
        return snapshot;
    }

    /** The lanes left to right (machines by first appearance, then lane type). */
    public List<Lane> lanes() {
        return lanes;
    }

    /** Every kept event with its depth, head then tail. */
    public List<EventLine> lines() {
        return lines;
    }

    public List<Run> headRuns() {
        return headRuns;
    }

    public List<Run> tailRuns() {
        return tailRuns;
    }

    /** True when some events are only counted in groups, between head and tail. */
    public boolean hasOmitted() {
        return snapshot.omittedCount() > 0 || !snapshot.omitted().isEmpty();
    }

    /** The omitted groups listed one by one, at most {@link #MAX_GROUPS_LISTED}, in order of first occurrence. */
    public List<OmittedGroup> listedGroups() {
        List<OmittedGroup> groups = snapshot.omitted();
        return groups.subList(0, Math.min(groups.size(), MAX_GROUPS_LISTED));
    }

    /** How many groups are not listed one by one. */
    public int unlistedGroups() {
        return snapshot.omitted().size() - listedGroups().size();
    }

    /** How many events the unlisted groups hold. */
    public long unlistedEvents() {
        long n = 0;
        for (OmittedGroup group : snapshot.omitted().subList(listedGroups().size(), snapshot.omitted().size())) n += group.count();
        return n;
    }

    /** A kept event by sequence number (to follow {@code cause}), if it was kept. */
    public Optional<TraceEvent> event(long seq) {
        return Optional.ofNullable(bySeq.get(seq));
    }

    /** One sentence for headers, titles and summaries: {@code level full: 24 events on 4 lanes}. */
    public String summary() {
        String level = "level " + snapshot.level().word();
        if (snapshot.isEmpty()) return level + ": no events";
        String events = Units.plural(snapshot.total(), "event");
        String onLanes = " on " + Units.plural(lanes.size(), "lane");
        if (!hasOmitted()) return level + ": " + events + onLanes;
        return level + ": " + events + onLanes + ", " + Units.count(lines.size()) + " shown one by one, "
                + Units.count(snapshot.omittedCount()) + " grouped";
    }

    /** The sentence that marks the omitted middle: {@code 9,412 more events (grouped)}. */
    public String omittedSentence() {
        return Units.plural(snapshot.omittedCount(), "more event") + " (grouped)";
    }
}
