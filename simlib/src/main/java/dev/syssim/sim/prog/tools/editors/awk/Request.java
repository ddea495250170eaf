package dev.syssim.sim.prog.tools.editors.awk;

import dev.syssim.sim.os.Errno;
import java.util.function.Consumer;

/**
 * What the awk interpreter needs from the kernel before it can go on: the {@link Vm} stops at the
 * instruction that needs it and hands back one of these; the tool makes the system calls as steps
 * and reports the {@link Outcome}, and the instruction runs again, now finding what it needed.
 */
sealed interface Request {

    /** What a request came to: a number (a descriptor, a count, a status), bytes, or an errno. */
    record Outcome(long value, byte[] data, Errno errno) {
        static Outcome of(long value) {
            return new Outcome(value, null, null);
        }

        static Outcome failed(Errno e) {
            return new Outcome(-1, null, e);
        }

        boolean failed() {
            return errno != null;
        }
    }

    /** The instruction budget of one slice is used up: simulated compute time, then on. */
    record Yield(long instructions) implements Request {
    }

    /** read(2) a block from {@code fd}. */
    record Read(int fd, Consumer<Outcome> done) implements Request {
    }

    /** open(2) a file ({@code O_CLOEXEC} always: children never inherit awk's files). */
    record Open(String path, int flags, Consumer<Outcome> done) implements Request {
    }

    /**
     * fork and exec {@code sh -c command}: with a pipe to its standard input ({@code WRITE}), from
     * its standard output ({@code READ}); the outcome is the pipe end's descriptor, the data field
     * holding the pid as text. {@code NONE} (system()) waits for it and reports its wait status.
     */
    record Spawn(String command, int direction, Consumer<Outcome> done) implements Request {
        static final int NONE = 0;
        static final int READ = 1;
        static final int WRITE = 2;
        /** A coprocess: the outcome is the descriptor to write to, the data "pid readfd". */
        static final int BOTH = 3;
    }

    /** write(2) all of {@code data}. */
    record Write(int fd, byte[] data, Consumer<Outcome> done) implements Request {
    }

    /** fstat(2) an open descriptor; the outcome's value is st_mode. */
    record Fstat(int fd, Consumer<Outcome> done) implements Request {
    }

    record Close(int fd, Consumer<Outcome> done) implements Request {
    }

    /** wait4(2) for a child; the outcome's value is its wait status. */
    record Wait(int pid, Consumer<Outcome> done) implements Request {
    }

    /** clock_gettime(CLOCK_REALTIME): seconds since the epoch (systime, srand()). */
    record Time(Consumer<Outcome> done) implements Request {
    }

    /** The program is over: flush standard output and exit with {@code status}. */
    record Halt(int status) implements Request {
    }
}
