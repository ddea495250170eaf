package dev.syssim.sim.os;

/**
 * How long things take in simulated nanoseconds. Orders of magnitude follow a modern PC (a syscall
 * is well under a microsecond, a disk read a tenth of a millisecond, a time slice 4 ms at HZ=250);
 * exact values only need to keep the story's order, and keep traces readable.
 */
public final class Costs {

    /** Kernel work of a simple syscall, entry to return. */
    public static final long SYSCALL = 300;
    /** Copying a process: page tables, file table, credentials. */
    public static final long FORK = 25_000;
    /** Replacing a program: mapping the new executable. */
    public static final long EXEC = 40_000;
    /** Saving one process's registers and loading another's. */
    public static final long CONTEXT_SWITCH = 1_500;
    /** An interrupt handler's work (acknowledge, wake the sleeper). */
    public static final long IRQ_HANDLER = 1_000;
    /** The length of a time slice before the timer interrupt may preempt: 4 ms (CONFIG_HZ=250). */
    public static final long TIME_SLICE = 4_000_000;
    /** Per-kilobyte cost of copying data between kernel and user memory. */
    public static final long COPY_PER_KIB = 50;

    private Costs() {
    }

    public static long copy(int bytes) {
        return SYSCALL + (bytes / 1024) * COPY_PER_KIB;
    }
}
