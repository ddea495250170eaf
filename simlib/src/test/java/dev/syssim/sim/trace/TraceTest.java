package dev.syssim.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TraceTest {

    private static final Lane LANE = Lane.process("laptop", "yes", 1301);

    @Test
    void offLevelRecordsNothing() {
        Trace trace = new Trace(10, 10);
        long seq = trace.record(0, LANE, CpuMode.USER, EventKind.SYSCALL_ENTER, "write(1, ...)", "", TraceEvent.NO_CAUSE);
        assertEquals(TraceEvent.NO_CAUSE, seq);
        assertEquals(0, trace.total());
    }

    @Test
    void syscallsLevelHidesModeSwitches() {
        Trace trace = new Trace(10, 10);
        trace.setLevel(TraceLevel.SYSCALLS);
        assertTrue(trace.wants(EventKind.SYSCALL_ENTER));
        assertEquals(false, trace.wants(EventKind.MODE_SWITCH));
    }

    @Test
    void longTraceKeepsHeadAndTailAndCountsTheRestInGroups() {
        Trace trace = new Trace(3, 2);
        trace.setLevel(TraceLevel.FULL);
        for (int i = 0; i < 100; i++) {
            trace.record(i, LANE, CpuMode.USER, EventKind.SYSCALL_ENTER, "write(1, \"y\\n\", 2)", "", TraceEvent.NO_CAUSE);
        }
        TraceSnapshot snapshot = trace.snapshot();
        assertEquals(100, snapshot.total());
        assertEquals(3, snapshot.head().size());
        assertEquals(2, snapshot.tail().size());
        assertEquals(95, snapshot.omittedCount());
        assertEquals(1, snapshot.omitted().size());
        assertEquals("write", snapshot.omitted().get(0).label());
        assertEquals(95, snapshot.omitted().get(0).count());
        assertEquals(99, snapshot.tail().get(1).time());
    }
}
