package dev.syssim.sim.prog.tools.isolation;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.util.ArrayList;
import java.util.List;

/**
 * chroot (GNU coreutils 9.1): run a command with another root directory. In coreutils' order:
 * parse the options, look the user and groups up (outside the new root, then again inside it),
 * chroot(2) — which needs search permission on the directory, then CAP_SYS_CHROOT — then
 * chdir("/") unless {@code --skip-chdir}, set the groups, group and user, and execvp the command
 * (or {@code $SHELL -i}, {@code /bin/sh -i} without SHELL). Exit status 125 when chroot itself
 * fails, 126 when the command cannot be run, 127 when it is not found; otherwise the command's.
 */
public final class Chroot extends Tool {

    static final int EXIT_CANCELED = 125;

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("chroot", c.args().operands(), "+", List.of("userspec=", "groups=", "skip-chdir", "help", "version"), false);
        if (g.failed()) return c.usageError(g.error(), EXIT_CANCELED);
        if (g.has("help")) return help(c);
        if (g.has("version")) {
            c.print(CoreutilsText.version("chroot"));
            return c.exit(0);
        }
        List<String> rest = g.operands();
        if (rest.isEmpty()) return c.usageError(me(c) + ": missing operand", EXIT_CANCELED);
        String newRoot = rest.get(0);
        boolean skipChdir = g.has("skip-chdir");
        String userspec = g.last("userspec");
        String groups = g.last("groups");
        return c.stat(newRoot, st -> c.stat("/", rootSt -> {
            boolean oldRoot = !st.failed() && !rootSt.failed() && sameFile(st, rootSt);
            if (skipChdir && !oldRoot) {
                return c.usageError(me(c) + ": option --skip-chdir only permitted if NEWROOT is old '/'", EXIT_CANCELED);
            }
            List<String> command = new ArrayList<>();
            if (rest.size() == 1) {
                String shell = c.env("SHELL");
                command.add(shell == null ? "/bin/sh" : shell);
                command.add("-i");
            } else {
                command.addAll(rest.subList(1, rest.size()));
            }
            if (userspec == null && groups == null) return changeRoot(c, newRoot, skipChdir, () -> exec(c, command));
            // coreutils looks the names up outside the new root first (to load NSS), then inside
            return c.users(outside -> changeRoot(c, newRoot, skipChdir, () -> c.users(inside -> identity(c, userspec, groups, outside, inside,
                    () -> exec(c, command)))));
        }));
    }

    private static boolean sameFile(dev.syssim.sim.os.SysResult a, dev.syssim.sim.os.SysResult b) {
        dev.syssim.sim.fs.Stat x = a.dataAs(dev.syssim.sim.fs.Stat.class);
        dev.syssim.sim.fs.Stat y = b.dataAs(dev.syssim.sim.fs.Stat.class);
        return x.device() == y.device() && x.inode() == y.inode();
    }

    private Step changeRoot(Libc c, String newRoot, boolean skipChdir, java.util.function.Supplier<Step> then) {
        return c.sys(new Syscall.Chroot(newRoot), r -> {
            if (r.failed()) {
                c.eprint(me(c) + ": cannot change root directory to " + Libc.quote(newRoot) + ": " + r.errno().message() + "\n");
                return c.exit(EXIT_CANCELED);
            }
            if (skipChdir) return then.get();
            return c.sys(new Syscall.Chdir("/"), d -> {
                if (d.failed()) {
                    c.eprint(me(c) + ": cannot chdir to root directory: " + d.errno().message() + "\n");
                    return c.exit(EXIT_CANCELED);
                }
                return then.get();
            });
        });
    }

    /** --userspec and --groups, looked up in the new root's files: setgroups, setgid, setuid. */
    private Step identity(Libc c, String userspec, String groups, UserDb outside, UserDb inside, java.util.function.Supplier<Step> then) {
        int uid = -1;
        int gid = -1;
        String username = null;
        if (userspec != null) {
            int colon = userspec.indexOf(':');
            if (colon < 0) colon = userspec.indexOf('.');
            String user = colon < 0 ? userspec : userspec.substring(0, colon);
            String group = colon < 0 ? null : userspec.substring(colon + 1);
            if (!user.isEmpty()) {
                UserDb.User u = inside.user(user);
                if (u != null) {
                    uid = u.uid();
                    if (group == null) gid = u.gid();
                    username = u.name();
                } else if (isNumber(user)) {
                    uid = Integer.parseInt(user);
                } else {
                    c.eprint(me(c) + ": invalid user\n");
                    return c.exit(EXIT_CANCELED);
                }
            }
            if (group != null && !group.isEmpty()) {
                UserDb.Group gr = inside.group(group);
                if (gr != null) gid = gr.gid();
                else if (isNumber(group)) gid = Integer.parseInt(group);
                else {
                    c.eprint(me(c) + ": invalid group\n");
                    return c.exit(EXIT_CANCELED);
                }
            }
        }
        if (uid >= 0 && (groups == null || gid < 0)) {
            UserDb.User u = inside.user(uid);
            if (u != null) {
                if (gid < 0) gid = u.gid();
                username = u.name();
            } else if (gid < 0) {
                c.eprint(me(c) + ": no group specified for unknown uid: " + uid + "\n");
                return c.exit(EXIT_CANCELED);
            }
        }
        List<Integer> gids = new ArrayList<>();
        if (groups != null && !groups.isEmpty()) {
            for (String name : groups.split(",")) {
                if (name.isEmpty()) continue;
                UserDb.Group gr = inside.group(name);
                if (gr != null) gids.add(gr.gid());
                else if (isNumber(name)) gids.add(Integer.parseInt(name));
                else {
                    c.eprint(me(c) + ": invalid group " + c.quoteLocale(name) + "\n");
                    return c.exit(EXIT_CANCELED);
                }
            }
        } else if (groups == null && gid >= 0 && username != null) {
            // getgrouplist(user, gid): the group chroot sets (given or from passwd) and the groups
            // naming the user as a member; the passwd group only when it is the one being set
            UserDb.User u = inside.user(username);
            if (!gids.contains(gid)) gids.add(gid);
            if (u != null) for (int x : inside.groupsOf(u).subList(1, inside.groupsOf(u).size())) if (!gids.contains(x)) gids.add(x);
        }
        int finalUid = uid;
        int finalGid = gid;
        boolean setGroups = uid >= 0 || groups != null;
        int[] groupArray = gids.stream().mapToInt(Integer::intValue).toArray();
        return setGroups(c, setGroups, groupArray, () -> setGid(c, finalGid, () -> setUid(c, finalUid, then)));
    }

    private Step setGroups(Libc c, boolean doIt, int[] groups, java.util.function.Supplier<Step> then) {
        if (!doIt) return then.get();
        return c.sys(new Syscall.Setgroups(groups), r -> {
            if (r.failed()) {
                c.eprint(me(c) + ": failed to set supplemental groups: " + r.errno().message() + "\n");
                return c.exit(EXIT_CANCELED);
            }
            return then.get();
        });
    }

    private Step setGid(Libc c, int gid, java.util.function.Supplier<Step> then) {
        if (gid < 0) return then.get();
        return c.sys(new Syscall.Setgid(gid), r -> {
            if (r.failed()) {
                c.eprint(me(c) + ": failed to set group-ID: " + r.errno().message() + "\n");
                return c.exit(EXIT_CANCELED);
            }
            return then.get();
        });
    }

    private Step setUid(Libc c, int uid, java.util.function.Supplier<Step> then) {
        if (uid < 0) return then.get();
        return c.sys(new Syscall.Setuid(uid), r -> {
            if (r.failed()) {
                c.eprint(me(c) + ": failed to set user-ID: " + r.errno().message() + "\n");
                return c.exit(EXIT_CANCELED);
            }
            return then.get();
        });
    }

    /** execvp; only a failure comes back: 127 for ENOENT, else 126, with coreutils' message. */
    private Step exec(Libc c, List<String> command) {
        return c.execvp(command, c.args().env(), e -> {
            c.eprint(me(c) + ": failed to run command " + c.quoteLocale(command.get(0)) + ": " + e.message() + "\n");
            return c.exit(e == Errno.ENOENT ? 127 : 126);
        });
    }

    /** coreutils names itself by the whole argv[0] ({@code /usr/sbin/chroot: cannot change root ...}), not its last component. */
    private static String me(Libc c) {
        List<String> argv = c.args().argv();
        return argv.isEmpty() || argv.get(0).isEmpty() ? c.name() : argv.get(0);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 9) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String usage() {
        return """
                Usage: chroot [OPTION] NEWROOT [COMMAND [ARG]...]
                  or:  chroot OPTION
                Run COMMAND with root directory set to NEWROOT.

                      --groups=G_LIST        specify supplementary groups as g1,g2,..,gN
                      --userspec=USER:GROUP  specify user and group (ID or name) to use
                      --skip-chdir           do not change working directory to '/'
                      --help        display this help and exit
                      --version     output version information and exit

                If no command is given, run '"$SHELL" -i' (default: '/bin/sh -i').

                GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
                Report any translation bugs to <https://translationproject.org/team/>
                Full documentation <https://www.gnu.org/software/coreutils/chroot>
                or available locally via: info '(coreutils) chroot invocation'
                """;
    }

    @Override
    public String manual() {
        return "chroot [OPTION]... NEWROOT [COMMAND [ARG]...]\n"
                + "  Run COMMAND with root directory set to NEWROOT. Only root may (CAP_SYS_CHROOT): others get 'Operation not permitted', status 125.\n"
                + "  The command, its #! interpreter, its ELF interpreter and its libraries are all looked up inside NEWROOT.\n"
                + "  --groups=G_LIST  supplementary groups g1,g2,..,gN\n"
                + "  --userspec=USER:GROUP  user and group (ID or name) to run as\n"
                + "  --skip-chdir  do not change the working directory to '/' (only with NEWROOT '/')\n"
                + "  Exit status: 125 if chroot itself fails, 126 if COMMAND cannot run, 127 if it is not found.";
    }
}
