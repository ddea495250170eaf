package dev.syssim.sim.shell;

import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shell program: {@code bash} (and {@code sh}, with dash's messages). {@code -c TEXT} runs a
 * command string, a file operand runs a script, and with neither on a terminal it is interactive:
 * it reads one command text at a time from its terminal — a notebook cell — runs it, and reports
 * finished background jobs, as at a prompt.
 */
public final class Bash extends Tool {

    private final boolean dash;

    public Bash(boolean dash) {
        this.dash = dash;
    }

    @Override
    protected Step run(Libc c) {
        ShellState s = new ShellState();
        s.dash = dash;
        s.name = c.args().name();
        for (Map.Entry<String, String> e : c.args().env().entrySet()) {
            s.set(e.getKey(), e.getValue());
            s.export(e.getKey());
        }
        if (dash && s.get("PATH") == null) s.set("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        List<String> args = c.args().operands();
        Shell shell = new Shell(c, s);
        return c.sys(new Syscall.GetId("getpid"), pid -> {
            s.pid = pid.intValue();
            s.pgid = s.pid;
            int i = 0;
            boolean interactiveFlag = false;
            while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("-c")) {
                if (args.get(i).contains("i")) interactiveFlag = true;
                i++;
            }
            if (i < args.size() && args.get(i).equals("-c")) {
                if (i + 1 >= args.size()) {
                    c.eprint(s.name + ": -c: option requires an argument\n");
                    return c.exitQuietly(2);
                }
                String text = args.get(i + 1);
                if (i + 2 < args.size()) s.name = args.get(i + 2);
                if (i + 3 <= args.size()) s.positional = new ArrayList<>(args.subList(Math.min(i + 3, args.size()), args.size()));
                return shell.runText(text, status -> finish(shell, status));
            }
            if (i < args.size()) {
                String script = args.get(i);
                s.positional = new ArrayList<>(args.subList(i + 1, args.size()));
                s.name = script;
                return c.readFile(script, (err, bytes) -> {
                    if (err != null) {
                        c.eprint(c.args().name() + ": " + script + ": " + err.message() + "\n");
                        return c.exitQuietly(127);
                    }
                    return shell.runText(Libc.text(bytes), status -> finish(shell, status));
                });
            }
            if (c.stdoutIsTerminal() || interactiveFlag) return interactive(shell);
            return readScriptFromStdin(shell);
        });
    }

    private Step finish(Shell shell, int status) {
        ShellState s = shell.state();
        return shell.exitWith(s.exitRequested ? s.exitStatus : status);
    }

    /** An interactive shell ignores Ctrl-C itself (its foreground job gets it) and serves its terminal. */
    private Step interactive(Shell shell) {
        ShellState s = shell.state();
        s.interactive = true;
        Libc c = shell.c();
        return c.sys(new Syscall.RtSigaction(Signal.SIGINT, true), a -> c.sys(new Syscall.RtSigaction(Signal.SIGTERM, true),
                b -> c.sys(new Syscall.RtSigaction(Signal.SIGQUIT, true), x -> prompt(shell))));
    }

    private Step prompt(Shell shell) {
        Libc c = shell.c();
        ShellState s = shell.state();
        return c.sys(new Syscall.ReadCommand(0), r -> {
            if (r.failed() || r.value() == 0) {
                c.eprint("exit\n");
                return shell.exitWith(s.lastStatus);
            }
            String text = Libc.text(r.bytes());
            return shell.runText(text, status -> reapJobs(shell, () -> {
                if (s.exitRequested) return shell.exitWith(s.exitStatus);
                return prompt(shell);
            }));
        });
    }

    /** What bash does before each prompt: collect finished background jobs and say so. */
    private Step reapJobs(Shell shell, java.util.function.Supplier<Step> next) {
        ShellState s = shell.state();
        Libc c = shell.c();
        List<ShellState.Job> running = new ArrayList<>();
        for (ShellState.Job job : s.jobs.values()) if (!job.done()) running.add(job);
        return Libc.forEach(running, (job, more) -> c.sys(new Syscall.Wait4(job.pids.get(0), Syscall.Wait4.WNOHANG), r -> {
            if (!r.failed() && r.value() > 0) job.status = Syscall.Wait4.status(r);
            return more.get();
        }), () -> {
            ShellState.Job newest = s.jobs.isEmpty() ? null : s.jobs.lastEntry().getValue();
            for (ShellState.Job job : new ArrayList<>(s.jobs.values())) {
                if (!job.done()) continue;
                String state = jobState(job.status);
                c.eprint(String.format("[%d]%s  %-24s%s%n", job.number, job == newest ? "+" : "-", state, job.text));
                s.jobs.remove(job.number);
            }
            return next.get();
        });
    }

    /** How bash's job table reports a finished job: Done, Exit N, or the signal (Killed, Terminated ...). */
    static String jobState(int waitStatus) {
        if (WaitStatus.isExited(waitStatus)) {
            int code = WaitStatus.exitCode(waitStatus);
            return code == 0 ? "Done" : "Exit " + code;
        }
        dev.syssim.sim.os.Signal signal = WaitStatus.termSignal(waitStatus);
        String message = signal.shellMessage().isEmpty() ? signal.name() : signal.shellMessage();
        if (signal == dev.syssim.sim.os.Signal.SIGINT) message = "Interrupt";
        return message + (WaitStatus.coreDumped(waitStatus) ? " (core dumped)" : "");
    }

    /** {@code bash < script} or commands piped in: read everything, then run it. */
    private Step readScriptFromStdin(Shell shell) {
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        return shell.c().readAll(0, text, err -> shell.runText(text.toString(java.nio.charset.StandardCharsets.UTF_8),
                status -> finish(shell, status)));
    }

    @Override
    public String manual() {
        return (dash ? "sh [-c command_string [command_name [argument...]]] [file [argument...]]\n  The Debian Almquist shell (/bin/sh)."
                : "bash [-i] [-c command_string [name [argument...]]] [file [argument...]]\n  The GNU Bourne-Again SHell.")
                + "\n  Runs commands: words and quotes, $VAR, $?, ;, &&, ||, |, <, >, >>, 2>, 2>&1, here-documents,\n"
                + "  & and wait, if/for/while, functions, and builtins (type `help').";
    }
}
