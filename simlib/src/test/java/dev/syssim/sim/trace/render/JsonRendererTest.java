package dev.syssim.sim.trace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import dev.syssim.sim.trace.TraceSnapshot;
import java.util.Arrays;
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
        int count = ((List<?>) out.get("group_columns")).indexOf("count");
        long grouped = 0;
        for (Object group : (List<?>) out.get("omitted_groups")) grouped += Long.parseLong(JsonRenderer.fields((String) group).get(count));
        assertEquals(99_980L, grouped);
    }

    @Test
    void eventsNameTheirLaneByIndexAndKeepTheirCause() {
        Map<String, Object> out = json.render(LectureStories.catMotd());
        assertEquals(3, out.get("version"));
        List<?> lanes = (List<?>) out.get("lanes");
        List<?> columns = (List<?>) out.get("columns");
        List<String> first = JsonRenderer.fields((String) ((List<?>) out.get("head")).get(0));
        List<String> second = JsonRenderer.fields((String) ((List<?>) out.get("head")).get(1));
        assertEquals(Map.of("machine", "laptop", "type", "kernel", "name", "kernel"), lanes.get(Integer.parseInt(second.get(columns.indexOf("lane")))));
        assertEquals("1", second.get(columns.indexOf("cause")));
        assertEquals("", first.get(columns.indexOf("cause")), "no cause is an empty field");
        assertEquals("process", second.get(columns.indexOf("kind")));
        assertEquals(columns.size(), second.size());
    }

    @Test
    void eachEventIsOneLineWhenTheNotebookFilePrettyPrintsTheTrace() {
        // nbformat writes a +json value indented, one JSON value per line: an event must be one value
        Map<String, Object> out = json.render(LectureStories.catMotd());
        String pretty = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(out);
        int events = ((List<?>) out.get("head")).size() + ((List<?>) out.get("tail")).size();
        assertTrue(events > 20, events + " events");
        long lines = pretty.lines().count();
        assertTrue(lines < events + 60, lines + " lines for " + events + " events");
    }

    @Test
    void aRowKeepsTabsNewlinesAndBackslashesInsideItsFields() {
        List<Object> fields = Arrays.asList(7, "a\tb", "line 1\nline 2\r", "C:\\dir\\", null, "\\t is not a tab", "");
        String row = JsonRenderer.row(fields);
        assertEquals(6, row.chars().filter(c -> c == '\t').count(), "only the separators are tabs: " + row);
        assertTrue(row.indexOf('\n') < 0 && row.indexOf('\r') < 0, row);
        assertEquals(List.of("7", "a\tb", "line 1\nline 2\r", "C:\\dir\\", "", "\\t is not a tab", ""), JsonRenderer.fields(row));
    }
}
