package dev.syssim.sim.shell;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.shell.syntax.Ast;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Background jobs: starting one ({@code cmd &}), the job table, reaping finished jobs and the
 * messages bash prints for them ({@code [1]+  Done  sleep 1}). Without job control (a script), a
 * background command reads /dev/null and ignores Ctrl-C, as POSIX says.
 */
final class Jobs {

    private Jobs() {
    }

    /** {@code item &}: forks it as a job; an interactive shell announces {@code [1] 1234}. */
    static Step background(Shell sh, Ast.Item item) {
        Ast.AndOr chain = item.command();
        boolean single = chain.pipelines().size() == 1 && chain.pipelines().get(0).commands().size() == 1
                && !chain.pipelines().get(0).negated() && chain.pipelines().get(0).timed() == Ast.Timed.NO;
        boolean jobControl = sh.st.interactive && !sh.st.subshell;
        return sh.fork(child -> {
            Frame body = single ? Commands.frame(child, chain.pipelines().get(0).commands().get(0), true) : new AndOrFrame(chain);
            if (jobControl) return body;
            return new AsyncSetupFrame(body);
        }, 0, pid -> {
            if (pid < 0) {
                sh.st.lastStatus = 1;
                return sh.proceed();
            }
            sh.st.lastBackground = pid;
            sh.st.lastStatus = 0;
            int number = sh.st.nextJobNumber();
            // without job control the job stays in the shell's process group: no group of its own to signal
            ShellState.Job job = new ShellState.Job(number, List.of(pid), FunctionPrinter.andOr(chain), jobControl ? pid : 0);
            sh.st.jobs.put(number, job);
            sh.st.jobOrder.remove((Integer) number);
            sh.st.jobOrder.add(number);
            if (jobControl) sh.err("[" + number + "] " + pid + "\n");
            return sh.proceed();
        });
    }

    /** In an asynchronous command without job control: stdin from /dev/null, SIGINT and SIGQUIT ignored. */
    private static final class AsyncSetupFrame extends Frame {
        private final Frame body;

        AsyncSetupFrame(Frame body) {
            this.body = body;
        }

        @Override
        Step step(Shell sh) {
            Libc c = sh.c;
            return c.sys(new Syscall.RtSigaction(Signal.SIGINT, true), a -> c.sys(new Syscall.RtSigaction(Signal.SIGQUIT, true),
                    b -> c.open("/dev/null", OpenFlags.O_RDONLY, r -> {
                        Supplier<Step> go = () -> {
                            sh.stack.set(sh.stack.size() - 1, body);
                            return sh.proceed();
                        };
                        if (r.failed() || r.intValue() == 0) return go.get();
                        int fd = r.intValue();
                        return c.sys(new Syscall.Dup2(fd, 0), d -> c.close(fd, go));
                    })));
        }
    }

    /** Collects finished jobs without waiting (wait4 with WNOHANG on each running one). */
    static Step reap(Shell sh, Supplier<Step> next) {
        List<ShellState.Job> running = new ArrayList<>();
        for (ShellState.Job job : sh.st.jobs.values()) if (!job.done()) running.add(job);
        return Libc.forEach(running, (job, more) -> reapJob(sh, job, 0, more), next);
    }

    private static Step reapJob(Shell sh, ShellState.Job job, int i, Supplier<Step> next) {
        if (i >= job.pids.size()) return next.get();
        if (job.statuses[i] >= 0) return reapJob(sh, job, i + 1, next);
        return sh.c.sys(new Syscall.Wait4(job.pids.get(i), Syscall.Wait4.WNOHANG), r -> {
            if (!r.failed() && r.value() > 0) job.statuses[i] = Syscall.Wait4.status(r);
            else if (r.failed()) job.statuses[i] = WaitStatus.exited(127);
            return reapJob(sh, job, i + 1, next);
        });
    }

