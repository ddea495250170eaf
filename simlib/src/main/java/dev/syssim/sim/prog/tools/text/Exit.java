package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;

/** true and false: do nothing, successfully or not. */
public final class Exit extends Tool {

    private final int status;

    public Exit(int status) {
        this.status = status;
    }

    @Override
    protected Step run(Libc c) {
        if (c.args().operands().equals(java.util.List.of("--help"))) return help(c);
        return c.exit(status);
    }

    @Override
    public String manual() {
        return status == 0 ? "true\n  Do nothing, successfully (exit status 0)." : "false\n  Do nothing, unsuccessfully (exit status 1).";
    }
}
