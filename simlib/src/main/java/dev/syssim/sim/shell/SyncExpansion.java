package dev.syssim.sim.shell;

import dev.syssim.sim.shell.syntax.Ast;
import dev.syssim.sim.shell.syntax.Parser;
import dev.syssim.sim.shell.syntax.SyntaxError;

/**
 * Expansion that cannot wait for a process: parameters and quote removal only, for the text bash
 * expands once more inside arithmetic (an array subscript's text). A command substitution there
 * expands to nothing — the one simplification; bash would run it.
 */
final class SyncExpansion {

    private SyncExpansion() {
    }

    static String expand(Shell sh, String text) {
        if (text.indexOf('$') < 0 && text.indexOf('\'') < 0 && text.indexOf('"') < 0 && text.indexOf('\\') < 0) return text;
        Ast.Word w;
        try {
            w = Parser.expandable(text, sh.st.lineNumber, false, sh.parserSettings());
        } catch (SyntaxError e) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (Ast.Part p : w.parts()) append(sh, p, out);
        return out.toString();
    }

    private static void append(Shell sh, Ast.Part p, StringBuilder out) {
        if (p instanceof Ast.Lit l) out.append(l.text());
        else if (p instanceof Ast.Quoted q) out.append(q.text());
        else if (p instanceof Ast.DoubleQuoted dq) for (Ast.Part inner : dq.parts()) append(sh, inner, out);
        else if (p instanceof Ast.Param param) {
            Parameters.Value v = Parameters.simple(sh, param.name());
            if (v != null) out.append(v.joined());
        } else if (p instanceof Ast.ParamOp op && op.op() == Ast.ParamOperator.PLAIN && op.subscript() == null) {
            Parameters.Value v = Parameters.simple(sh, op.name());
            if (v != null) out.append(v.joined());
        }
    }
}
