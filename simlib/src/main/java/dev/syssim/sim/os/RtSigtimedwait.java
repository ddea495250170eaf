package dev.syssim.sim.os;

/**
 * rt_sigtimedwait([CHLD], NULL, timeout): sleep until a child has exited or the timeout has passed
 * — how {@code timeout(1)} waits for its command. Returns SIGCHLD's number once a child is a zombie
 * (or at once if one already is), EAGAIN when the time is up, EINTR if another signal arrives.
 *
 * <p>Simplification: the simulated kernel has no signal handlers or blocked-signal masks, so only
 * SIGCHLD can be waited for, and it is the child's exit itself (the zombie) that is awaited rather
 * than a queued signal. GNU timeout really sets a timer (timer_settime) and waits in rt_sigsuspend
 * for SIGALRM or SIGCHLD; what a student sees — the command ends, or is signalled after the
 * interval of simulated time — is the same.
 */
public record RtSigtimedwait(long timeoutNanos) implements Syscall {

    @Override
    public String name() {
        return "rt_sigtimedwait";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        long deadline = k.now() + timeoutNanos;
        if (hasZombie(p)) return done();
        k.timeline().at(deadline, () -> k.scheduler().wakeAll(p.childExited));
        return sleep(k, p, deadline);
    }

    private Outcome sleep(Kernel k, Process p, long deadline) {
        return new Outcome.Blocked(p.childExited, "rt_sigtimedwait", () -> {
            if (hasZombie(p)) return done();
            if (k.now() >= deadline) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
            if (p.pendingSignals != 0) return Outcome.error(Errno.EINTR, Costs.SYSCALL);
            return sleep(k, p, deadline);
        });
    }

    private static boolean hasZombie(Process p) {
        for (Process child : p.children()) if (child.state == ProcessState.ZOMBIE) return true;
        return false;
    }

    private static Outcome done() {
        return Outcome.ok(Signal.SIGCHLD.number(), Costs.SYSCALL);
    }

    @Override
    public String straceArgs(SysResult r) {
        return "[CHLD], NULL, {tv_sec=" + timeoutNanos / 1_000_000_000L + ", tv_nsec=" + timeoutNanos % 1_000_000_000L + "}, 8";
    }

    @Override
    public String straceResult(SysResult r) {
        return r.failed() ? r.errno().straceResult() : r.value() + " (SIGCHLD)";
    }
}
