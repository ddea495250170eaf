package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.arith.ArithResult;
import dev.syssim.sim.shell.syntax.Ast;

/** {@code for ((init; test; step))}: arithmetic, with an empty test counting as true. */
final class ArithForFrame extends Frame {

    private final Ast.ArithFor loop;
    private int phase;
    private String text;
    private int lastBody;
    private boolean looping;

    ArithForFrame(Ast.ArithFor loop) {
        this.loop = loop;
    }

    @Override
    Step step(Shell sh) {
        switch (phase) {
            case 0 -> {
                sh.st.lineNumber = loop.line();
                sh.st.loopDepth++;
                looping = true;
                return expand(sh, loop.init(), 1);
            }
            case 1 -> {
                trace(sh);
                Long v = evaluate(sh, text);
                if (v == null) return end(sh, 1);
                return expand(sh, loop.test(), 2);
            }
            case 2 -> {
                trace(sh);
                if (!text.isBlank()) {
                    Long v = evaluate(sh, text);
                    if (v == null) return end(sh, 1);
                    if (v == 0) return end(sh, lastBody);
                }
                phase = 3;
                sh.push(new ListFrame(loop.body()));
                return Shell.CONTINUE;
            }
            case 3 -> {
                lastBody = childStatus;
                return expand(sh, loop.step(), 4);
            }
            case 4 -> {
                trace(sh);
                Long v = evaluate(sh, text);
                if (v == null) return end(sh, 1);
                return expand(sh, loop.test(), 2);
            }
            default -> {
                return sh.finish(childStatus);
            }
        }
    }

    private Step expand(Shell sh, Ast.Word w, int next) {
        phase = next;
        String lit = ArithSubFrame.literal(w);
        if (lit != null) {
            text = lit;
            return Shell.CONTINUE;
        }
        sh.push(new WordFrame(w, WordFrame.Mode.STRING, r -> text = r.get(0)));
        return Shell.CONTINUE;
    }

    /** set -x shows each part as it runs, as {@code (( text ))}: its leading blanks dropped, an empty part as 1. */
    private void trace(Shell sh) {
        if (sh.st.options.xtrace) Xtrace.line(sh, "(( " + (text.isBlank() ? "1" : text.stripLeading()) + " ))");
    }

    private Long evaluate(Shell sh, String expr) {
        if (expr.isBlank()) return 1L;
        ArithResult r = sh.arithmetic.evaluate(expr, new ArithBridge(sh));
        ArithBridge.report(sh, r, "((");
        return r instanceof ArithResult.Value v ? v.value() : null;
    }

    private Step end(Shell sh, int status) {
        if (looping) sh.st.loopDepth--;
        looping = false;
        phase = 9;
        return sh.finish(status);
    }

    @Override
    Step unwind(Shell sh) {
        if (phase == 3 && sh.pending instanceof Shell.Break b) {
            sh.pending = b.levels() > 1 ? new Shell.Break(b.levels() - 1) : null;
            return end(sh, sh.st.lastStatus);
        }
        if (phase == 3 && sh.pending instanceof Shell.Continue k) {
            if (k.levels() > 1) {
                sh.pending = new Shell.Continue(k.levels() - 1);
                return end(sh, 0);
            }
            sh.pending = null;
            lastBody = 0;
            return expand(sh, loop.step(), 4);
        }
        return end(sh, childStatus);
    }
}
