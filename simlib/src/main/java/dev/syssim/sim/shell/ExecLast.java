package dev.syssim.sim.shell;

import dev.syssim.sim.shell.syntax.Ast;
import java.util.Map;

/**
 * Whether the last command of a list may replace the shell instead of forking a child for it:
 * bash's no-fork optimisation, which is why {@code bash -c 'cd /; ls'} and {@code x=$(date)} show
 * one process fewer under strace (and a killed command's job is the shell itself).
 */
enum ExecLast {
    /** Always fork (scripts, interactive lines, anything not the last command). */
    NO,
    /** {@code bash -c} and {@code $( )}: a simple command without redirections, when no trap is set. */
    CLEAN,
    /** {@code ( simple )} and {@code ( ( ... ) )}: the subshell exists only for it. */
    ANY;

    /** Whether {@code command}, the single command of the list's last pipeline, may run in this process. */
    boolean allows(Shell sh, Ast.Pipeline pipeline, Ast.Command command) {
        if (this == NO || pipeline.negated() || pipeline.timed() != Ast.Timed.NO) return false;
        if (this == ANY) return command instanceof Ast.Simple || command instanceof Ast.Subshell;
        if (!(command instanceof Ast.Simple s) || !s.redirects().isEmpty()) return false;
        if (sh.st.runningTrap != null) return false;
        for (Map.Entry<String, String> trap : sh.st.traps.entrySet()) {
            // DEBUG and RETURN are not signals; EXIT, ERR and every signal's trap keep the shell around
            if (!trap.getKey().equals("DEBUG") && !trap.getKey().equals("RETURN")) return false;
        }
        return true;
    }

    /**
     * bash parses {@code a; b && c} as {@code a ; (b && c)}: only a list's last item, when it is a
     * single pipeline (or the list's only item), ends in a command the optimisation can reach; and
     * never after {@code &}.
     */
    ExecLast forItem(Ast.Script list, int index) {
        if (this == NO || index != list.items().size() - 1) return NO;
        Ast.Item item = list.items().get(index);
        if (item.background()) return NO;
        if (list.items().size() == 1) return this == ANY && item.command().pipelines().size() > 1 ? CLEAN : this;
        if (list.items().get(index - 1).background() || item.command().pipelines().size() != 1) return NO;
        return this == ANY ? CLEAN : this;
    }
}
