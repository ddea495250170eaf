package dev.syssim.sim.os;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceEvent;

/**
 * Sending and delivering signals. A signal is made pending on the target; a sleeping target is
 * woken (its syscall fails with EINTR); delivery happens when the target next returns to user mode,
 * where a fatal one ends it and a caught one runs the process's handler. A process may also ignore a
 * signal (an interactive shell ignores SIGINT).
 */
public final class Signals {

    private final Kernel kernel;

    Signals(Kernel kernel) {
        this.kernel = kernel;
    }

    /** kill(2)'s delivery: dropped if ignored (SIGKILL never is), else pending and waking. */
    public void send(Process target, Signal signal, Process sender) {
        if (target.state == ProcessState.ZOMBIE || target.state == ProcessState.DEAD) return;
        if (target.isKernelThread()) return; // kernel threads take no signals from user space
        // a namespace's init gets only the signals it has handlers for from inside its namespace,
        // SIGKILL included (Linux: it would otherwise take the whole namespace down; kill -9 1 does nothing)
        if (sender != null && target.pidIn(target.pidNamespace()) == 1 && sender.pidNamespace() == target.pidNamespace()
                && !target.catches(signal)) {
            return;
        }
        if (signal != Signal.SIGKILL && target.ignores(signal)) return;
        if (signal != Signal.SIGKILL && target.catches(signal)) {
            post(target, signal, sender == null ? "the kernel" : sender.toString());
            return;
        }
        if (signal.defaultAction() == Signal.Action.IGNORE || signal.defaultAction() == Signal.Action.CONTINUE
                || signal.defaultAction() == Signal.Action.STOP) {
            return; // no handlers in the simulation: these change nothing a student would see
        }
        post(target, signal, sender == null ? "the kernel" : sender.toString());
    }

    /** A signal raised by a fault of the process itself (SIGSEGV after #GP): delivered even if ignored. */
    void force(Process target, Signal signal) {
        target.ignore(signal, false);
        post(target, signal, "the kernel");
    }

    private void post(Process target, Signal signal, String from) {
        target.pendingSignals |= 1L << signal.number();
        if (kernel.trace().wants(EventKind.SIGNAL)) {
            kernel.event(target.lane(), CpuMode.KERNEL, EventKind.SIGNAL, signal.name() + " from " + from,
                    "default action: " + signal.defaultAction().name().toLowerCase(java.util.Locale.ROOT), TraceEvent.NO_CAUSE);
        }
        if (target.state == ProcessState.BLOCKED) {
            kernel.scheduler().interruptSleep(target, () -> Outcome.error(Errno.EINTR, Costs.SYSCALL));
        }
    }

    /**
     * Runs the handlers of pending caught signals, clearing them: delivery of a caught signal on the
     * way back to user mode, where the handler runs instead of the default action.
     */
    void runHandlers(Process p) {
        if (p.handlers.isEmpty()) return;
        for (Signal s : Signal.values()) {
            long bit = 1L << s.number();
            if ((p.pendingSignals & bit) == 0 || !p.catches(s) || s == Signal.SIGKILL) continue;
            p.pendingSignals &= ~bit;
            Runnable handler = p.handler(s);
            if (kernel.trace().wants(EventKind.SIGNAL)) {
                kernel.event(p.lane(), CpuMode.USER, EventKind.SIGNAL, s.name() + " delivered: its handler runs",
                        "the process catches it", TraceEvent.NO_CAUSE);
            }
            if (handler != null) handler.run();
        }
    }

    /** The pending signal that ends the process (SIGKILL first), clearing it; null if none. */
    Signal takeFatal(Process p) {
        if ((p.pendingSignals & (1L << Signal.SIGKILL.number())) != 0) {
            p.pendingSignals = 0;
            return Signal.SIGKILL;
        }
        for (Signal s : Signal.values()) {
            long bit = 1L << s.number();
            if ((p.pendingSignals & bit) != 0) {
                p.pendingSignals &= ~bit;
                if (!p.ignores(s) && !p.catches(s)) {
                    p.pendingSignals = 0;
                    return s;
                }
            }
        }
        return null;
    }

    /** The default action of a fatal signal: the process ends, killed by it. */
    void die(Process p, Signal signal) {
        kernel.processes().terminate(p, WaitStatus.killed(signal, false));
    }
}
