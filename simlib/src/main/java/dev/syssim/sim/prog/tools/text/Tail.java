package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.os.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * tail: the last lines ({@code -n N}, {@code -N}; 10 by default) or bytes ({@code -c N}) of each
 * input; with {@code +N}, everything from line (byte) N on. The simulation reads the input to its
 * end (real tail seeks to near the end of a regular file first).
 */
public final class Tail extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = new ArrayList<>();
        List<String> given = c.args().operands();
        for (int i = 0; i < given.size(); i++) {
            String a = given.get(i);
            if (a.matches("-[0-9]+")) args.add("-n" + a.substring(1));
            else if (a.matches("\\+[0-9]+") && i == 0) args.add("-n" + a);
            else args.add(a);
        }
        Options o = Options.parse("tail", args, "qvf", "nc", Set.of("help", "quiet", "silent", "verbose", "follow"), Set.of("lines", "bytes"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        String bytesText = o.value("c", o.value("bytes"));
        boolean bytes = bytesText != null;
        String countText = bytes ? bytesText : o.value("n", o.value("lines", "10"));
        boolean fromStart = countText.startsWith("+");
        long count = Numbers.count(countText.replaceFirst("^[-+]", ""));
        if (count < 0) {
            c.error("invalid number of " + (bytes ? "bytes" : "lines") + ": " + Libc.quote(countText));
            return c.exit(1);
        }
        List<String> files = Inputs.orStdin(o.operands());
        boolean headers = (files.size() > 1 || o.hasAny("v", "verbose")) && !o.hasAny("q", "quiet", "silent");
        int[] status = {0};
        boolean[] first = {true};
        long[] seen = {0};
        boolean follow = o.hasAny("f", "follow") && !files.get(files.size() - 1).equals("-");
        return Libc.forEach(files, (file, next) -> Inputs.read(c, file, (err, content) -> {
            if (err != null) {
                if (err == dev.syssim.sim.os.Errno.EISDIR) c.error("error reading " + Libc.quote(file), err);
                else c.error("cannot open " + Libc.quote(file) + " for reading", err);
                status[0] = 1;
                return next.get();
            }
            if (headers) {
                c.print((first[0] ? "" : "\n") + "==> " + (file.equals("-") ? "standard input" : file) + " <==\n");
                first[0] = false;
            }
            c.printBytes(bytes ? lastBytes(content, count, fromStart) : lastLines(content, count, fromStart));
            seen[0] = content.length;
            return next.get();
        }), () -> follow ? follow(c, files.get(files.size() - 1), seen[0]) : c.exit(status[0]));
    }

    /**
     * -f: keep printing what is appended to the (last) file, until killed. The simulated kernel has
     * no inotify, so tail polls once a second, as GNU tail does without it.
     */
    private static Step follow(Libc c, String file, long seen) {
        c.flushStdout();
        return c.sleep(1_000_000_000L, e -> c.readFile(file, (err, content) -> {
            if (content == null) return follow(c, file, seen);
            if (content.length < seen) {
                c.error(file + ": file truncated");
                c.printBytes(content);
            } else if (content.length > seen) {
                c.printBytes(Arrays.copyOfRange(content, (int) seen, content.length));
            }
            return follow(c, file, content.length);
        }));
    }

    private static byte[] lastBytes(byte[] content, long count, boolean fromStart) {
        int start = fromStart ? (int) Math.min(content.length, Math.max(0, count - 1)) : (int) Math.max(0, content.length - count);
        return Arrays.copyOfRange(content, start, content.length);
    }

    private static byte[] lastLines(byte[] content, long count, boolean fromStart) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < content.length; i++) if (content[i] == '\n' && i + 1 < content.length) starts.add(i + 1);
        int lines = content.length == 0 ? 0 : starts.size();
        int firstLine = fromStart ? (int) Math.min(lines, Math.max(0, count - 1)) : (int) Math.max(0, lines - count);
        if (firstLine >= lines) return new byte[0];
        return Arrays.copyOfRange(content, starts.get(firstLine), content.length);
    }

    @Override
    public String whatis() {
        return "output the last part of files";
    }

    @Override
    public String manual() {
        return "tail [OPTION]... [FILE]...\n  Print the last 10 lines of each FILE to standard output. With more than one FILE, precede each with a header giving the file name.\n"
                + "  With no FILE, or when FILE is -, read standard input.\n"
                + "  -c, --bytes=[+]NUM  output the last NUM bytes; or use -c +NUM to output starting with byte NUM of each file\n"
                + "  -f, --follow        output appended data as the file grows\n"
                + "  -n, --lines=[+]NUM  output the last NUM lines, instead of the last 10; or use -n +NUM to skip NUM-1 lines at the start\n"
                + "  -q, --quiet         never output headers giving file names\n"
                + "  -v, --verbose       always output headers giving file names";
    }
}
