package dev.syssim.sim.trace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class NestingTest {

    private static final Lane CAT = Lane.process("laptop", "cat", 1204);
    private static final Lane KERNEL = Lane.kernel("laptop");
    private static final Lane DISK = Lane.device("laptop", "disk");

    private static TraceEvent event(long seq, Lane lane, EventKind kind, long cause) {
        return new TraceEvent(seq, seq, lane, CpuMode.KERNEL, kind, kind.name(), "", cause);
    }

    private static List<Integer> depths(TraceEvent... events) {
        return Nesting.lines(List.of(events)).stream().map(EventLine::depth).toList();
    }

    @Test
    void kernelWorkIsIndentedUnderTheSyscallAndTheReturnClosesAtItsLevel() {
        assertEquals(List.of(0, 1, 2, 3, 0), depths(
                event(1, CAT, EventKind.SYSCALL_ENTER, TraceEvent.NO_CAUSE),
                event(2, DISK, EventKind.DEVICE_REQUEST, 1),
                event(3, DISK, EventKind.INTERRUPT, 2),
                event(4, KERNEL, EventKind.WAKE, 3),
                event(5, CAT, EventKind.SYSCALL_EXIT, 1)));
    }

    @Test
    void causeOnAnotherMachineStartsAgainAtLevelZero() {
        Lane router = Lane.kernel("border");
        assertEquals(List.of(0, 1, 0), depths(
                event(1, CAT, EventKind.SYSCALL_ENTER, TraceEvent.NO_CAUSE),
                event(2, KERNEL, EventKind.PACKET, 1),
                event(3, router, EventKind.PACKET, 2)));
    }

    @Test
    void causeThatWasNotKeptStartsAtLevelZero() {
        assertEquals(List.of(0), depths(event(50, KERNEL, EventKind.WAKE, 7)));
    }

    @Test
    void depthStopsGrowingAtTheMaximum() {
        TraceEvent[] chain = new TraceEvent[12];
        for (int i = 0; i < chain.length; i++) chain[i] = event(i + 1, KERNEL, EventKind.MEMORY, i == 0 ? TraceEvent.NO_CAUSE : i);
        assertEquals(Nesting.MAX_DEPTH, depths(chain).get(11));
    }
}
