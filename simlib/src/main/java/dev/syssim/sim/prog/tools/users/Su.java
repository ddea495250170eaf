package dev.syssim.sim.prog.tools.users;

import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Passwords;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * su (util-linux 2.38): run a shell as another user (root by default). It is set-user-ID root, so
 * it may read /etc/shadow and change identity; it asks for the <em>target</em> user's password
 * (not when the caller is root), then forks: the child drops to the target's ids (setgroups, setgid,
 * setuid) and execs the shell, su waits and passes on its status. {@code -} / {@code -l}: a login
 * shell with a fresh environment in the target's home; {@code -c CMD}: run CMD with the shell.
 */
public final class Su extends Tool {

    /** pam_unix's delay after a wrong password. */
    private static final long FAIL_DELAY = 2_000_000_000L;

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        boolean login = false;
        String command = null;
        String shell = null;
        String user = null;
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (user != null) {
                extra.add(a);
                continue;
            }
            switch (a) {
                case "-", "-l", "--login" -> login = true;
                case "-c", "--command" -> {
                    if (i + 1 >= args.size()) return c.usageError("su: option requires an argument -- 'c'", 1);
                    command = args.get(++i);
                }
                case "-s", "--shell" -> {
                    if (i + 1 >= args.size()) return c.usageError("su: option requires an argument -- 's'", 1);
                    shell = args.get(++i);
                }
                case "-h", "--help" -> {
                    return help(c);
                }
                default -> {
                    if (a.startsWith("--command=")) command = a.substring(10);
                    else if (a.startsWith("-c") && a.length() > 2) command = a.substring(2);
                    else if (a.startsWith("-") && a.length() > 1) return c.usageError("su: invalid option -- '" + a.charAt(1) + "'", 1);
                    else user = a;
                }
            }
        }
        String target = user == null ? "root" : user;
        boolean loginShell = login;
        String cmd = command;
        String shellOverride = shell;
        return c.users(db -> {
            UserDb.User u = db.user(target);
            if (u == null) {
                c.eprint("su: user " + target + " does not exist or the user entry does not contain all the required fields\n");
                return c.exit(1);
            }
            return c.id("getuid", caller -> {
                if (caller == 0) return start(c, db, u, loginShell, cmd, shellOverride, extra);
                return c.readFile("/etc/shadow", (err, shadow) -> Prompt.password(c, 0, 2, "Password: ", typed -> {
                    String field = Passwords.shadowField(shadow == null ? null : Libc.text(shadow), target);
                    if (typed == null || field == null || !Passwords.matches(field, typed)) {
                        return c.sleep(FAIL_DELAY, e -> {
                            c.eprint("su: Authentication failure\n");
                            return c.exit(1);
                        });
                    }
                    return start(c, db, u, loginShell, cmd, shellOverride, extra);
                }));
            });
        });
    }

    private Step start(Libc c, UserDb db, UserDb.User u, boolean login, String command, String shellOverride, List<String> extra) {
        String shell = shellOverride != null ? shellOverride : u.shell().isEmpty() ? "/bin/sh" : u.shell();
        Map<String, String> env = environment(c, u, login, shell);
        List<String> argv = new ArrayList<>();
        String name = shell.substring(shell.lastIndexOf('/') + 1);
        argv.add(login ? "-" + name : name);
        if (command != null) {
            argv.add("-c");
            argv.add(command);
        }
        argv.addAll(extra);
        int[] groups = db.groupsOf(u).stream().mapToInt(Integer::intValue).toArray();
        c.flushStdout();
        return c.sys(Syscall.Clone.fork(() -> {
            Libc child = new Libc(c.args());
            return child.sys(new Syscall.Setgroups(groups), g -> child.sys(new Syscall.Setgid(u.gid()), s -> child.sys(new Syscall.Setuid(u.uid()), x -> {
                if (g.failed()) {
                    child.eprint("su: cannot set groups: " + g.errno().message() + "\n");
                    return child.exitQuietly(1);
                }
                if (s.failed() || x.failed()) {
                    child.eprint("su: cannot set user id: " + (x.failed() ? x.errno() : s.errno()).message() + "\n");
                    return child.exitQuietly(1);
                }
                if (!login) return exec(child, shell, argv, env);
                return child.sys(new Syscall.Chdir(u.home()), cd -> {
                    if (cd.failed()) child.eprint("su: warning: cannot change directory to " + u.home() + ": " + cd.errno().message() + "\n");
                    return exec(child, shell, argv, env);
                });
            })));
        }), pid -> c.sys(new Syscall.RtSigaction(Signal.SIGINT, true), ign -> waitChild(c, pid.intValue())));
    }

    private static Step exec(Libc c, String shell, List<String> argv, Map<String, String> env) {
        return c.sys(new Syscall.Execve(shell, argv, env), r -> {
            c.eprint("su: failed to execute " + shell + ": " + r.errno().message() + "\n");
            return c.exitQuietly(r.errno() == dev.syssim.sim.os.Errno.ENOENT ? 127 : 126);
        });
    }

    private static Step waitChild(Libc c, int pid) {
        return c.sys(new Syscall.Wait4(pid, 0), w -> {
            if (w.failed()) return w.errno() == dev.syssim.sim.os.Errno.EINTR ? waitChild(c, pid) : c.exit(1);
            int status = Syscall.Wait4.status(w);
            if (WaitStatus.isExited(status)) return c.exit(WaitStatus.exitCode(status));
            return c.exit(128 + WaitStatus.termSignal(status).number());
        });
    }

    /** Without -l: the caller's environment with HOME and SHELL (and USER, LOGNAME unless root) for the target; with -l: a fresh one. */
    private static Map<String, String> environment(Libc c, UserDb.User u, boolean login, String shell) {
        Map<String, String> env = new TreeMap<>();
        if (login) {
            String term = c.env("TERM");
            if (term != null) env.put("TERM", term);
            env.put("PATH", u.uid() == 0 ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
                    : "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games");
        } else {
            env.putAll(c.args().env());
        }
        env.put("HOME", u.home());
        env.put("SHELL", shell);
        if (login || u.uid() != 0) {
            env.put("USER", u.name());
            env.put("LOGNAME", u.name());
        }
        return env;
    }

    @Override
    public String whatis() {
        return "run a command with substitute user and group ID";
    }

    @Override
    public String manual() {
        return "su [options] [-] [user [argument...]]\n  Run a shell as another user (root by default), after asking for that user's password.\n"
                + "  -, -l, --login         start the shell as a login shell with an environment similar to a real login\n"
                + "  -c, --command=command  pass a single command to the shell with -c\n"
                + "  -s, --shell=shell      run shell instead of the user's own";
    }
}
