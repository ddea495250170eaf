package dev.syssim.sim.os;

import java.util.Arrays;

/**
 * A pipe: a 64 KiB kernel buffer between a writing and a reading end. A reader sleeps while it is
 * empty and writers exist; a writer sleeps while it is full; writing with no reader left raises
 * SIGPIPE and fails with EPIPE.
 */
public final class Pipe {

    /** Linux's default pipe capacity. */
    public static final int CAPACITY = 65536;

    private byte[] buffer = new byte[1024];
    private int start;
    private int length;
    private int readers;
    private int writers;
    private final WaitQueue readWait = new WaitQueue("pipe_read");
    private final WaitQueue writeWait = new WaitQueue("pipe_write");
    private final long inode;

    public Pipe(long inode) {
        this.inode = inode;
    }

    /** The name /proc/PID/fd shows, {@code pipe:[23456]}. */
    public String name() {
        return "pipe:[" + inode + "]";
    }

    public FileOps readEnd() {
        return readEnd;
    }

    public FileOps writeEnd() {
        return writeEnd;
    }

    void openReader() {
        readers++;
    }

    void openWriter() {
        writers++;
    }

    private final FileOps readEnd = new FileOps() {
        @Override
        public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
            if (length > 0) {
                int n = Math.min(count, length);
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) out[i] = buffer[(start + i) % buffer.length];
                start = (start + n) % buffer.length;
                length -= n;
                kernel.scheduler().wakeAll(writeWait);
                return Outcome.done(SysResult.ok(n, out), Costs.copy(n));
            }
            if (writers == 0) return Outcome.done(SysResult.ok(0, new byte[0]), Costs.SYSCALL);
            return new Outcome.Blocked(readWait, "pipe_read", () -> read(kernel, process, file, count));
        }

        @Override
        public Outcome write(Kernel kernel, Process process, OpenFile file, byte[] data) {
            return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        }

        @Override
        public void release(Kernel kernel, OpenFile file) {
            readers--;
            kernel.scheduler().wakeAll(writeWait);
        }
    };

    private final FileOps writeEnd = new FileOps() {
        @Override
        public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
            return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        }

        @Override
        public Outcome write(Kernel kernel, Process process, OpenFile file, byte[] data) {
            if (readers == 0) {
                kernel.signals().send(process, Signal.SIGPIPE, null);
                return Outcome.error(Errno.EPIPE, Costs.SYSCALL);
            }
            int free = CAPACITY - length;
            if (free == 0) {
                return new Outcome.Blocked(writeWait, "pipe_write", () -> write(kernel, process, file, data));
            }
            int n = Math.min(free, data.length);
            ensure(length + n);
            for (int i = 0; i < n; i++) buffer[(start + length + i) % buffer.length] = data[i];
            length += n;
            kernel.scheduler().wakeAll(readWait);
            if (n < data.length) {
                // A partial write of a blocking pipe: the rest waits for room (Linux writes it all before returning).
                byte[] rest = Arrays.copyOfRange(data, n, data.length);
                int written = n;
                return new Outcome.Blocked(writeWait, "pipe_write", () -> {
                    Outcome more = write(kernel, process, file, rest);
                    if (more instanceof Outcome.Done done && !done.result().failed()) {
                        return Outcome.ok(written + done.result().value(), done.cost());
                    }
                    return more;
                });
            }
            return Outcome.done(SysResult.ok(n), Costs.copy(n));
        }

        @Override
        public void release(Kernel kernel, OpenFile file) {
            writers--;
            kernel.scheduler().wakeAll(readWait);
        }
    };

    private void ensure(int needed) {
        if (needed <= buffer.length) return;
        int size = buffer.length;
        while (size < needed) size *= 2;
        byte[] bigger = new byte[Math.min(size, CAPACITY)];
        for (int i = 0; i < length; i++) bigger[i] = buffer[(start + i) % buffer.length];
        buffer = bigger;
        start = 0;
    }
}
