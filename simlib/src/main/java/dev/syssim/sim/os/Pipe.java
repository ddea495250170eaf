package dev.syssim.sim.os;


/**
 * A pipe: a 64 KiB kernel buffer between a writing and a reading end. A reader sleeps while it is
 * empty and writers exist; a writer sleeps while it is full; writing with no reader left raises
 * SIGPIPE and fails with EPIPE. A FIFO ({@code mkfifo}) is the same buffer opened by name: opening
 * it for reading sleeps until a writer opens it and the other way round (fifo(7)); O_RDWR never
 * waits; O_NONBLOCK makes a reader go on at once and a writer without readers fail with ENXIO.
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
    private final WaitQueue openWait = new WaitQueue("fifo_open");
    /** Opens ever made of each end, so a sleeping opener notices a partner that came and went. */
    private long readerOpens;
    private long writerOpens;
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

    /** True when no descriptor refers to either end (a FIFO's next open starts a new pipe). */
    boolean unused() {
        return readers == 0 && writers == 0;
    }

    /**
     * Opens a FIFO's pipe with open(2)'s {@code flags}: the ends' operations once the open may
     * complete, or a sleep until the other end is opened.
     */
    Outcome openFifo(Kernel kernel, int flags, java.util.function.Function<FileOps, Outcome> opened) {
        boolean nonblock = (flags & OpenFlags.O_NONBLOCK) != 0;
        switch (flags & OpenFlags.ACCMODE) {
            case OpenFlags.O_RDWR -> {
                readers++;
                writers++;
                readerOpens++;
                writerOpens++;
                kernel.scheduler().wakeAll(openWait);
                return opened.apply(bothEnds);
            }
            case OpenFlags.O_WRONLY -> {
                if (nonblock && readers == 0) return Outcome.error(Errno.ENXIO, Costs.SYSCALL);
                writers++;
                writerOpens++;
                kernel.scheduler().wakeAll(openWait);
                long seen = readerOpens;
                return awaitPartner(() -> readers > 0 || readerOpens != seen, () -> opened.apply(writeEnd));
            }
            default -> {
                readers++;
                readerOpens++;
                kernel.scheduler().wakeAll(openWait);
                if (nonblock) return opened.apply(readEnd);
                long seen = writerOpens;
                return awaitPartner(() -> writers > 0 || writerOpens != seen, () -> opened.apply(readEnd));
            }
        }
    }

    private Outcome awaitPartner(java.util.function.BooleanSupplier partner, java.util.function.Supplier<Outcome> then) {
        if (partner.getAsBoolean()) return then.get();
        return new Outcome.Blocked(openWait, "fifo_open", () -> awaitPartner(partner, then));
    }

    /** A FIFO opened O_RDWR: one description that reads and writes. */
    private final FileOps bothEnds = new FileOps() {
        @Override
        public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
            return readEnd.read(kernel, process, file, count);
        }

        @Override
        public Outcome write(Kernel kernel, Process process, OpenFile file, byte[] data) {
            return writeEnd.write(kernel, process, file, data);
        }

        @Override
        public void release(Kernel kernel, OpenFile file) {
            readEnd.release(kernel, file);
            writeEnd.release(kernel, file);
        }
    };

    private final FileOps readEnd = new FileOps() {
        @Override
        public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
            if (length > 0) {
                int n = Math.min(count, length);
                byte[] out = new byte[n];
                int first = Math.min(n, buffer.length - start);
                System.arraycopy(buffer, start, out, 0, first);
                System.arraycopy(buffer, 0, out, first, n - first);
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
            return writeFrom(kernel, process, data, 0);
        }

        /**
         * Writes {@code data} from {@code done} on; a blocking pipe takes all of it before the call
         * returns (Linux's pipe_write), so the result counts every byte, also across the sleeps.
         */
        private Outcome writeFrom(Kernel kernel, Process process, byte[] data, int done) {
            if (readers == 0) {
                kernel.signals().send(process, Signal.SIGPIPE, null);
                if (done > 0) return Outcome.done(SysResult.ok(done), Costs.copy(done));
                return Outcome.error(Errno.EPIPE, Costs.SYSCALL);
            }
            int free = CAPACITY - length;
            if (free == 0) {
                return new Outcome.Blocked(writeWait, "pipe_write", () -> writeFrom(kernel, process, data, done));
            }
            int n = Math.min(free, data.length - done);
            ensure(length + n);
            int end = (start + length) % buffer.length;
            int first = Math.min(n, buffer.length - end);
            System.arraycopy(data, done, buffer, end, first);
            System.arraycopy(data, done + first, buffer, 0, n - first);
            length += n;
            kernel.scheduler().wakeAll(readWait);
            int written = done + n;
            if (written < data.length) {
                return new Outcome.Blocked(writeWait, "pipe_write", () -> writeFrom(kernel, process, data, written));
            }
            return Outcome.done(SysResult.ok(written), Costs.copy(n));
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
        int first = Math.min(length, buffer.length - start);
        System.arraycopy(buffer, start, bigger, 0, first);
        System.arraycopy(buffer, 0, bigger, first, length - first);
        buffer = bigger;
        start = 0;
    }
}
