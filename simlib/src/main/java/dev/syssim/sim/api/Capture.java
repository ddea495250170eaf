package dev.syssim.sim.api;

import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.FileOps;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.Signal;
import java.io.ByteArrayOutputStream;

/**
 * Where a command's stdout or stderr goes when the API runs it: the write end of a pipe whose
 * reader is the API's caller. Simplification against Linux: the reader empties the pipe at once,
 * so a writer never waits for room; past the output budget the reader "goes away" as
 * {@code head} does, and the writer gets SIGPIPE and EPIPE.
 */
final class Capture implements FileOps {

    /** The bytes both streams of one command may write in all, shared between them. */
    static final class Budget {
        private long left;
        private boolean exceeded;

        Budget(long bytes) {
            this.left = bytes;
        }

        boolean exceeded() {
            return exceeded;
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Budget budget;

    Capture(Budget budget) {
        this.budget = budget;
    }

    /** A description open for writing on this capture, named as /proc/PID/fd shows a pipe. */
    OpenFile open(String name) {
        return new OpenFile(this, null, name, dev.syssim.sim.os.OpenFlags.O_WRONLY, null);
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    /**
     * Takes what a terminal showed (a command run on one): within the budget it is kept, beyond it
     * dropped, as a terminal's scrollback would not hold it either.
     */
    void take(byte[] data) {
        if (budget.exceeded || data.length > budget.left) {
            budget.exceeded = true;
            return;
        }
        budget.left -= data.length;
        bytes.write(data, 0, data.length);
    }

    @Override
    public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
        return Outcome.error(Errno.EBADF, Costs.SYSCALL);
    }

    @Override
    public Outcome write(Kernel kernel, Process process, OpenFile file, byte[] data) {
        if (budget.left == 0 && data.length > 0) {
            budget.exceeded = true;
            if (process != null) kernel.signals().send(process, Signal.SIGPIPE, null);
            return Outcome.error(Errno.EPIPE, Costs.SYSCALL);
        }
        // Like a pipe whose reader takes the last bytes it wants and leaves: a short write, then EPIPE.
        int n = (int) Math.min(data.length, budget.left);
        budget.left -= n;
        bytes.write(data, 0, n);
        return Outcome.ok(n, Costs.copy(n));
    }
}
