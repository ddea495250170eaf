package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** rmdir: remove empty directories ({@code -p}: and then their parents, {@code -v}: say so). */
public final class Rmdir extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("rmdir", c.args().operands(), "pv", "", Set.of("help", "parents", "verbose"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        if (o.operands().isEmpty()) return c.usageError("rmdir: missing operand", 1);
        boolean parents = o.hasAny("p", "parents");
        boolean verbose = o.hasAny("v", "verbose");
        int[] status = {0};
        return Libc.forEach(o.operands(), (dir, next) -> {
            List<String> chain = new ArrayList<>();
            String d = dir.replaceAll("/+$", "");
            chain.add(d);
            if (parents) {
                while (d.lastIndexOf('/') > 0) {
                    d = d.substring(0, d.lastIndexOf('/'));
                    chain.add(d);
                }
            }
            return Libc.forEach(chain, (path, more) -> {
                if (verbose) c.println("rmdir: removing directory, " + Libc.quote(path));
                return c.sys(Syscall.Unlinkat.rmdir(path), r -> {
                    if (r.failed()) {
                        c.error("failed to remove " + Libc.quote(path), r.errno());
                        status[0] = 1;
                        return next.get();
                    }
                    return more.get();
                });
            }, next);
        }, () -> c.exit(status[0]));
    }

    @Override
    public String whatis() {
        return "remove empty directories";
    }

    @Override
    public String manual() {
        return "rmdir [OPTION]... DIRECTORY...\n  Remove the DIRECTORY(ies), if they are empty.\n"
                + "  -p, --parents   remove DIRECTORY and its ancestors; e.g., 'rmdir -p a/b' is similar to 'rmdir a/b a'\n"
                + "  -v, --verbose   output a diagnostic for every directory processed";
    }
}
