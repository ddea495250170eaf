package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@code name=value} (or {@code name[sub]=value}, {@code name+=value}, {@code name=(...)}): the
 * value is expanded as an assignment is (no splitting, no globbing, tildes after {@code =} and
 * {@code :}), then either assigned now ({@code immediate}: a command of assignments only) or handed
 * to the command it prefixes.
 */
final class AssignmentFrame extends Frame {

    private final Ast.Assignment a;
    private final boolean immediate;
    private final Consumer<Object> out;
    private int phase;
    private String subscript;
    private String value;
    private List<Assign.Element> elements;

    AssignmentFrame(Ast.Assignment a, boolean immediate) {
        this(a, immediate, null);
    }

    AssignmentFrame(Ast.Assignment a, boolean immediate, Consumer<Object> out) {
        this.a = a;
        this.immediate = immediate;
        this.out = out;
    }

    @Override
    Step step(Shell sh) {
        switch (phase) {
            case 0 -> {
                phase = 1;
                if (a.subscript() != null) {
                    sh.push(new WordFrame(a.subscript(), WordFrame.Mode.STRING, r -> subscript = r.get(0)));
                    return Shell.CONTINUE;
                }
                return Shell.CONTINUE;
            }
            case 1 -> {
                phase = 2;
                if (a.elements() != null) {
                    // bash traces a compound assignment as written (its elements one space apart), before
                    // expanding them: `+ a=($x "b c")' comes ahead of the trace of a $(...) inside
                    if (immediate && sh.st.options.xtrace) Xtrace.line(sh, a.name() + (a.append() ? "+=" : "=") + "(" + sourceText() + ")");
                    sh.push(new ArrayElementsFrame(a.elements(), r -> elements = r));
                } else {
                    sh.push(new WordFrame(a.value(), WordFrame.Mode.ASSIGNMENT, r -> value = r.get(0)));
                }
                return Shell.CONTINUE;
            }
            default -> {
                return assign(sh);
            }
        }
    }

    private Step assign(Shell sh) {
        if (!immediate) {
            if (sh.st.options.xtrace && elements == null) {
                // shown with the command by Xtrace
            }
            out.accept(elements != null ? elements : value);
            return sh.finish(0);
        }
        if (sh.st.options.xtrace && elements == null) {
            Xtrace.line(sh, a.name() + (subscript != null ? "[" + subscript + "]" : "") + (a.append() ? "+=" : "=") + Quote.xtrace(value));
        }
        String error;
        if (elements != null && a.subscript() != null) {
            error = a.name() + "[" + a.subscript().text() + "]: cannot assign list to array member";
        } else if (elements != null) {
            Variable v = sh.st.vars.find(a.name());
            error = Assign.array(sh, a.name(), elements, a.append(), v != null && v.isAssoc());
        } else if (subscript != null) {
            error = Assign.element(sh, a.name(), subscript, value, a.append());
        } else {
            error = Assign.scalar(sh, a.name(), value, a.append());
        }
        if (error != null) {
            if (!error.isEmpty()) sh.error(error);
            sh.st.lastStatus = 1;
            markFailed(sh);
            if (sh.st.dash) return sh.fatal(2);
            // a failed assignment abandons the command line, as bash's does outside a prompt
            if (!(sh.st.interactive && !sh.st.subshell)) return sh.discard(1);
        }
        return sh.finish(0);
    }

    /** The elements of a compound assignment as the script wrote them. */
    private String sourceText() {
        StringBuilder out = new StringBuilder();
        for (Ast.ArrayElement e : a.elements()) {
            if (out.length() > 0) out.append(' ');
            if (e.subscript() != null) out.append('[').append(e.subscript().text()).append(']').append(e.append() ? "+=" : "=");
            if (e.value() != null) out.append(e.value().text());
        }
        return out.toString();
    }

    /** A failed assignment makes the command's status 1. */
    private static void markFailed(Shell sh) {
        for (int i = sh.stack.size() - 1; i >= 0; i--) {
            if (sh.stack.get(i) instanceof SimpleFrame s) {
                s.assignFailed = true;
                return;
            }
        }
    }
}
