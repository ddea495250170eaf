package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.List;

/** {@code for NAME in words}: the words expanded once, then the body for each value ("$@" without {@code in}). */
final class ForFrame extends Frame {

    private final Ast.For loop;
    private List<String> values;
    private int index;
    private int lastBody;
    private int phase;

    ForFrame(Ast.For loop) {
        this.loop = loop;
    }

    @Override
    Step step(Shell sh) {
        switch (phase) {
            case 0 -> {
                phase = 1;
                sh.st.lineNumber = loop.line();
                if (!Shell.isName(loop.variable())) {
                    sh.error("`" + loop.variable() + "': not a valid identifier");
                    phase = 9;
                    return sh.finish(1);
                }
                if (loop.words() == null) {
                    values = new ArrayList<>(sh.st.positional);
                    return Shell.CONTINUE;
                }
                sh.push(new ExpandWordsFrame(loop.words(), false, r -> values = r));
                return Shell.CONTINUE;
            }
            case 1 -> {
                phase = 2;
                sh.st.loopDepth++;
                return next(sh);
            }
            case 2 -> {
                lastBody = childStatus;
                return next(sh);
            }
            default -> {
                return sh.finish(childStatus);
            }
        }
    }

    private Step next(Shell sh) {
        if (index >= values.size()) {
            sh.st.loopDepth--;
            phase = 9;
            return sh.finish(lastBody);
        }
        if (sh.st.options.xtrace) {
            StringBuilder head = new StringBuilder("for " + loop.variable() + " in");
            for (String v : values) head.append(' ').append(Quote.xtrace(v));
            Xtrace.line(sh, head.toString());
        }
        String value = values.get(index++);
        String error = Assign.scalar(sh, loop.variable(), value, false);
        if (error != null) {
            sh.error(error);
            sh.st.loopDepth--;
            phase = 9;
            return sh.finish(1);
        }
        sh.push(new ListFrame(loop.body()));
        return Shell.CONTINUE;
    }

    @Override
    Step unwind(Shell sh) {
        if (phase != 2) return sh.finish(childStatus);
        if (sh.pending instanceof Shell.Break b) {
            sh.pending = b.levels() > 1 ? new Shell.Break(b.levels() - 1) : null;
            sh.st.loopDepth--;
            phase = 9;
            return sh.finish(sh.st.lastStatus); // break's own status (1 after "break 0")
        }
        if (sh.pending instanceof Shell.Continue k) {
            if (k.levels() > 1) {
                sh.pending = new Shell.Continue(k.levels() - 1);
                sh.st.loopDepth--;
                phase = 9;
                return sh.finish(0);
            }
            sh.pending = null;
            lastBody = 0;
            return next(sh);
        }
        sh.st.loopDepth--;
        phase = 9;
        return sh.finish(childStatus);
    }
}
