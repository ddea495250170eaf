package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.List;

/** {@code ( list )}: the list in a forked copy of the shell, which waits; in a child already, no second fork. */
final class SubshellFrame extends Frame {

    private final Ast.Subshell command;
    private final boolean forked;
    private boolean started;

    SubshellFrame(Ast.Subshell command, boolean forked) {
        this.command = command;
        this.forked = forked;
    }

    @Override
    Step step(Shell sh) {
        if (started) return sh.finish(childStatus);
        started = true;
        sh.st.lineNumber = command.line();
        if (forked) {
            sh.st.subshellLevel++;
            sh.st.parenSubshell = true;
            sh.stack.set(sh.stack.size() - 1, new ListFrame(command.body(), ExecLast.ANY));
            return Shell.CONTINUE;
        }
        return sh.fork(child -> {
            child.st.parenSubshell = true;
            return new ListFrame(command.body(), ExecLast.ANY);
        }, 0, pid -> {
            if (pid < 0) {
                childStatus = 254;
                return sh.proceed();
            }
            return sh.waitForeground(List.of(pid), () -> List.of(FunctionPrinter.command(command)), status -> {
                childStatus = status;
                return sh.proceed();
            });
        });
    }
}
