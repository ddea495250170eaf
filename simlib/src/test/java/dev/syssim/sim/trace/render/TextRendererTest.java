package dev.syssim.sim.trace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRendererTest {

    private final TextRenderer text = new TextRenderer();

    @Test
    void catMotdReadsAsTheProcessFlowSlide() {
        Golden.assertMatches("cat-motd.txt", text.render(LectureStories.catMotd()));
    }

    @Test
    void sneakyCliShowsGeneralProtectionFaultThenSigsegv() {
        Golden.assertMatches("sneaky-cli.txt", text.render(LectureStories.sneakyCli()));
    }

    @Test
    void twoSpinsTakingTurnsAreGroupedAsOneRepeat() {
        String out = text.render(LectureStories.twoSpinsOneCore());
        Golden.assertMatches("two-spins.txt", out);
        assertTrue(out.contains("x 6  (the 4 lines above, 6 times in all, until 0.048002 s)"), out);
    }

    @Test
    void synDroppedByForwardRuleOneNamesTheRule() {
        String out = text.render(LectureStories.synDroppedAtBorder());
        Golden.assertMatches("syn-dropped.txt", out);
        assertTrue(out.contains("filter:FORWARD:rule:1"), out);
    }

    @Test
    void vmExitThirtyIsAnIoInstruction() {
        Golden.assertMatches("vm-exit-io.txt", text.render(LectureStories.vmExitIoInstruction()));
    }

    @Test
    void longTraceSaysHowManyEventsWereGroupedAndLists()  {
        String out = text.render(LongTraces.yes(100_000, 12, 8));
        Golden.assertMatches("long-trace.txt", out);
        assertTrue(out.contains("  ... 99,980 more events (grouped):"), out);
    }

    @Test
    void outputIsAsciiApartFromLabels() {
        for (TraceSnapshot snapshot : List.of(LectureStories.catMotd(), LectureStories.synDroppedAtBorder(),
                LectureStories.twoSpinsOneCore(), LongTraces.yes(10_000, 10, 10))) {
            String out = text.render(snapshot);
            assertTrue(out.chars().allMatch(c -> c < 128), out);
        }
    }

    @Test
    void emptyTraceSaysNoEvents() {
        assertEquals("trace, level full: no events\n", text.render(TraceSnapshot.of(TraceLevel.FULL, List.of())));
    }

    @Test
    void detailFollowsTheLabelInBrackets() {
        TraceEvent e = new TraceEvent(1, 0, new Lane("border", dev.syssim.sim.trace.LaneType.FIREWALL, "FORWARD"),
                CpuMode.KERNEL, EventKind.FIREWALL, "filter:FORWARD:rule:1", "DROP", TraceEvent.NO_CAUSE);
        String out = text.render(TraceSnapshot.of(TraceLevel.SYSCALLS, List.of(e)));
        assertTrue(out.contains("firewall  filter:FORWARD:rule:1  [DROP]"), out);
    }
}
