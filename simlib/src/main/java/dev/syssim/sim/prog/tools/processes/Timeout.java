package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.RtSigtimedwait;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.WaitStatus;
import dev.syssim.sim.prog.Intervals;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.SignalNames;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * timeout (coreutils 9.1): run a command and signal it if it still runs after DURATION of simulated
 * time. timeout puts itself and the command in a new process group (unless {@code --foreground}),
 * forks, execs the command in the child, and waits for the child or the time, whichever comes
 * first. When time is up it sends the signal (TERM unless {@code -s}) to the command and to the
 * group, and with {@code -k} sends KILL if the command is still there after that second interval.
 *
 * <p>Exit status: 124 if the command timed out (unless {@code --preserve-status}), 125 if timeout
 * itself failed, 126/127 if the command could not be run or found, 137 if KILL was sent — the
 * group's KILL ends timeout too — else the command's status; a command killed by a signal without
 * a timeout makes timeout kill itself with the same signal, so the shell sees the same death.
 */
public final class Timeout extends Tool {

    /** EXIT_TIMEDOUT and EXIT_CANCELED of coreutils. */
    private static final int TIMED_OUT = 124;
    private static final int CANCELED = 125;

    private record Plan(long nanos, long killAfterNanos, int signal, boolean foreground, boolean preserve, boolean verbose, List<String> command) {
    }

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("timeout", c.args().operands(), "v", "ks",
                Set.of("help", "version", "foreground", "preserve-status", "verbose"), Set.of("kill-after", "signal"), false);
        if (o.failed()) return c.usageError(o.error(), CANCELED);
        if (o.has("help")) return help(c);
        int signal = Signal.SIGTERM.number();
        String signalText = o.value("s", o.value("signal"));
        if (signalText != null) {
            signal = SignalNames.parse(signalText, false);
            if (signal < 0) return c.usageError("timeout: " + c.quoteLocale(signalText) + ": invalid signal", CANCELED);
        }
        long killAfter = 0;
        String killText = o.value("k", o.value("kill-after"));
        if (killText != null) {
            Double k = Intervals.seconds(killText);
            if (k == null) return c.usageError("timeout: invalid time interval " + c.quoteLocale(killText), CANCELED);
            killAfter = Intervals.nanos(k);
        }
        if (o.operands().size() < 2) {
            c.eprint("Try 'timeout --help' for more information.\n");
            return c.exit(CANCELED);
        }
        String durationText = o.operands().get(0);
        Double seconds = Intervals.seconds(durationText);
        if (seconds == null) return c.usageError("timeout: invalid time interval " + c.quoteLocale(durationText), CANCELED);
        Plan plan = new Plan(Intervals.nanos(seconds), killAfter, signal, o.has("foreground"), o.has("preserve-status"),
                o.hasAny("v", "verbose"), o.operands().subList(1, o.operands().size()));
        Step fork = c.sys(Syscall.Clone.fork(() -> child(c, plan)), pid -> monitor(c, plan, pid.intValue()));
        return plan.foreground() ? fork : c.sys(new Syscall.Setpgid(0, 0), r -> fork);
    }

    /** The forked child: a C library of its own (its stdio buffers are its own after fork), then execvp. */
    private static Step child(Libc parent, Plan plan) {
        Libc c = new Libc(parent.args());
        return c.execvp(plan.command(), new TreeMap<>(c.args().env()), e -> {
            c.error("failed to run command " + c.quoteLocale(plan.command().get(0)), e);
            return c.exit(e == Errno.ENOENT ? 127 : 126);
        });
    }

    private Step monitor(Libc c, Plan plan, int pid) {
        if (plan.nanos() == 0) return reap(c, plan, pid, false);
        return c.sys(new RtSigtimedwait(plan.nanos()), r -> {
            if (!r.failed()) return reap(c, plan, pid, false);
            return send(c, plan, pid, plan.signal(), () -> {
                if (plan.killAfterNanos() == 0) return reap(c, plan, pid, true);
                return c.sys(new RtSigtimedwait(plan.killAfterNanos()), k -> k.failed()
                        ? send(c, plan, pid, Signal.SIGKILL.number(), () -> reap(c, plan, pid, true))
                        : reap(c, plan, pid, true));
            });
        });
    }

    /** The signal to the command, then (unless --foreground) to the whole group, timeout ignoring it itself. */
    private static Step send(Libc c, Plan plan, int pid, int number, java.util.function.Supplier<Step> then) {
        if (plan.verbose()) {
            c.error("sending signal " + SignalNames.coreutilsName(number) + " to command " + c.quoteLocale(plan.command().get(0)));
        }
        Signal sig = Signal.of(number);
        Step toCommand = c.sys(new Syscall.Kill(pid, sig), r -> {
            if (plan.foreground() || sig == null) return then.get();
            Step toGroup = c.sys(new Syscall.Kill(0, sig), g -> {
                if (sig == Signal.SIGKILL || sig == Signal.SIGCONT) return then.get();
                return c.sys(new Syscall.Kill(pid, Signal.SIGCONT), x -> c.sys(new Syscall.Kill(0, Signal.SIGCONT), y -> then.get()));
            });
            return sig == Signal.SIGKILL ? toGroup : c.sys(new Syscall.RtSigaction(sig, true), a -> toGroup);
        });
        return toCommand;
    }

    /** wait4 for the command, then timeout's own exit status (or death) from its status. */
    private static Step reap(Libc c, Plan plan, int pid, boolean timedOut) {
        return c.sys(new Syscall.Wait4(pid, 0), w -> {
            int status = Syscall.Wait4.status(w);
            if (WaitStatus.isExited(status)) {
                int code = WaitStatus.exitCode(status);
                return c.exit(timedOut && !plan.preserve() ? TIMED_OUT : code);
            }
            Signal sig = WaitStatus.termSignal(status);
            int number = sig == null ? 0 : sig.number();
            if (!timedOut && sig != null) {
                // die of the same signal, so that the shell sees what the command suffered
                return c.sys(new Syscall.RtSigaction(sig, false), a -> c.id("getpid", self ->
                        c.sys(new Syscall.Kill(self, sig), k -> c.exit(128 + number))));
            }
            boolean preserve = plan.preserve() || timedOut && sig == Signal.SIGKILL;
            return c.exit(timedOut && !preserve ? TIMED_OUT : 128 + number);
        });
    }

    @Override
    public String whatis() {
        return "run a command with a time limit";
    }

    @Override
    public String manual() {
        return "timeout [OPTION] DURATION COMMAND [ARG]...\n"
                + "  Start COMMAND, and kill it if still running after DURATION (simulated time).\n"
                + "  --preserve-status       exit with the same status as COMMAND, even when the command times out\n"
                + "  --foreground            when not running timeout directly from a shell prompt, allow COMMAND to read from the TTY\n"
                + "  and get TTY signals; in this mode, children of COMMAND will not be timed out\n"
                + "  -k, --kill-after=DURATION  also send a KILL signal if COMMAND is still running this long after the initial signal was sent\n"
                + "  -s, --signal=SIGNAL     specify the signal to be sent on timeout; SIGNAL may be a name like 'HUP' or a number\n"
                + "  -v, --verbose           diagnose to stderr any signal sent upon timeout\n"
                + "  DURATION is a floating point number with an optional suffix: 's' for seconds (the default), 'm' for minutes,\n"
                + "  'h' for hours or 'd' for days. A duration of 0 disables the associated timeout.\n"
                + "  Exit status: 124 if COMMAND times out and --preserve-status is not specified, 125 if timeout itself fails,\n"
                + "  126 if COMMAND is found but cannot be invoked, 127 if COMMAND cannot be found, 137 if COMMAND (or timeout itself)\n"
                + "  is sent the KILL signal, else the exit status of COMMAND.";
    }
}
