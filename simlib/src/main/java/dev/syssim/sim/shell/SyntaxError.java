package dev.syssim.sim.shell;

/**
 * A cell the shell cannot parse: bash's message, where it happened (1-based line and column), and
 * whether more text could complete it (an open quote, a trailing {@code |}) — which is what
 * Jupyter's is_complete asks.
 */
public final class SyntaxError extends Exception {

    private final int line;
    private final int column;
    private final boolean incomplete;

    public SyntaxError(String message, int line, int column, boolean incomplete) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
        this.incomplete = incomplete;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** True when the text ended too early; more input could make it valid. */
    public boolean incomplete() {
        return incomplete;
    }
}
