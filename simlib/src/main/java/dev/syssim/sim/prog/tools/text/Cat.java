package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.Set;

/**
 * cat: copy each file (or standard input for none or {@code -}) to standard output. Plain cat
 * copies blocks with read and write; with {@code -n} (number lines), {@code -b} (number non-blank
 * lines), {@code -E} (show line ends as {@code $}) or {@code -s} (squeeze blank lines) it looks at
 * each line, as GNU cat does, and writes through stdio.
 */
public final class Cat extends Tool {

    /** Line state that carries over from one file to the next, as in GNU cat. */
    private static final class Lines {
        long number;
        boolean atLineStart = true;
        int blankRun;
    }

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("cat", c.args().operands(), "nbEsAvTue", "",
                Set.of("help", "number", "number-nonblank", "show-ends", "squeeze-blank", "show-all"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        boolean numberNonBlank = o.hasAny("b", "number-nonblank");
        boolean number = o.hasAny("n", "number") || numberNonBlank;
        boolean ends = o.hasAny("E", "e", "A", "show-ends", "show-all");
        boolean squeeze = o.hasAny("s", "squeeze-blank");
        boolean lineMode = number || ends || squeeze;
        Lines lines = new Lines();
        List<String> files = o.operands().isEmpty() ? List.of("-") : o.operands();
        int[] status = {0};
        return Libc.forEach(files, (file, next) -> {
            if (file.equals("-")) return output(c, 0, file, lineMode, lines, number, numberNonBlank, ends, squeeze, status, next);
            return c.open(file, OpenFlags.O_RDONLY, opened -> {
                if (opened.failed()) {
                    c.error(file, opened.errno());
                    status[0] = 1;
                    return next.get();
                }
                int fd = opened.intValue();
                return output(c, fd, file, lineMode, lines, number, numberNonBlank, ends, squeeze, status, () -> c.close(fd, next));
            });
        }, () -> c.exit(status[0]));
    }

    private static Step output(Libc c, int fd, String file, boolean lineMode, Lines lines, boolean number, boolean nonBlank,
                               boolean ends, boolean squeeze, int[] status, java.util.function.Supplier<Step> next) {
        java.util.function.Function<dev.syssim.sim.os.Errno, Step> done = err -> {
            if (err != null) {
                c.error(file, err);
                status[0] = 1;
            }
            return next.get();
        };
        if (!lineMode) return c.copy(fd, 1, done);
        return c.stream(fd, (chunk, more) -> {
            StringBuilder out = new StringBuilder();
            for (byte b : chunk) {
                if (lines.atLineStart) {
                    boolean blank = b == '\n';
                    if (blank) lines.blankRun++;
                    else lines.blankRun = 0;
                    if (squeeze && blank && lines.blankRun > 1) continue;
                    if (number && !(nonBlank && blank)) out.append(String.format("%6d\t", ++lines.number));
                }
                if (b == '\n') {
                    if (ends) out.append('$');
                    out.append('\n');
                    lines.atLineStart = true;
                } else {
                    out.append((char) (b & 0xff));
                    lines.atLineStart = false;
                }
            }
            c.printBytes(out.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return more.get();
        }, done);
    }

    @Override
    public String whatis() {
        return "concatenate files and print on the standard output";
    }

    @Override
    public String manual() {
        return "cat [OPTION]... [FILE]...\n  Concatenate FILE(s) to standard output. With no FILE, or when FILE is -, read standard input.\n"
                + "  -b, --number-nonblank  number nonempty output lines, overrides -n\n"
                + "  -E, --show-ends        display $ at end of each line\n"
                + "  -n, --number           number all output lines\n"
                + "  -s, --squeeze-blank    suppress repeated empty output lines";
    }
}
