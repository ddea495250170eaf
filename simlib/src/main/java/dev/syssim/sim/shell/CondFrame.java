package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Fnmatch;
import dev.syssim.sim.shell.arith.ArithResult;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.function.Consumer;

/**
 * {@code [[ expression ]]}: {@code && || !} and parentheses with short-circuiting, string and
 * pattern comparisons ({@code ==} matches a pattern, {@code =~} an extended regular expression whose
 * groups land in BASH_REMATCH), arithmetic comparisons (both sides are arithmetic expressions) and
 * the file tests. Operands are expanded without splitting or globbing. Status 0 true, 1 false, 2 for
 * a bad regular expression.
 */
final class CondFrame extends Frame {

    private final Ast.CondExpr expr;
    private final Consumer<Integer> out;
    private final boolean top;
    private int phase;
    private int leftResult;
    private String left;
    private String right;

    /** The command {@code [[ ... ]]}. */
    CondFrame(Ast.Cond command) {
        this(command.expression(), null, true, new StringBuilder());
        this.line = command.line();
    }

    private int line;
    /** The expression with its operands expanded, as set -x shows it (shared by the frames of one command). */
    private final StringBuilder traced;

    private CondFrame(Ast.CondExpr expr, Consumer<Integer> out, boolean top, StringBuilder traced) {
        this.expr = expr;
        this.out = out;
        this.top = top;
        this.traced = traced;
    }

    private Step result(Shell sh, int status) {
        phase = 9;
        if (top) {
            if (sh.st.options.xtrace) Xtrace.line(sh, "[[ " + traced + " ]]");
            return sh.done(status);
        }
        out.accept(status);
        return sh.finish(status);
    }

    @Override
    Step step(Shell sh) {
        if (top && phase == 0) sh.st.lineNumber = line;
        if (expr instanceof Ast.CondAnd a) return logical(sh, a.left(), a.right(), true);
        if (expr instanceof Ast.CondOr o) return logical(sh, o.left(), o.right(), false);
        if (expr instanceof Ast.CondNot n) {
            if (phase == 0) {
                phase = 1;
                traced.append("! ");
                sh.push(new CondFrame(n.operand(), r -> leftResult = r, false, traced));
                return Shell.CONTINUE;
            }
            return result(sh, leftResult == 0 ? 1 : leftResult == 1 ? 0 : leftResult);
        }
        if (expr instanceof Ast.CondWord w) {
            if (phase == 0) {
                phase = 1;
                sh.push(new WordFrame(w.word(), WordFrame.Mode.STRING, r -> left = r.get(0)));
                return Shell.CONTINUE;
            }
            traced.append(left);
            return result(sh, left.isEmpty() ? 1 : 0);
        }
        if (expr instanceof Ast.CondUnary u) {
            if (phase == 0) {
                phase = 1;
                sh.push(new WordFrame(u.operand(), WordFrame.Mode.STRING, r -> left = r.get(0)));
                return Shell.CONTINUE;
            }
            traced.append(u.operator()).append(' ').append(left);
            return FileTests.unary(sh, u.operator(), left, true, status -> result(sh, status));
        }
        Ast.CondBinary b = (Ast.CondBinary) expr;
        if (phase == 0) {
            phase = 1;
            sh.push(new WordFrame(b.left(), WordFrame.Mode.STRING, r -> left = r.get(0)));
            return Shell.CONTINUE;
        }
        if (phase == 1) {
            phase = 2;
            WordFrame.Mode mode = switch (b.operator()) {
                case "==", "=", "!=" -> WordFrame.Mode.PATTERN;
                case "=~" -> WordFrame.Mode.REGEX;
                default -> WordFrame.Mode.STRING;
            };
            sh.push(new WordFrame(b.right(), mode, r -> right = r.get(0)));
            return Shell.CONTINUE;
        }
        traced.append(left).append(' ').append(b.operator()).append(' ').append(right);
        return binary(sh, b.operator());
    }

    private Step logical(Shell sh, Ast.CondExpr l, Ast.CondExpr r, boolean and) {
        if (phase == 0) {
            phase = 1;
            sh.push(new CondFrame(l, s -> leftResult = s, false, traced));
            return Shell.CONTINUE;
        }
        if (phase == 1) {
            if (and ? leftResult != 0 : leftResult == 0) return result(sh, leftResult);
            phase = 2;
            traced.append(and ? " && " : " || ");
            sh.push(new CondFrame(r, s -> leftResult = s, false, traced));
            return Shell.CONTINUE;
        }
        return result(sh, leftResult);
    }

    private Step binary(Shell sh, String op) {
        switch (op) {
            case "==", "=", "!=" -> {
                int flags = Fnmatch.EXTMATCH;
                if (sh.st.options.nocasematch) flags |= Fnmatch.CASEFOLD;
                boolean match = Fnmatch.compile(right, flags, sh.utf8()).matches(left);
                return result(sh, match == op.equals("!=") ? 1 : 0);
            }
            case "<" -> {
                return result(sh, left.compareTo(right) < 0 ? 0 : 1);
            }
            case ">" -> {
                return result(sh, left.compareTo(right) > 0 ? 0 : 1);
            }
            case "=~" -> {
                return result(sh, RegexMatch.match(sh, left, right));
            }
            case "-eq", "-ne", "-lt", "-le", "-gt", "-ge" -> {
                Long a = arith(sh, left);
                if (a == null) return result(sh, 1);
                Long z = arith(sh, right);
                if (z == null) return result(sh, 1);
                boolean r = switch (op) {
                    case "-eq" -> a.longValue() == z.longValue();
                    case "-ne" -> a.longValue() != z.longValue();
                    case "-lt" -> a < z;
                    case "-le" -> a <= z;
                    case "-gt" -> a > z;
                    default -> a >= z;
                };
                return result(sh, r ? 0 : 1);
            }
            default -> {
                return FileTests.binary(sh, op, left, right, status -> result(sh, status));
            }
        }
    }

    private static Long arith(Shell sh, String text) {
        ArithResult r = sh.arithmetic.evaluate(text, new ArithBridge(sh));
        ArithBridge.report(sh, r, "[[");
        return r instanceof ArithResult.Value v ? v.value() : null;
    }
}
