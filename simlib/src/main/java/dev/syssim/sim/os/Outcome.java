package dev.syssim.sim.os;

import java.util.function.Supplier;

/** What a syscall handler did: returned, put the caller to sleep, replaced its program, or ended it. */
public sealed interface Outcome {

    /** The call returns {@code result} after {@code cost} nanoseconds of kernel work. */
    record Done(SysResult result, long cost) implements Outcome {
    }

    /**
     * The caller sleeps on {@code queue} until woken; then {@code retry} runs (in the kernel, on
     * whichever core picks the process up) and decides again.
     */
    record Blocked(WaitQueue queue, String reason, Supplier<Outcome> retry) implements Outcome {
    }

    /** execve succeeded: the old program is gone; user mode resumes at {@code start}. */
    record Replaced(Step start, long cost) implements Outcome {
    }

    /** The caller no longer exists (exit_group, or killed). */
    record Gone() implements Outcome {
    }

    Gone GONE = new Gone();

    static Done done(SysResult result, long cost) {
        return new Done(result, cost);
    }

    static Done ok(long value, long cost) {
        return new Done(SysResult.ok(value), cost);
    }

    static Done error(Errno errno, long cost) {
        return new Done(SysResult.error(errno), cost);
    }
}
