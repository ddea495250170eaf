package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function call: the arguments become the positional parameters, a scope opens for its locals,
 * FUNCNAME and friends gain an entry, loops outside are out of reach of {@code break}; then the
 * body runs. {@code return} unwinds to here. FUNCNEST limits the depth with bash's message; without
 * it, deep recursion ends the way it ends bash: its stack overflows and the process dies of
 * SIGSEGV (the simulated stack is 8 MiB, as {@code ulimit -s} says, about a KiB per call).
 */
final class FunctionFrame extends Frame {

    /** The calls an 8 MiB stack holds in bash: it died after about 8,300 of the simplest function. */
    static final int STACK_CALLS = 8_192;

    private final Ast.FunctionDef function;
    private final List<String> argv;
    private List<String> savedPositional;
    private int savedLoopDepth;
    private boolean started;
    private boolean finished;
    private String savedReturnTrap;
    private String savedDebugTrap;

    FunctionFrame(Ast.FunctionDef function, List<String> argv) {
        this.function = function;
        this.argv = argv;
    }

    @Override
    Step step(Shell sh) {
        ShellState st = sh.st;
        if (!started) {
            started = true;
            int depth = st.calls.size();
            String funcnest = st.vars.get("FUNCNEST");
            int limit = parseLimit(funcnest);
            if (limit > 0 && depth >= limit) {
                sh.error(function.name() + ": maximum function nesting level exceeded (" + limit + ")");
                finished = true;
                return sh.discard(1);
            }
            if (depth >= STACK_CALLS) {
                // bash's C stack is gone: the next call touches the guard page below it
                return new Step.Touch(0x10, true, () -> Shell.CONTINUE);
            }
            savedPositional = st.positional;
            st.positional = new ArrayList<>(argv.subList(1, argv.size()));
            savedLoopDepth = st.loopDepth;
            st.loopDepth = 0;
            String source = st.functionSources.getOrDefault(function.name(), st.name);
            st.calls.add(new ShellState.Call(function.name(), source, st.lineNumber, List.copyOf(argv.subList(1, argv.size()))));
            st.vars.pushFunction(function.name());
            // without set -T a function starts without the caller's DEBUG and RETURN traps
            if (!st.options.functrace) {
                savedReturnTrap = st.traps.remove("RETURN");
                savedDebugTrap = st.traps.remove("DEBUG");
            }
            Frame body = Commands.frame(sh, function.body(), false);
            if (!function.redirects().isEmpty()) body = new RedirectFrame(function.redirects(), body);
            sh.push(body);
            return Shell.CONTINUE;
        }
        return leave(sh, childStatus, true);
    }

    private static void restoreTrap(ShellState st, String name, String saved) {
        if (saved == null) st.traps.remove(name);
        else st.traps.put(name, saved);
    }

    private static int parseLimit(String text) {
        if (text == null) return 0;
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Step leave(Shell sh, int status, boolean returnTrap) {
        if (finished) return sh.finish(status);
        finished = true;
        ShellState st = sh.st;
        String trap = st.traps.get("RETURN");
        if (returnTrap && trap != null && !trap.isEmpty() && st.runningTrap == null) {
            // the RETURN trap runs still inside the function: its FUNCNAME, locals and $1 are the function's
            st.lastStatus = status;
            sh.stack.set(sh.stack.size() - 1, new Frame() {
                private boolean ran;

                @Override
                Step step(Shell s) {
                    if (!ran) {
                        ran = true;
                        s.push(new TrapFrame("RETURN", trap));
                        return Shell.CONTINUE;
                    }
                    closeScope(s, status);
                    return s.finish(status);
                }

                @Override
                Step unwind(Shell s) {
                    closeScope(s, status);
                    return s.finish(childStatus);
                }
            });
            return Shell.CONTINUE;
        }
        closeScope(sh, status);
        return sh.finish(status);
    }

    /** The function's scope ends: its locals, its call frame and positional parameters go, the caller's traps come back. */
    private void closeScope(Shell sh, int status) {
        ShellState st = sh.st;
        Map<String, Boolean> savedOptions = st.vars.functionScope().savedOptions;
        if (savedOptions != null) savedOptions.forEach(st.options::set);
        st.vars.popScope();
        st.calls.remove(st.calls.size() - 1);
        st.positional = savedPositional;
        st.loopDepth = savedLoopDepth;
        st.lastStatus = status;
        if (!st.options.functrace) {
            restoreTrap(st, "RETURN", savedReturnTrap);
            restoreTrap(st, "DEBUG", savedDebugTrap);
        }
    }

    @Override
    Step unwind(Shell sh) {
        if (!started || finished) return sh.finish(childStatus);
        if (sh.pending instanceof Shell.Return r) {
            sh.pending = null;
            return leave(sh, r.status(), true);
        }
        // the exit builtin: the shell ends with the function's scope in place, for the EXIT trap to see
        if (sh.pending instanceof Shell.Exit e && e.byBuiltin()) return sh.finish(childStatus);
        // an error that ends the shell or an abandoned line: the scope is closed on the way out, no RETURN trap
        return leave(sh, childStatus, false);
    }
}
