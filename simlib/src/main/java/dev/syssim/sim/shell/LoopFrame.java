package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;

/**
 * {@code while} and {@code until}: the condition (set -e suppressed), then the body, again and
 * again; {@code break} and {@code continue} unwind to here. The status is the last body's, or 0.
 */
final class LoopFrame extends Frame {

    private final Ast.Loop loop;
    private boolean inCondition;
    private boolean inBody;
    private boolean started;
    private int lastBody;

    LoopFrame(Ast.Loop loop) {
        this.loop = loop;
    }

    @Override
    Step step(Shell sh) {
        if (!started) {
            started = true;
            sh.st.loopDepth++;
            sh.st.lineNumber = loop.line();
            return condition(sh);
        }
        if (inCondition) {
            inCondition = false;
            sh.st.errexitSuppressed--;
            boolean go = (childStatus == 0) != loop.until();
            if (!go) return end(sh, lastBody);
            inBody = true;
            sh.push(new ListFrame(loop.body()));
            return Shell.CONTINUE;
        }
        inBody = false;
        lastBody = childStatus;
        return condition(sh);
    }

    private Step condition(Shell sh) {
        inCondition = true;
        sh.st.errexitSuppressed++;
        sh.push(new ListFrame(loop.condition()));
        return Shell.CONTINUE;
    }

    private Step end(Shell sh, int status) {
        sh.st.loopDepth--;
        return sh.finish(status);
    }

    @Override
    Step unwind(Shell sh) {
        if (inCondition) {
            inCondition = false;
            sh.st.errexitSuppressed--;
        }
        inBody = false;
        if (sh.pending instanceof Shell.Break b) {
            if (b.levels() > 1) {
                sh.pending = new Shell.Break(b.levels() - 1);
                return end(sh, sh.st.lastStatus);
            }
            sh.pending = null;
            return end(sh, sh.st.lastStatus);
        }
        if (sh.pending instanceof Shell.Continue k) {
            if (k.levels() > 1) {
                sh.pending = new Shell.Continue(k.levels() - 1);
                return end(sh, 0);
            }
            sh.pending = null;
            lastBody = 0;
            return condition(sh);
        }
        return end(sh, childStatus);
    }
}
