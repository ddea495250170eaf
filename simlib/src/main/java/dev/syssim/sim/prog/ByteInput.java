package dev.syssim.sim.prog;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The input files of a byte tool read one after another as a single stream ({@code od}, {@code
 * hexdump}, {@code base64}, {@code md5sum} of one file): {@code -} is standard input, a file that
 * cannot be opened or read is reported ({@code od: x: No such file or directory}) and skipped. The
 * tool asks for blocks of the size it works in and gets them whole except at the very end, so a
 * 16-byte line of a dump may span two files, as in od. Reading stops when the tool stops asking:
 * {@code od -N 16 /dev/urandom} reads one block, not the endless device.
 */
public final class ByteInput {

    private final Libc c;
    private final List<String> files;
    private int next;
    private int fd = -1;
    private String current;
    private boolean anyOpened;
    private boolean failed;
    private boolean ended;
    private boolean readErrorsUnnamed;
    private byte[] buffer = new byte[0];
    private int start;
    private long served;
    /** How many buffered blocks may be handed out in a row on Java's stack. */
    private static final int TRAMPOLINE = 32;

    public ByteInput(Libc c, List<String> files) {
        this.c = c;
        this.files = files.isEmpty() ? List.of("-") : List.copyOf(files);
    }

    /** The input of one descriptor the tool opened (and positioned) itself, named {@code name} in messages. */
    public static ByteInput of(Libc c, int fd, String name) {
        ByteInput in = new ByteInput(c, List.of(name));
        in.next = 1;
        in.fd = fd;
        in.current = name;
        in.anyOpened = true;
        return in;
    }

    /** Read errors say {@code read error: Is a directory} without the file's name, as base64's do. */
    public ByteInput readErrorsUnnamed() {
        readErrorsUnnamed = true;
        return this;
    }

    /** True when some file could not be opened or read (the tool then exits 1). */
    public boolean failed() {
        return failed;
    }

    /** True when at least one file was opened (od prints nothing at all when none could be). */
    public boolean anyOpened() {
        return anyOpened;
    }

    /** The file being read ({@code -} for standard input), for messages. */
    public String current() {
        return current;
    }

    /**
     * Up to {@code count} bytes: exactly {@code count} unless the input ends first; an empty array at
     * the end of the last file.
     */
    public Step read(int count, Function<byte[], Step> then) {
        int have = buffer.length - start;
        if (have >= count || ended) {
            int n = Math.min(count, have);
            byte[] out = Arrays.copyOfRange(buffer, start, start + n);
            start += n;
            // Blocks served from the buffer need no syscall; every so often hand the next one back to
            // the scheduler as user-mode work, so a tool's loop over 16-byte lines never meets Java's stack.
            if (++served % TRAMPOLINE == 0) return c.compute(Inputs.scanCost(n), "", () -> then.apply(out));
            return then.apply(out);
        }
        if (fd < 0) return openNext(() -> read(count, then));
        return c.read(fd, Math.max(Libc.IO_BLOCK, count - have), r -> {
            if (r.failed()) {
                c.error(readErrorsUnnamed ? "read error" : Quote.f(current, c.utf8()), r.errno());
                failed = true;
                return closeCurrent(() -> read(count, then));
            }
            if (r.value() == 0) return closeCurrent(() -> read(count, then));
            append(r.bytes());
            return read(count, then);
        });
    }

    /** Whatever is left of the input, in blocks of {@code count} bytes, to {@code each}; then {@code done}. */
    public Step forEachBlock(int count, java.util.function.BiFunction<byte[], java.util.function.Supplier<Step>, Step> each,
                             java.util.function.Supplier<Step> done) {
        return read(count, block -> block.length == 0 ? done.get() : each.apply(block, () -> forEachBlock(count, each, done)));
    }

    /** Reads and drops {@code count} bytes ({@code od -j}); {@code then} gets how many could not be skipped. */
    public Step skip(long count, java.util.function.LongFunction<Step> then) {
        if (count <= 0) return then.apply(0);
        int step = (int) Math.min(count, Libc.IO_BLOCK);
        return read(step, block -> block.length == 0 ? then.apply(count) : skip(count - block.length, then));
    }

    /** The whole remaining input. */
    public Step readAll(Function<byte[], Step> then) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        return forEachBlock(Libc.IO_BLOCK, (block, more) -> {
            all.write(block, 0, block.length);
            return more.get();
        }, () -> then.apply(all.toByteArray()));
    }

    private void append(byte[] data) {
        int have = buffer.length - start;
        byte[] joined = new byte[have + data.length];
        System.arraycopy(buffer, start, joined, 0, have);
        System.arraycopy(data, 0, joined, have, data.length);
        buffer = joined;
        start = 0;
    }

    private Step openNext(java.util.function.Supplier<Step> then) {
        if (next >= files.size()) {
            ended = true;
            return then.get();
        }
        current = files.get(next++);
        if (current.equals("-")) {
            fd = 0;
            anyOpened = true;
            return then.get();
        }
        return c.open(current, OpenFlags.O_RDONLY, r -> {
            if (r.failed()) {
                c.error(Quote.f(current, c.utf8()), r.errno());
                failed = true;
                return openNext(then);
            }
            fd = r.intValue();
            anyOpened = true;
            return then.get();
        });
    }

    private Step closeCurrent(java.util.function.Supplier<Step> then) {
        int was = fd;
        fd = -1;
        if (was <= 0) return then.get();
        return c.close(was, then);
    }
}
