package dev.syssim.sim.trace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.LaneType;
import dev.syssim.sim.trace.OmittedGroup;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceFilterTest {

    private static long sum(TraceSnapshot s) {
        return s.head().size() + s.tail().size() + s.omitted().stream().mapToLong(OmittedGroup::count).sum();
    }

    @Test
    void syscallsLevelHidesDeviceChatterRecordedAtFull() {
        TraceSnapshot shown = new TraceFilter(TraceLevel.SYSCALLS, LaneSelector.ALL, 1000).apply(LectureStories.catMotd());
        assertTrue(shown.keptEvents().stream().allMatch(e -> TraceLevel.SYSCALLS.shows(e.kind())));
        assertTrue(shown.keptEvents().stream().noneMatch(e -> e.kind() == EventKind.DEVICE_REQUEST));
        assertEquals(shown.keptEvents().size(), shown.total());
    }

    @Test
    void lanesSelectByTypeByMachineOrBoth() {
        TraceSnapshot story = LectureStories.synDroppedAtBorder();
        TraceSnapshot firewall = new TraceFilter(TraceLevel.FULL, new LaneSelector(List.of("firewall")), 1000).apply(story);
        assertTrue(firewall.keptEvents().stream().allMatch(e -> e.lane().type() == LaneType.FIREWALL));
        assertEquals(2, firewall.total());
        TraceSnapshot border = new TraceFilter(TraceLevel.FULL, new LaneSelector(List.of("border")), 1000).apply(story);
        assertTrue(border.keptEvents().stream().allMatch(e -> e.machine().equals("border")));
        assertEquals(4, border.total());
        TraceSnapshot both = new TraceFilter(TraceLevel.FULL, new LaneSelector(List.of("offcampus:process")), 1000).apply(story);
        assertEquals(4, both.total());
    }

    @Test
    void maxKeepsTheFirstAndLastEventsAndCountsTheRestInGroups() {
        TraceSnapshot story = LectureStories.catMotd();
        TraceSnapshot shown = new TraceFilter(TraceLevel.FULL, LaneSelector.ALL, 10).apply(story);
        assertEquals(5, shown.head().size());
        assertEquals(5, shown.tail().size());
        assertEquals(story.total(), shown.total());
        assertEquals(story.total(), sum(shown));
        assertEquals(story.head().get(0), shown.head().get(0));
        assertEquals(story.head().get(story.head().size() - 1), shown.tail().get(4));
    }

    @Test
    void maxOnABoundedTraceMergesItsGroupsWithTheOnesAlreadyThere() {
        TraceSnapshot bounded = LongTraces.yes(10_000, 50, 50);
        TraceSnapshot shown = new TraceFilter(TraceLevel.FULL, LaneSelector.ALL, 20).apply(bounded);
        assertEquals(10, shown.head().size());
        assertEquals(10, shown.tail().size());
        assertEquals(10_000, shown.total());
        assertEquals(10_000, sum(shown));
        assertEquals(bounded.omitted().size(), shown.omitted().size(), "same lanes, kinds and words: groups merge");
        TraceEvent lastKept = bounded.tail().get(bounded.tail().size() - 1);
        assertEquals(lastKept, shown.tail().get(9));
    }
}
