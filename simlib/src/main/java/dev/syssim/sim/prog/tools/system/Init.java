package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;

/**
 * init, process 1: the first program the kernel starts. It adopts orphans; the simulated kernel
 * reaps its children itself, so here it only sleeps until a signal comes; {@code --help} prints
 * its usage. (Run again by a user, systemd would refuse; the simulated init sleeps like the first.)
 */
public final class Init extends Tool {

    @Override
    protected Step run(Libc c) {
        if (c.args().operands().contains("--help") || c.args().operands().contains("-h")) return help(c);
        return sleep(c);
    }

    private Step sleep(Libc c) {
        return c.sys(new Syscall.Pause(), r -> sleep(c));
    }

    @Override
    public String manual() {
        return "init [OPTIONS...]\n  Process 1: the first process the kernel starts; parent of every orphan.";
    }
}
