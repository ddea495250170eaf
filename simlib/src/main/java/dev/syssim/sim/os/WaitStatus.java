package dev.syssim.sim.os;

/** The wait(2) status word: how a child ended, in Linux's encoding, and strace's way of printing it. */
public final class WaitStatus {

    private WaitStatus() {
    }

    public static int exited(int code) {
        return (code & 0xff) << 8;
    }

    public static int killed(Signal signal, boolean core) {
        return signal.number() | (core ? 0x80 : 0);
    }

    public static boolean isExited(int status) {
        return (status & 0x7f) == 0;
    }

    public static int exitCode(int status) {
        return (status >> 8) & 0xff;
    }

    public static Signal termSignal(int status) {
        return Signal.of(status & 0x7f);
    }

    public static boolean coreDumped(int status) {
        return (status & 0x80) != 0;
    }

    /** The shell's $? for this status: the exit code, or 128 + the signal number. */
    public static int shellStatus(int status) {
        return isExited(status) ? exitCode(status) : 128 + (status & 0x7f);
    }

    public static String describe(int status) {
        if (isExited(status)) return "{WIFEXITED(s) && WEXITSTATUS(s) == " + exitCode(status) + "}";
        return "{WIFSIGNALED(s) && WTERMSIG(s) == " + termSignal(status).name() + (coreDumped(status) ? " && WCOREDUMP(s)" : "") + "}";
    }
}
