package dev.syssim.sim.os;

/** Linux signals on x86-64: number, name, what the default action does, and the shell's text. */
public enum Signal {
    SIGHUP(1, Action.TERMINATE, "Hangup"),
    SIGINT(2, Action.TERMINATE, ""),
    SIGQUIT(3, Action.CORE, "Quit"),
    SIGILL(4, Action.CORE, "Illegal instruction"),
    SIGTRAP(5, Action.CORE, "Trace/breakpoint trap"),
    SIGABRT(6, Action.CORE, "Aborted"),
    SIGBUS(7, Action.CORE, "Bus error"),
    SIGFPE(8, Action.CORE, "Floating point exception"),
    SIGKILL(9, Action.TERMINATE, "Killed"),
    SIGUSR1(10, Action.TERMINATE, "User defined signal 1"),
    SIGSEGV(11, Action.CORE, "Segmentation fault"),
    SIGUSR2(12, Action.TERMINATE, "User defined signal 2"),
    SIGPIPE(13, Action.TERMINATE, ""),
    SIGALRM(14, Action.TERMINATE, "Alarm clock"),
    SIGTERM(15, Action.TERMINATE, "Terminated"),
    SIGSTKFLT(16, Action.TERMINATE, "Stack fault"),
    SIGCHLD(17, Action.IGNORE, ""),
    SIGCONT(18, Action.CONTINUE, ""),
    SIGSTOP(19, Action.STOP, "Stopped (signal)"),
    SIGTSTP(20, Action.STOP, "Stopped"),
    SIGTTIN(21, Action.STOP, "Stopped (tty input)"),
    SIGTTOU(22, Action.STOP, "Stopped (tty output)"),
    SIGURG(23, Action.IGNORE, ""),
    SIGXCPU(24, Action.CORE, "CPU time limit exceeded"),
    SIGXFSZ(25, Action.CORE, "File size limit exceeded"),
    SIGVTALRM(26, Action.TERMINATE, "Virtual timer expired"),
    SIGPROF(27, Action.TERMINATE, "Profiling timer expired"),
    SIGWINCH(28, Action.IGNORE, ""),
    SIGIO(29, Action.TERMINATE, "I/O possible"),
    SIGPWR(30, Action.TERMINATE, "Power failure"),
    SIGSYS(31, Action.CORE, "Bad system call");

    /** What happens to a process that receives the signal and has no handler for it. */
    public enum Action { TERMINATE, CORE, IGNORE, STOP, CONTINUE }

    private final int number;
    private final Action defaultAction;
    private final String shellMessage;

    Signal(int number, Action defaultAction, String shellMessage) {
        this.number = number;
        this.defaultAction = defaultAction;
        this.shellMessage = shellMessage;
    }

    public int number() {
        return number;
    }

    public Action defaultAction() {
        return defaultAction;
    }

    /**
     * What bash prints when a foreground job dies of this signal ("Segmentation fault"); empty for
     * SIGINT and SIGPIPE, which bash reports silently. With a core dump bash adds " (core dumped)"
     * only if a core was written; the simulation writes none.
     */
    public String shellMessage() {
        return shellMessage;
    }

    /** The name without the SIG prefix, as {@code kill -l} prints it. */
    public String shortName() {
        return name().substring(3);
    }

    public static Signal of(int number) {
        for (Signal s : values()) if (s.number == number) return s;
        return null;
    }

    /** Parses {@code 9}, {@code KILL} or {@code SIGKILL}; null if unknown. */
    public static Signal parse(String text) {
        try {
            return of(Integer.parseInt(text));
        } catch (NumberFormatException notNumber) {
            String name = text.startsWith("SIG") ? text : "SIG" + text;
            for (Signal s : values()) if (s.name().equals(name)) return s;
            return null;
        }
    }
}
