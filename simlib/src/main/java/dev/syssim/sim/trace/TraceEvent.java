package dev.syssim.sim.trace;

/**
 * One thing that happened: its place in the world's total order ({@code seq}), the simulated time
 * in nanoseconds, the lane it happened on, the CPU mode it happened in, what kind of thing it was,
 * a short label (strace-like where there is a real tool's form), optional details, and the
 * {@code seq} of the event that caused it ({@link #NO_CAUSE} if none).
 */
public record TraceEvent(long seq, long time, Lane lane, CpuMode mode, EventKind kind,
                         String label, String detail, long cause) {

    public static final long NO_CAUSE = -1;

    public TraceEvent {
        if (lane == null || mode == null || kind == null || label == null) {
            throw new IllegalArgumentException("lane, mode, kind and label are required");
        }
        if (detail == null) detail = "";
    }

    public String machine() {
        return lane.machine();
    }

    public boolean hasCause() {
        return cause != NO_CAUSE;
    }
}
