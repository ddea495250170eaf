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
 * id (coreutils 9.1): the real and effective user and group ids and the groups of the calling
 * process (from the id syscalls and getgroups), or of each USER named (from /etc/passwd and
 * /etc/group, by name or number). {@code -u}, {@code -g}, {@code -G} print one part, {@code -n} as
 * names, {@code -r} real instead of effective, {@code -z} ending with NUL instead of newline. The
 * simulated kernel has no SELinux, so {@code -Z} fails as on a kernel without it.
 */
public final class Id extends Tool {

    /** What to print. */
    private record Choice(boolean user, boolean group, boolean groups, boolean names, boolean real, boolean zero) {
    }

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("id", c.args().operands(), "ugGnrzaZ", "", Set.of("help", "user", "group", "groups", "name", "real",
                "zero", "context", "version"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        Choice ch = new Choice(o.hasAny("u", "user"), o.hasAny("g", "group"), o.hasAny("G", "groups"), o.hasAny("n", "name"),
                o.hasAny("r", "real"), o.hasAny("z", "zero"));
        if (o.hasAny("Z", "context")) {
            c.error("--context (-Z) works only on an SELinux-enabled kernel");
            return c.exit(1);
        }
        if ((ch.user() ? 1 : 0) + (ch.group() ? 1 : 0) + (ch.groups() ? 1 : 0) > 1) {
            c.error("cannot print \"only\" of more than one choice");
            return c.exit(1);
        }
        boolean defaultFormat = !ch.user() && !ch.group() && !ch.groups();
        if (defaultFormat && (ch.names() || ch.real())) {
            c.error("cannot print only names or real IDs in default format");
            return c.exit(1);
        }
        if (defaultFormat && ch.zero()) {
            c.error("option --zero not permitted in default format");
            return c.exit(1);
        }
        return c.users(db -> {
            if (o.operands().isEmpty()) {
                return c.id("getuid", uid -> c.id("geteuid", euid -> c.id("getgid", gid -> c.id("getegid", egid ->
                        c.sys(new Getgroups(), g -> {
                            List<Integer> list = new ArrayList<>();
                            list.add(gid);
                            if (egid != gid) list.add(egid);
                            for (int x : Getgroups.groups(g)) if (!list.contains(x)) list.add(x);
                            c.print(line(db, uid, euid, gid, egid, list, ch));
                            return c.exit(0);
                        })))));
            }
            int status = 0;
            StringBuilder out = new StringBuilder();
            for (String name : o.operands()) {
                UserDb.User u = db.user(name);
                if (u == null && name.matches("[0-9]+") && name.length() < 10) u = db.user(Integer.parseInt(name));
                if (u == null) {
                    c.print(out.toString());
                    out.setLength(0);
                    c.flushStdout();
                    c.error(c.quoteLocale(name) + ": no such user");
                    status = 1;
                    continue;
                }
                out.append(line(db, u.uid(), u.uid(), u.gid(), u.gid(), db.groupsOf(u), ch));
            }
            c.print(out.toString());
            return c.exit(status);
        });
    }

    private static String line(UserDb db, int uid, int euid, int gid, int egid, List<Integer> groupList, Choice ch) {
        String end = ch.zero() ? "\0" : "\n";
        if (ch.user()) {
            int id = ch.real() ? uid : euid;
            return (ch.names() ? db.userName(id) : Integer.toString(id)) + end;
        }
        if (ch.group()) {
            int id = ch.real() ? gid : egid;
            return (ch.names() ? db.groupName(id) : Integer.toString(id)) + end;
        }
        if (ch.groups()) {
            List<String> parts = new ArrayList<>();
            for (int g : groupList) parts.add(ch.names() ? db.groupName(g) : Integer.toString(g));
            return String.join(ch.zero() ? "\0" : " ", parts) + end;
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
        return out.append('\n').toString();
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
                + "  -u, --user    print only the effective user ID\n"
                + "  -z, --zero    delimit entries with NUL characters, not whitespace; not permitted in default format\n"
                + "  -Z, --context print only the security context (fails: the simulated kernel has no SELinux)";
    }
}
