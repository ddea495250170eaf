package dev.syssim.sim.shell;

import dev.syssim.sim.shell.Ast.Command;
import dev.syssim.sim.shell.Ast.Item;
import dev.syssim.sim.shell.Ast.Pipeline;
import dev.syssim.sim.shell.Ast.Redirect;
import dev.syssim.sim.shell.Ast.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Fills here-document bodies into a parsed tree. The parser meets {@code <<EOF} before it has read
 * the body (the lines after the command), so it leaves a placeholder that this pass replaces.
 */
final class Heredocs {

    private static final String PLACEHOLDER = "\0heredoc:";

    private Heredocs() {
    }

    static Object fill(Script script, IntFunction<String> bodies) {
        return script(script, bodies);
    }

    private static Script script(Script s, IntFunction<String> bodies) {
        List<Item> items = new ArrayList<>();
        for (Item item : s.items()) {
            List<Pipeline> pipelines = new ArrayList<>();
            for (Pipeline p : item.command().pipelines()) {
                List<Command> commands = new ArrayList<>();
                for (Command c : p.commands()) commands.add(command(c, bodies));
                pipelines.add(new Pipeline(commands, p.negated()));
            }
            items.add(new Item(new Ast.AndOr(pipelines, item.command().operators()), item.background(), item.text()));
        }
        return new Script(items);
    }

    private static Command command(Command c, IntFunction<String> bodies) {
        List<Redirect> r = redirects(c.redirects(), bodies);
        if (c instanceof Ast.Simple s) return new Ast.Simple(s.assignments(), s.words(), r, s.line());
        if (c instanceof Ast.Subshell s) return new Ast.Subshell(script(s.body(), bodies), r);
        if (c instanceof Ast.Group g) return new Ast.Group(script(g.body(), bodies), r);
        if (c instanceof Ast.If i) {
            List<Script> conditions = new ArrayList<>();
            List<Script> branches = new ArrayList<>();
            for (Script cond : i.conditions()) conditions.add(script(cond, bodies));
            for (Script b : i.bodies()) branches.add(script(b, bodies));
            return new Ast.If(conditions, branches, i.elseBody() == null ? null : script(i.elseBody(), bodies), r);
        }
        if (c instanceof Ast.For f) return new Ast.For(f.variable(), f.values(), script(f.body(), bodies), r);
        if (c instanceof Ast.While w) return new Ast.While(script(w.condition(), bodies), script(w.body(), bodies), w.until(), r);
        Ast.FunctionDef f = (Ast.FunctionDef) c;
        return new Ast.FunctionDef(f.name(), command(f.body(), bodies), r);
    }

    private static List<Redirect> redirects(List<Redirect> in, IntFunction<String> bodies) {
        List<Redirect> out = new ArrayList<>(in.size());
        for (Redirect r : in) {
            if (r.body() != null && r.body().startsWith(PLACEHOLDER)) {
                int index = Integer.parseInt(r.body().substring(PLACEHOLDER.length()));
                out.add(new Redirect(r.fd(), r.op(), r.target(), bodies.apply(index), r.bodyQuoted()));
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
