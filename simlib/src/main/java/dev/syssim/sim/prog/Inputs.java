package dev.syssim.sim.prog;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The input files of a text tool: an operand names a file to open, {@code -} (or no operand at all)
 * means standard input, which is already open as descriptor 0 and is not closed afterwards.
 */
public final class Inputs {

    private Inputs() {
    }

    /** The operands, or {@code -} when there are none. */
    public static List<String> orStdin(List<String> operands) {
        return operands.isEmpty() ? List.of("-") : operands;
    }

    /** Opens {@code file} for reading ({@code -}: descriptor 0); {@code then} gets an errno or the descriptor. */
    public static Step open(Libc c, String file, BiFunction<Errno, Integer, Step> then) {
        if (file.equals("-")) return then.apply(null, 0);
        return c.open(file, OpenFlags.O_RDONLY, r -> r.failed() ? then.apply(r.errno(), -1) : then.apply(null, r.intValue()));
    }

    /** Closes what {@link #open} opened (standard input stays open). */
    public static Step close(Libc c, String file, int fd, Supplier<Step> then) {
        if (file.equals("-") || fd < 0) return then.get();
        return c.close(fd, then);
    }

    /** The whole content of {@code file} ({@code -}: standard input to its end); {@code then} gets an errno or the bytes. */
    public static Step read(Libc c, String file, BiFunction<Errno, byte[], Step> then) {
        return open(c, file, (err, fd) -> {
            if (err != null) return then.apply(err, null);
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            return c.readAll(fd, content, e -> close(c, file, fd, () -> then.apply(e, e == null ? content.toByteArray() : null)));
        });
    }

    /** Text split into lines; a last line without its newline is still a line. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }

    /** User-mode time to scan {@code bytes} of text (a few ns a byte): what sort and grep spend between syscalls. */
    public static long scanCost(long bytes) {
        return 2_000 + bytes * 3;
    }
}
