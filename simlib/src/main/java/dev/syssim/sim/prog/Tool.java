package dev.syssim.sim.prog;

import dev.syssim.sim.os.Program;
import dev.syssim.sim.os.ProgramArgs;
import dev.syssim.sim.os.Step;

/**
 * A program written against {@link Libc}: each run gets its own C library (its own stdio buffers),
 * so one tool object serves every process that executes it.
 */
public abstract class Tool implements Program {

    @Override
    public final Step start(ProgramArgs args) {
        return run(new Libc(args));
    }

    /** The program's main: returns its first step. */
    protected abstract Step run(Libc c);

    /** The text of {@code man NAME}: synopsis and the options the simulation supports. */
    public abstract String manual();
}
