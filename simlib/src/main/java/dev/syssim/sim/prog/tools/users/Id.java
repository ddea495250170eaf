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
 * id: the real and effective user and group ids and the groups of the calling process (from the
 * id syscalls and getgroups), or of a USER named (from /etc/passwd and /etc/group). {@code -u},
 * {@code -g}, {@code -G} print one part, {@code -n} as names, {@code -r} real instead of effective.
 */
public final class Id extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("id", c.args().operands(), "ugGnrz", "", Set.of("help", "user", "group", "groups", "name", "real"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        boolean user = o.hasAny("u", "user");
        boolean group = o.hasAny("g", "group");
        boolean groups = o.hasAny("G", "groups");
        boolean names = o.hasAny("n", "name");
        boolean real = o.hasAny("r", "real");
        if ((user ? 1 : 0) + (group ? 1 : 0) + (groups ? 1 : 0) > 1) {
            c.error("cannot print \"only\" of more than one choice");
            return c.exit(1);
        }
        if ((names || real) && !user && !group && !groups) {
            c.error("cannot print only names or real IDs in default format");
            return c.exit(1);
        }
        if (o.operands().size() > 1) return c.usageError("id: extra operand " + Libc.quote(o.operands().get(1)), 1);
        return c.users(db -> {
            if (!o.operands().isEmpty()) {
                String name = o.operands().get(0);
                UserDb.User u = db.user(name);
                if (u == null && name.matches("[0-9]+")) u = db.user(Integer.parseInt(name));
                if (u == null) {
                    c.error(Libc.quote(name) + ": no such user");
                    return c.exit(1);
                }
                List<Integer> list = db.groupsOf(u);
                return print(c, db, u.uid(), u.uid(), u.gid(), u.gid(), list, user, group, groups, names, real);
            }
            return c.id("getuid", uid -> c.id("geteuid", euid -> c.id("getgid", gid -> c.id("getegid", egid ->
                    c.sys(new Getgroups(), g -> {
                        List<Integer> list = new ArrayList<>();
                        list.add(gid);
                        if (egid != gid) list.add(egid);
                        for (int x : Getgroups.groups(g)) if (!list.contains(x)) list.add(x);
                        return print(c, db, uid, euid, gid, egid, list, user, group, groups, names, real);
                    })))));
        });
    }

    private Step print(Libc c, UserDb db, int uid, int euid, int gid, int egid, List<Integer> groupList,
                       boolean user, boolean group, boolean groups, boolean names, boolean real) {
        if (user) {
            int id = real ? uid : euid;
            c.println(names ? db.userName(id) : Integer.toString(id));
            return c.exit(0);
        }
        if (group) {
            int id = real ? gid : egid;
            c.println(names ? db.groupName(id) : Integer.toString(id));
            return c.exit(0);
        }
        if (groups) {
            List<String> parts = new ArrayList<>();
            for (int g : groupList) parts.add(names ? db.groupName(g) : Integer.toString(g));
            c.println(String.join(" ", parts));
            return c.exit(0);
        }
        StringBuilder out = new StringBuilder();
        out.append("uid=").append(uid).append(userPart(db, uid));
        out.append(" gid=").append(gid).append(groupPart(db, gid));
        if (euid != uid) out.append(" euid=").append(euid).append(userPart(db, euid));
        if (egid != gid) out.append(" egid=").append(egid).append(groupPart(db, egid));
        out.append(" groups=");
        for (int i = 0; i < groupList.size(); i++) {
            if (i > 0) out.append(',');
            out.append(groupList.get(i)).append(groupPart(db, groupList.get(i)));
        }
        c.println(out.toString());
        return c.exit(0);
    }

    private static String userPart(UserDb db, int uid) {
        UserDb.User u = db.user(uid);
        return u == null ? "" : "(" + u.name() + ")";
    }

    private static String groupPart(UserDb db, int gid) {
        UserDb.Group g = db.group(gid);
        return g == null ? "" : "(" + g.name() + ")";
    }

    @Override
    public String whatis() {
        return "print real and effective user and group IDs";
    }

    @Override
    public String manual() {
        return "id [OPTION]... [USER]...\n  Print user and group information for each specified USER, or (when USER omitted) for the current process.\n"
                + "  -g, --group   print only the effective group ID\n"
                + "  -G, --groups  print all group IDs\n"
                + "  -n, --name    print a name instead of a number, for -u, -g, -G\n"
                + "  -r, --real    print the real ID instead of the effective ID, with -u, -g, -G\n"
                + "  -u, --user    print only the effective user ID";
    }
}
