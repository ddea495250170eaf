package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;

/**
 * more (util-linux 2.38.1): a pager. Without a terminal on standard output it copies: first
 * standard input if that is not a terminal, then each file after a header ({@code ::::::::::::::},
 * the name, {@code ::::::::::::::}); a directory is told as {@code *** DIR: directory ***}, a file
 * that cannot be opened on standard error. On a terminal, text that fits the 24-line screen is
 * printed as it is; longer text opens the pager (the alternate screen, which the notebook shows in
 * Jupyter's pager) instead of more's {@code --More--} prompt, which no notebook cell could answer.
 */
public final class More extends Tool {

    private static final String RULE = "::::::::::::::\n";
    private static final int SCREEN_LINES = 23;

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("more", c.args().operands(), "dlfpcsuV", "n", Set.of("help", "version", "silent", "logical",
                "no-pause", "print-over", "clean-print", "squeeze", "plain"), Set.of("lines"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        List<String> files = o.operands();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int[] status = {0};
        return c.isatty(0, stdinTty -> {
            java.util.function.Supplier<Step> readFiles = () -> Libc.forEach(files, (file, next) -> c.statOf(file, true, (err, st) -> {
                if (err == null && st.type() == FileType.DIRECTORY) {
                    write(c, text, "\n*** " + file + ": directory ***\n\n");
                    return next.get();
                }
                return c.open(file, OpenFlags.O_RDONLY, opened -> {
                    if (opened.failed()) {
                        flush(c, text);
                        c.error("cannot open " + file, opened.errno());
                        status[0] = 1;
                        return next.get();
                    }
                    int fd = opened.intValue();
                    write(c, text, RULE + file + "\n" + RULE);
                    return c.stream(fd, (chunk, more) -> {
                        writeBytes(c, text, chunk);
                        return more.get();
                    }, e -> c.close(fd, next));
                });
            }), () -> finish(c, text, 0));
            if (stdinTty) {
                if (files.isEmpty()) return c.usageError("more: bad usage", 1);
                return readFiles.get();
            }
            return c.stream(0, (chunk, more) -> {
                writeBytes(c, text, chunk);
                return more.get();
            }, e -> readFiles.get());
        });
    }

    /** Without a terminal text goes out as it comes; on a terminal it is gathered for one screen or the pager. */
    private static void write(Libc c, ByteArrayOutputStream text, String s) {
        writeBytes(c, text, Libc.bytes(s));
    }

    private static void writeBytes(Libc c, ByteArrayOutputStream text, byte[] bytes) {
        if (c.stdoutIsTerminal()) text.write(bytes, 0, bytes.length);
        else c.printBytes(bytes);
    }

    private static void flush(Libc c, ByteArrayOutputStream text) {
        if (!c.stdoutIsTerminal()) c.flushStdout();
    }

    private static Step finish(Libc c, ByteArrayOutputStream text, int status) {
        if (!c.stdoutIsTerminal()) return c.exit(status);
        byte[] all = text.toByteArray();
        int lines = 0;
        for (byte b : all) if (b == '\n') lines++;
        if (lines <= SCREEN_LINES) {
            c.printBytes(all);
        } else {
            c.print("\033[?1049h");
            c.printBytes(all);
            c.print("\033[?1049l");
        }
        return c.exit(status);
    }

    @Override
    public String whatis() {
        return "display the contents of a file in a terminal";
    }

    @Override
    public String manual() {
        return "more [options] file...\n  Show files a screenful at a time. In a notebook, text longer than a screen opens in Jupyter's pager.\n"
                + "  When standard output is not a terminal, more copies standard input (if it is not a terminal) and then each file,\n"
                + "  after a header with the file's name.";
    }
}
