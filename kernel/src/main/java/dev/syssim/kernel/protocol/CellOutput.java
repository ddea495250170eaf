package dev.syssim.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.syssim.kernel.eval.CellIO;
import java.util.Map;
import java.util.Optional;

/**
 * How one running cell talks back: each call becomes an iopub message whose parent is the cell's
 * {@code execute_request}, or an {@code input_request} on stdin. A silent request publishes nothing,
 * as the spec asks of {@code silent: true}.
 */
final class CellOutput implements CellIO {

    private final IOPub iopub;
    private final Stdin stdin;
    private final HistoryStore history;
    private final Message request;
    private final boolean silent;
    private final boolean allowStdin;
    private final int executionCount;
    private final boolean storedInHistory;
    /** What the cell sent to the pager: the {@code payload} of its {@code execute_reply}. */
    private final JsonArray payload = new JsonArray();

    CellOutput(IOPub iopub, Stdin stdin, HistoryStore history, Message request, boolean silent,
               boolean allowStdin, int executionCount, boolean storedInHistory) {
        this.iopub = iopub;
        this.stdin = stdin;
        this.history = history;
        this.request = request;
        this.silent = silent;
        this.allowStdin = allowStdin;
        this.executionCount = executionCount;
        this.storedInHistory = storedInHistory;
    }

    @Override
    public void stream(String name, String text) {
        if (silent || text.isEmpty()) return;
        JsonObject content = new JsonObject();
        content.addProperty("name", name);
        content.addProperty("text", text);
        iopub.publish(request, "stream", content);
    }

    @Override
    public void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update) {
        if (update && displayId == null) {
            throw new IllegalArgumentException("update_display_data needs a display id");
        }
        if (silent) return;
        JsonObject content = bundle(data, metadata);
        JsonObject transient_ = new JsonObject();
        if (displayId != null) transient_.addProperty("display_id", displayId);
        content.add("transient", transient_);
        iopub.publish(request, update ? "update_display_data" : "display_data", content);
    }

    @Override
    public void result(Map<String, Object> data, Map<String, Object> metadata) {
        if (silent) return;
        JsonObject content = bundle(data, metadata);
        content.addProperty("execution_count", executionCount);
        iopub.publish(request, "execute_result", content);
        Object text = data.get("text/plain");
        if (storedInHistory && text instanceof String plain) history.recordOutput(executionCount, plain);
    }

    @Override
    public void page(String text) {
        if (silent) return;
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", text);
        JsonObject page = new JsonObject();
        page.addProperty("source", "page");
        page.add("data", data);
        page.addProperty("start", 0);
        payload.add(page);
    }

    /** The {@code page} payloads collected while the cell ran. */
    JsonArray payload() {
        return payload.deepCopy();
    }

    @Override
    public void clearOutput(boolean wait) {
        if (silent) return;
        JsonObject content = new JsonObject();
        content.addProperty("wait", wait);
        iopub.publish(request, "clear_output", content);
    }

    @Override
    public Optional<String> input(String prompt, boolean password) {
        return allowStdin ? stdin.ask(request, prompt, password) : Optional.empty();
    }

    @Override
    public boolean stdinAllowed() {
        return allowStdin;
    }

    @Override
    public int executionCount() {
        return storedInHistory ? executionCount : 0;
    }

    private static JsonObject bundle(Map<String, Object> data, Map<String, Object> metadata) {
        JsonObject content = new JsonObject();
        content.add("data", Json.treeObject(data));
        content.add("metadata", Json.treeObject(metadata));
        return content;
    }
}
