package dev.syssim.kernel.eval;

import java.util.List;

/**
 * How a cell ended: fine, or an error with the three fields of an {@code error} reply. A nonzero
 * exit status of a simulated program is fine: it is part of the lesson, not a cell error.
 */
public record ExecuteOutcome(boolean ok, String ename, String evalue, List<String> traceback) {

    public static final ExecuteOutcome OK = new ExecuteOutcome(true, "", "", List.of());

    public ExecuteOutcome {
        traceback = List.copyOf(traceback);
    }

    public static ExecuteOutcome error(String ename, String evalue, List<String> traceback) {
        return new ExecuteOutcome(false, ename, evalue, traceback);
    }
}
