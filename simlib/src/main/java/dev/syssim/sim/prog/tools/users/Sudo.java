package dev.syssim.sim.prog.tools.users;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Utsname;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.tools.processes.ProcEntry;
import dev.syssim.sim.prog.Passwords;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * sudo (1.9.13p3): run a command as root (or {@code -u USER}) if the sudoers policy allows it.
 * It is set-user-ID root: it reads /etc/sudoers and /etc/sudoers.d/*, asks for the <em>caller's</em>
 * password on the terminal (/dev/tty, echo off, three tries), remembers a success for 15 minutes
 * per terminal in /run/sudo/ts/USER, then forks: the child takes the target's ids and runs the
 * command with a fresh environment (env_reset, PATH from secure_path) while sudo waits for it.
 * {@code -i} runs the target's login shell, {@code -s} a shell, {@code -k} forgets the
 * credentials, {@code -v} refreshes them, {@code -l} lists what the user may run, {@code -n} never
 * asks.
 */
public final class Sudo extends Tool {

    /** pam_unix's delay after a wrong password. */
    private static final long FAIL_DELAY = 2_000_000_000L;
    private static final String LECTURE = "\nWe trust you have received the usual lecture from the local System\n"
            + "Administrator. It usually boils down to these three things:\n\n"
            + "    #1) Respect the privacy of others.\n"
            + "    #2) Think before you type.\n"
            + "    #3) With great power comes great responsibility.\n\n";

    /** Everything one invocation works out before it runs the command. */
    private static final class Request {
        String runasName = "root";
        boolean loginShell;
        boolean shell;
        boolean invalidate;
        boolean removeTimestamp;
        boolean validate;
        boolean list;
        boolean nonInteractive;
        boolean stdinPassword;
        List<String> command = new ArrayList<>();
        UserDb db;
        UserDb.User caller;
        UserDb.User target;
        List<String> callerGroups = new ArrayList<>();
        Sudoers policy = new Sudoers();
        String host;
        String tty = "unknown";
        String path;
        List<String> argv;
        long now;
        int timeoutMinutes = 15;
    }

