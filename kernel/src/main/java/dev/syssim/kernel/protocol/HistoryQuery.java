package dev.syssim.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Answers a {@code history_request} from the {@link HistoryStore}: picks tail, range or search from
 * {@code hist_access_type} and shapes each entry as {@code [session, line, input]}, or
 * {@code [session, line, [input, output]]} when the request asks for output.
 */
final class HistoryQuery {

    // IPython's default for a tail without n.
    private static final int DEFAULT_TAIL = 10;

    private HistoryQuery() {
    }

    static JsonObject reply(HistoryStore store, JsonObject request) {
        List<HistoryStore.Entry> entries = switch (Json.string(request, "hist_access_type", "")) {
            case "tail" -> store.tail(Json.integer(request, "n", DEFAULT_TAIL));
            case "range" -> store.range(Json.integer(request, "session", 0),
                    Json.integer(request, "start", 1), Json.integer(request, "stop", 0));
            case "search" -> store.search(Json.string(request, "pattern", "*"),
                    Json.integer(request, "n", 0), Json.bool(request, "unique", false));
            default -> List.of();
        };
        boolean output = Json.bool(request, "output", false);
        JsonArray history = new JsonArray();
        for (HistoryStore.Entry entry : entries) history.add(row(entry, output));
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.add("history", history);
        return reply;
    }

    private static JsonArray row(HistoryStore.Entry entry, boolean output) {
        JsonArray row = new JsonArray();
        row.add(entry.session());
        row.add(entry.line());
        if (output) {
            JsonArray pair = new JsonArray();
            pair.add(entry.input());
            pair.add(entry.output());
            row.add(pair);
        } else {
            row.add(entry.input());
        }
        return row;
    }
}
