package dev.syssim.sim.os;

/** Where a process is in its life, with the letter {@code ps} prints in its STAT column. */
public enum ProcessState {
    /** Runnable, waiting for a core. */
    READY('R', "R (running)"),
    /** On a core right now. */
    RUNNING('R', "R (running)"),
    /** Asleep until something happens (interruptible sleep). */
    BLOCKED('S', "S (sleeping)"),
    /** Exited; waiting for its parent to collect the status. */
    ZOMBIE('Z', "Z (zombie)"),
    /** Reaped: gone from the process table. */
    DEAD('X', "X (dead)");

    private final char letter;
    private final String procStatus;

    ProcessState(char letter, String procStatus) {
        this.letter = letter;
        this.procStatus = procStatus;
    }

    public char letter() {
        return letter;
    }

    /** The State: line of /proc/PID/status. */
    public String procStatus() {
        return procStatus;
    }
}