    @Override
    protected Step run(Libc c) {
        Request q = new Request();
        List<String> args = c.args().operands();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            switch (a) {
                case "-h", "--help" -> {
                    return help(c);
                }
                case "-V", "--version" -> {
                    c.print("Sudo version 1.9.13p3\nSudoers policy plugin version 1.9.13p3\nSudoers file grammar version 50\n"
                            + "Sudoers I/O plugin version 1.9.13p3\nSudoers audit plugin version 1.9.13p3\n");
                    return c.exit(0);
                }
                case "-u", "--user" -> {
                    if (i + 1 >= args.size()) return usageError(c, "option requires an argument -- 'u'");
                    q.runasName = args.get(++i);
                }
                case "-i", "--login" -> q.loginShell = true;
                case "-s", "--shell" -> q.shell = true;
                case "-k", "--reset-timestamp" -> q.invalidate = true;
                case "-K", "--remove-timestamp" -> q.removeTimestamp = true;
                case "-v", "--validate" -> q.validate = true;
                case "-l", "--list" -> q.list = true;
                case "-n", "--non-interactive" -> q.nonInteractive = true;
                case "-S", "--stdin" -> q.stdinPassword = true;
                default -> {
                    if (a.startsWith("-u") && a.length() > 2) q.runasName = a.substring(2);
                    else if (a.startsWith("--user=")) q.runasName = a.substring(7);
                    else if (a.startsWith("--")) return usageError(c, "unrecognized option '" + a + "'");
                    else {
                        for (char ch : a.substring(1).toCharArray()) {
                            switch (ch) {
                                case 'i' -> q.loginShell = true;
                                case 's' -> q.shell = true;
                                case 'k' -> q.invalidate = true;
                                case 'n' -> q.nonInteractive = true;
                                case 'S' -> q.stdinPassword = true;
                                case 'v' -> q.validate = true;
                                case 'l' -> q.list = true;
                                default -> {
                                    return usageError(c, "invalid option -- '" + ch + "'");
                                }
                            }
                        }
                    }
                }
            }
            i++;
        }
        q.command.addAll(args.subList(i, args.size()));
        boolean onlyCredentials = (q.invalidate || q.removeTimestamp) && q.command.isEmpty() && !q.loginShell && !q.shell;
        if (q.command.isEmpty() && !q.loginShell && !q.shell && !q.validate && !q.list && !onlyCredentials) return usage(c);
        return c.id("geteuid", euid -> {
            if (euid != 0) {
                // the set-user-ID bit did not take (a nosuid mount, or exec under a tracer)
                c.eprint("sudo: effective uid is not 0, is /usr/bin/sudo on a file system with the 'nosuid' option set or an NFS file system without root privileges?\n");
                return c.exit(1);
            }
            return start(c, q, onlyCredentials);
        });
    }

    private Step start(Libc c, Request q, boolean onlyCredentials) {
        return c.id("getuid", uid -> c.users(db -> {
            q.db = db;
            q.caller = db.user(uid);
            if (q.caller == null) {
                c.eprint("sudo: you do not exist in the passwd database\n");
                return c.exit(1);
            }
            q.target = db.user(q.runasName);
            if (q.target == null) {
                c.eprint("sudo: unknown user " + q.runasName + "\n");
                return c.exit(1);
            }
            // group membership is the caller's own group list (getgroups), not /etc/group: a change
            // to /etc/group takes effect at the next login, as on a real system
            return c.id("getgid", gid -> c.sys(new dev.syssim.sim.os.Getgroups(), gr -> {
                q.callerGroups.add(db.groupName(gid));
                for (int g : dev.syssim.sim.os.Getgroups.groups(gr)) q.callerGroups.add(db.groupName(g));
                return afterGroups(c, q, onlyCredentials);
            }));
        }));
    }

    /** The host name, the clock, the terminal and the policy; then the credential options or the command. */
    private Step afterGroups(Libc c, Request q, boolean onlyCredentials) {
        return c.sys(new Syscall.Uname(), u -> {
            q.host = u.dataAs(Utsname.class).nodename();
            return c.clock(ClockGettime.CLOCK_MONOTONIC, now -> {
                q.now = now;
                return terminalName(c, q, () -> readPolicy(c, q, () -> {
                    String timeout = q.policy.defaults.get("timestamp_timeout");
                    if (timeout != null) q.timeoutMinutes = (int) Double.parseDouble(timeout);
                    if (onlyCredentials) return forget(c, q, () -> c.exit(0));
                    if (q.invalidate) return forget(c, q, () -> resolve(c, q));
                    return resolve(c, q);
                }));
            });
        });
    }

    // ---- the policy ----

    /** /etc/sudoers, then each file of its @includedir directories (names with a dot or ending in ~ are skipped). */
    private static Step readPolicy(Libc c, Request q, Supplier<Step> then) {
        return c.readFile("/etc/sudoers", (err, text) -> {
            if (err != null) {
                c.eprint("sudo: unable to open /etc/sudoers: " + err.message() + "\nsudo: error initializing audit plugin sudoers_audit\n");
                return c.exit(1);
            }
            q.policy.parse(Libc.text(text));
            return Libc.forEach(List.copyOf(q.policy.includeDirs), (dir, next) -> c.listDirectory(dir, false, (e, entries) -> {
                if (e != null) return next.get();
                List<String> names = new ArrayList<>();
                for (var d : entries) if (!d.name().contains(".") && !d.name().endsWith("~")) names.add(d.name());
                names.sort(null);
                return Libc.forEach(names, (name, more) -> c.readFile(dir + "/" + name, (fe, content) -> {
                    if (content != null) q.policy.parse(Libc.text(content));
                    return more.get();
                }), next);
            }), then);
        });
    }

    /** The command to run: -i the target's login shell, -s the caller's shell, else the first operand found along secure_path. */
    private Step resolve(Libc c, Request q) {
        if (q.list) return authenticateThen(c, q, () -> list(c, q));
        if (q.validate && q.command.isEmpty()) return authenticateThen(c, q, () -> c.exit(0));
        if (q.loginShell || q.shell) {
            String shell = q.loginShell ? q.target.shell() : c.env("SHELL") != null ? c.env("SHELL") : q.target.shell();
            q.path = shell;
            String name = shell.substring(shell.lastIndexOf('/') + 1);
            q.argv = new ArrayList<>();
            q.argv.add(q.loginShell ? "-" + name : name);
            if (!q.command.isEmpty()) {
                q.argv.add("-c");
                q.argv.add(String.join(" ", q.command));
            }
            return decide(c, q, true);
        }
        String name = q.command.get(0);
        String securePath = q.policy.defaults.get("secure_path");
        String search = securePath != null ? securePath : c.env("PATH") != null ? c.env("PATH") : "/usr/bin:/bin";
        List<String> candidates = new ArrayList<>();
        if (name.contains("/")) candidates.add(name);
        else for (String dir : search.split(":")) candidates.add(dir + "/" + name);
        String[] found = {null};
        return Libc.forEach(candidates, (candidate, next) -> {
            if (found[0] != null) return next.get();
            return c.statOf(candidate, true, (err, st) -> {
                if (st != null && st.type() == FileType.REGULAR && (st.permissions() & 0111) != 0) found[0] = candidate;
                return next.get();
            });
        }, () -> {
            q.path = found[0];
            q.argv = new ArrayList<>(q.command);
            return decide(c, q, found[0] != null);
        });
    }

    /** Authenticate unless the rule says NOPASSWD or the caller is root; then refuse or run. */
    private Step decide(Libc c, Request q, boolean found) {
        String commandPath = found ? q.path : q.command.get(0);
        Sudoers.Rule rule = q.policy.allowing(q.caller, q.callerGroups, q.host, q.target.name(), commandPath);
        boolean mentioned = q.policy.mentions(q.caller, q.callerGroups, q.host);
        Supplier<Step> verdict = () -> {
            if (!mentioned) {
                c.eprint(q.caller.name() + " is not in the sudoers file.\nThis incident has been reported to the administrator.\n");
                return c.exit(1);
            }
            if (!found) {
                c.eprint("sudo: " + q.command.get(0) + ": command not found\n");
                return c.exit(1);
            }
            if (rule == null) {
                c.eprint("Sorry, user " + q.caller.name() + " is not allowed to execute '" + String.join(" ", commandLine(q))
                        + "' as " + q.target.name() + " on " + q.host + ".\n");
                return c.exit(1);
            }
            return execute(c, q);
        };
        if (q.caller.uid() == 0 || (rule != null && rule.noPassword())) return verdict.get();
        return authenticateThen(c, q, verdict);
    }

    private static List<String> commandLine(Request q) {
        List<String> line = new ArrayList<>();
        line.add(q.path == null ? q.command.get(0) : q.path);
        if (q.argv != null && q.argv.size() > 1) line.addAll(q.argv.subList(1, q.argv.size()));
        return line;
    }

    // ---- authentication ----

    private Step authenticateThen(Libc c, Request q, Supplier<Step> then) {
        if (q.caller.uid() == 0) return then.get();
        return timestampValid(c, q, valid -> {
            if (valid) return updateTimestamp(c, q, then);
            if (q.nonInteractive) {
                c.eprint("sudo: a password is required\n");
                return c.exit(1);
            }
            if (q.stdinPassword) return ask(c, q, 0, 2, 0, then);
            return c.open("/dev/tty", OpenFlags.O_RDWR | OpenFlags.O_NOCTTY, tty -> {
                if (tty.failed()) {
                    c.eprint("sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper\n");
                    c.eprint("sudo: a password is required\n");
                    return c.exit(1);
                }
                int fd = tty.intValue();
                return lecture(c, q, fd, () -> ask(c, q, fd, fd, 0, () -> c.close(fd, () -> then.get())));
            });
        });
    }

    /** Once per user (lecture=once): the lecture before the first password prompt. */
    private Step lecture(Libc c, Request q, int fd, Supplier<Step> then) {
        String setting = q.policy.defaults.getOrDefault("lecture", "once");
        if (setting.equals("false") || setting.equals("never")) return then.get();
        return c.statOf("/var/lib/sudo/lectured/" + q.caller.name(), true, (err, st) -> {
            if (st != null && !setting.equals("always")) return then.get();
            return c.write(fd, Libc.bytes(LECTURE), w -> then.get());
        });
    }

    /** Up to three prompts; the caller's own password, checked against /etc/shadow. */
    private Step ask(Libc c, Request q, int in, int out, int failures, Supplier<Step> then) {
        int tries = q.policy.defaults.containsKey("passwd_tries") ? Integer.parseInt(q.policy.defaults.get("passwd_tries")) : 3;
        String prompt = "[sudo] password for " + q.caller.name() + ": ";
        java.util.function.Function<String, Step> check = typed -> c.readFile("/etc/shadow", (err, shadow) -> {
            if (typed == null) {
                if (failures == 0) c.eprint("sudo: a password is required\n");
                else c.eprint("sudo: " + failures + " incorrect password attempt" + (failures == 1 ? "" : "s") + "\n");
                return c.exit(1);
            }
            String field = Passwords.shadowField(shadow == null ? null : Libc.text(shadow), q.caller.name());
            if (field != null && Passwords.matches(field, typed)) {
                return markLectured(c, q, () -> updateTimestamp(c, q, then));
            }
            return c.sleep(FAIL_DELAY, e -> {
                if (failures + 1 >= tries) {
                    c.eprint("sudo: " + (failures + 1) + " incorrect password attempt" + (failures + 1 == 1 ? "" : "s") + "\n");
                    return c.exit(1);
                }
                return c.write(out, Libc.bytes("Sorry, try again.\n"), w -> ask(c, q, in, out, failures + 1, then));
            });
        });
        if (q.stdinPassword) {
            c.eprint(prompt);
            return c.readLine(0, check);
        }
        return Prompt.password(c, in, out, prompt, check);
    }

    private static Step markLectured(Libc c, Request q, Supplier<Step> then) {
        // /var/lib is part of every Debian system; the simulated image may lack it, so it is made here too
        return mkdirs(c, List.of("/var/lib", "/var/lib/sudo", "/var/lib/sudo/lectured"), () ->
                c.create("/var/lib/sudo/lectured/" + q.caller.name(), OpenFlags.O_WRONLY, 0600, r -> r.failed() ? then.get() : c.close(r.intValue(), then)));
    }

    // ---- the credential cache ----

    private static String timestampFile(Request q) {
        return "/run/sudo/ts/" + q.caller.name();
    }

    /** The terminal sudo runs on, from /proc/self/stat (sudo's records are per terminal). */
    private static Step terminalName(Libc c, Request q, Supplier<Step> then) {
        return c.readFile("/proc/self/stat", (err, stat) -> {
            if (stat != null) {
                ProcEntry self = ProcEntry.parse(Libc.text(stat), "", "");
                if (self != null) q.tty = self.tty();
            }
            return then.get();
        });
    }

    private static Step timestampValid(Libc c, Request q, java.util.function.Function<Boolean, Step> then) {
        return c.readFile(timestampFile(q), (err, bytes) -> {
            Map<String, Long> records = records(bytes);
            Long at = records.get(q.tty);
            boolean valid = at != null && at > 0 && q.now - at < q.timeoutMinutes * 60L * 1_000_000_000L;
            return then.apply(valid);
        });
    }

    private static Map<String, Long> records(byte[] bytes) {
        Map<String, Long> records = new TreeMap<>();
        if (bytes == null) return records;
        for (String line : Libc.text(bytes).split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && f[1].matches("-?[0-9]+")) records.put(f[0], Long.parseLong(f[1]));
        }
        return records;
    }

    private static Step writeRecords(Libc c, Request q, Map<String, Long> records, Supplier<Step> then) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Long> e : records.entrySet()) text.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        return mkdirs(c, List.of("/run/sudo", "/run/sudo/ts"), () ->
                c.create(timestampFile(q), OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0600, r -> {
                    if (r.failed()) return then.get();
                    return c.writeAll(r.intValue(), Libc.bytes(text.toString()), e -> c.close(r.intValue(), then));
                }));
    }

    private static Step updateTimestamp(Libc c, Request q, Supplier<Step> then) {
        return c.readFile(timestampFile(q), (err, bytes) -> {
            Map<String, Long> records = records(bytes);
            records.put(q.tty, q.now);
            return writeRecords(c, q, records, then);
        });
    }

    /** -k: this terminal's record is cleared; -K: the whole file goes. */
    private static Step forget(Libc c, Request q, Supplier<Step> then) {
        if (q.removeTimestamp) return c.sys(Syscall.Unlinkat.unlink(timestampFile(q)), r -> then.get());
        return c.readFile(timestampFile(q), (err, bytes) -> {
            if (bytes == null) return then.get();
            Map<String, Long> records = records(bytes);
            records.put(q.tty, 0L);
            return writeRecords(c, q, records, then);
        });
    }

    private static Step mkdirs(Libc c, List<String> dirs, Supplier<Step> then) {
        return Libc.forEach(dirs, (dir, next) -> c.sys(new Syscall.Mkdir(dir, dir.equals("/var/lib") ? 0755 : 0700), r -> next.get()), then);
    }

    // ---- running the command ----

    private Step execute(Libc c, Request q) {
        Map<String, String> env = environment(c, q);
        int[] groups = q.db.groupsOf(q.target).stream().mapToInt(Integer::intValue).toArray();
        c.flushStdout();
        return c.sys(Syscall.Clone.fork(() -> {
            Libc child = new Libc(c.args());
            return child.sys(new Syscall.Setgroups(groups), g -> child.sys(new Syscall.Setgid(q.target.gid()), s ->
                    child.sys(new Syscall.Setuid(q.target.uid()), x -> {
                        if (g.failed() || s.failed() || x.failed()) {
                            child.eprint("sudo: unable to change to runas uid: " + (x.failed() ? x.errno() : g.failed() ? g.errno() : s.errno()).message() + "\n");
                            return child.exitQuietly(1);
                        }
                        Supplier<Step> exec = () -> child.sys(new Syscall.Execve(q.path, q.argv, env), r -> {
                            child.eprint("sudo: unable to execute " + q.path + ": " + r.errno().message() + "\n");
                            return child.exitQuietly(r.errno() == Errno.ENOENT ? 127 : 126);
                        });
                        if (!q.loginShell) return exec.get();
                        return child.sys(new Syscall.Chdir(q.target.home()), cd -> {
                            if (cd.failed()) child.eprint("sudo: unable to change directory to " + q.target.home() + ": " + cd.errno().message() + "\n");
                            return exec.get();
                        });
                    })));
        }), pid -> {
            if (pid.failed()) {
                c.eprint("sudo: unable to fork: " + pid.errno().message() + "\n");
                return c.exit(1);
            }
            return waitChild(c, pid.intValue());
        });
    }

    /** sudo ends the way its command did: with its exit status, or killed by the same signal. */
    private static Step waitChild(Libc c, int pid) {
        return c.sys(new Syscall.Wait4(pid, 0), w -> {
            if (w.failed()) return w.errno() == Errno.EINTR ? waitChild(c, pid) : c.exitQuietly(1);
            int status = Syscall.Wait4.status(w);
            if (WaitStatus.isExited(status)) return c.exitQuietly(WaitStatus.exitCode(status));
            Signal signal = WaitStatus.termSignal(status);
            return c.id("getpid", self -> c.sys(new Syscall.Kill(self, signal), k -> c.exitQuietly(128 + signal.number())));
        });
    }

    /** env_reset: TERM and a few others kept, PATH from secure_path, the target's HOME, SHELL, USER, LOGNAME, and the SUDO_ variables. */
    private static Map<String, String> environment(Libc c, Request q) {
        Map<String, String> env = new TreeMap<>();
        boolean reset = !"false".equals(q.policy.defaults.get("env_reset"));
        if (reset) {
            for (String keep : List.of("TERM", "DISPLAY", "COLORS", "LS_COLORS", "XAUTHORITY", "HOSTNAME")) {
                if (c.env(keep) != null) env.put(keep, c.env(keep));
            }
        } else {
            env.putAll(c.args().env());
        }
        String securePath = q.policy.defaults.get("secure_path");
        env.put("PATH", securePath != null ? securePath : c.env("PATH") != null ? c.env("PATH") : "/usr/bin:/bin");
        env.put("HOME", q.target.home());
        env.put("SHELL", q.target.shell());
        env.put("LOGNAME", q.target.name());
        env.put("USER", q.target.name());
        env.put("MAIL", "/var/mail/" + q.target.name());
        env.put("SUDO_COMMAND", String.join(" ", commandLine(q)));
        env.put("SUDO_USER", q.caller.name());
        env.put("SUDO_UID", Integer.toString(q.caller.uid()));
        env.put("SUDO_GID", Integer.toString(q.caller.gid()));
        return env;
    }

    // ---- -l and usage ----

    private Step list(Libc c, Request q) {
        StringBuilder out = new StringBuilder();
        out.append("Matching Defaults entries for ").append(q.caller.name()).append(" on ").append(q.host).append(":\n    ");
        List<String> settings = new ArrayList<>();
        for (Map.Entry<String, String> e : q.policy.defaults.entrySet()) {
            if (e.getValue().equals("true")) settings.add(e.getKey());
            else if (e.getValue().equals("false")) settings.add("!" + e.getKey());
            else settings.add(e.getKey() + "=" + e.getValue().replace(":", "\\:"));
        }
        out.append(String.join(", ", settings)).append("\n\n");
        List<Sudoers.Rule> mine = new ArrayList<>();
        for (Sudoers.Rule r : q.policy.rules) {
            for (String w : r.who()) {
                if (w.equals(q.caller.name()) || w.equals("ALL") || (w.startsWith("%") && q.callerGroups.contains(w.substring(1)))) {
                    mine.add(r);
                    break;
                }
            }
        }
        if (mine.isEmpty()) {
            c.print("User " + q.caller.name() + " is not allowed to run sudo on " + q.host + ".\n");
            return c.exit(1);
        }
        out.append("User ").append(q.caller.name()).append(" may run the following commands on ").append(q.host).append(":\n");
        for (Sudoers.Rule r : mine) {
            out.append("    ").append(r.runasText()).append(' ').append(r.noPassword() ? "NOPASSWD: " : "").append(String.join(", ", r.commands())).append('\n');
        }
        c.print(out.toString());
        return c.exit(0);
    }

    private static final String USAGE = "usage: sudo -h | -K | -k | -V\n"
            + "usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\n"
            + "usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command [arg ...]]\n"
            + "usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [command [arg ...]]\n"
            + "usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...\n";

    private static Step usage(Libc c) {
        c.eprint(USAGE);
        return c.exit(1);
    }

    private static Step usageError(Libc c, String message) {
        c.eprint("sudo: " + message + "\n" + USAGE);
        return c.exit(1);
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String whatis() {
        return "execute a command as another user";
    }

    @Override
    public String usage() {
        return "sudo - execute a command as another user\n\n" + USAGE + "\nOptions:\n"
                + "  -h, --help          display help message and exit\n"
                + "  -i, --login         run login shell as the target user; a command may also be specified\n"
                + "  -K, --remove-timestamp  remove timestamp file completely\n"
                + "  -k, --reset-timestamp   invalidate timestamp file\n"
                + "  -l, --list          list user's privileges or check a specific command; use twice for longer format\n"
                + "  -n, --non-interactive   non-interactive mode, no prompts are used\n"
                + "  -S, --stdin         read password from standard input\n"
                + "  -s, --shell         run shell as the target user; a command may also be specified\n"
                + "  -u, --user=user     run command (or edit file) as specified user name or ID\n"
                + "  -V, --version       display version information and exit\n"
                + "  -v, --validate      update user's timestamp without running a command\n"
                + "  --                  stop processing command line arguments\n";
    }

    @Override
    public String manual() {
        return "sudo [-u user] [-i | -s] [command [arg ...]]\n  Execute a command as the superuser or another user, as the security policy (/etc/sudoers) allows.\n"
                + "  The user is asked for their own password; for 15 minutes on the same terminal it is not asked again.\n"
                + "  -i, --login   run the target user's login shell\n"
                + "  -s, --shell   run a shell as the target user\n"
                + "  -u, --user    run the command as another user than root\n"
                + "  -k            forget the cached credentials; -K remove them\n"
                + "  -v            refresh the cached credentials; -l list what the user may run; -n never prompt";
    }
}
