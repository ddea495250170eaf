package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;

/**
 * Runs a list: each and-or chain in turn, the ones followed by {@code &} as background jobs.
 * Between commands it runs the traps of signals that arrived.
 */
final class ListFrame extends Frame {

    private final Ast.Script script;
    private final ExecLast execLast;
    private int next;

    ListFrame(Ast.Script script) {
        this(script, ExecLast.NO);
    }

    ListFrame(Ast.Script script, ExecLast execLast) {
        this.script = script;
        this.execLast = execLast;
    }

    @Override
    Step step(Shell sh) {
        if (!sh.caught.isEmpty()) return sh.runCaughtTraps(() -> Shell.CONTINUE);
        if (next >= script.items().size()) return sh.finish(sh.st.lastStatus);
        // set -n reads on and runs nothing more, from the next command of the same line
        if (sh.st.options.noexec && !sh.st.interactive) return sh.finish(sh.st.lastStatus);
        Ast.Item item = script.items().get(next++);
        if (item.background()) return Jobs.background(sh, item);
        sh.push(new AndOrFrame(item.command(), execLast.forItem(script, next - 1)));
        return Shell.CONTINUE;
    }
}
