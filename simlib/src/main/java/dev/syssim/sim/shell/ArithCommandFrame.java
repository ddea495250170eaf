package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.arith.ArithResult;
import dev.syssim.sim.shell.syntax.Ast;

/** {@code ((expression))}: status 0 when the value is not zero, 1 when it is zero or an error. */
final class ArithCommandFrame extends Frame {

    private final Ast.Arith command;
    private String text;
    private boolean expanded;

    ArithCommandFrame(Ast.Arith command) {
        this.command = command;
    }

    @Override
    Step step(Shell sh) {
        if (!expanded) {
            expanded = true;
            sh.st.lineNumber = command.line();
            String lit = ArithSubFrame.literal(command.expression());
            if (lit != null) {
                text = lit;
            } else {
                sh.push(new WordFrame(command.expression(), WordFrame.Mode.STRING, r -> text = r.get(0)));
                return Shell.CONTINUE;
            }
        }
        if (sh.st.options.xtrace) Xtrace.line(sh, "(( " + text + " ))");
        ArithResult r = sh.arithmetic.evaluate(text, new ArithBridge(sh));
        ArithBridge.report(sh, r, "((");
        if (r instanceof ArithResult.Value v) return sh.done(v.value() != 0 ? 0 : 1);
        ArithResult.Failure f = (ArithResult.Failure) r;
        if (f.kind() == ArithResult.Kind.UNBOUND) return sh.fatal(127);
        if (f.kind() == ArithResult.Kind.SUBSCRIPT) return sh.discard(1);
        return sh.done(1);
    }
}
