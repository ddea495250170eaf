package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Fnmatch;
import dev.syssim.sim.shell.syntax.Ast;

/**
 * {@code case word in pattern) list ;; esac}: the word expanded once, each pattern expanded and
 * matched in order; {@code ;&} falls into the next list, {@code ;;&} tests the next patterns. The
 * status is the last list's, or 0 when nothing matched.
 */
final class CaseFrame extends Frame {

    private final Ast.Case command;
    private String subject;
    private int item;
    private int pattern;
    private String patternText;
    private int phase;
    private int status;
    private boolean traced;

    CaseFrame(Ast.Case command) {
        this.command = command;
    }

    @Override
    Step step(Shell sh) {
        switch (phase) {
            case 0 -> {
                sh.st.lineNumber = command.line();
                phase = 1;
                sh.push(new WordFrame(command.word(), WordFrame.Mode.STRING, r -> subject = r.get(0)));
                return Shell.CONTINUE;
            }
            case 1 -> {
                if (item == 0 && pattern == 0 && sh.st.options.xtrace && !traced) {
                    traced = true;
                    Xtrace.line(sh, "case " + Quote.xtrace(subject) + " in");
                }
                return nextPattern(sh);
            }
            case 2 -> {
                // a pattern was expanded
                int flags = Fnmatch.EXTMATCH;
                if (!sh.st.options.extglob) flags = 0;
                if (sh.st.options.nocasematch) flags |= Fnmatch.CASEFOLD;
                if (Fnmatch.compile(patternText, flags, sh.utf8()).matches(subject)) return runBody(sh, item);
                pattern++;
                phase = 1;
                return Shell.CONTINUE;
            }
            default -> {
                // a body ran
                status = childStatus;
                Ast.CaseItem done = command.items().get(item);
                if (done.end() == Ast.CaseEnd.FALL_THROUGH && item + 1 < command.items().size()) return runBody(sh, item + 1);
                if (done.end() == Ast.CaseEnd.TEST_NEXT) {
                    item++;
                    pattern = 0;
                    phase = 1;
                    return Shell.CONTINUE;
                }
                return sh.finish(status);
            }
        }
    }

    private Step nextPattern(Shell sh) {
        while (item < command.items().size()) {
            Ast.CaseItem ci = command.items().get(item);
            if (pattern < ci.patterns().size()) {
                phase = 2;
                sh.push(new WordFrame(ci.patterns().get(pattern), WordFrame.Mode.PATTERN, r -> patternText = r.get(0)));
                return Shell.CONTINUE;
            }
            item++;
            pattern = 0;
        }
        return sh.finish(status);
    }

    private Step runBody(Shell sh, int which) {
        item = which;
        phase = 3;
        sh.push(new ListFrame(command.items().get(which).body()));
        return Shell.CONTINUE;
    }
}
