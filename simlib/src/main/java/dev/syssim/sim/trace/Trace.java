package dev.syssim.sim.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounded recorder every room of the simulation writes to. It keeps the first {@code headLimit}
 * events and the last {@code tailLimit} events of a cell; the events in between are only counted,
 * grouped by lane, kind and the first word of their label, so memory stays flat however long the
 * simulation runs. Callers ask {@link #wants(EventKind)} before building a label, so an untraced
 * world pays one comparison per event.
 */
public final class Trace {

    private record GroupKey(Lane lane, EventKind kind, String labelWord) {
    }

    private final int headLimit;
    private final int tailLimit;
    private TraceLevel level = TraceLevel.OFF;
    private long nextSeq = 1;

    private final List<TraceEvent> head = new ArrayList<>();
    private final ArrayDeque<TraceEvent> tail = new ArrayDeque<>();
    private final Map<GroupKey, long[]> omitted = new LinkedHashMap<>();
    private long total;

    public Trace(int headLimit, int tailLimit) {
        if (headLimit < 0 || tailLimit < 0) throw new IllegalArgumentException("limits must be >= 0");
        this.headLimit = headLimit;
        this.tailLimit = tailLimit;
    }

    public TraceLevel level() {
        return level;
    }

    public void setLevel(TraceLevel level) {
        this.level = level;
    }

    /** True when an event of this kind would be recorded at the current level. */
    public boolean wants(EventKind kind) {
        return level.shows(kind);
    }

    /**
     * Records an event if the level shows its kind.
     *
     * @return the event's sequence number, or {@link TraceEvent#NO_CAUSE} if it was not recorded
     */
    public long record(long time, Lane lane, CpuMode mode, EventKind kind, String label, String detail, long cause) {
        if (!wants(kind)) return TraceEvent.NO_CAUSE;
        TraceEvent event = new TraceEvent(nextSeq++, time, lane, mode, kind, label, detail, cause);
        total++;
        if (head.size() < headLimit) {
            head.add(event);
        } else if (tailLimit > 0) {
            if (tail.size() == tailLimit) count(tail.removeFirst());
            tail.addLast(event);
        } else {
            count(event);
        }
        return event.seq();
    }

    private void count(TraceEvent event) {
        GroupKey key = new GroupKey(event.lane(), event.kind(), firstWord(event.label()));
        omitted.computeIfAbsent(key, k -> new long[1])[0]++;
    }

    private static String firstWord(String label) {
        int end = 0;
        while (end < label.length() && isWordChar(label.charAt(end))) end++;
        return end == 0 ? label : label.substring(0, end);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** How many events were recorded since the last {@link #clear()}. */
    public long total() {
        return total;
    }

    /** The most recent events, at most {@code n}, oldest first (for live progress). */
    public List<TraceEvent> recent(int n) {
        List<TraceEvent> out = new ArrayList<>(n);
        List<TraceEvent> tailList = new ArrayList<>(tail);
        int fromTail = Math.min(n, tailList.size());
        int fromHead = Math.min(n - fromTail, head.size());
        out.addAll(head.subList(head.size() - fromHead, head.size()));
        out.addAll(tailList.subList(tailList.size() - fromTail, tailList.size()));
        return out;
    }

    public TraceSnapshot snapshot() {
        List<OmittedGroup> groups = new ArrayList<>(omitted.size());
        omitted.forEach((key, count) -> groups.add(new OmittedGroup(key.lane(), key.kind(), key.labelWord(), count[0])));
        return new TraceSnapshot(level, head, groups, new ArrayList<>(tail), total);
    }

    /** Forgets the recorded events (a new cell starts); sequence numbers keep counting. */
    public void clear() {
        head.clear();
        tail.clear();
        omitted.clear();
        total = 0;
    }
}
