package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides how deep each event sits, from its {@code cause}: work caused by a syscall or an
 * interrupt on the same machine is one level under it, and a return ({@code = 3}, VM entry) closes
 * at the level of the event it answers. An event caused on another machine (a packet arriving, a
 * VM exit reaching the host) or whose cause was not kept (it fell into the omitted middle) starts
 * again at level 0: nesting shows what one machine did in answer, not how far a packet went.
 */
public final class Nesting {

    /** Deeper than this, indentation stops growing: the picture stays readable. */
    public static final int MAX_DEPTH = 6;

    private Nesting() {
    }

    public static List<EventLine> lines(List<TraceEvent> events) {
        Map<Long, Integer> depthBySeq = new HashMap<>();
        Map<Long, TraceEvent> bySeq = new HashMap<>();
        List<EventLine> lines = new ArrayList<>(events.size());
        for (TraceEvent event : events) {
            int depth = 0;
            TraceEvent cause = event.hasCause() ? bySeq.get(event.cause()) : null;
            if (cause != null && cause.machine().equals(event.machine())) {
                int causeDepth = depthBySeq.get(cause.seq());
                depth = Math.min(MAX_DEPTH, causeDepth + (closes(event.kind()) ? 0 : 1));
            }
            depthBySeq.put(event.seq(), depth);
            bySeq.put(event.seq(), event);
            lines.add(new EventLine(event, depth));
        }
        return lines;
    }

    private static boolean closes(EventKind kind) {
        return kind == EventKind.SYSCALL_EXIT || kind == EventKind.VM_ENTRY;
    }
}
