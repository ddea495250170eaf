package dev.syssim.sim.os;

import java.io.ByteArrayOutputStream;

/**
 * A test's hands on a just-spawned process's standard descriptors, set from Java as a parent's
 * {@code fork}, {@code open}/{@code pipe} and {@code dup2} would set them before {@code execve}:
 * so a harness can start a program with stdin from {@code /dev/null} or a pipe, and stdout and
 * stderr into pipes it drains itself, without asking a shell to build the plumbing. Use it after
 * {@link Kernel#spawn} (whose program has not run yet: it only waits on the ready queue) and
 * before the world runs.
 */
public final class Stdio {

    private Stdio() {
    }

    /** Opens {@code path} for {@code p} (as {@code p}: permissions apply) and puts it at descriptor {@code fd}. */
    public static void open(Process p, int fd, String path, int flags) {
        Kernel kernel = p.kernel();
        Outcome opened = kernel.files().openat(p, new Syscall.OpenAt(OpenFlags.AT_FDCWD, path, flags, 0666));
        if (!(opened instanceof Outcome.Done done) || done.result().failed()) {
            throw new IllegalStateException("cannot open " + path + " for " + p + ": " + opened);
        }
        move(p, done.result().intValue(), fd);
    }

    /**
     * Puts at {@code fd} the read end of a pipe already holding {@code data}, its write end closed:
     * what {@code printf DATA | prog} gives once printf has exited (reads see the data, then EOF).
     */
    public static void pipeFrom(Process p, int fd, byte[] data) {
        if (data.length > Pipe.CAPACITY) throw new IllegalArgumentException("stdin larger than a pipe holds: " + data.length);
        Kernel kernel = p.kernel();
        Pipe pipe = new Pipe(kernel.nextPipeInode());
        OpenFile readEnd = new OpenFile(pipe.readEnd(), null, pipe.name(), OpenFlags.O_RDONLY, null);
        OpenFile writeEnd = new OpenFile(pipe.writeEnd(), null, pipe.name(), OpenFlags.O_WRONLY, null);
        pipe.openReader();
        pipe.openWriter();
        if (data.length > 0) pipe.writeEnd().write(kernel, p, writeEnd, data);
        writeEnd.retain();
        kernel.files().release(writeEnd);
        install(p, fd, readEnd);
    }

    /** Puts at {@code fd} the write end of a new pipe whose read end the returned reader drains from Java. */
    public static Reader pipeTo(Process p, int fd) {
        Kernel kernel = p.kernel();
        Pipe pipe = new Pipe(kernel.nextPipeInode());
        OpenFile readEnd = new OpenFile(pipe.readEnd(), null, pipe.name(), OpenFlags.O_RDONLY, null);
        OpenFile writeEnd = new OpenFile(pipe.writeEnd(), null, pipe.name(), OpenFlags.O_WRONLY, null);
        pipe.openReader();
        pipe.openWriter();
        readEnd.retain();
        install(p, fd, writeEnd);
        return new Reader(p, readEnd);
    }

    /** Sets the file mode creation mask, as {@code umask(2)} before {@code execve} would. */
    public static void umask(Process p, int mask) {
        p.setUmask(mask);
    }

    private static void install(Process p, int fd, OpenFile file) {
        OpenFile old = p.fds().installAt(fd, file, false);
        if (old != null) p.kernel().files().release(old);
    }

    private static void move(Process p, int from, int to) {
        if (from == to) return;
        OpenFile file = p.fds().get(from);
        install(p, to, file);
        p.kernel().files().release(p.fds().remove(from));
    }

    /**
     * The reading end of a pipe, held by the test rather than by a process: a reader that is
     * always ready, as a parent's {@code communicate()} loop is, so writers never wait for room
     * for long and never see EPIPE.
     */
    public static final class Reader {

        private final Process owner;
        private final OpenFile readEnd;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean endOfFile;

        private Reader(Process owner, OpenFile readEnd) {
            this.owner = owner;
            this.readEnd = readEnd;
        }

        /** Takes whatever the pipe holds now; notes end of file once every write end is closed. */
        public void drain() {
            while (!endOfFile) {
                Outcome read = readEnd.ops().read(owner.kernel(), owner, readEnd, Pipe.CAPACITY);
                if (!(read instanceof Outcome.Done done)) return;
                byte[] data = done.result().bytes();
                if (data == null || data.length == 0) {
                    endOfFile = true;
                    return;
                }
                bytes.writeBytes(data);
            }
        }

        /** True once no process holds a write end any more (and all was read). */
        public boolean endOfFile() {
            return endOfFile;
        }

        public byte[] bytes() {
            return bytes.toByteArray();
        }

        public int size() {
            return bytes.size();
        }
    }
}
