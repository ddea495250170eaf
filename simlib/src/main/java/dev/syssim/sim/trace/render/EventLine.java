package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.TraceEvent;

/**
 * One kept event with its nesting depth: 0 for something that started on its own, 1 for kernel
 * work a syscall or interrupt caused, and so on.
 */
public record EventLine(TraceEvent event, int depth) {

    /**
     * True when two lines say the same thing apart from when it happened, which is what makes a
     * run of them a repeat.
     */
    public boolean sameShapeAs(EventLine other) {
        TraceEvent a = event;
        TraceEvent b = other.event;
        return depth == other.depth && a.kind() == b.kind() && a.mode() == b.mode()
                && a.lane().equals(b.lane()) && a.label().equals(b.label()) && a.detail().equals(b.detail());
    }
}
