package dev.syssim.sim.shell;

import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.List;

/** Which frame runs which command, and how a command reads in job messages. */
final class Commands {

    private Commands() {
    }

    /**
     * The frame that runs {@code command}. {@code forked}: this process exists only to run it (a
     * pipeline stage, a background job), so an external command execs without forking again and a
     * subshell needs no fork of its own.
     */
    static Frame frame(Shell sh, Ast.Command command, boolean forked) {
        Frame body;
        if (command instanceof Ast.Simple s) return new SimpleFrame(s, forked);
        if (command instanceof Ast.FunctionDef f) return new FunctionDefFrame(f);
        if (command instanceof Ast.Subshell s) body = new SubshellFrame(s, forked);
        else if (command instanceof Ast.Group g) body = new LineFrame(g.line(), new ListFrame(g.body()));
        else if (command instanceof Ast.If i) body = new IfFrame(i);
        else if (command instanceof Ast.Loop l) body = new LoopFrame(l);
        else if (command instanceof Ast.For f) body = new ForFrame(f);
        else if (command instanceof Ast.ArithFor f) body = new ArithForFrame(f);
        else if (command instanceof Ast.Case c) body = new CaseFrame(c);
        else if (command instanceof Ast.Select s) body = new SelectFrame(s);
        else if (command instanceof Ast.Arith a) body = new ArithCommandFrame(a);
        else if (command instanceof Ast.Cond c) body = new CondFrame(c);
        else body = new CoprocFrame((Ast.Coproc) command);
        if (!command.redirects().isEmpty()) return new RedirectFrame(command.redirects(), body);
        return body;
    }

    /** A command's words as bash shows them in job messages and PS4 traces of compound commands. */
    static String text(Ast.Command command) {
        if (command instanceof Ast.Simple s) {
            List<String> words = new ArrayList<>();
            for (Ast.Assignment a : s.assignments()) words.add(a.text());
            for (Ast.Word w : s.words()) words.add(w.text());
            return String.join(" ", words);
        }
        if (command instanceof Ast.Subshell) return "( ... )";
        if (command instanceof Ast.Group) return "{ ... }";
        if (command instanceof Ast.FunctionDef f) return f.text();
        return command.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
