package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * head: the first lines ({@code -n N}, {@code -N}; 10 by default) or bytes ({@code -c N}) of each
 * input. It reads only as much as it needs and stops: in {@code yes | head -3}, head exits after its
 * first read, and the writer's next write gets SIGPIPE. {@code -n -N}: all but the last N lines.
 */
public final class Head extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = new ArrayList<>();
        for (String a : c.args().operands()) args.add(a.matches("-[0-9]+") ? "-n" + a.substring(1) : a);
        Options o = Options.parse("head", args, "qv", "nc", Set.of("help", "quiet", "silent", "verbose"), Set.of("lines", "bytes"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        String bytesText = o.value("c", o.value("bytes"));
        String linesText = o.value("n", o.value("lines", "10"));
        boolean bytes = bytesText != null;
        String countText = bytes ? bytesText : linesText;
        boolean allBut = countText.startsWith("-");
        long count = Numbers.count(countText.replaceFirst("^[-+]", ""));
        if (count < 0) {
            c.error("invalid number of " + (bytes ? "bytes" : "lines") + ": " + Libc.quote(countText));
            return c.exit(1);
        }
        List<String> files = Inputs.orStdin(o.operands());
        boolean headers = (files.size() > 1 || o.hasAny("v", "verbose")) && !o.hasAny("q", "quiet", "silent");
        int[] status = {0};
        boolean[] first = {true};
        return Libc.forEach(files, (file, next) -> Inputs.open(c, file, (err, fd) -> {
            if (err != null) {
                c.error("cannot open " + Libc.quote(file) + " for reading", err);
                status[0] = 1;
                return next.get();
            }
            if (headers) {
                c.print((first[0] ? "" : "\n") + "==> " + (file.equals("-") ? "standard input" : file) + " <==\n");
                first[0] = false;
            }
            java.util.function.Function<Errno, Step> done = e -> {
                if (e != null) {
                    c.error("error reading " + Libc.quote(file), e);
                    status[0] = 1;
                }
                return Inputs.close(c, file, fd, next);
            };
            if (allBut) return allBut(c, fd, count, bytes, done);
            long[] left = {count};
            if (count == 0) return done.apply(null);
            return c.stream(fd, (chunk, more) -> {
                int take = 0;
                while (take < chunk.length && left[0] > 0) {
                    if (bytes || chunk[take] == '\n') left[0]--;
                    take++;
                }
                c.printBytes(java.util.Arrays.copyOf(chunk, take));
                return left[0] > 0 ? more.get() : done.apply(null);
            }, done);
        }), () -> c.exit(status[0]));
    }

    /** -n -N / -c -N: everything except the last N lines (bytes): the input must be read to its end. */
    private static Step allBut(Libc c, int fd, long count, boolean bytes, java.util.function.Function<Errno, Step> done) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        return c.readAll(fd, all, e -> {
            if (e != null) return done.apply(e);
            String text = all.toString(java.nio.charset.StandardCharsets.UTF_8);
            if (bytes) {
                byte[] b = all.toByteArray();
                c.print(new String(b, 0, (int) Math.max(0, b.length - count), java.nio.charset.StandardCharsets.UTF_8));
            } else {
                List<String> lines = Inputs.lines(text);
                boolean lastHasNewline = text.endsWith("\n");
                for (int i = 0; i < lines.size() - count; i++) c.print(lines.get(i) + (i < lines.size() - 1 || lastHasNewline ? "\n" : ""));
            }
            return done.apply(null);
        });
    }

    @Override
    public String whatis() {
        return "output the first part of files";
    }

    @Override
    public String manual() {
        return "head [OPTION]... [FILE]...\n  Print the first 10 lines of each FILE to standard output. With more than one FILE, precede each with a header giving the file name.\n"
                + "  With no FILE, or when FILE is -, read standard input.\n"
                + "  -c, --bytes=[-]NUM   print the first NUM bytes of each file; with the leading '-', print all but the last NUM bytes\n"
                + "  -n, --lines=[-]NUM   print the first NUM lines instead of the first 10; with the leading '-', print all but the last NUM lines\n"
                + "  -q, --quiet          never print headers giving file names\n"
                + "  -v, --verbose        always print headers giving file names";
    }
}
