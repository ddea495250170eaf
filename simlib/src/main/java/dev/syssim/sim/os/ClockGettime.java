package dev.syssim.sim.os;

/**
 * clock_gettime(2) as glibc makes it: answered by the vDSO, a page of kernel data mapped into every
 * process, so there is no trap into the kernel and strace never shows it ({@link #quiet}). The
 * result is the clock in nanoseconds: CLOCK_REALTIME is the machine's boot date plus simulated time
 * since boot; CLOCK_MONOTONIC and CLOCK_BOOTTIME count from boot.
 */
public record ClockGettime(int clock) implements Syscall {

    public static final int CLOCK_REALTIME = 0;
    public static final int CLOCK_MONOTONIC = 1;
    public static final int CLOCK_BOOTTIME = 7;

    /** Reading the vDSO's data page: a few loads in user space. */
    private static final long VDSO_READ = 20;

    @Override
    public String name() {
        return "clock_gettime";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        long nanos = clock == CLOCK_REALTIME ? k.bootEpochSeconds() * 1_000_000_000L + k.now() : k.now();
        return Outcome.done(SysResult.ok(0, nanos), VDSO_READ);
    }

    @Override
    public String straceArgs(SysResult r) {
        String name = switch (clock) {
            case CLOCK_REALTIME -> "CLOCK_REALTIME";
            case CLOCK_MONOTONIC -> "CLOCK_MONOTONIC";
            default -> "CLOCK_BOOTTIME";
        };
        return name + ", {tv_sec=" + (r == null ? 0 : nanos(r) / 1_000_000_000L) + ", tv_nsec=" + (r == null ? 0 : nanos(r) % 1_000_000_000L) + "}";
    }

    /** The vDSO is user space: no kernel entry, nothing for the trace or strace. */
    @Override
    public boolean quiet() {
        return true;
    }

    public static long nanos(SysResult r) {
        return r.data() instanceof Long n ? n : 0;
    }
}
