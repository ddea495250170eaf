package dev.syssim.sim.trace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatsTest {

    private static final Lane YES = Lane.process("laptop", "yes", 1301);

    private static EventLine line(int seq, String label) {
        return new EventLine(new TraceEvent(seq, seq * 1000L, YES, CpuMode.USER, EventKind.SYSCALL_ENTER, label, "",
                TraceEvent.NO_CAUSE), 0);
    }

    private static List<EventLine> lines(String... labels) {
        List<EventLine> out = new ArrayList<>();
        for (String label : labels) out.add(line(out.size() + 1, label));
        return out;
    }

    @Test
    void sameLineThreeTimesIsOneRepeatWhateverTheTimes() {
        List<Run> runs = Repeats.find(lines("write", "write", "write"));
        Run.Repeat repeat = assertInstanceOf(Run.Repeat.class, runs.get(0));
        assertEquals(1, runs.size());
        assertEquals(3, repeat.times());
        assertEquals(3000L, repeat.lastTime());
    }

    @Test
    void twoIdenticalLinesStayAsTheyAreBecauseGroupingWouldNotSaveALine() {
        assertEquals(2, Repeats.find(lines("write", "write")).size());
    }

    @Test
    void alternatingPairRepeatsAsABlockOfTwo() {
        List<Run> runs = Repeats.find(lines("a", "b", "a", "b", "a", "b", "c"));
        Run.Repeat repeat = assertInstanceOf(Run.Repeat.class, runs.get(0));
        assertEquals(2, repeat.block().size());
        assertEquals(3, repeat.times());
        assertInstanceOf(Run.Single.class, runs.get(1));
    }

    @Test
    void aDifferentLabelBreaksTheRepeat() {
        List<Run> runs = Repeats.find(lines("write", "write", "write", "read", "write"));
        assertEquals(3, runs.size());
        assertEquals(3, assertInstanceOf(Run.Repeat.class, runs.get(0)).times());
    }
}
