package dev.syssim.sim.os;

import dev.syssim.sim.fs.PathWalker;
import java.io.ByteArrayOutputStream;

/**
 * Standard descriptors for {@link Kernel#spawnWithStdio}, made as a parent makes them before
 * {@code fork} and {@code execve}: {@code /dev/null} opened, a pipe already holding the input
 * with its write end closed, a pipe whose read end the test drains itself. Unlike
 * {@link Capture} these are the kernel's own device and {@link Pipe}s, so a program sees a real
 * pipe (it fills at 64 KiB, it reaches end of file only when every writer — a background child
 * too — has closed it) and a real {@code /dev/null}.
 */
public final class Stdio {

    private Stdio() {
    }

    /** {@code /dev/null} opened for reading, as a shell's {@code < /dev/null} would (by init, whose cgroup allows it). */
    public static OpenFile devNull(Kernel kernel) {
        PathWalker.Result node = PathWalker.resolve(kernel.init(), "/dev/null", true);
        if (!node.ok()) throw new IllegalStateException("no /dev/null on " + kernel.machineName());
        FileOps ops = kernel.devices().open(kernel.init(), node.inode());
        return new OpenFile(ops, node.location(), "/dev/null", OpenFlags.O_RDONLY, null);
    }

    /**
     * The read end of a pipe already holding {@code data}, its write end closed: what
     * {@code printf DATA | prog} gives once printf has exited (reads see the data, then EOF).
     */
    public static OpenFile pipeFrom(Kernel kernel, byte[] data) {
        if (data.length > Pipe.CAPACITY) throw new IllegalArgumentException("stdin larger than a pipe holds: " + data.length);
        Pipe pipe = new Pipe(kernel.nextPipeInode());
        OpenFile readEnd = new OpenFile(pipe.readEnd(), null, pipe.name(), OpenFlags.O_RDONLY, null);
        OpenFile writeEnd = new OpenFile(pipe.writeEnd(), null, pipe.name(), OpenFlags.O_WRONLY, null);
        pipe.openReader();
        pipe.openWriter();
        if (data.length > 0) pipe.writeEnd().write(kernel, kernel.init(), writeEnd, data);
        writeEnd.retain();
        kernel.files().release(writeEnd);
        return readEnd;
    }

    /** A new pipe: its write end is for the program, its read end stays with the returned reader. */
    public static Reader pipeTo(Kernel kernel) {
        Pipe pipe = new Pipe(kernel.nextPipeInode());
        OpenFile readEnd = new OpenFile(pipe.readEnd(), null, pipe.name(), OpenFlags.O_RDONLY, null);
        OpenFile writeEnd = new OpenFile(pipe.writeEnd(), null, pipe.name(), OpenFlags.O_WRONLY, null);
        pipe.openReader();
        pipe.openWriter();
        readEnd.retain();
        return new Reader(kernel, readEnd, writeEnd);
    }

    /**
     * The reading end of a pipe, held by the test rather than by a process: a reader that is
     * always ready, as a parent's {@code communicate()} loop is, so writers never wait for room
     * for long and never see EPIPE.
     */
    public static final class Reader {

        private final Kernel kernel;
        private final OpenFile readEnd;
        private final OpenFile writeEnd;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean endOfFile;

        private Reader(Kernel kernel, OpenFile readEnd, OpenFile writeEnd) {
            this.kernel = kernel;
            this.readEnd = readEnd;
            this.writeEnd = writeEnd;
        }

        /** The end to give the program (its only reference is the descriptor it gets). */
        public OpenFile writeEnd() {
            return writeEnd;
        }

        /** Takes whatever the pipe holds now; notes end of file once every write end is closed. */
        public void drain() {
            while (!endOfFile) {
                // The reader is outside the machine; init stands in for it where the kernel wants a process.
                Outcome read = readEnd.ops().read(kernel, kernel.init(), readEnd, Pipe.CAPACITY);
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
