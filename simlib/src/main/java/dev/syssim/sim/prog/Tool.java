package dev.syssim.sim.prog;

import dev.syssim.sim.os.Program;
import dev.syssim.sim.os.ProgramArgs;
import dev.syssim.sim.os.Step;

/**
 * A program written against {@link Libc}: each run gets its own C library (its own stdio buffers),
 * so one tool object serves every process that executes it.
 */
public abstract class Tool implements Program {

    /** User-mode work before main's first syscall: the C runtime's start-up, reading argv. */
    public static final long STARTUP = 15_000;

    @Override
    public final Step start(ProgramArgs args) {
        Libc c = new Libc(args);
        return Step.compute(STARTUP, args.name() + ": C runtime start-up, main()", () -> run(c));
    }

    /** The program's main: returns its first step. */
    protected abstract Step run(Libc c);

    /** The text of {@code man NAME}: synopsis and the options the simulation supports. */
    public abstract String manual();
}
