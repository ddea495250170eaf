package dev.syssim.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A CellIO that records what a cell sent, for tests of the interpreter without sockets. */
class RecordingIO implements CellIO {

    final StringBuilder stdout = new StringBuilder();
    final StringBuilder stderr = new StringBuilder();
    final List<Map<String, Object>> displays = new ArrayList<>();
    /** The execute_results, in order. */
    final List<Map<String, Object>> results = new ArrayList<>();
    /** display_id and whether each display was an update, in order (null id for plain displays). */
    final List<String> displayIds = new ArrayList<>();
    final List<Boolean> updates = new ArrayList<>();
    final Deque<String> inputs = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();
    boolean allowStdin = true;
    /** When set, an input request waits for nobody until {@link #cancelInput()}, as the protocol's stdin does for an interrupt. */
    volatile boolean nobodyAnswers;
    private final java.util.concurrent.CountDownLatch inputCancelled = new java.util.concurrent.CountDownLatch(1);
    int clears;
    final List<String> pages = new ArrayList<>();

    /** Runs one cell on {@code interpreter}, which must succeed, and returns what it sent. */
    static RecordingIO runOk(Interpreter interpreter, String code) {
        RecordingIO io = new RecordingIO();
        ExecuteOutcome outcome = interpreter.execute(code, io);
        assertTrue(outcome.ok(), () -> "cell failed: " + outcome);
        return io;
    }

    @Override
    public void stream(String name, String text) {
        synchronized (this) {
            (name.equals("stderr") ? stderr : stdout).append(text);
        }
    }

    @Override
    public void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update) {
        displays.add(data);
        displayIds.add(displayId);
        updates.add(update);
    }

    @Override
    public void result(Map<String, Object> data, Map<String, Object> metadata) {
        results.add(data);
    }

    @Override
    public void page(String text) {
        pages.add(text);
    }

    @Override
    public void clearOutput(boolean wait) {
        clears++;
    }

    /** Ends a wait for input, as an interrupt does in the protocol layer. */
    void cancelInput() {
        inputCancelled.countDown();
    }

    @Override
    public Optional<String> input(String prompt, boolean password) {
        prompts.add(prompt + (password ? " (password)" : ""));
        if (nobodyAnswers) {
            try {
                inputCancelled.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
        return inputs.isEmpty() ? Optional.empty() : Optional.of(inputs.removeFirst());
    }

    @Override
    public boolean stdinAllowed() {
        return allowStdin;
    }
}
