package dev.syssim.sim.virt;

import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.LaneType;
import dev.syssim.sim.trace.OmittedGroup;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceSnapshot;
import dev.syssim.sim.trace.render.JsonRenderer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one command cost the machines, counted from the trace of it: the syscalls of the program
 * itself and of everything else (the shell, sudo, QEMU on the host...), interrupts, context
 * switches and VM exits. The lecture's table of the same {@code cat} on bare metal, in a
 * container and in a VM is these counts; the trace must have been recorded at the interrupts
 * level or above.
 *
 * @param programSyscalls syscalls made by processes named {@code program}, on any machine
 * @param otherSyscalls   syscalls made by every other process, host or guest
 */
public record CostCounts(long programSyscalls, long otherSyscalls, long interrupts, long contextSwitches, long vmExits) {

    /** Counts a snapshot, its one-by-one events and its grouped middle alike. */
    public static CostCounts of(TraceSnapshot snapshot, String program) {
        long[] n = new long[5];
        for (TraceEvent e : snapshot.keptEvents()) count(n, e.lane(), e.kind(), 1, program);
        for (OmittedGroup g : snapshot.omitted()) count(n, g.lane(), g.kind(), g.count(), program);
        return new CostCounts(n[0], n[1], n[2], n[3], n[4]);
    }

    /**
     * Counts a trace as the notebook's display carries it ({@code application/vnd.syssim.trace+json},
     * see {@link dev.syssim.sim.trace.render.JsonRenderer}): what a test of a notebook sees of a cell.
     */
    public static CostCounts ofJson(Map<String, Object> trace, String program) {
        List<?> lanes = (List<?>) trace.get("lanes");
        long[] n = new long[5];
        for (String part : List.of("head", "tail")) {
            for (Object o : (List<?>) trace.get(part)) {
                List<String> e = JsonRenderer.fields((String) o);
                count(n, (Map<?, ?>) lanes.get(Integer.parseInt(e.get(2))), e.get(4), 1, program);
            }
        }
        for (Object o : (List<?>) trace.get("omitted_groups")) {
            List<String> g = JsonRenderer.fields((String) o);
            count(n, (Map<?, ?>) lanes.get(Integer.parseInt(g.get(0))), g.get(1), Long.parseLong(g.get(3)), program);
        }
        return new CostCounts(n[0], n[1], n[2], n[3], n[4]);
    }

    private static void count(long[] n, Map<?, ?> lane, String kind, long times, String program) {
        boolean ofProgram = "process".equals(lane.get("type")) && String.valueOf(lane.get("name")).startsWith(program + "[");
        switch (EventKind.valueOf(kind.toUpperCase(Locale.ROOT))) {
            case SYSCALL_ENTER -> n[ofProgram ? 0 : 1] += times;
            case INTERRUPT -> n[2] += times;
            case CONTEXT_SWITCH -> n[3] += times;
            case VM_EXIT -> n[4] += times;
            default -> {
            }
        }
    }

    private static void count(long[] n, Lane lane, EventKind kind, long times, String program) {
        switch (kind) {
            case SYSCALL_ENTER -> n[lane.type() == LaneType.PROCESS && lane.name().startsWith(program + "[") ? 0 : 1] += times;
            case INTERRUPT -> n[2] += times;
            case CONTEXT_SWITCH -> n[3] += times;
            case VM_EXIT -> n[4] += times;
            default -> {
            }
        }
    }
}
