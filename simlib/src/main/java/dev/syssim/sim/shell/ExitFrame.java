package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;

/**
 * The bottom of every shell's stack: when the work above it is done (or an {@code exit} unwinds to
 * it), it runs the EXIT trap once and ends the process with the last status.
 */
final class ExitFrame extends Frame {

    private boolean trapRun;
    private int status = -1;

    @Override
    Step step(Shell sh) {
        // the work above finished: its status is the shell's (an EXIT trap that ran keeps it)
        if (status < 0) status = childStatus;
        return leave(sh);
    }

    @Override
    Step unwind(Shell sh) {
        Shell.Pending p = sh.pending;
        sh.pending = null;
        if (status < 0 || trapRun) {
            if (p instanceof Shell.Exit e) status = e.status();
            else if (p instanceof Shell.Discard d) status = d.status();
            else if (p instanceof Shell.Return r) status = r.status();
            else status = sh.st.lastStatus;
        }
        return leave(sh);
    }

    private Step leave(Shell sh) {
        String trap = sh.st.traps.get("EXIT");
        if (!trapRun && trap != null && !trap.isEmpty()) {
            trapRun = true;
            sh.st.lastStatus = status;
            sh.push(new TrapFrame("EXIT", trap));
            return Shell.CONTINUE;
        }
        if (sh.st.traps.containsKey("EXIT") && trapRun && sh.pending == null) {
            // an exit inside the EXIT trap sets the status; otherwise the one before the trap stays
        }
        sh.c.flushStdout();
        return sh.c.exitQuietly(status & 0xff);
    }
}
