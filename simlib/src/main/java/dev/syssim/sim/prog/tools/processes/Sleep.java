package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Intervals;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.Set;

/**
 * sleep (coreutils 9.1): pause for the sum of the intervals given — numbers as C's strtod reads
 * them ({@code 1}, {@code 0.5}, {@code 1e-3}, {@code inf}), each with an optional suffix {@code s},
 * {@code m}, {@code h} or {@code d}. The process blocks in clock_nanosleep; only simulated time
 * passes, so a notebook waits no wall-clock time for it. {@code sleep inf} sleeps until killed.
 */
public final class Sleep extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("sleep", c.args().operands(), "", "", Set.of("help", "version"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        if (o.operands().isEmpty()) return c.usageError("sleep: missing operand", 1);
        double seconds = 0;
        boolean bad = false;
        for (String arg : o.operands()) {
            Double d = Intervals.seconds(arg);
            if (d == null) {
                c.error("invalid time interval " + c.quoteLocale(arg));
                bad = true;
            } else {
                seconds += d;
            }
        }
        if (bad) {
            c.eprint("Try 'sleep --help' for more information.\n");
            return c.exit(1);
        }
        return c.sleep(Intervals.nanos(seconds), err -> c.exit(0));
    }

    @Override
    public String whatis() {
        return "delay for a specified amount of time";
    }

    @Override
    public String manual() {
        return "sleep NUMBER[SUFFIX]...\n  Pause for NUMBER seconds. SUFFIX may be 's' for seconds (the default), 'm' for minutes, 'h' for hours or 'd' for days.\n"
                + "  NUMBER need not be an integer (0.5, 1e-3), and 'inf' or 'infinity' sleeps until the process is killed.\n"
                + "  Given two or more arguments, pause for the amount of time specified by the sum of their values.";
    }
}
