package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import java.util.function.Supplier;

/**
 * What happens after a command fails where bash checks: the ERR trap runs (inside a function only
 * with {@code set -E}), then {@code set -e} ends the shell. Neither applies in a condition, before
 * {@code &&}/{@code ||}, or after {@code !} — there the shell keeps errexit suppressed.
 */
final class Errexit {

    private Errexit() {
    }

    static Step check(Shell sh, int status, Supplier<Step> next) {
        ShellState st = sh.st;
        if (status == 0 || st.errexitSuppressed > 0) return next.get();
        String trap = st.traps.get("ERR");
        boolean trapApplies = trap != null && !trap.isEmpty() && st.runningTrap == null
                && (st.calls.isEmpty() || st.options.errtrace);
        if (trapApplies) {
            sh.push(new Frame() {
                private boolean ran;

                @Override
                Step step(Shell s) {
                    if (!ran) {
                        ran = true;
                        s.st.lastStatus = status;
                        s.push(new TrapFrame("ERR", trap));
                        return Shell.CONTINUE;
                    }
                    s.stack.remove(s.stack.size() - 1);
                    s.st.lastStatus = status;
                    if (s.st.options.errexit) return s.exit(status);
                    return next.get();
                }
            });
            return Shell.CONTINUE;
        }
        if (st.options.errexit) return sh.exit(status);
        return next.get();
    }
}
