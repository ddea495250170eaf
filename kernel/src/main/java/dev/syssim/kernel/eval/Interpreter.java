package dev.syssim.kernel.eval;

/**
 * What the kernel does with code. The protocol layer calls these from its shell thread, one request
 * at a time, except {@link #interrupt()}, which comes from the control thread while a cell runs.
 * Interrupts are the protocol layer's to time: it passes one on only while a cell is current, and
 * calls {@link #clearInterrupt()} once the cell is over.
 */
public interface Interpreter {

    /** Runs one cell; output goes to {@code io} while it runs. Never throws for bad input. */
    ExecuteOutcome execute(String code, CellIO io);

    Completion complete(String code, int cursorPos);

    /** Shift-Tab help for the word at the cursor, or {@link Inspection#NOT_FOUND}. */
    Inspection inspect(String code, int cursorPos, int detailLevel);

    /** Whether the code is a complete cell ({@code complete}, {@code incomplete}, {@code invalid}). */
    IsComplete isComplete(String code);

    /**
     * Asks the current cell to stop at its next simulation step, even if it has not taken its first
     * one yet (the user pressed stop as it started). Thread-safe.
     */
    void interrupt();

    /** Forgets an interrupt the last cell ended before seeing, so it cannot stop the next one. */
    void clearInterrupt();

    /** Text shown in {@code kernel_info_reply.banner}. */
    String banner();

    /** The {@code language_info} of {@code kernel_info_reply}: shell text unless the interpreter says otherwise. */
    default LanguageInfo languageInfo() {
        return Language.SHELL.info();
    }
}
