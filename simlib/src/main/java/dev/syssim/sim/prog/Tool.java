package dev.syssim.sim.prog;

import dev.syssim.sim.os.Program;
import dev.syssim.sim.os.ProgramArgs;
import dev.syssim.sim.os.Step;

/**
 * A program written against {@link Libc}: each run gets its own C library (its own stdio buffers),
 * so one tool object serves every process that executes it.
 *
 * <p>Its {@link #manual()} is what {@code man NAME} and {@code NAME --help} show: the first line is
 * the synopsis, the lines after it (indented by two spaces) the description and options.
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

    /**
     * The one-line summary of man's NAME section ({@code cat - concatenate files and print on the
     * standard output}): by default the first sentence of the description, lower-cased.
     */
    public String whatis() {
        String[] lines = manual().split("\n");
        if (lines.length < 2) return lines[0];
        String first = lines[1].strip();
        int stop = first.indexOf(". ");
        if (stop >= 0) first = first.substring(0, stop);
        if (first.endsWith(".")) first = first.substring(0, first.length() - 1);
        return first.isEmpty() ? first : Character.toLowerCase(first.charAt(0)) + first.substring(1);
    }

    /** The manual's section: 1 for user commands, 8 for system administration ({@code mount}, {@code sudo}). */
    public int section() {
        return 1;
    }

    /** The package the program comes from, as the manual's footer names it. */
    public String source() {
        return "Debian 12";
    }

    /** The text {@code --help} prints: {@code Usage: } and the synopsis, then the description. */
    public String usage() {
        String[] lines = manual().split("\n", 2);
        return "Usage: " + lines[0] + "\n" + (lines.length > 1 ? lines[1] + "\n" : "");
    }

    /** {@code --help}: the usage on standard output, exit status 0. */
    protected Step help(Libc c) {
        c.print(usage());
        return c.exit(0);
    }
}
