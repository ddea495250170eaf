package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;

/**
 * less: a pager. On a terminal it reads the files, switches to the alternate screen, shows them and
 * switches back (the notebook turns that screen into Jupyter's pager); with standard output not a
 * terminal it copies its input like cat, as the real less does. With no file it pages standard
 * input, unless that is the terminal itself.
 */
public final class Less extends Tool {

    private static final String ALT_SCREEN_ON = "\033[?1049h";
    private static final String ALT_SCREEN_OFF = "\033[?1049l";

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("less", c.args().operands(), "NSFRXi", "", Set.of("help"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        boolean numbers = o.has("N");
        List<String> files = o.operands();
        if (!c.stdoutIsTerminal()) return copyLikeCat(c, files);
        if (files.isEmpty()) {
            return c.isatty(0, tty -> {
                if (tty) {
                    c.eprint("Missing filename (\"less --help\" for help)\n");
                    return c.exit(1);
                }
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                return c.readAll(0, text, error -> show(c, text, numbers));
            });
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int[] shown = {0};
        return Libc.forEach(files, (file, next) -> c.statOf(file, true, (statError, stat) -> {
            if (statError != null) {
                c.eprint(file + ": " + statError.message() + "\n");
                return next.get();
            }
            if (stat.type() == FileType.DIRECTORY) {
                c.eprint(file + " is a directory\n");
                return next.get();
            }
            return c.readFile(file, (readError, bytes) -> {
                if (readError != null) {
                    c.eprint(file + ": " + readError.message() + "\n");
                } else {
                    text.write(bytes, 0, bytes.length);
                    shown[0]++;
                }
                return next.get();
            });
        }), () -> shown[0] == 0 ? c.exit(1) : show(c, text, numbers));
    }

    /** The alternate screen with the text (numbered with -N), then back to the shell's screen. */
    private static Step show(Libc c, ByteArrayOutputStream text, boolean numbers) {
        String page = text.toString(java.nio.charset.StandardCharsets.UTF_8);
        if (numbers) page = numbered(page);
        c.print(ALT_SCREEN_ON + page + ALT_SCREEN_OFF);
        return c.exit(0);
    }

    private static String numbered(String page) {
        StringBuilder out = new StringBuilder();
        String[] lines = page.split("\n", -1);
        int count = page.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) out.append(String.format("%7d %s", i + 1, lines[i])).append('\n');
        return out.toString();
    }

    /**
     * Standard output is not a terminal: less copies its input like cat, and (unlike cat) tells a
     * missing file or a directory on standard output, exiting 0, as less 590 does.
     */
    private static Step copyLikeCat(Libc c, List<String> files) {
        List<String> inputs = files.isEmpty() ? List.of("-") : files;
        return Libc.forEach(inputs, (file, next) -> {
            if (file.equals("-")) return c.copy(0, 1, error -> next.get());
            return c.statOf(file, true, (statError, stat) -> {
                if (statError != null || stat.type() == FileType.DIRECTORY) {
                    c.print(statError != null ? file + ": " + statError.message() + "\n" : file + " is a directory\n");
                    c.flushStdout();
                    return next.get();
                }
                return c.open(file, dev.syssim.sim.os.OpenFlags.O_RDONLY, opened -> {
                    if (opened.failed()) {
                        c.print(file + ": " + opened.errno().message() + "\n");
                        c.flushStdout();
                        return next.get();
                    }
                    int fd = opened.intValue();
                    return c.copy(fd, 1, error -> c.close(fd, next));
                });
            });
        }, () -> c.exit(0));
    }

    @Override
    public String whatis() {
        return "opposite of more";
    }

    @Override
    public String manual() {
        return "less [-N] [FILE]...\n  Show FILE(s), or standard input, a screen at a time. In a notebook the text opens in\n"
                + "  Jupyter's pager; when standard output is not a terminal, less copies its input like cat.\n"
                + "  -N  show a number before each line";
    }
}
