package dev.syssim.sim.prog.tools.editors;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * sed's input: the lines of its files one after another (or of each file apart, with -s and -i),
 * read a block at a time. It reads one line ahead, as GNU sed does, so that {@code $} knows the
 * last line — in a later file too, which it opens early to see whether it holds any data.
 */
final class SedInput {

    /** A line: its bytes without the delimiter, whether it had one, and the file it came from. */
    record Line(byte[] bytes, boolean chomped, String file, int fileIndex) {
    }

    private final Libc c;
    private final List<String> files;
    private final byte delim;
    private final boolean separate;
    private final boolean inPlace;
    private int nextFile;
    private int fd = -1;
    private int fileIndex = -1;
    private String fileName;
    private boolean eof = true;
    private byte[] buf = new byte[0];
    private int start;
    private int end;
    private boolean failed;

    SedInput(Libc c, List<String> files, byte delim, boolean separate, boolean inPlace) {
        this.c = c;
        this.files = files;
        this.delim = delim;
        this.separate = separate;
        this.inPlace = inPlace;
    }

    /** Whether some input file could not be read (sed then exits with 2). */
    boolean failed() {
        return failed;
    }

    /** Whether a line is waiting (after {@link #next} it says whether the current line is not the last). */
    boolean hasNext() {
        return start < end;
    }

    /** Reads the next line ({@code then} gets null at the end of all input), then looks one line ahead. */
    Step next(Function<Line, Step> then) {
        return fill(true, () -> {
            if (start >= end) return then.apply(null);
            Line line = take();
            return fill(!separate, () -> then.apply(line));
        });
    }

    private Line take() {
        for (int i = start; i < end; i++) {
            if (buf[i] == delim) {
                Line line = new Line(Arrays.copyOfRange(buf, start, i), true, fileName, fileIndex);
                start = i + 1;
                return line;
            }
        }
        Line line = new Line(Arrays.copyOfRange(buf, start, end), false, fileName, fileIndex);
        start = end;
        return line;
    }

    private boolean hasWholeLine() {
        for (int i = start; i < end; i++) if (buf[i] == delim) return true;
        return false;
    }

    /** Reads until a whole line is buffered, or the current file (or, crossing files, all input) ends. */
    private Step fill(boolean cross, Supplier<Step> then) {
        if (hasWholeLine()) return then.get();
        if (!eof) {
            return c.read(fd, Libc.IO_BLOCK, r -> {
                if (r.failed()) {
                    // GNU sed panics: the message, exit status 4.
                    c.error("read error on " + (fileName.equals("-") ? "stdin" : fileName), r.errno());
                    return c.exit(4);
                }
                if (r.value() == 0) {
                    eof = true;
                    return closeCurrent(() -> fill(cross, then));
                }
                append(r.bytes());
                return fill(cross, then);
            });
        }
        if (start < end || !cross || nextFile >= files.size()) return then.get();
        return open(files.get(nextFile++), () -> fill(cross, then));
    }

    private Step closeCurrent(Supplier<Step> then) {
        if (fd > 0) {
            int closing = fd;
            fd = -1;
            return c.close(closing, then);
        }
        fd = -1;
        return then.get();
    }

    private Step open(String name, Supplier<Step> then) {
        if (name.equals("-") && !inPlace) {
            fd = 0;
            eof = false;
            fileName = "-";
            fileIndex = nextFile - 1;
            return then.get();
        }
        return c.open(name, OpenFlags.O_RDONLY, r -> {
            if (r.failed()) {
                c.error("can't read " + name, r.errno());
                failed = true;
                return then.get();
            }
            fd = r.intValue();
            eof = false;
            fileName = name;
            fileIndex = nextFile - 1;
            if (!inPlace) return then.get();
            return c.sys(dev.syssim.sim.os.Syscall.NewFstatAt.fstat(fd), st -> {
                dev.syssim.sim.fs.Stat stat = st.failed() ? null : st.dataAs(dev.syssim.sim.fs.Stat.class);
                if (stat == null || stat.type() != dev.syssim.sim.fs.FileType.REGULAR) {
                    c.eprint("sed: couldn't edit " + name + ": not a regular file\n");
                    return c.exit(4);
                }
                return then.get();
            });
        });
    }

    private void append(byte[] block) {
        if (start > 0 && start == end) {
            start = 0;
            end = 0;
        }
        if (end + block.length > buf.length) {
            int live = end - start;
            byte[] grown = new byte[Math.max(live + block.length, buf.length * 2)];
            System.arraycopy(buf, start, grown, 0, live);
            buf = grown;
            start = 0;
            end = live;
        }
        System.arraycopy(block, 0, buf, end, block.length);
        end += block.length;
    }

    /** Skips the rest of the current file (sed -i moving on after q). */
    String currentFile() {
        return fileName;
    }
}
