package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.OmittedGroup;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trace as JSON-able data for {@code application/vnd.syssim.trace+json}: nested
 * {@link LinkedHashMap}s and {@link List}s of strings, numbers and nulls, in a fixed key order.
 * It returns data rather than a JSON string because a Jupyter bundle carries a {@code +json} type
 * as a JSON object, not as a string: the kernel hands this map to its JSON library as it is, and
 * simlib needs no JSON library of its own.
 *
 * <p>Shape: {@code format}, {@code version}, {@code level}, {@code total} (events recorded),
 * {@code shown} (events kept one by one), {@code omitted} (events only counted), {@code lanes}
 * (each {@code machine}, {@code type}, {@code name}), {@code columns} (the names of an event's
 * fields: {@code seq}, {@code time_ns}, {@code lane} as an index into {@code lanes}, {@code mode},
 * {@code kind}, {@code label}, {@code detail} (empty if none), {@code cause} (null if none)),
 * {@code head} and {@code tail} (events, each an array in the order of {@code columns}: naming the
 * fields once rather than in every event keeps a saved notebook a third smaller here), and
 * {@code omitted_groups} (each {@code lane}, {@code kind}, {@code label}, {@code count}) for what
 * lies between head and tail.
 */
public final class JsonRenderer {

    /** The MIME type the kernel publishes this under. */
    public static final String MIME_TYPE = "application/vnd.syssim.trace+json";
    /** Bumped when a field changes meaning or disappears; new fields do not bump it. */
    public static final int VERSION = 2;
    /** The fields of an event, in the order each event's array holds them. */
    public static final List<String> COLUMNS = List.of("seq", "time_ns", "lane", "mode", "kind", "label", "detail", "cause");

    public Map<String, Object> render(TraceSnapshot snapshot) {
        return render(TraceView.of(snapshot));
    }

    public Map<String, Object> render(TraceView view) {
        TraceSnapshot snapshot = view.snapshot();
        Map<Lane, Integer> laneIndex = new HashMap<>();
        List<Object> lanes = new ArrayList<>();
        for (Lane lane : view.lanes()) {
            laneIndex.put(lane, lanes.size());
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("machine", lane.machine());
            l.put("type", EventWords.laneType(lane.type()));
            l.put("name", lane.name());
            lanes.add(l);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "syssim-trace");
        out.put("version", VERSION);
        out.put("level", snapshot.level().word());
        out.put("total", snapshot.total());
        out.put("shown", (long) snapshot.head().size() + snapshot.tail().size());
        out.put("omitted", snapshot.omittedCount());
        out.put("lanes", lanes);
        out.put("columns", COLUMNS);
        out.put("head", events(snapshot.head(), laneIndex));
        List<Object> groups = new ArrayList<>();
        for (OmittedGroup group : snapshot.omitted()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("lane", laneIndex.get(group.lane()));
            g.put("kind", word(group.kind()));
            g.put("label", group.label());
            g.put("count", group.count());
            groups.add(g);
        }
        out.put("omitted_groups", groups);
        out.put("tail", events(snapshot.tail(), laneIndex));
        return out;
    }

    private static List<Object> events(List<TraceEvent> events, Map<Lane, Integer> laneIndex) {
        List<Object> out = new ArrayList<>(events.size());
        for (TraceEvent e : events) {
            List<Object> m = new ArrayList<>(COLUMNS.size());
            m.add(e.seq());
            m.add(e.time());
            m.add(laneIndex.get(e.lane()));
            m.add(e.mode().name().toLowerCase(Locale.ROOT));
            m.add(word(e.kind()));
            m.add(e.label());
            m.add(e.detail());
            m.add(e.hasCause() ? e.cause() : null);
            out.add(m);
        }
        return out;
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
