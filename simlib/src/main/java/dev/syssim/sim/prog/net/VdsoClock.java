package dev.syssim.sim.prog.net;

import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;

/**
 * clock_gettime as glibc makes it: through the vDSO, reading the kernel's clock page without a
 * trap — so strace and the trace never show it. The result's value is the monotonic time in
 * nanoseconds (simulated time since boot); its data the wall-clock time in nanoseconds since the
 * epoch (the machine's simulated boot date plus that), never the host's clock.
 */
public record VdsoClock() implements Syscall {

    public String name() {
        return "clock_gettime";
    }

    public Outcome enter(Kernel k, Process p) {
        return Outcome.done(SysResult.ok(k.now(), k.bootEpochSeconds() * 1_000_000_000L + k.now()), 40);
    }

    public String straceArgs(SysResult r) {
        return "CLOCK_MONOTONIC, {...}";
    }

    @Override
    public boolean quiet() {
        return true;
    }

    /** The wall-clock nanoseconds of a result. */
    public static long wallNanos(SysResult r) {
        return r.data() instanceof Long l ? l : 0;
    }

}
