package dev.syssim.sim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import dev.syssim.sim.trace.Trace;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;
import dev.syssim.sim.trace.render.JsonRenderer;
import dev.syssim.sim.world.Terminal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A trace counts the same whether read from its snapshot or from the JSON the notebook displays,
 * and whether its middle was kept one by one or grouped.
 */
class CostCountsTest {

    @Test
    void theSnapshotAndItsJsonCountAlikeAndGroupsCountAsTheirEvents() {
        Terminal.Fixture f = Terminal.laptop();
        f.run("echo 3 > /proc/sys/vm/drop_caches");
        f.world().trace().setLevel(TraceLevel.INTERRUPTS);
        f.run("cat /etc/motd > /dev/null");
        TraceSnapshot snapshot = f.world().trace().snapshot();
        CostCounts counts = CostCounts.of(snapshot, "cat");
        assertTrue(counts.programSyscalls() > 10 && counts.interrupts() > 0 && counts.contextSwitches() > 0, counts.toString());
        assertEquals(0, counts.vmExits());
        // through JSON text, as a notebook file holds it
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new Gson().fromJson(new Gson().toJson(new JsonRenderer().render(snapshot)), Map.class);
        assertEquals(counts, CostCounts.ofJson(json, "cat"));
        // the same events in a trace that keeps two at each end: the rest are counted in groups
        assertEquals(0, snapshot.omittedCount(), "the whole cat fits the world's trace");
        Trace small = new Trace(2, 2);
        small.setLevel(TraceLevel.INTERRUPTS);
        for (TraceEvent e : snapshot.keptEvents()) small.record(e.time(), e.lane(), e.mode(), e.kind(), e.label(), e.detail(), e.cause());
        assertTrue(small.snapshot().omittedCount() > 0);
        assertEquals(counts, CostCounts.of(small.snapshot(), "cat"));
    }
}
