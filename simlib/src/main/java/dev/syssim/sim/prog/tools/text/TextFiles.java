package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Whole inputs as lines of bytes, for the tools that need all of an input before they write
 * (tac, paste, join, comm, column, csplit, shuf). {@code -} is standard input; reading it twice
 * gets nothing the second time, as on Linux.
 */
final class TextFiles {

    /** A line {@code buf[start, end)} without its terminator; {@code ended}: whether one followed. */
    record Line(byte[] buf, int start, int end, boolean ended) {

        byte[] bytes() {
            return java.util.Arrays.copyOfRange(buf, start, end);
        }

        int length() {
            return end - start;
        }
    }

    private TextFiles() {
    }

    static List<Line> lines(byte[] content, byte eol) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == eol) {
                out.add(new Line(content, start, i, true));
                start = i + 1;
            }
        }
        if (start < content.length) out.add(new Line(content, start, content.length, false));
        return out;
    }

    /**
     * Reads every file in order; {@code onError} reports a failure (and says whether to go on),
     * {@code then} gets the contents (null for a file that failed).
     */
    static Step readAll(Libc c, List<String> files, BiFunction<String, Errno, Boolean> onError,
                        java.util.function.Function<List<byte[]>, Step> then) {
        return read(c, files, new ArrayList<>(), onError, then);
    }

    private static Step read(Libc c, List<String> files, List<byte[]> into, BiFunction<String, Errno, Boolean> onError,
                             java.util.function.Function<List<byte[]>, Step> then) {
        if (into.size() == files.size()) return then.apply(into);
        String file = files.get(into.size());
        return Inputs.read(c, file, (err, content) -> {
            if (err != null) {
                if (!onError.apply(file, err)) return c.exit(1);
                into.add(null);
            } else {
                into.add(content);
            }
            return read(c, files, into, onError, then);
        });
    }
}
