package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;
import java.util.ArrayList;
import java.util.List;

/** A hand-written trace: events appended in order, each returning its sequence number for causes. */
final class Story {

    /** The cause of an event that started on its own. */
    static final long START = TraceEvent.NO_CAUSE;

    private final List<TraceEvent> events = new ArrayList<>();

    long add(long micros, Lane lane, CpuMode mode, EventKind kind, String label, long cause) {
        return add(micros, lane, mode, kind, label, "", cause);
    }

    long add(long micros, Lane lane, CpuMode mode, EventKind kind, String label, String detail, long cause) {
        long seq = events.size() + 1;
        events.add(new TraceEvent(seq, micros * 1_000, lane, mode, kind, label, detail, cause));
        return seq;
    }

    TraceSnapshot snapshot(TraceLevel level) {
        return TraceSnapshot.of(level, events);
    }
}
