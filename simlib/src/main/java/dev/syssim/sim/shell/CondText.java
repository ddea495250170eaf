package dev.syssim.sim.shell;

import dev.syssim.sim.shell.syntax.Ast;

/** A {@code [[ ]]} expression written back: as in the source for {@code declare -f}, and for set -x. */
final class CondText {

    private CondText() {
    }

    static String source(Ast.CondExpr e) {
        if (e instanceof Ast.CondAnd a) return source(a.left()) + " && " + source(a.right());
        if (e instanceof Ast.CondOr o) return source(o.left()) + " || " + source(o.right());
        if (e instanceof Ast.CondNot n) return "! " + source(n.operand());
        if (e instanceof Ast.CondUnary u) return u.operator() + " " + u.operand().text();
        if (e instanceof Ast.CondBinary b) return b.left().text() + " " + b.operator() + " " + b.right().text();
        return ((Ast.CondWord) e).word().text();
    }

    /** For set -x: bash shows the expression with its operands expanded; the simulation shows them as written. */
    static String of(Ast.CondExpr e, Shell sh) {
        return source(e);
    }
}
