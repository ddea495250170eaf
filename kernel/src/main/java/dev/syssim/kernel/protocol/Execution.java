package dev.syssim.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.syssim.kernel.eval.ExecuteOutcome;
import dev.syssim.kernel.eval.Interpreter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.zeromq.ZMQException;

/**
 * Runs {@code execute_request}s: keeps the execution count, stores history, announces the input,
 * runs the cell on the {@link Interpreter}, publishes an error and sends the {@code execute_reply}.
 * Only cells that are neither silent nor excluded by {@code store_history} count, as the spec says.
 */
final class Execution {

    private final Interpreter interpreter;
    private final KernelSession session;
    private final IOPub iopub;
    private final Stdin stdin;
    private final HistoryStore history;
    // Guards `running` so an interrupt is passed on only while its cell is current: from before the
    // client sees execute_input (it may press stop at once) until the interpreter has been told to
    // forget what the cell did not see.
    private final Object interruptLock = new Object();
    private boolean running;
    private int executionCount;

    Execution(Interpreter interpreter, KernelSession session, IOPub iopub, Stdin stdin, HistoryStore history) {
        this.interpreter = interpreter;
        this.session = session;
        this.iopub = iopub;
        this.stdin = stdin;
        this.history = history;
    }

    /**
     * Runs one request and replies on {@code shell}.
     *
     * @return after an error with {@code stop_on_error}, the requests that were queued behind this
     *     one (to be answered once it is idle); otherwise none
     */
    List<Message> execute(Channel shell, Message request) {
        ExecuteRequest cell = ExecuteRequest.from(request.content());
        if (cell.storeHistory()) {
            executionCount++;
            history.add(executionCount, cell.code());
        }
        CellOutput output = new CellOutput(iopub, stdin, history, request,
                cell.silent(), cell.allowStdin(), executionCount, cell.storeHistory());
        ExecuteOutcome outcome;
        begin();
        try {
            if (!cell.silent()) iopub.publish(request, "execute_input", executeInput(cell.code()));
            outcome = run(cell.code(), output);
        } finally {
            end();
        }
        if (!outcome.ok() && !cell.silent()) iopub.publish(request, "error", error(outcome));

        // Take the queue before replying: a client cannot have sent anything in answer to a reply
        // it has not seen, so everything taken was queued behind this cell (a "Run All").
        boolean abortQueued = !outcome.ok() && cell.stopOnError() && !cell.silent();
        List<Message> queued = abortQueued ? shell.drainQueued() : List.of();
        shell.send(session.reply(request, "execute_reply", reply(outcome, cell, output.payload())));
        return queued;
    }

    /** Passes an interrupt to the interpreter if a cell is current, and ends a wait for input. */
    void interrupt() {
        synchronized (interruptLock) {
            if (running) {
                interpreter.interrupt();
                stdin.cancel();
            }
        }
    }

    private void begin() {
        synchronized (interruptLock) {
            stdin.arm();
            running = true;
        }
    }

    private void end() {
        synchronized (interruptLock) {
            running = false;
            interpreter.clearInterrupt();
        }
    }

    private ExecuteOutcome run(String code, CellOutput output) {
        try {
            return interpreter.execute(code, output);
        } catch (ZMQException e) {
            throw e; // the kernel is shutting down under the cell, not a bug in it
        } catch (RuntimeException | StackOverflowError e) {
            // A Java exception here is a bug in syssim, not in the cell: say so, and keep serving.
            Log.warn("interpreter failed: " + stackTrace(e));
            return ExecuteOutcome.error("InternalError", "syssim failed on this cell: " + e,
                    List.of("InternalError: a bug in syssim, please report it", stackTrace(e)));
        }
    }

    private JsonObject reply(ExecuteOutcome outcome, ExecuteRequest cell, JsonArray payload) {
        JsonObject reply = new JsonObject();
        reply.addProperty("status", outcome.ok() ? "ok" : "error");
        reply.addProperty("execution_count", executionCount);
        if (outcome.ok()) {
            reply.add("payload", payload);
        } else {
            error(outcome).entrySet().forEach(field -> reply.add(field.getKey(), field.getValue()));
        }
        reply.add("user_expressions", userExpressions(cell.userExpressions()));
        return reply;
    }

    private JsonObject executeInput(String code) {
        JsonObject input = new JsonObject();
        input.addProperty("code", code);
        input.addProperty("execution_count", executionCount);
        return input;
    }

    private static JsonObject error(ExecuteOutcome outcome) {
        JsonObject error = new JsonObject();
        error.addProperty("ename", outcome.ename());
        error.addProperty("evalue", outcome.evalue());
        error.add("traceback", Json.tree(outcome.traceback()));
        return error;
    }

    // The cell language has no expressions to evaluate on the side; each one is answered with an error
    // rather than left out, so a client that asked finds an answer under every name it sent.
    private static JsonObject userExpressions(JsonObject requested) {
        JsonObject answers = new JsonObject();
        for (String name : requested.keySet()) {
            JsonObject answer = new JsonObject();
            answer.addProperty("status", "error");
            answer.addProperty("ename", "NotImplementedError");
            answer.addProperty("evalue", "syssim does not evaluate user_expressions");
            answer.add("traceback", new JsonArray());
            answers.add(name, answer);
        }
        return answers;
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
