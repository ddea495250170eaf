package dev.syssim.sim.prog.tools.users;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;

/** whoami: the name of the effective user (geteuid, then /etc/passwd). Under sudo it is root. */
public final class Whoami extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("whoami", c.args().operands(), "", "");
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        if (!o.operands().isEmpty()) return c.usageError("whoami: extra operand " + c.quoteLocale(o.operands().get(0)), 1);
        return c.id("geteuid", uid -> c.users(db -> {
            UserDb.User u = db.user(uid);
            if (u == null) {
                c.error("cannot find name for user ID " + uid);
                return c.exit(1);
            }
            c.println(u.name());
            return c.exit(0);
        }));
    }

    @Override
    public String whatis() {
        return "print effective user name";
    }

    @Override
    public String manual() {
        return "whoami [OPTION]...\n  Print the user name associated with the current effective user ID. Same as id -un.";
    }
}
