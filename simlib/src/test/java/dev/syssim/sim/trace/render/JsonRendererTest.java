package dev.syssim.sim.trace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.GsonBuilder;
import dev.syssim.sim.trace.TraceSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

    private final JsonRenderer json = new JsonRenderer();

    @Test
    void sneakyCliAsJsonMatchesGolden() {
        String out = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(json.render(LectureStories.sneakyCli())) + "\n";
        Golden.assertMatches("sneaky-cli.json", out);
    }

    @Test
    void longTraceCountsWhatItOmitsSoTheTotalAddsUp() {
        TraceSnapshot snapshot = LongTraces.yes(100_000, 12, 8);
        Map<String, Object> out = json.render(snapshot);
        assertEquals(100_000L, out.get("total"));
        assertEquals(20L, out.get("shown"));
        assertEquals(99_980L, out.get("omitted"));
        long grouped = 0;
        for (Object group : (List<?>) out.get("omitted_groups")) grouped += (Long) ((Map<?, ?>) group).get("count");
        assertEquals(99_980L, grouped);
    }

    @Test
    void eventsNameTheirLaneByIndexAndKeepTheirCause() {
        Map<String, Object> out = json.render(LectureStories.catMotd());
        List<?> lanes = (List<?>) out.get("lanes");
        List<?> columns = (List<?>) out.get("columns");
        List<?> second = (List<?>) ((List<?>) out.get("head")).get(1);
        assertEquals(Map.of("machine", "laptop", "type", "kernel", "name", "kernel"), lanes.get((Integer) second.get(columns.indexOf("lane"))));
        assertEquals(1L, second.get(columns.indexOf("cause")));
        assertEquals("process", second.get(columns.indexOf("kind")));
    }
}
