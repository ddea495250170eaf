package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.OmittedGroup;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Shape (format {@code syssim-trace}, version 3): {@code format}, {@code version},
 * {@code level}, {@code total} (events recorded), {@code shown} (events kept one by one),
 * {@code omitted} (events only counted), {@code lanes} (each {@code machine}, {@code type},
 * {@code name}), {@code columns} (the names of an event's fields: {@code seq}, {@code time_ns},
 * {@code lane} as an index into {@code lanes}, {@code mode}, {@code kind}, {@code label},
 * {@code detail} (empty if none), {@code cause} (empty if none)), {@code head} and {@code tail}
 * (events, each one string: its fields in the order of {@code columns}, see {@link #row}),
 * {@code group_columns} ({@code lane}, {@code kind}, {@code label}, {@code count}) and
 * {@code omitted_groups} (rows of those fields, the same way) for what lies between head and tail.
 * {@link #fields} reads a row back.
 *
 * <p>Why rows are strings: nbformat saves a {@code +json} value pretty-printed, one value per
 * line, so an event as an array of eight values took eight indented lines in the notebook file
 * (version 2: 20 KB for {@code cat /etc/motd} at {@code full}, twice its compact size); as one
 * string an event is one line (10 KB). Version 1 had an object per event with its keys repeated.
 */
public final class JsonRenderer {

    /** The MIME type the kernel publishes this under. */
    public static final String MIME_TYPE = "application/vnd.syssim.trace+json";
    /** Bumped when a field changes meaning or disappears; new fields do not bump it. */
    public static final int VERSION = 3;
    /** The fields of an event, in the order each event's row holds them. */
    public static final List<String> COLUMNS = List.of("seq", "time_ns", "lane", "mode", "kind", "label", "detail", "cause");
    /** The fields of an omitted group, in the order each group's row holds them. */
    public static final List<String> GROUP_COLUMNS = List.of("lane", "kind", "label", "count");

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
        out.put("group_columns", GROUP_COLUMNS);
        List<Object> groups = new ArrayList<>();
        for (OmittedGroup group : snapshot.omitted()) {
            groups.add(row(List.of(laneIndex.get(group.lane()), word(group.kind()), group.label(), group.count())));
        }
        out.put("omitted_groups", groups);
        out.put("tail", events(snapshot.tail(), laneIndex));
        return out;
    }

    private static List<Object> events(List<TraceEvent> events, Map<Lane, Integer> laneIndex) {
        List<Object> out = new ArrayList<>(events.size());
        for (TraceEvent e : events) {
            out.add(row(Arrays.asList(e.seq(), e.time(), laneIndex.get(e.lane()), word(e.mode()), word(e.kind()),
                    e.label(), e.detail(), e.hasCause() ? e.cause() : null)));
        }
        return out;
    }

    /**
     * One row: the fields separated by tabs, each written as {@link String#valueOf} writes it (a
     * null as the empty string), with a backslash, tab, line feed or carriage return inside a field
     * written {@code \\}, {@code \t}, {@code \n}, {@code \r} (the escapes of PostgreSQL's text
     * format and of {@code tsv} files), so a row never holds a separator of its own.
     */
    public static String row(List<?> fields) {
        StringBuilder out = new StringBuilder(128);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append('\t');
            Object field = fields.get(i);
            String text = field == null ? "" : String.valueOf(field);
            for (int j = 0; j < text.length(); j++) {
                char c = text.charAt(j);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** A row's fields as strings, escapes undone: what {@link #row} wrote, every field as text. */
    public static List<String> fields(String row) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\t') {
                out.add(field.toString());
                field.setLength(0);
            } else if (c == '\\' && i + 1 < row.length()) {
                char next = row.charAt(++i);
                field.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
