package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.SchedGetaffinity;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.Set;

/**
 * nproc: the number of processing units this process may use — the cores in its affinity mask
 * (sched_getaffinity), so {@code taskset -c 0 nproc} prints 1. {@code --all}: every core the machine
 * has (counted in /proc/cpuinfo).
 */
public final class Nproc extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("nproc", c.args().operands(), "", "", Set.of("help", "all"), Set.of("ignore"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        if (!o.operands().isEmpty()) return c.usageError("nproc: extra operand " + Libc.quote(o.operands().get(0)), 1);
        int ignore = 0;
        if (o.value("ignore") != null) {
            try {
                ignore = Integer.parseInt(o.value("ignore"));
            } catch (NumberFormatException e) {
                c.error("invalid number: " + Libc.quote(o.value("ignore")));
                return c.exit(1);
            }
        }
        int skip = ignore;
        if (o.has("all")) {
            return c.readFile("/proc/cpuinfo", (err, bytes) -> {
                int n = 0;
                if (bytes != null) for (String line : Libc.text(bytes).split("\n")) if (line.startsWith("processor")) n++;
                c.println(Integer.toString(Math.max(1, n - skip)));
                return c.exit(0);
            });
        }
        return c.sys(new SchedGetaffinity(0), r -> {
            int n = Long.bitCount(SchedGetaffinity.mask(r));
            c.println(Integer.toString(Math.max(1, n - skip)));
            return c.exit(0);
        });
    }

    @Override
    public String whatis() {
        return "print the number of processing units available";
    }

    @Override
    public String manual() {
        return "nproc [OPTION]...\n  Print the number of processing units available to the current process, which may be less than the number of online processors.\n"
                + "  --all        print the number of installed processors\n"
                + "  --ignore=N   if possible, exclude N processing units";
    }
}
