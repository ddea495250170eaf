package dev.syssim.sim.prog.tools.users;

import dev.syssim.sim.os.Getgroups;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * groups: the groups of this process (its credentials, so a change to /etc/group shows only after
 * the next login) or, for each USER named, the groups /etc/group gives them.
 */
public final class Groups extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("groups", c.args().operands(), "", "", Set.of("help"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        return c.users(db -> {
            if (o.operands().isEmpty()) {
                return c.id("getegid", egid -> c.sys(new Getgroups(), g -> {
                    List<String> names = new ArrayList<>();
                    names.add(db.groupName(egid));
                    for (int gid : Getgroups.groups(g)) if (gid != egid) names.add(db.groupName(gid));
                    c.println(String.join(" ", names));
                    return c.exit(0);
                }));
            }
            int status = 0;
            for (String name : o.operands()) {
                UserDb.User u = db.user(name);
                if (u == null) {
                    c.error(Libc.quote(name) + ": no such user");
                    status = 1;
                    continue;
                }
                List<String> names = new ArrayList<>();
                for (int gid : db.groupsOf(u)) names.add(db.groupName(gid));
                c.println(name + " : " + String.join(" ", names));
            }
            return c.exit(status);
        });
    }

    @Override
    public String whatis() {
        return "print the groups a user is in";
    }

    @Override
    public String manual() {
        return "groups [OPTION]... [USERNAME]...\n  Print group memberships for each USERNAME or, if no USERNAME is specified, for the current process\n"
                + "  (which may differ if the groups database has changed).";
    }
}
