package dev.syssim.sim.shell;

import dev.syssim.sim.shell.arith.ArithResult;

/** An indexed array's subscript: an arithmetic expression, evaluated with bash's messages. */
final class ArrayIndex {

    private ArrayIndex() {
    }

    /** The index, or null after bash's message (the line is then abandoned). */
    static Long evaluate(Shell sh, String name, String text) {
        if (text.isEmpty()) {
            sh.error(name + "[]: bad array subscript");
            return null;
        }
        ArithResult r = sh.arithmetic.evaluate(text, new ArithBridge(sh));
        ArithBridge.report(sh, r, null);
        if (r instanceof ArithResult.Value v) return v.value();
        return null;
    }
}
