package dev.syssim.kernel.eval;

import java.util.Map;
import java.util.Optional;

/** How a running cell talks back to the front end. The protocol layer implements it per request. */
public interface CellIO {

    /** A {@code stream} message: {@code name} is {@code stdout} or {@code stderr}. */
    void stream(String name, String text);

    /**
     * A {@code display_data} (or {@code update_display_data} when {@code update} is true).
     *
     * @param data      MIME type to value (a String, or a JSON-able Map for JSON types)
     * @param displayId the transient display id, or null
     */
    void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update);

    /**
     * An {@code execute_result}: the value of the cell, shown as {@code Out[n]} and kept as the
     * cell's output in the history. The default shows it as display data, for implementations
     * that have no execution count to give it.
     */
    default void result(Map<String, Object> data, Map<String, Object> metadata) {
        display(data, metadata, null, false);
    }

    /**
     * Text for the front end's pager: a {@code page} payload on the {@code execute_reply}, which
     * JupyterLab and Notebook show below the cell. The default prints it, for implementations
     * that have no reply to carry it.
     */
    default void page(String text) {
        stream("stdout", text);
    }

    /** A {@code clear_output} message. */
    void clearOutput(boolean wait);

    /**
     * Asks the user for a line through the stdin channel.
     *
     * @return the line, or empty when the client does not allow stdin (e.g. nbconvert)
     */
    Optional<String> input(String prompt, boolean password);

    /** Whether the client allows stdin for this request. */
    boolean stdinAllowed();

    /**
     * The cell's execution count ({@code In[n]}), for messages that name the cell; 0 where there
     * is none (a silent request, tests).
     */
    default int executionCount() {
        return 0;
    }

    /** Reads one line at an input prompt, as {@link #input} does. */
    @FunctionalInterface
    interface Input {
        Optional<String> read(String prompt, boolean password);
    }

    /**
     * This front end with its {@link #input} done by {@code input} instead (which may ask this
     * one); everything else passes through unchanged.
     */
    default CellIO withInput(Input input) {
        return new InputReplacedIO(this, input);
    }
}
