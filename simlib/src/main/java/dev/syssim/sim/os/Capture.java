package dev.syssim.sim.os;

import java.io.ByteArrayOutputStream;

/**
 * A standard stream held in Java rather than in the simulated world: the input a caller gives a
 * command, or the output it collects. To the program it is a pipe whose other end is outside the
 * machine: fstat says FIFO, isatty says no, a read returns the given bytes and then end of file, a
 * write never blocks. Oracle replays and the Java API run commands through it, so a tool prints
 * exactly what it prints into a pipe on Linux.
 */
public final class Capture implements FileOps {

    private final byte[] input;
    private int inputAt;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private Capture(byte[] input) {
        this.input = input;
    }

    /** A stream that reads {@code bytes}, then end of file. */
    public static Capture input(byte[] bytes) {
        return new Capture(bytes.clone());
    }

    /** A stream that collects what is written to it. */
    public static Capture output() {
        return new Capture(new byte[0]);
    }

    /** Everything written so far. */
    public byte[] bytes() {
        return output.toByteArray();
    }

    /** An open file description on this stream, for a descriptor of a new process. */
    public OpenFile open(int flags) {
        return new OpenFile(this, null, "pipe:[capture]", flags, null);
    }

    @Override
    public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
        int n = Math.min(count, input.length - inputAt);
        byte[] data = java.util.Arrays.copyOfRange(input, inputAt, inputAt + n);
        inputAt += n;
        return Outcome.done(SysResult.ok(n, data), Costs.copy(n));
    }

    @Override
    public Outcome write(Kernel kernel, Process process, OpenFile file, byte[] data) {
        output.write(data, 0, data.length);
        return Outcome.done(SysResult.ok(data.length), Costs.copy(data.length));
    }
}
