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
 * (each {@code machine}, {@code type}, {@code name}), {@code head} and {@code tail} (events, each
 * {@code seq}, {@code time_ns}, {@code lane} as an index into {@code lanes}, {@code mode},
 * {@code kind}, {@code label}, and {@code detail} and {@code cause} when present), and
 * {@code omitted_groups} (each {@code lane}, {@code kind}, {@code label}, {@code count}) for what
 * lies between head and tail.
 */
public final class JsonRenderer {

    /** The MIME type the kernel publishes this under. */
    public static final String MIME_TYPE = "application/vnd.syssim.trace+json";
    /** Bumped when a field changes meaning or disappears; new fields do not bump it. */
    public static final int VERSION = 1;

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
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", e.seq());
            m.put("time_ns", e.time());
            m.put("lane", laneIndex.get(e.lane()));
            m.put("mode", e.mode().name().toLowerCase(Locale.ROOT));
            m.put("kind", word(e.kind()));
            m.put("label", e.label());
            if (!e.detail().isEmpty()) m.put("detail", e.detail());
            if (e.hasCause()) m.put("cause", e.cause());
            out.add(m);
        }
        return out;
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
