package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.Set;

/** tty: the terminal standard input is connected to, as ttyname(3) finds it (TCGETS, then /proc/self/fd/0). */
public final class Tty extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("tty", c.args().operands(), "s", "", Set.of("help", "silent", "quiet"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 2);
        if (o.has("help")) return help(c);
        boolean silent = o.hasAny("s", "silent", "quiet");
        return c.isatty(0, tty -> {
            if (!tty) {
                if (!silent) c.println("not a tty");
                return c.exit(1);
            }
            if (silent) return c.exit(0);
            return c.sys(new Syscall.Readlink("/proc/self/fd/0"), r -> {
                c.println(r.failed() ? "not a tty" : (String) r.data());
                return c.exit(r.failed() ? 1 : 0);
            });
        });
    }

    @Override
    public String whatis() {
        return "print the file name of the terminal connected to standard input";
    }

    @Override
    public String manual() {
        return "tty [OPTION]...\n  Print the file name of the terminal connected to standard input.\n"
                + "  -s, --silent  print nothing, only return an exit status";
    }
}
