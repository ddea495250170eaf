package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Utimensat;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.Set;

/**
 * touch: create a file if it does not exist (an open with O_CREAT), and set its times to now
 * (utimensat). {@code -c} creates nothing.
 */
public final class Touch extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("touch", c.args().operands(), "cam", "", Set.of("help", "no-create"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        if (o.operands().isEmpty()) return c.usageError("touch: missing file operand", 1);
        boolean noCreate = o.hasAny("c", "no-create");
        int[] status = {0};
        return Libc.forEach(o.operands(), (file, next) -> {
            if (noCreate) return setTimes(c, file, status, true, next);
            return c.create(file, OpenFlags.O_WRONLY | OpenFlags.O_NOCTTY | OpenFlags.O_NONBLOCK, 0666, r -> {
                if (r.failed() && r.errno() != Errno.EISDIR) {
                    c.error("cannot touch " + Libc.quote(file), r.errno());
                    status[0] = 1;
                    return next.get();
                }
                if (r.failed()) return setTimes(c, file, status, false, next);
                return c.close(r.intValue(), () -> setTimes(c, file, status, false, next));
            });
        }, () -> c.exit(status[0]));
    }

    private static Step setTimes(Libc c, String file, int[] status, boolean quietIfMissing, java.util.function.Supplier<Step> next) {
        return c.sys(new Utimensat(file, true), r -> {
            if (r.failed() && !(quietIfMissing && r.errno() == Errno.ENOENT)) {
                c.error("setting times of " + Libc.quote(file), r.errno());
                status[0] = 1;
            }
            return next.get();
        });
    }

    @Override
    public String whatis() {
        return "change file timestamps";
    }

    @Override
    public String manual() {
        return "touch [OPTION]... FILE...\n  Update the access and modification times of each FILE to the current time.\n"
                + "  A FILE argument that does not exist is created empty, unless -c is supplied.\n"
                + "  -c, --no-create   do not create any files";
    }
}
