package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Parser;
import dev.syssim.sim.shell.syntax.SyntaxError;

/**
 * Runs a trap's command text (as {@code eval} would), keeping {@code $?} as it was before the trap,
 * as bash does. An {@code exit} inside a trap ends the shell with its status.
 */
final class TrapFrame extends Frame {

    private final String signal;
    private final String action;
    private int savedStatus;
    private boolean started;

    TrapFrame(String signal, String action) {
        this.signal = signal;
        this.action = action;
    }

    @Override
    Step step(Shell sh) {
        if (!started) {
            started = true;
            savedStatus = sh.st.lastStatus;
            sh.st.runningTrap = signal;
            try {
                Parser p = new Parser(action, sh.st.lineNumber, sh.parserSettings());
                sh.push(new SourceFrame(p, SourceFrame.Kind.TRAP, signal.toLowerCase(java.util.Locale.ROOT) + " trap"));
            } catch (RuntimeException e) {
                throw e;
            }
            return Shell.CONTINUE;
        }
        sh.st.runningTrap = null;
        sh.st.lastStatus = savedStatus;
        return sh.finish(savedStatus);
    }

    @Override
    Step unwind(Shell sh) {
        sh.st.runningTrap = null;
        if (sh.pending instanceof Shell.Discard) {
            sh.pending = null;
            sh.st.lastStatus = savedStatus;
            return sh.finish(savedStatus);
        }
        return sh.finish(childStatus);
    }

    static void unused(SyntaxError e) {
    }
}
