package dev.syssim.sim.os;

import java.util.List;
import java.util.Map;

/**
 * What exec hands a new program: the path it was run as, argv and the environment, the source of a
 * user program stored in the executable ({@code %%program}, else empty), and whether its standard
 * output is a terminal. (glibc finds that out with an fstat at the first write, which decides line
 * or full buffering; the simulation tells the program at exec, which spares every strace a line.)
 */
public record ProgramArgs(String path, List<String> argv, Map<String, String> env, String payload, boolean stdoutIsTerminal,
                          java.util.function.LongSupplier vdsoClock) {

    public ProgramArgs {
        argv = List.copyOf(argv);
        env = Environment.copyOf(env);
        if (vdsoClock == null) vdsoClock = () -> 0L;
    }

    public ProgramArgs(String path, List<String> argv, Map<String, String> env) {
        this(path, argv, env, "", false, null);
    }

    /**
     * CLOCK_REALTIME in nanoseconds as the vDSO page mapped into every process gives it: read
     * without a syscall, as glibc's time() and clock_gettime() do (what bash's $SECONDS reads).
     */
    public long realtimeNanos() {
        return vdsoClock.getAsLong();
    }

    /** argv[0]'s last path component: the name a tool uses in its messages. */
    public String name() {
        String zero = argv.isEmpty() ? path : argv.get(0);
        int slash = zero.lastIndexOf('/');
        return slash < 0 ? zero : zero.substring(slash + 1);
    }

    /** argv without argv[0]. */
    public List<String> operands() {
        return argv.isEmpty() ? List.of() : argv.subList(1, argv.size());
    }
}
