package dev.syssim.sim.shell;

/** The shell's reading of the clock: CLOCK_REALTIME from the vDSO, no syscall (bash's time() for $SECONDS). */
final class Clock {

    private Clock() {
    }

    static long now(Shell sh) {
        return sh.c.args().realtimeNanos();
    }
}
