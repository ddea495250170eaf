package dev.syssim.sim.prog.tools.busybox;

import dev.syssim.sim.os.Getgroups;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;

/**
 * busybox id: {@code uid=N(name) gid=N(name) groups=...} from the caller's ids and the root's
 * /etc/passwd and /etc/group (a number alone when a name is unknown; no {@code groups=} when there
 * are none); {@code -u -g -G -n}; {@code id USER} looks the user up instead.
 */
final class Id extends Tool {

    @Override
    protected Step run(Libc c) {
        String only = null;
        boolean names = false;
        String user = null;
        for (String a : c.args().operands()) {
            if (a.startsWith("-") && a.length() > 1) {
                for (char ch : a.substring(1).toCharArray()) {
                    if (ch == 'n') names = true;
                    else if ("ugG".indexOf(ch) >= 0) only = String.valueOf(ch);
                    else if (ch != 'r') {
                        c.eprint("id: invalid option -- '" + ch + "'\n");
                        return c.exitQuietly(1);
                    }
                }
            } else {
                user = a;
            }
        }
        String mode = only;
        boolean byName = names;
        String who = user;
        return c.users(db -> {
            if (who != null) {
                UserDb.User u = db.user(who);
                if (u == null) {
                    c.eprint("id: unknown user " + who + "\n");
                    return c.exitQuietly(1);
                }
                int[] groups = db.groupsOf(u).stream().mapToInt(Integer::intValue).toArray();
                return print(c, db, mode, byName, u.uid(), u.gid(), groups);
            }
            return c.id("geteuid", uid -> c.id("getegid", gid -> c.sys(new Getgroups(), g ->
                    print(c, db, mode, byName, uid, gid, Getgroups.groups(g)))));
        });
    }

    private static Step print(Libc c, UserDb db, String only, boolean names, int uid, int gid, int[] groups) {
        if (only != null) {
            switch (only) {
                case "u" -> c.println(names ? db.userName(uid) : Integer.toString(uid));
                case "g" -> c.println(names ? db.groupName(gid) : Integer.toString(gid));
                default -> {
                    StringBuilder b = new StringBuilder();
                    for (int g : groups) b.append(b.length() > 0 ? " " : "").append(names ? db.groupName(g) : Integer.toString(g));
                    c.println(b.toString());
                }
            }
            return c.exitQuietly(0);
        }
        StringBuilder b = new StringBuilder("uid=").append(uid).append(named(db.user(uid) == null ? null : db.userName(uid)))
                .append(" gid=").append(gid).append(named(db.group(gid) == null ? null : db.groupName(gid)));
        if (groups.length > 0) {
            b.append(" groups=");
            for (int i = 0; i < groups.length; i++) {
                if (i > 0) b.append(',');
                b.append(groups[i]).append(named(db.group(groups[i]) == null ? null : db.groupName(groups[i])));
            }
        }
        c.println(b.toString());
        return c.exitQuietly(0);
    }

    private static String named(String name) {
        return name == null ? "" : "(" + name + ")";
    }


    @Override
    public String manual() {
        return "id [-ugGnr] [USER]\n  Print information about USER or the current user";
    }
}
