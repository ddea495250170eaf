package dev.syssim.kernel.protocol;

import com.google.gson.JsonObject;
import dev.syssim.kernel.eval.Completion;
import dev.syssim.kernel.eval.Inspection;
import dev.syssim.kernel.eval.Interpreter;
import dev.syssim.kernel.eval.IsComplete;
import java.util.List;

/**
 * The shell channel's requests: execute, complete, inspect, is_complete, kernel_info, history,
 * comm_info, the comm messages and shutdown. Each request that has a reply in the spec gets it, with
 * {@code status}. Runs on the shell thread, one request at a time.
 */
final class ShellRequests implements RequestHandler {

    private final Interpreter interpreter;
    private final KernelSession session;
    private final IOPub iopub;
    private final Execution execution;
    private final HistoryStore history;
    private final Shutdown shutdown;
    private List<Message> abortedQueue = List.of();

    ShellRequests(Interpreter interpreter, KernelSession session, IOPub iopub, Execution execution,
                  HistoryStore history, Shutdown shutdown) {
        this.interpreter = interpreter;
        this.session = session;
        this.iopub = iopub;
        this.execution = execution;
        this.history = history;
        this.shutdown = shutdown;
    }

    @Override
    public void handle(Channel shell, Message request) {
        JsonObject content = request.content();
        switch (request.type()) {
            case "execute_request" -> abortedQueue = execution.execute(shell, request);
            case "complete_request" -> reply(shell, request, "complete_reply", complete(content));
            case "inspect_request" -> reply(shell, request, "inspect_reply", inspect(content));
            case "is_complete_request" -> reply(shell, request, "is_complete_reply", isComplete(content));
            case "kernel_info_request" -> reply(shell, request, "kernel_info_reply", KernelInfo.content(interpreter.banner(), interpreter.languageInfo()));
            case "history_request" -> reply(shell, request, "history_reply", HistoryQuery.reply(history, content));
            case "comm_info_request" -> reply(shell, request, "comm_info_reply", Comms.info());
            case "comm_open" -> Comms.refuse(iopub, request);
            case "comm_msg", "comm_close" -> Log.debug("no comm " + Json.string(content, "comm_id", "?"));
            case "shutdown_request" -> shutdown.handle(shell, request);
            default -> Log.warn("shell: unknown message type " + request.type() + ", no reply");
        }
    }

    @Override
    public List<Message> takeAbortedQueue() {
        List<Message> queued = abortedQueue;
        abortedQueue = List.of();
        return queued;
    }

    private void reply(Channel shell, Message request, String msgType, JsonObject content) {
        shell.send(session.reply(request, msgType, content));
    }

    private JsonObject complete(JsonObject request) {
        String code = Json.string(request, "code", "");
        Completion completion = interpreter.complete(code, cursor(request, code));
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.add("matches", Json.tree(completion.matches()));
        reply.addProperty("cursor_start", codePoints(code, completion.cursorStart()));
        reply.addProperty("cursor_end", codePoints(code, completion.cursorEnd()));
        reply.add("metadata", new JsonObject());
        return reply;
    }

    private JsonObject inspect(JsonObject request) {
        String code = Json.string(request, "code", "");
        Inspection inspection = interpreter.inspect(code, cursor(request, code), Json.integer(request, "detail_level", 0));
        JsonObject data = new JsonObject();
        if (inspection.found()) data.addProperty("text/plain", inspection.text());
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.addProperty("found", inspection.found());
        reply.add("data", data);
        reply.add("metadata", new JsonObject());
        return reply;
    }

    private JsonObject isComplete(JsonObject request) {
        IsComplete answer = interpreter.isComplete(Json.string(request, "code", ""));
        JsonObject reply = new JsonObject();
        reply.addProperty("status", answer.status());
        if (answer.status().equals("incomplete")) reply.addProperty("indent", answer.indent());
        return reply;
    }

    // The spec counts cursor_pos in unicode code points; Java strings index UTF-16 units.
    private static int cursor(JsonObject request, String code) {
        int codePoints = code.codePointCount(0, code.length());
        int pos = Json.integer(request, "cursor_pos", codePoints);
        return code.offsetByCodePoints(0, Math.max(0, Math.min(pos, codePoints)));
    }

    private static int codePoints(String code, int utf16Index) {
        return code.codePointCount(0, Math.max(0, Math.min(utf16Index, code.length())));
    }
}
