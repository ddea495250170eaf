package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Utsname;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.Set;

/**
 * hostname (Debian's hostname 3.23): print the name of the machine (uname's nodename), or set it
 * with sethostname(2), which needs CAP_SYS_ADMIN in the UTS namespace. {@code -s}: the short name.
 */
public final class Hostname extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("hostname", c.args().operands(), "sfFb", "", Set.of("help", "short", "fqdn", "long", "file"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        if (o.operands().isEmpty()) {
            return c.sys(new Syscall.Uname(), r -> {
                String name = r.dataAs(Utsname.class).nodename();
                if (o.hasAny("s", "short") && name.contains(".")) name = name.substring(0, name.indexOf('.'));
                c.println(name);
                return c.exit(0);
            });
        }
        String name = o.operands().get(0);
        return c.sys(new Syscall.Sethostname(name), r -> {
            if (r.failed()) {
                if (r.errno() == Errno.EPERM) c.eprint("hostname: you must be root to change the host name\n");
                else c.eprint("hostname: " + r.errno().message() + "\n");
                return c.exit(1);
            }
            return c.exit(0);
        });
    }

    @Override
    public String whatis() {
        return "show or set the system's host name";
    }

    @Override
    public String manual() {
        return "hostname [-s] [NAME]\n  Display the system's host name, or set it to NAME (root only: sethostname needs CAP_SYS_ADMIN).\n"
                + "  -s, --short  short host name (cut at the first dot)";
    }
}
