package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;

/**
 * One entry of the interpreter's own stack: a list being run, a loop, a function call, a word being
 * expanded, a redirection to undo. The shell's loop asks the top frame for its next piece of work;
 * a frame pushes children, finishes with a status, or hands the scheduler a step (a syscall) and
 * continues when it returns. A user's loop, recursion or nesting grows this stack, never Java's.
 */
abstract class Frame {

    /**
     * Does the next piece of work. Returns {@link Shell#CONTINUE} after pushing or finishing frames,
     * or a step for the scheduler whose continuation ends in {@link Shell#proceed()}.
     */
    abstract dev.syssim.sim.os.Step step(Shell sh);

    /** The status the last child frame finished with (set before the next {@link #step}). */
    int childStatus;

    /**
     * Called instead of {@link #step} while control flow is unwinding ({@link Shell#pending} is set:
     * break, continue, return, exit, or an abandoned command line). The default finishes this frame,
     * passing the unwinding on; frames that undo something (redirections, scopes) or stop the unwinding
     * (loops for break, functions for return) override it.
     */
    Step unwind(Shell sh) {
        return sh.finish(childStatus);
    }

    /** What this frame is, for a debugging view of the stack. */
    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
