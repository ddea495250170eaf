package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;

/** {@code name() { ...; }}: defines the function (a readonly function cannot be redefined). */
final class FunctionDefFrame extends Frame {

    private final Ast.FunctionDef def;

    FunctionDefFrame(Ast.FunctionDef def) {
        this.def = def;
    }

    @Override
    Step step(Shell sh) {
        ShellState st = sh.st;
        st.lineNumber = def.line();
        if (st.options.posix && !Shell.isName(def.name())) {
            // POSIX names only; bash (not in POSIX mode) accepts nearly any word
            sh.error("`" + def.name() + "': not a valid identifier");
            return st.interactive ? sh.finish(1) : sh.fatal(2);
        }
        if (st.options.posix && Builtins.isSpecial(def.name(), sh)) {
            sh.error("`" + def.name() + "': is a special builtin");
            return st.interactive ? sh.finish(1) : sh.fatal(2);
        }
        if (st.readonlyFunctions.contains(def.name())) {
            sh.error(def.name() + ": readonly function");
            return sh.finish(1);
        }
        st.functions.put(def.name(), def);
        String source = st.sources.isEmpty() ? (st.commandString ? "environment" : st.name) : st.sources.get(st.sources.size() - 1);
        st.functionSources.put(def.name(), source);
        return sh.finish(0);
    }
}
