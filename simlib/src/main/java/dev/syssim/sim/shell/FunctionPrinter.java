package dev.syssim.sim.shell;

import dev.syssim.sim.shell.syntax.Ast;
import java.util.List;

/**
 * Writes a function back as bash does for {@code declare -f} and {@code type}: bash's own layout
 * (print_cmd.c) — four spaces a level, a command a line with {@code ;}, {@code elif} as a nested
 * {@code if}, words as written. Nesting is walked with recursion bounded by the parser's limits.
 */
final class FunctionPrinter {

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder heredocs = new StringBuilder();

    /** Printing a function's definition (declare -f): a subshell's list is then broken into lines too. */
    private boolean functionBody;

    private FunctionPrinter() {
    }

    static String print(Ast.FunctionDef f) {
        return deep(() -> {
            FunctionPrinter p = new FunctionPrinter();
            p.functionBody = true;
            p.function(f, 0, false);
            return p.out.toString();
        });
    }

    /** A command as bash shows it in job messages and {@code $BASH_COMMAND}: words as written, then redirections. */
    static String command(Ast.Command c) {
        return deep(() -> {
            FunctionPrinter p = new FunctionPrinter();
            p.command(c, 0);
            return p.out.toString();
        });
    }

    /** Printing walks the tree as deep as bash lets it nest: on a big stack when this one is too small. */
    private static String deep(java.util.function.Supplier<String> print) {
        try {
            return dev.syssim.sim.shell.syntax.DeepStack.call(print::get);
        } catch (dev.syssim.sim.shell.syntax.SyntaxError never) {
            throw new IllegalStateException(never);
        }
    }

    /** An and-or list as bash shows a background job: {@code sleep 1 && echo done}. */
    static String andOr(Ast.AndOr chain) {
        return deep(() -> {
            FunctionPrinter p = new FunctionPrinter();
            p.andOr(chain, 0);
            return p.out.toString();
        });
    }

    private void function(Ast.FunctionDef f, int level, boolean keyword) {
        out.append(keyword ? "function " : "").append(f.name()).append(" () \n");
        indent(level);
        Ast.Command body = f.body();
        if (body instanceof Ast.Group g) {
            out.append("{ \n");
            list(g.body(), level + 1);
            out.append('\n');
            indent(level);
            out.append('}');
            redirects(g.redirects());
        } else {
            command(body, level);
        }
        redirects(f.redirects());
    }

    private void indent(int level) {
        out.append("    ".repeat(level));
    }

    /**
     * A list, a command a line, each but the last ending in ';'. As bash prints them: a command
     * sent to the background is followed by the next on the same line ({@code sleep 1 & wait}), and
     * one with a here-document has no ';', its document following on the next lines.
     */
    private void list(Ast.Script script, int level) {
        List<Ast.Item> items = script.items();
        boolean sameLine = false;
        for (int i = 0; i < items.size(); i++) {
            Ast.Item item = items.get(i);
            if (!sameLine) indent(level);
            sameLine = false;
            andOr(item.command(), level);
            boolean last = i == items.size() - 1;
            if (item.background() && !last && heredocs.length() == 0) {
                out.append(" & ");
                sameLine = true;
                continue;
            }
            if (item.background()) out.append(" &");
            else if (!last && heredocs.length() == 0) out.append(';');
            flushHeredocs();
            if (!last) out.append('\n');
        }
    }

    private void flushHeredocs() {
        if (heredocs.length() == 0) return;
        out.append('\n').append(heredocs);
        heredocs.setLength(0);
    }

    private void andOr(Ast.AndOr chain, int level) {
        for (int i = 0; i < chain.pipelines().size(); i++) {
            if (i > 0) out.append(chain.and().get(i - 1) ? " && " : " || ");
            pipeline(chain.pipelines().get(i), level);
        }
    }

    private void pipeline(Ast.Pipeline p, int level) {
        if (p.timed() == Ast.Timed.BASH) out.append("time ");
        if (p.timed() == Ast.Timed.POSIX) out.append("time -p ");
        if (p.negated()) out.append("! ");
        for (int i = 0; i < p.commands().size(); i++) {
            // bash shows |& as what it means: 2>&1 |
            if (i > 0) out.append(p.stderrToo().get(i - 1) ? " 2>&1 | " : " | ");
            command(p.commands().get(i), level);
        }
    }

