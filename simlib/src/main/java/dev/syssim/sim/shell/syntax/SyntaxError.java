package dev.syssim.sim.shell.syntax;

/**
 * Text the shell cannot parse: bash's message, where it happened (1-based line and column), the
 * text of that line (bash echoes it), whether more text could complete it (an open quote, a
 * trailing {@code |}: what Jupyter's is_complete asks), and the exit status bash gives it (2 for a
 * syntax error, 1 for some errors of the lexer).
 */
public final class SyntaxError extends Exception {

    private final int line;
    private final int column;
    private final boolean incomplete;
    private final String lineText;
    private final boolean echoLine;
    private final int status;
    private String expecting;
    private boolean inCommandSubstitution;

    public SyntaxError(String message, int line, int column, boolean incomplete, String lineText, boolean echoLine, int status) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
        this.incomplete = incomplete;
        this.lineText = lineText;
        this.echoLine = echoLine;
        this.status = status;
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

    /** The source line bash shows under a "near unexpected token" message. */
    public String lineText() {
        return lineText;
    }

    /** Whether bash prints the offending line after the message ({@code bash: -c: line 1: `echo )'}). */
    public boolean echoLine() {
        return echoLine;
    }

    /** The word the grammar wanted where the error happened ({@code fi}, {@code do}): dash names it; null if none. */
    public String expecting() {
        return expecting;
    }

    /** Whether the error is inside a {@code $( )} (a complete one: not an early end of the text). */
    public boolean inCommandSubstitution() {
        return inCommandSubstitution;
    }

    SyntaxError markInCommandSubstitution() {
        this.inCommandSubstitution = true;
        return this;
    }

    SyntaxError expecting(String word) {
        this.expecting = word;
        return this;
    }

    /** The exit status bash gives the error: 2, 1 for some lexical errors, -1 to keep the last status ([[ ]]'s errors). */
    public int status() {
        return status;
    }
}
