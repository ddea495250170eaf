package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;

/** {@code if}/{@code elif}/{@code else}: conditions run with set -e suppressed; the status is the body's, or 0. */
final class IfFrame extends Frame {

    private final Ast.If command;
    private int branch;
    private boolean inCondition;
    private boolean inBody;

    IfFrame(Ast.If command) {
        this.command = command;
    }

    @Override
    Step step(Shell sh) {
        if (inBody) return sh.finish(childStatus);
        if (!inCondition) {
            sh.st.lineNumber = command.line();
            return condition(sh, 0);
        }
        inCondition = false;
        sh.st.errexitSuppressed--;
        if (childStatus == 0) return body(sh, command.bodies().get(branch));
        if (branch + 1 < command.conditions().size()) return condition(sh, branch + 1);
        if (command.elseBody() != null) return body(sh, command.elseBody());
        return sh.finish(0);
    }

    private Step condition(Shell sh, int i) {
        branch = i;
        inCondition = true;
        sh.st.errexitSuppressed++;
        sh.push(new ListFrame(command.conditions().get(i)));
        return Shell.CONTINUE;
    }

    private Step body(Shell sh, Ast.Script body) {
        inBody = true;
        sh.push(new ListFrame(body));
        return Shell.CONTINUE;
    }

    @Override
    Step unwind(Shell sh) {
        if (inCondition) {
            inCondition = false;
            sh.st.errexitSuppressed--;
        }
        return sh.finish(childStatus);
    }
}