    private void command(Ast.Command c, int level) {
        if (c instanceof Ast.Simple s) {
            simple(s); // with its redirections
            return;
        } else if (c instanceof Ast.Group g) {
            out.append("{ \n");
            list(g.body(), level + 1);
            out.append('\n');
            indent(level);
            out.append('}');
        } else if (c instanceof Ast.Subshell s && !functionBody) {
            out.append("( ");
            inline(s.body(), level);
            out.append(" )");
        } else if (c instanceof Ast.Subshell s) {
            // in a function's definition bash breaks a subshell's list into lines at the subshell's own indentation: ( cd /;\n    pwd )
            out.append("( ");
            List<Ast.Item> items = s.body().items();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(items.get(i - 1).background() ? "" : ";").append('\n');
                    indent(level);
                }
                andOr(items.get(i).command(), level);
                if (items.get(i).background()) out.append(" &");
            }
            out.append(" )");
        } else if (c instanceof Ast.If i) {
            ifCommand(i, 0, level);
        } else if (c instanceof Ast.Loop l) {
            out.append(l.until() ? "until " : "while ");
            inline(l.condition(), level);
            out.append("; do\n");
            list(l.body(), level + 1);
            out.append(";\n");
            indent(level);
            out.append("done");
        } else if (c instanceof Ast.For f) {
            out.append("for ").append(f.variable());
            if (f.words() != null) {
                out.append(" in");
                for (Ast.Word w : f.words()) out.append(' ').append(word(w));
            }
            out.append(";\n");
            indent(level);
            out.append("do\n");
            list(f.body(), level + 1);
            out.append(";\n");
            indent(level);
            out.append("done");
        } else if (c instanceof Ast.ArithFor f) {
            out.append("for ((").append(f.init().text()).append("; ").append(f.test().text().strip()).append("; ")
                    .append(f.step().text().strip()).append("))\n");
            indent(level);
            out.append("do\n");
            list(f.body(), level + 1);
            out.append(";\n");
            indent(level);
            out.append("done");
        } else if (c instanceof Ast.Case cs) {
            out.append("case ").append(word(cs.word())).append(" in \n");
            for (Ast.CaseItem item : cs.items()) {
                indent(level + 1);
                for (int k = 0; k < item.patterns().size(); k++) {
                    if (k > 0) out.append(" | ");
                    out.append(word(item.patterns().get(k)));
                }
                out.append(")\n");
                list(item.body(), level + 2);
                out.append('\n');
                indent(level + 1);
                out.append(switch (item.end()) {
                    case BREAK -> ";;";
                    case FALL_THROUGH -> ";&";
                    case TEST_NEXT -> ";;&";
                });
                out.append('\n');
            }
            indent(level);
            out.append("esac");
        } else if (c instanceof Ast.Select s) {
            out.append("select ").append(s.variable());
            if (s.words() != null) {
                out.append(" in");
                for (Ast.Word w : s.words()) out.append(' ').append(word(w));
            }
            out.append(";\n");
            indent(level);
            out.append("do\n");
            list(s.body(), level + 1);
            out.append(";\n");
            indent(level);
            out.append("done");
        } else if (c instanceof Ast.FunctionDef f) {
            function(f, level, true);
            return;
        } else if (c instanceof Ast.Arith a) {
            out.append("((").append(a.expression().text()).append("))");
        } else if (c instanceof Ast.Cond cond) {
            out.append("[[ ").append(CondText.source(cond.expression())).append(" ]]");
        } else if (c instanceof Ast.Coproc cp) {
            out.append("coproc ").append(cp.name()).append(' ');
            command(cp.body(), level);
        }
        redirects(c.redirects());
    }

    private void ifCommand(Ast.If i, int branch, int level) {
        out.append("if ");
        inline(i.conditions().get(branch), level);
        out.append("; then\n");
        list(i.bodies().get(branch), level + 1);
        out.append(";\n");
        if (branch + 1 < i.conditions().size()) {
            indent(level);
            out.append("else\n");
            indent(level + 1);
            ifCommand(i, branch + 1, level + 1);
            out.append(";\n");
        } else if (i.elseBody() != null) {
            indent(level);
            out.append("else\n");
            list(i.elseBody(), level + 1);
            out.append(";\n");
        }
        indent(level);
        out.append("fi");
    }

    /** A list on one line: {@code a; b}. */
    private void inline(Ast.Script script, int level) {
        List<Ast.Item> items = script.items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append("; ");
            andOr(items.get(i).command(), level);
            if (items.get(i).background()) out.append(" &");
        }
    }

    private void simple(Ast.Simple s) {
        boolean first = true;
        for (Ast.Assignment a : s.assignments()) {
            if (!first) out.append(' ');
            out.append(a.text().replace("(...)", ""));
            if (a.elements() != null) out.append('(').append(elements(a.elements())).append(')');
            first = false;
        }
        for (Ast.Word w : s.words()) {
            if (!first) out.append(' ');
            out.append(word(w));
            first = false;
        }
        redirects(s.redirects());
    }

    private void redirects(List<Ast.Redirect> redirects) {
        for (Ast.Redirect r : redirects) {
            out.append(' ');
            boolean dup = r.op() == Ast.RedirectOp.DUP_IN || r.op() == Ast.RedirectOp.DUP_OUT;
            boolean close = dup && r.target().text().equals("-");
            if (r.fdVariable() != null) out.append('{').append(r.fdVariable()).append('}');
            else if (r.fd() >= 0 && !dup && r.fd() == defaultFd(r.op())) {
                // 0< and 1> are shown without their number
            } else if (r.fd() >= 0) out.append(r.fd());
            // bash names the descriptor of a duplication (>&2 is 1>&2, <&3 is 0<&3) and shows any close as >&-
            else if (dup) out.append(r.op() == Ast.RedirectOp.DUP_IN ? 0 : 1);
            out.append(close ? ">&" : r.op().text);
            if (r.op() == Ast.RedirectOp.HEREDOC || r.op() == Ast.RedirectOp.HEREDOC_STRIP) {
                out.append(r.target().text());
                heredocs.append(r.heredoc().text()).append(r.heredoc().delimiter()).append('\n');
            } else if (r.op() == Ast.RedirectOp.DUP_IN || r.op() == Ast.RedirectOp.DUP_OUT) {
                out.append(word(r.target()));
            } else {
                out.append(' ').append(word(r.target()));
            }
        }
    }

    /** The descriptor a redirection applies to when it names none; -1 for those that always show one. */
    private static int defaultFd(Ast.RedirectOp op) {
        return switch (op) {
            case IN, HEREDOC, HEREDOC_STRIP, HERESTRING -> 0;
            case OUT, APPEND, CLOBBER -> 1;
            default -> -1;
        };
    }

    private static String elements(List<Ast.ArrayElement> elements) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < elements.size(); k++) {
            if (k > 0) out.append(' ');
            Ast.ArrayElement e = elements.get(k);
            if (e.subscript() != null) out.append('[').append(e.subscript().text()).append(']').append(e.append() ? "+=" : "=");
            if (e.value() != null) out.append(word(e.value()));
        }
        return out.toString();
    }

    /** A word as bash shows it: as written, with {@code $'...'} shown as the quoted text it stands for. */
    static String word(Ast.Word w) {
        String text = w.text();
        if (w.parts().size() == 2 && w.parts().get(1) instanceof Ast.ArrayLit array && text.endsWith("(...)")) {
            // a declaration's name=(...) argument: its elements as written
            return text.substring(0, text.length() - "(...)".length()) + "(" + elements(array.elements()) + ")";
        }
        if (!text.contains("$'")) return text;
        StringBuilder s = new StringBuilder();
        for (Ast.Part p : w.parts()) {
            if (p instanceof Ast.Quoted q) s.append('\'').append(q.text().replace("'", "'\\''")).append('\'');
            else return text;
        }
        return s.toString();
    }
}
