package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Modes;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * mkfifo (coreutils 9.1): make named pipes — mknod with S_IFIFO, mode 0666 less the umask, or
 * exactly {@code -m MODE} (then a chmod, as the umask would clear bits). Opening one blocks until
 * the other end is opened too, as on Linux.
 */
public final class Mkfifo extends Tool {

    private static final List<String> LONG = List.of("mode=>m", "context=?>Z", "help", "version");

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("mkfifo", c.args().operands(), "m:Z", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        Integer mode = null;
        if (g.has("m")) {
            mode = Modes.apply(g.last("m"), 0666, 0, false);
            if (mode == null) {
                c.error("invalid mode");
                return c.exit(1);
            }
        }
        if (g.operands().isEmpty()) return c.usageError("mkfifo: missing operand", 1);
        Integer exact = mode;
        int[] status = {0};
        return Libc.forEach(g.operands(), (name, next) -> c.sys(new Syscall.Mknod(name, 0010000 | (exact == null ? 0666 : exact & 07777), 0, 0), r -> {
            if (r.failed()) {
                c.error("cannot create fifo " + Libc.quote(name), r.errno());
                status[0] = 1;
                return next.get();
            }
            if (exact == null) return next.get();
            return c.sys(new Syscall.Chmod(name, exact), m -> next.get());
        }), () -> c.exit(status[0]));
    }

    @Override
    public String whatis() {
        return "make FIFOs (named pipes)";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "mkfifo [OPTION]... NAME...\n  Create named pipes (FIFOs) with the given NAMEs.\n"
                + "  -m, --mode=MODE  set file permission bits to MODE, not a=rw - umask";
    }
}
