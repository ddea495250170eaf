package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Getpriority;
import dev.syssim.sim.os.Priority;
import dev.syssim.sim.os.Setpriority;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * nice (coreutils 9.1): run a command with its niceness changed by an adjustment (10 unless
 * {@code -n N}; the old forms {@code -N} and {@code --N} too), or print the current niceness.
 * Raising priority (a negative adjustment) needs CAP_SYS_NICE: without it nice warns and runs the
 * command unchanged, as the real one does. The simulated scheduler does not weigh nice values
 * (see {@link dev.syssim.sim.os.Process#nice()}); ps, top and /proc show them.
 */
public final class Nice extends Tool {

    private static final int FAILED = 125;

    @Override
    protected Step run(Libc c) {
        List<String> args = new ArrayList<>(c.args().operands());
        String adjustment = null;
        // coreutils takes a leading -N, --N or -+N as an adjustment before getopt sees it
        while (!args.isEmpty() && args.get(0).matches("-[-+]?[0-9].*")) adjustment = args.remove(0).substring(1);
        Options o = Options.parse("nice", args, "", "n", Set.of("help", "version"), Set.of("adjustment"), false);
        if (o.failed()) return c.usageError(o.error(), FAILED);
        if (o.has("help")) return help(c);
        if (o.value("n") != null || o.value("adjustment") != null) adjustment = o.value("n", o.value("adjustment"));
        List<String> command = o.operands();
        if (command.isEmpty()) {
            if (adjustment != null) return c.usageError("nice: a command must be given with an adjustment", FAILED);
            return c.sys(new Getpriority(Priority.PRIO_PROCESS, 0), r -> {
                c.println(Integer.toString(Getpriority.nice(r)));
                return c.exit(0);
            });
        }
        int adjust = 10;
        if (adjustment != null) {
            String text = adjustment.startsWith("+") ? adjustment.substring(1) : adjustment;
            if (!text.matches("-?[0-9]+")) {
                c.error("invalid adjustment " + c.quoteLocale(adjustment));
                return c.exit(FAILED);
            }
            adjust = text.length() > 6 ? (text.startsWith("-") ? -39 : 39) : Math.max(-39, Math.min(39, Integer.parseInt(text)));
        }
        int change = adjust;
        return c.sys(new Getpriority(Priority.PRIO_PROCESS, 0), now -> {
            int current = Getpriority.nice(now);
            return c.sys(new Setpriority(Priority.PRIO_PROCESS, 0, current + change), set -> {
                if (set.failed()) {
                    c.error("cannot set niceness", set.errno());
                    if (set.errno() != Errno.EPERM && set.errno() != Errno.EACCES) return c.exit(FAILED);
                }
                return c.execvp(command, new TreeMap<>(c.args().env()), e -> {
                    c.error(c.quoteLocale(command.get(0)), e);
                    return c.exit(e == Errno.ENOENT ? 127 : 126);
                });
            });
        });
    }

    @Override
    public String whatis() {
        return "run a program with modified scheduling priority";
    }

    @Override
    public String manual() {
        return "nice [OPTION] [COMMAND [ARG]...]\n"
                + "  Run COMMAND with an adjusted niceness, which affects process scheduling. With no COMMAND, print the current niceness.\n"
                + "  Niceness values range from -20 (most favorable to the process) to 19 (least favorable to the process).\n"
                + "  -n, --adjustment=N   add integer N to the niceness (default 10)\n"
                + "  In the simulation the scheduler does not weigh niceness: ps, top and /proc/PID/stat show it.";
    }
}
