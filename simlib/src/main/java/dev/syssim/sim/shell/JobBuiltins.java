package dev.syssim.sim.shell;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import java.util.ArrayList;
import java.util.List;

/** Jobs and signals: {@code wait}, {@code jobs}, {@code fg}, {@code bg}, {@code disown}, {@code kill}. */
final class JobBuiltins {

    private JobBuiltins() {
    }

    static final Builtin WAIT = (sh, argv) -> {
        ShellState st = sh.st;
        int i = 1;
        boolean any = false;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.equals("-n")) any = true;
            else if (a.equals("-f")) continue;
            else if (a.startsWith("-") && a.length() > 1 && !a.matches("-[0-9]+")) {
                sh.builtinError("wait", a + ": invalid option");
                sh.err("wait: usage: wait [-fn] [-p var] [id ...]\n");
                return sh.done(2);
            } else {
                break;
            }
        }
        List<String> ids = argv.subList(i, argv.size());
        if (ids.isEmpty()) {
            List<ShellState.Job> jobs = new ArrayList<>(st.jobs.values());
            if (any) {
                if (jobs.isEmpty()) return sh.done(127);
                return waitAny(sh, jobs);
            }
            return dev.syssim.sim.prog.Libc.forEach(jobs, (job, more) -> waitJob(sh, job, s -> more.get()), () -> {
                for (ShellState.Job job : jobs) {
                    if (job.done() && !(st.interactive && !st.subshell)) Jobs.forget(st, job.number);
                }
                return sh.done(0);
            });
        }
        int[] last = {0};
        return dev.syssim.sim.prog.Libc.forEach(ids, (id, more) -> {
            StringBuilder error = new StringBuilder();
            ShellState.Job job = Jobs.find(st, id, error);
            if (job == null) {
                if (!id.startsWith("%") && id.chars().allMatch(Character::isDigit)) {
                    int pid = Integer.parseInt(id);
                    Integer reaped = st.reapedBackground.get(pid); // kept: a second wait gets it again, as in bash 5.2
                    if (reaped != null) {
                        last[0] = WaitStatus.shellStatus(reaped);
                        return more.get();
                    }
                    return sh.c.sys(new Syscall.Wait4(pid, 0), r -> {
                        if (r.failed()) {
                            sh.builtinError("wait", "pid " + id + " is not a child of this shell");
                            last[0] = 127;
                        } else {
                            last[0] = WaitStatus.shellStatus(Syscall.Wait4.status(r));
                        }
                        return more.get();
                    });
                }
                if (!id.startsWith("%") && !id.chars().allMatch(Character::isDigit)) {
                    sh.builtinError("wait", "`" + id + "': not a pid or valid job spec");
                    last[0] = 1;
                } else {
                    sh.builtinError("wait", error.toString());
                    last[0] = 127;
                }
                return more.get();
            }
            return waitJob(sh, job, s -> {
                last[0] = s;
                if (!(st.interactive && !st.subshell)) Jobs.forget(st, job.number);
                return more.get();
            });
        }, () -> sh.done(last[0]));
    };

    /** Waits until every process of the job has ended; the status is the last one's. */
    private static Step waitJob(Shell sh, ShellState.Job job, java.util.function.IntFunction<Step> k) {
        return waitProcess(sh, job, 0, status -> {
            reportKilled(sh, job);
            return k.apply(status);
        });
    }

    /** A script that waits for a job a signal killed says so, as for a foreground one: bash: line 1: 1234 Killed  sleep 5. */
    static void reportKilled(Shell sh, ShellState.Job job) {
        if ((sh.st.interactive && !sh.st.subshell) || !job.done()) return;
        int last = job.statuses[job.statuses.length - 1];
        if (WaitStatus.isExited(last)) return;
        Signal signal = WaitStatus.termSignal(last);
        if (signal == Signal.SIGTERM || signal == Signal.SIGPIPE || signal == Signal.SIGINT) return; // Debian's bash reports none of them
        sh.reportSignal(job.statuses, job.pids, () -> {
            List<String> texts = new ArrayList<>(List.of(job.text.split(" \\| ", -1)));
            while (texts.size() < job.pids.size()) texts.add(job.text);
            return texts;
        });
    }

    private static Step waitProcess(Shell sh, ShellState.Job job, int i, java.util.function.IntFunction<Step> k) {
        if (i >= job.pids.size()) return k.apply(WaitStatus.shellStatus(job.lastStatus()));
        if (job.statuses[i] >= 0) return waitProcess(sh, job, i + 1, k);
        return sh.c.sys(new Syscall.Wait4(job.pids.get(i), 0), r -> {
            if (r.failed()) {
                if (r.errno() == Errno.EINTR) {
                    // a trapped signal arrived: wait returns at once with 128 + its number
                    int status = sh.caught.isEmpty() ? 128 : 128 + sh.caught.iterator().next().number();
                    return sh.runCaughtTraps(() -> k.apply(status));
                }
                job.statuses[i] = WaitStatus.exited(127);
            } else {
                job.statuses[i] = Syscall.Wait4.status(r);
            }
            return waitProcess(sh, job, i + 1, k);
        });
    }

    /** wait -n: the first job to finish (those already done in order, else whichever ends first). */
    private static Step waitAny(Shell sh, List<ShellState.Job> jobs) {
        return Jobs.reap(sh, () -> {
            for (ShellState.Job job : jobs) {
                if (job.done()) {
                    Jobs.forget(sh.st, job.number);
                    return sh.done(WaitStatus.shellStatus(job.lastStatus()));
                }
            }
            return waitForAnyChild(sh, jobs);
        });
    }

    /** Blocks in wait4(-1) until one of {@code jobs} has finished all its processes, whichever is first. */
    private static Step waitForAnyChild(Shell sh, List<ShellState.Job> jobs) {
        return sh.c.sys(new Syscall.Wait4(-1, 0), r -> {
            if (r.failed()) {
                if (r.errno() == Errno.EINTR) {
                    int status = sh.caught.isEmpty() ? 128 : 128 + sh.caught.iterator().next().number();
                    return sh.runCaughtTraps(() -> sh.done(status));
                }
                return sh.done(127); // no children left
            }
            int pid = (int) r.value();
            for (ShellState.Job job : sh.st.jobs.values()) {
                int k = job.pids.indexOf(pid);
                if (k < 0) continue;
                job.statuses[k] = Syscall.Wait4.status(r);
                if (jobs.contains(job) && job.done()) {
                    reportKilled(sh, job);
                    Jobs.forget(sh.st, job.number);
                    return sh.done(WaitStatus.shellStatus(job.lastStatus()));
                }
                break;
            }
            return waitForAnyChild(sh, jobs);
        });
    }

    static final Builtin JOBS = (sh, argv) -> Jobs.reap(sh, () -> {
        ShellState st = sh.st;
        // simplification: -x (run a command with job specs replaced by process group ids) is not there;
        // -n (only jobs whose state changed since the last notice) lists them all
        BuiltinOptions.Parsed o = BuiltinOptions.parse(sh, argv, "lnprs", "jobs [-lnprs] [jobspec ...] or jobs -x command [args]");
        if (o == null) return sh.done(2);
        boolean pidsOnly = o.has('p');
        boolean longForm = o.has('l');
        boolean runningOnly = o.has('r');
        boolean stoppedOnly = o.has('s');
        // jobs named by spec (%1, %sleep, a pid): only those, each unknown one an error
        List<ShellState.Job> listed = new ArrayList<>(st.jobs.values());
        int status = 0;
        List<String> specs = new ArrayList<>(argv.subList(o.operands(), argv.size()));
        if (!specs.isEmpty()) {
            listed.clear();
            for (String spec : specs) {
                StringBuilder error = new StringBuilder();
                ShellState.Job job = Jobs.find(st, spec, error);
                if (job == null) {
                    sh.builtinError("jobs", error.toString());
                    status = 1;
                } else {
                    listed.add(job);
                }
            }
        }
        List<ShellState.Job> done = new ArrayList<>();
        for (ShellState.Job job : listed) {
            if (runningOnly && job.done()) continue;
            if (stoppedOnly) continue;
            if (pidsOnly) {
                sh.out(job.leader() + "\n");
                continue;
            }
            String state = job.done() ? Jobs.state(job.lastStatus()) : "Running";
            String marker = Jobs.marker(st, job.number);
            String pid = longForm ? job.leader() + " " : "";
            sh.out(String.format("[%d]%s  %s%-24s%s%s%n", job.number, marker, pid, state, job.text, job.done() ? "" : " &"));
            if (job.done()) done.add(job);
        }
        for (ShellState.Job job : done) Jobs.forget(st, job.number);
        return sh.done(status);
    });

    static final Builtin FG = (sh, argv) -> {
        ShellState st = sh.st;
        String name = argv.get(0);
        if (!(st.interactive && !st.subshell) && !st.options.monitor) {
            sh.builtinError(name, "no job control");
            return sh.done(1);
        }
        String spec = argv.size() > 1 ? argv.get(1) : "%+";
        StringBuilder error = new StringBuilder();
        ShellState.Job job = Jobs.find(st, spec, error);
        if (job == null) {
            sh.builtinError(name, spec.equals("%+") ? "current: no such job" : error.toString());
            return sh.done(1);
        }
        if (name.equals("bg")) {
            if (!job.done()) sh.builtinError("bg", "job " + job.number + " already in background");
            return sh.done(0);
        }
        sh.out(job.text + "\n");
        sh.c.flushStdout();
        return sh.c.sys(new Syscall.Tcsetpgrp(0, job.pgid), t -> waitJob(sh, job, s -> {
            Jobs.forget(st, job.number);
            return sh.c.sys(new Syscall.Tcsetpgrp(0, st.pid), t2 -> sh.done(s));
        }));
    };

    static final Builtin DISOWN = (sh, argv) -> {
        ShellState st = sh.st;
        List<String> specs = new ArrayList<>();
        boolean all = false;
        for (String a : argv.subList(1, argv.size())) {
            if (a.equals("-a")) all = true;
            else if (a.equals("-r") || a.equals("-h")) continue;
            else specs.add(a);
        }
        if (all) {
            st.jobs.clear();
            st.jobOrder.clear();
            return sh.done(0);
        }
        if (specs.isEmpty()) specs.add("%+");
        int status = 0;
        for (String spec : specs) {
            StringBuilder error = new StringBuilder();
            ShellState.Job job = Jobs.find(st, spec, error);
            if (job == null) {
                sh.builtinError("disown", spec.equals("%+") ? "current: no such job" : error.toString());
                status = 1;
                continue;
            }
            Jobs.forget(st, job.number);
        }
        return sh.done(status);
    };

    private static final String DASH_KILL_USAGE = "Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]";

    /** dash's signal names: no SIG prefix, 0 first, numbers where it knows no name. */
    private static String dashSignalName(int n) {
        if (n == 0) return "0";
        if (n == 16 || n == 32 || n == 33) return Integer.toString(n);
        if (n >= 1 && n <= 31) return Traps.name(n);
        if (n == 34) return "RTMIN";
        if (n <= 49) return "RTMIN+" + (n - 34);
        if (n < 64) return "RTMAX-" + (64 - n);
        return "RTMAX";
    }

    private static int dashSignalNumber(String s) {
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            int n = s.length() > 3 ? 999 : Integer.parseInt(s);
            return n <= 64 ? n : -1;
        }
        for (int n = 0; n <= 64; n++) if (dashSignalName(n).equals(s)) return n;
        return -1;
    }

    /** dash's kill: its usage, options, messages (an errno message and an empty line) and statuses. */
    private static Step dashKill(Shell sh, List<String> argv) {
        if (argv.size() < 2) {
            sh.builtinError("kill", DASH_KILL_USAGE);
            return sh.done(2);
        }
        String a = argv.get(1);
        int signal = 15;
        int i = 1;
        if (a.equals("-l")) {
            if (argv.size() == 2) {
                StringBuilder out = new StringBuilder();
                for (int n = 0; n <= 64; n++) out.append(dashSignalName(n)).append('\n');
                sh.out(out.toString());
                return sh.done(0);
            }
            String s = argv.get(2);
            if (!s.chars().allMatch(Character::isDigit) || s.isEmpty()) {
                sh.builtinError("kill", "Illegal number: " + s);
                return sh.done(2);
            }
            int n = s.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(s);
            if (n > 128) n -= 128;
            if (n > 64) {
                sh.builtinError("kill", "invalid signal number or exit status: " + s);
                return sh.done(2);
            }
            sh.out(dashSignalName(n) + "\n");
            return sh.done(0);
        }
        if (a.equals("-s")) {
            if (argv.size() < 3) {
                sh.builtinError("kill", "No arg for -s option");
                return sh.done(2);
            }
            signal = dashSignalNumber(argv.get(2));
            if (signal < 0) {
                sh.builtinError("kill", "invalid signal number or name: " + argv.get(2));
                return sh.done(2);
            }
            i = 3;
        } else if (a.startsWith("-") && a.length() > 1 && !a.equals("--")) {
            signal = dashSignalNumber(a.substring(1));
            if (signal < 0) {
                sh.builtinError("kill", "Illegal option -" + a.charAt(1));
                return sh.done(2);
            }
            i = 2;
        }
        if (i < argv.size() && argv.get(i).equals("--")) i++;
        List<String> targets = argv.subList(i, argv.size());
        if (targets.isEmpty()) {
            sh.builtinError("kill", DASH_KILL_USAGE);
            return sh.done(2);
        }
        int sig = signal;
        int[] status = {0};
        return dev.syssim.sim.prog.Libc.forEach(targets, (t, more) -> {
            int pid;
            if (t.startsWith("%")) {
                ShellState.Job job = Jobs.find(sh.st, t, new StringBuilder());
                if (job == null) {
                    sh.builtinError("kill", "No such job: " + t);
                    status[0] = 1;
                    return more.get();
                }
                pid = job.pgid > 0 ? -job.pgid : job.leader();
            } else if (t.matches("-?[0-9]+")) {
                pid = Integer.parseInt(t);
            } else {
                sh.builtinError("kill", "Illegal number: " + t);
                return sh.done(2);
            }
            Signal send = sig == 0 ? null : Signal.of(sig);
            return sh.c.sys(new Syscall.Kill(pid, send), r -> {
                if (r.failed()) {
                    sh.builtinError("kill", r.errno().message() + "\n"); // dash adds an empty line
                    status[0] = 1;
                }
                return more.get();
            });
        }, () -> sh.done(status[0]));
    }

    private static final String KILL_USAGE = "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n";

    static final Builtin KILL = (sh, argv) -> {
        if (sh.st.dash) return dashKill(sh, argv);
        if (argv.size() < 2) {
            sh.err(KILL_USAGE);
            return sh.done(2);
        }
        int signal = 15;
        int i = 1;
        String a = argv.get(1);
        if (a.equals("-l") || a.equals("-L")) {
            if (argv.size() == 2) {
                sh.out(Traps.list());
                return sh.done(0);
            }
            int status = 0;
            for (String s : argv.subList(2, argv.size())) {
                if (s.chars().allMatch(Character::isDigit) && !s.isEmpty()) {
                    int n = Integer.parseInt(s);
                    if (n > 128) n -= 128;
                    String name = Traps.name(n);
                    if (name == null) {
                        sh.builtinError("kill", s + ": invalid signal specification");
                        status = 1;
                    } else {
                        sh.out(name + "\n");
                    }
                } else {
                    int n = Traps.number(s);
                    if (n < 0) {
                        sh.builtinError("kill", s + ": invalid signal specification");
                        status = 1;
                    } else {
                        sh.out(n + "\n");
                    }
                }
            }
            return sh.done(status);
        }
        if (a.equals("-s") || a.equals("-n")) {
            if (argv.size() < 3) {
                sh.builtinError("kill", a + ": option requires an argument");
                sh.err(KILL_USAGE);
                return sh.done(2);
            }
            signal = Traps.number(argv.get(2));
            if (signal < 0) {
                sh.builtinError("kill", argv.get(2) + ": invalid signal specification");
                return sh.done(1);
            }
            i = 3;
        } else if (a.startsWith("-") && a.length() > 1 && !a.equals("--")) {
            signal = Traps.number(a.substring(1));
            if (signal < 0) {
                sh.builtinError("kill", a.substring(1) + ": invalid signal specification");
                return sh.done(1);
            }
            i = 2;
        }
        if (i < argv.size() && argv.get(i).equals("--")) i++;
        List<String> targets = argv.subList(i, argv.size());
        if (targets.isEmpty()) {
            sh.err(KILL_USAGE);
            return sh.done(2);
        }
        int sig = signal;
        int[] status = {0};
        return dev.syssim.sim.prog.Libc.forEach(targets, (t, more) -> {
            List<Integer> pids = new ArrayList<>();
            if (t.startsWith("%")) {
                StringBuilder error = new StringBuilder();
                ShellState.Job job = Jobs.find(sh.st, t, error);
                if (job == null) {
                    sh.builtinError("kill", error.toString());
                    status[0] = 1;
                    return more.get();
                }
                if (job.pgid > 0) pids.add(-job.pgid);
                else pids.addAll(job.pids);
            } else if (t.matches("-?[0-9]+")) {
                pids.add(Integer.parseInt(t));
            } else {
                sh.builtinError("kill", t + ": arguments must be process or job IDs");
                status[0] = 1;
                return more.get();
            }
            Signal s = Signal.of(sig);
            if (sig == 0) s = null;
            Signal send = s;
            return dev.syssim.sim.prog.Libc.forEach(pids, (pid, next) -> sh.c.sys(new Syscall.Kill(pid, send), r -> {
                if (r.failed()) {
                    sh.builtinError("kill", "(" + Math.abs(pid) + ") - " + r.errno().message());
                    status[0] = 1;
                }
                return next.get();
            }), more);
        }, () -> sh.done(status[0]));
    };
}
