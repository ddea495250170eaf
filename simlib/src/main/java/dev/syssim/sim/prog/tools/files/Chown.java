package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * chown: change a file's owner and group ({@code USER}, {@code USER:GROUP}, {@code :GROUP},
 * {@code USER:} for the user's login group). Giving a file away needs CAP_CHOWN: a normal user
 * gets {@code Operation not permitted}. {@code chgrp GROUP FILE} is the same program's group half.
 */
public final class Chown extends Tool {

    private final boolean chgrp;

    public Chown(boolean chgrp) {
        this.chgrp = chgrp;
    }

    @Override
    protected Step run(Libc c) {
        String name = chgrp ? "chgrp" : "chown";
        Options o = Options.parse(name, c.args().operands(), "Rvchf", "",
                Set.of("help", "recursive", "verbose", "changes", "silent", "quiet", "no-dereference"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        List<String> operands = o.operands();
        if (operands.isEmpty()) return c.usageError(name + ": missing operand", 1);
        if (operands.size() == 1) return c.usageError(name + ": missing operand after " + Libc.quote(operands.get(0)), 1);
        String spec = chgrp ? ":" + operands.get(0) : operands.get(0);
        return c.users(db -> {
            int[] ids = parse(c, db, spec);
            if (ids == null) return c.exit(1);
            Run run = new Run(c, ids[0], ids[1], o.hasAny("R", "recursive"), o.hasAny("v", "verbose"), o.hasAny("c", "changes"),
                    o.hasAny("f", "silent", "quiet"), !o.hasAny("h", "no-dereference"), db);
            return Libc.forEach(operands.subList(1, operands.size()), run::change, () -> c.exit(run.status));
        });
    }

    /** {uid, gid} with -1 for "leave as it is"; null after printing the error. */
    private int[] parse(Libc c, UserDb db, String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) colon = spec.indexOf('.');
        String user = colon < 0 ? spec : spec.substring(0, colon);
        String group = colon < 0 ? null : spec.substring(colon + 1);
        int uid = -1;
        int gid = -1;
        if (!user.isEmpty()) {
            UserDb.User u = db.user(user);
            if (u == null && user.matches("[0-9]+")) uid = Integer.parseInt(user);
            else if (u == null) {
                c.error("invalid user: " + Libc.quote(spec));
                return null;
            } else {
                uid = u.uid();
                if (group != null && group.isEmpty()) gid = u.gid();
            }
        }
        if (group != null && !group.isEmpty()) {
            UserDb.Group g = db.group(group);
            if (g == null && group.matches("[0-9]+")) gid = Integer.parseInt(group);
            else if (g == null) {
                c.error("invalid group: " + Libc.quote(chgrp ? group : spec));
                return null;
            } else {
                gid = g.gid();
            }
        }
        return new int[] {uid, gid};
    }

    private final class Run {
        final Libc c;
        final int uid;
        final int gid;
        final boolean recursive;
        final boolean verbose;
        final boolean changes;
        final boolean quiet;
        final boolean follow;
        final UserDb db;
        int status;

        Run(Libc c, int uid, int gid, boolean recursive, boolean verbose, boolean changes, boolean quiet, boolean follow, UserDb db) {
            this.c = c;
            this.uid = uid;
            this.gid = gid;
            this.recursive = recursive;
            this.verbose = verbose;
            this.changes = changes;
            this.quiet = quiet;
            this.follow = follow;
            this.db = db;
        }

        Step change(String file, Supplier<Step> next) {
            return c.statOf(file, follow, (err, st) -> {
                if (err != null) {
                    if (!quiet) c.error("cannot access " + Libc.quote(file), err);
                    status = 1;
                    return next.get();
                }
                return c.sys(new Syscall.Chown(file, uid, gid, follow), r -> {
                    String what = chgrp ? "group" : "ownership";
                    if (r.failed()) {
                        if (!quiet) c.error("changing " + what + " of " + Libc.quote(file), r.errno());
                        status = 1;
                    } else {
                        int newUid = uid < 0 ? st.uid() : uid;
                        int newGid = gid < 0 ? st.gid() : gid;
                        boolean changed = newUid != st.uid() || newGid != st.gid();
                        String owner = chgrp ? db.groupName(newGid) : db.userName(newUid) + ":" + db.groupName(newGid);
                        String old = chgrp ? db.groupName(st.gid()) : db.userName(st.uid()) + ":" + db.groupName(st.gid());
                        if (changed && (verbose || changes)) c.println("changed " + what + " of " + Libc.quote(file) + " from " + old + " to " + owner);
                        else if (!changed && verbose) c.println(what + " of " + Libc.quote(file) + " retained as " + owner);
                    }
                    if (recursive && st.type() == FileType.DIRECTORY) {
                        return c.listDirectory(file, false, (e, entries) -> {
                            if (e != null) return next.get();
                            String prefix = file.endsWith("/") ? file : file + "/";
                            return Libc.forEach(entries, (d, more) -> change(prefix + d.name(), more), next);
                        });
                    }
                    return next.get();
                });
            });
        }
    }

    @Override
    public String whatis() {
        return chgrp ? "change group ownership" : "change file owner and group";
    }

    @Override
    public String manual() {
        if (chgrp) {
            return "chgrp [OPTION]... GROUP FILE...\n  Change the group of each FILE to GROUP.\n"
                    + "  -c, --changes  like verbose but report only when a change is made\n"
                    + "  -v, --verbose  output a diagnostic for every file processed\n  -R, --recursive  operate on files and directories recursively";
        }
        return "chown [OPTION]... [OWNER][:[GROUP]] FILE...\n  Change the owner and/or group of each FILE to OWNER and/or GROUP.\n"
                + "  If only a colon follows the owner, the group becomes the owner's login group.\n"
                + "  -c, --changes  like verbose but report only when a change is made\n"
                + "  -h, --no-dereference  affect symbolic links instead of any referenced file\n"
                + "  -v, --verbose  output a diagnostic for every file processed\n"
                + "  -R, --recursive  operate on files and directories recursively";
    }
}
