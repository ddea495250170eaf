package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.arith.ArithResult;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.function.Consumer;

/**
 * {@code $((expression))}: the expression is expanded as in double quotes, then evaluated by bash's
 * arithmetic. An error is an expansion error: bash abandons the command line (and a {@code set -u}
 * error ends a script).
 */
final class ArithSubFrame extends Frame {

    private final Ast.ArithSub sub;
    private final Consumer<Object> out;
    private String text;
    private boolean expanded;

    ArithSubFrame(Ast.ArithSub sub, Consumer<Object> out) {
        this.sub = sub;
        this.out = out;
    }

    @Override
    Step step(Shell sh) {
        if (!expanded) {
            expanded = true;
            String lit = literal(sub.expression());
            if (lit != null) {
                text = lit;
            } else {
                sh.push(new WordFrame(sub.expression(), WordFrame.Mode.STRING, r -> text = r.get(0)));
                return Shell.CONTINUE;
            }
        }
        if (sh.st.dash) return dash(sh);
        ArithResult r = sh.arithmetic.evaluate(text, new ArithBridge(sh));
        ArithBridge.report(sh, r, null);
        if (r instanceof ArithResult.Value v) {
            out.accept(Long.toString(v.value()));
            return sh.finish(0);
        }
        ArithResult.Failure f = (ArithResult.Failure) r;
        if (f.kind() == ArithResult.Kind.UNBOUND) return sh.fatal(127);
        return sh.discard(1);
    }

    /** dash's smaller arithmetic; its errors end a script (status 2). */
    private Step dash(Shell sh) {
        try {
            long value = DashArithmetic.evaluate(text, new DashArithmetic.Variables() {
                public String get(String name) {
                    return sh.st.vars.get(name);
                }

                public String set(String name, long v) {
                    String error = Assign.scalar(sh, name, Long.toString(v), false);
                    return error == null || error.isEmpty() ? null : error;
                }
            });
            out.accept(Long.toString(value));
            return sh.finish(0);
        } catch (DashArithmetic.Failure f) {
            sh.error(f.getMessage());
            return sh.fatal(2);
        }
    }

    /** The expression's text when it has no expansions (quoted text only), so it need not be expanded. */
    static String literal(Ast.Word w) {
        StringBuilder out = new StringBuilder();
        for (Ast.Part p : w.parts()) {
            if (p instanceof Ast.Quoted q) out.append(q.text());
            else if (p instanceof Ast.Lit l) out.append(l.text());
            else return null;
        }
        return out.toString();
    }
}
