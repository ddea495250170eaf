package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.math.BigDecimal;
import java.util.Set;

/**
 * sleep: pause for the sum of the durations given ({@code 1}, {@code 0.5}, {@code 2s}, {@code 1m},
 * {@code 1h}, {@code 1d}). The process blocks in clock_nanosleep; only simulated time passes, so a
 * notebook waits no wall-clock time for it.
 */
public final class Sleep extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("sleep", c.args().operands(), "", "", Set.of("help"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        if (o.operands().isEmpty()) return c.usageError("sleep: missing operand", 1);
        BigDecimal seconds = BigDecimal.ZERO;
        boolean bad = false;
        for (String arg : o.operands()) {
            BigDecimal d = parse(arg);
            if (d == null) {
                c.error("invalid time interval " + Libc.quote(arg));
                bad = true;
            } else {
                seconds = seconds.add(d);
            }
        }
        if (bad) {
            c.eprint("Try 'sleep --help' for more information.\n");
            return c.exit(1);
        }
        long nanos = seconds.multiply(BigDecimal.valueOf(1_000_000_000L)).min(BigDecimal.valueOf(Long.MAX_VALUE / 2)).longValue();
        return c.sleep(nanos, err -> c.exit(0));
    }

    /** Seconds, or null when the text is not an interval. */
    static BigDecimal parse(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]*\\.?[0-9]+|[0-9]+\\.)([smhd]?)").matcher(text);
        if (!m.matches()) return null;
        BigDecimal value = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        int factor = switch (m.group(2)) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> 1;
        };
        return value.multiply(BigDecimal.valueOf(factor));
    }

    @Override
    public String whatis() {
        return "delay for a specified amount of time";
    }

    @Override
    public String manual() {
        return "sleep NUMBER[SUFFIX]...\n  Pause for NUMBER seconds. SUFFIX may be 's' for seconds (the default), 'm' for minutes, 'h' for hours or 'd' for days.\n"
                + "  NUMBER need not be an integer. Given two or more arguments, pause for the amount of time specified by the sum of their values.";
    }
}