    /**
     * A script's shell, after a foreground command: the background jobs that ended meanwhile leave
     * the job table without a word (bash marks them notified), except that one a signal killed is
     * listed as a foreground one would be; their statuses stay for {@code wait PID}.
     */
    static Step reapQuietly(Shell sh, Supplier<Step> next) {
        return reap(sh, () -> {
            List<ShellState.Job> done = new ArrayList<>();
            for (ShellState.Job job : sh.st.jobs.values()) if (job.done()) done.add(job);
            for (ShellState.Job job : done) {
                JobBuiltins.reportKilled(sh, job);
                for (int i = 0; i < job.pids.size(); i++) sh.st.reapedBackground.put(job.pids.get(i), job.statuses[i]);
                forget(sh.st, job.number);
            }
            return next.get();
        });
    }

    /** What bash prints before a prompt: each finished job once ({@code [1]+  Done   sleep 1}), then forgets it. */
    static void notifyDone(Shell sh) {
        ShellState st = sh.st;
        List<ShellState.Job> done = new ArrayList<>();
        for (ShellState.Job job : st.jobs.values()) if (job.done()) done.add(job);
        for (ShellState.Job job : done) {
            String state = state(job.lastStatus());
            sh.err(String.format("[%d]%s  %-24s%s%n", job.number, marker(st, job.number), state, job.text));
            forget(st, job.number);
        }
    }

    static void forget(ShellState st, int number) {
        st.jobs.remove(number);
        st.jobOrder.remove((Integer) number);
    }

    /** {@code +} for the current job, {@code -} for the previous one, else a space. */
    static String marker(ShellState st, int number) {
        int n = st.jobOrder.size();
        if (n > 0 && st.jobOrder.get(n - 1) == number) return "+";
        if (n > 1 && st.jobOrder.get(n - 2) == number) return "-";
        return " ";
    }

    /** How the job table shows a state: Running, Done, Exit N, or the signal (Killed, Terminated ...). */
    static String state(int waitStatus) {
        if (waitStatus < 0) return "Running";
        if (WaitStatus.isExited(waitStatus)) {
            int code = WaitStatus.exitCode(waitStatus);
            return code == 0 ? "Done" : "Exit " + code;
        }
        Signal signal = WaitStatus.termSignal(waitStatus);
        String message = signal.shellMessage().isEmpty() ? signal.name() : signal.shellMessage();
        if (signal == Signal.SIGINT) message = "Interrupt";
        return message + (WaitStatus.coreDumped(waitStatus) ? " (core dumped)" : "");
    }

    /**
     * The job a job spec names ({@code %1}, {@code %+}, {@code %%}, {@code %-}, {@code %name},
     * {@code %?text}, or a pid), or null; {@code error} gets bash's message.
     */
    static ShellState.Job find(ShellState st, String spec, StringBuilder error) {
        if (!spec.startsWith("%")) {
            try {
                int pid = Integer.parseInt(spec);
                for (ShellState.Job job : st.jobs.values()) if (job.pids.contains(pid)) return job;
                return null;
            } catch (NumberFormatException e) {
                error.append(spec).append(": no such job");
                return null;
            }
        }
        String body = spec.substring(1);
        ShellState.Job job = null;
        int n = st.jobOrder.size();
        if (body.isEmpty() || body.equals("+") || body.equals("%")) {
            if (n > 0) job = st.jobs.get(st.jobOrder.get(n - 1));
        } else if (body.equals("-")) {
            if (n > 1) job = st.jobs.get(st.jobOrder.get(n - 2));
            else if (n == 1) job = st.jobs.get(st.jobOrder.get(0));
        } else if (body.chars().allMatch(Character::isDigit)) {
            job = st.jobs.get(Integer.parseInt(body));
        } else if (body.startsWith("?")) {
            for (ShellState.Job j : st.jobs.values()) if (j.text.contains(body.substring(1))) job = j;
        } else {
            for (ShellState.Job j : st.jobs.values()) if (j.text.startsWith(body)) job = j;
        }
        if (job == null) error.append(spec).append(": no such job");
        return job;
    }
}
