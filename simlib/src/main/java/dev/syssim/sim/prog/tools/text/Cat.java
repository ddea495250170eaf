package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * cat: copy each file (or standard input for none or {@code -}) to standard output. Plain cat
 * copies blocks with read and write; with {@code -n} (number lines), {@code -b} (number non-blank
 * lines), {@code -E} (show line ends as {@code $}), {@code -s} (squeeze blank lines), {@code -T}
 * (tabs as ^I) or {@code -v} (^X and M- notation; -A is -vET) it looks at each byte, as GNU cat
 * does, and writes through stdio.
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
        Getopt o = Getopt.parse("cat", c.args().operands(), "AbeEnstTuv", List.of("show-all>A", "number-nonblank>b", "show-ends>E",
                "number>n", "squeeze-blank>s", "show-tabs>T", "show-nonprinting>v", "help", "version"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        Show show = new Show();
        show.numberNonBlank = o.has("b");
        show.number = o.has("n") || show.numberNonBlank;
        show.ends = o.has("E", "e", "A");
        show.tabs = o.has("T", "t", "A");
        show.nonprinting = o.has("v", "e", "t", "A");
        show.squeeze = o.has("s");
        boolean lineMode = show.number || show.ends || show.squeeze || show.tabs || show.nonprinting;
        Lines lines = new Lines();
        List<String> files = o.operands().isEmpty() ? List.of("-") : o.operands();
        int[] status = {0};
        return Libc.forEach(files, (file, next) -> {
            if (file.equals("-")) return output(c, 0, file, lineMode, lines, show, status, next);
            return c.open(file, OpenFlags.O_RDONLY, opened -> {
                if (opened.failed()) {
                    c.error(Quote.f(file, c.utf8()), opened.errno());
                    status[0] = 1;
                    return next.get();
                }
                int fd = opened.intValue();
                return output(c, fd, file, lineMode, lines, show, status, () -> c.close(fd, next));
            });
        }, () -> c.exit(status[0]));
    }

    /** What -n, -b, -E, -T, -v and -s ask for. */
    private static final class Show {
        boolean number;
        boolean numberNonBlank;
        boolean ends;
        boolean tabs;
        boolean nonprinting;
        boolean squeeze;
    }

    private static Step output(Libc c, int fd, String file, boolean lineMode, Lines lines, Show show, int[] status,
                               java.util.function.Supplier<Step> next) {
        java.util.function.Function<dev.syssim.sim.os.Errno, Step> done = err -> {
            if (err != null) {
                c.error(Quote.f(file, c.utf8()), err);
                status[0] = 1;
            }
            return next.get();
        };
        if (!lineMode) return c.copy(fd, 1, done);
        return c.stream(fd, (chunk, more) -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(chunk.length + 64);
            for (byte x : chunk) {
                int b = x & 0xff;
                if (lines.atLineStart) {
                    boolean blank = b == '\n';
                    if (blank) lines.blankRun++;
                    else lines.blankRun = 0;
                    if (show.squeeze && blank && lines.blankRun > 1) continue;
                    if (show.number && !(show.numberNonBlank && blank)) {
                        out.writeBytes(String.format("%6d\t", ++lines.number).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                }
                if (b == '\n') {
                    if (show.ends) out.write('$');
                    out.write('\n');
                    lines.atLineStart = true;
                    continue;
                }
                lines.atLineStart = false;
                if (b == '\t') {
                    if (show.tabs) out.writeBytes(new byte[] {'^', 'I'});
                    else out.write(b);
                } else if (show.nonprinting) {
                    visible(out, b);
                } else {
                    out.write(b);
                }
            }
            c.printBytes(out.toByteArray());
            return more.get();
        }, done);
    }

    /** cat -v: ^X for control characters, ^? for DEL, M- before bytes above 127. */
    private static void visible(java.io.ByteArrayOutputStream out, int b) {
        if (b >= 128) {
            out.writeBytes(new byte[] {'M', '-'});
            b -= 128;
        }
        if (b < 32) {
            out.write('^');
            out.write(b + 64);
        } else if (b == 127) {
            out.writeBytes(new byte[] {'^', '?'});
        } else {
            out.write(b);
        }
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
                + "  -s, --squeeze-blank    suppress repeated empty output lines\n"
                + "  -A, --show-all         equivalent to -vET\n"
                + "  -e                     equivalent to -vE\n"
                + "  -t                     equivalent to -vT\n"
                + "  -T, --show-tabs        display TAB characters as ^I\n"
                + "  -u                     (ignored)\n"
                + "  -v, --show-nonprinting use ^ and M- notation, except for LFD and TAB";
    }
}
