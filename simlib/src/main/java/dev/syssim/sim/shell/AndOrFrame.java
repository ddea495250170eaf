package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;

/**
 * Runs {@code a && b || c}: each pipeline, then the next only when the status says so. set -e does
 * not apply to the pipelines before the last {@code &&}/{@code ||} (bash's rule), so they run with
 * errexit suppressed; the chain's last pipeline is checked when it fails.
 */
final class AndOrFrame extends Frame {

    private final Ast.AndOr chain;
    private final ExecLast execLast;
    private int index;
    private boolean running;

    AndOrFrame(Ast.AndOr chain) {
        this(chain, ExecLast.NO);
    }

    /** {@code execLast}: whether the chain's last pipeline may replace this shell (see {@link ExecLast}). */
    AndOrFrame(Ast.AndOr chain, ExecLast execLast) {
        this.chain = chain;
        this.execLast = execLast;
    }

    @Override
    Step step(Shell sh) {
        if (!running) return start(sh, 0);
        running = false;
        int status = childStatus;
        boolean last = index == chain.pipelines().size() - 1;
        if (!last) sh.st.errexitSuppressed--;
        sh.st.lastStatus = status;
        if (last) return done(sh, status);
        // skip pipelines the operators rule out; the chain's status stays the last one run
        int i = index;
        while (i + 1 < chain.pipelines().size()) {
            boolean and = chain.and().get(i);
            if ((status == 0) == and) return start(sh, i + 1);
            i++;
        }
        return sh.finish(status);
    }

    private Step start(Shell sh, int i) {
        index = i;
        running = true;
        if (i < chain.pipelines().size() - 1) sh.st.errexitSuppressed++;
        boolean last = i == chain.pipelines().size() - 1;
        sh.push(new PipelineFrame(chain.pipelines().get(i), last ? execLast : ExecLast.NO));
        return Shell.CONTINUE;
    }

    private Step done(Shell sh, int status) {
        Ast.Pipeline p = chain.pipelines().get(index);
        if (status != 0 && !p.negated()) return Errexit.check(sh, status, () -> sh.finish(status));
        return sh.finish(status);
    }

    @Override
    Step unwind(Shell sh) {
        if (running && index < chain.pipelines().size() - 1) sh.st.errexitSuppressed--;
        running = false;
        return sh.finish(childStatus);
    }
}
