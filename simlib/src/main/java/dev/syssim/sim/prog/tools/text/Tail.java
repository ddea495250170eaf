package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Sizes;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * tail (GNU coreutils 9.1): the last lines ({@code -n N}, {@code -N}; 10 by default) or bytes
 * ({@code -c N}) of each input; with {@code +N}, everything from line (byte) N on; -f follows the
 * last file, polling once a second. Simplification: it reads each input to its end (real tail
 * seeks near the end of a regular file).
 */
public final class Tail extends Tool {

    private static final List<String> LONG = List.of("bytes=>c", "follow=?>f", "lines=>n", "pid=", "quiet>q", "silent>q",
            "retry", "sleep-interval=>s", "verbose>v", "zero-terminated>z", "max-unchanged-stats=", "help", "version");

    @Override
    protected Step run(Libc c) {
        List<String> args = obsolete(c.args().operands());
        Getopt o = Getopt.parse("tail", args, "c:n:fFqs:vz", LONG, true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        boolean bytes = false;
        String countText = "10";
        boolean headers = false;
        boolean quiet = false;
        byte eol = '\n';
        for (Getopt.Opt opt : o.options()) {
            switch (opt.key()) {
                case "c" -> {
                    bytes = true;
                    countText = opt.value();
                }
                case "n" -> {
                    bytes = false;
                    countText = opt.value();
                }
                case "q" -> {
                    quiet = true;
                    headers = false;
                }
                case "v" -> {
                    headers = true;
                    quiet = false;
                }
                case "z" -> eol = 0;
                default -> {
                }
            }
        }
        boolean fromStart = countText.startsWith("+");
        String digits = countText.startsWith("+") || countText.startsWith("-") ? countText.substring(1) : countText;
        Sizes.Parsed parsed = Sizes.parse(digits, 10, "bkKmMGTPEZYRQ0");
        if (!parsed.ok() && parsed.status() != Sizes.Status.OVERFLOW) {
            c.error("invalid number of " + (bytes ? "bytes" : "lines") + ": " + c.quoteLocale(countText));
            return c.exit(1);
        }
        long count = parsed.value();
        List<String> files = Inputs.orStdin(o.operands());
        boolean showHeaders = headers || files.size() > 1 && !quiet;
        int[] status = {0};
        boolean[] first = {true};
        boolean byteMode = bytes;
        byte delim = eol;
        boolean follow = o.has("f", "F") && !files.get(files.size() - 1).equals("-");
        long[] seen = {0};
        return Libc.forEach(files, (file, next) -> Inputs.open(c, file, (err, fd) -> {
            if (err != null) {
                c.error("cannot open " + Quote.af(file, c.utf8()) + " for reading", err);
                status[0] = 1;
                return next.get();
            }
            if (showHeaders) c.print((first[0] ? "" : "\n") + "==> " + (file.equals("-") ? "standard input" : file) + " <==\n");
            first[0] = false;
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            return c.readAll(fd, all, e -> {
                if (e != null) {
                    c.error("error reading " + Quote.af(file, c.utf8()), e);
                    status[0] = 1;
                    return Inputs.close(c, file, fd, next);
                }
                byte[] b = all.toByteArray();
                c.printBytes(Arrays.copyOfRange(b, start(b, count, fromStart, byteMode, delim), b.length));
                seen[0] = b.length;
                return Inputs.close(c, file, fd, next);
            });
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

    /** Where the output starts in the whole input. */
    private static int start(byte[] b, long count, boolean fromStart, boolean bytes, byte eol) {
        if (bytes) {
            if (fromStart) return (int) Math.min(b.length, Math.max(0, count - 1));
            return (int) Math.max(0, b.length - Math.min(count, b.length));
        }
        if (fromStart) {
            long line = 1;
            int i = 0;
            while (line < count && i < b.length) {
                if (b[i++] == eol) line++;
            }
            return i;
        }
        if (count == 0) return b.length;
        int end = b.length;
        if (end > 0 && b[end - 1] == eol) end--;
        long seen = 0;
        for (int i = end - 1; i >= 0; i--) {
            if (b[i] == eol && ++seen == count) return i + 1;
        }
        return 0;
    }

    /** The obsolete forms {@code -N}, {@code +N}, {@code -Nc} as the first argument. */
    private static List<String> obsolete(List<String> given) {
        List<String> args = new ArrayList<>(given);
        if (!args.isEmpty()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([-+])([0-9]*)([bkm]?)([cl]?)(f?)").matcher(args.get(0));
            if (m.matches() && !(m.group(1).equals("-") && m.group(2).isEmpty() && m.group(3).isEmpty() && m.group(4).isEmpty() && m.group(5).isEmpty())
                    && (args.size() <= 2)
                    && !(m.group(1).equals("-") && m.group(2).isEmpty() && !m.group(3).equals("b") && !m.group(4).equals("l"))) {
                String n = (m.group(2).isEmpty() ? "10" : m.group(2)) + (m.group(3).isEmpty() ? "" : m.group(3).equals("k") ? "K" : m.group(3).equals("m") ? "M" : "b");
                // tail.c: a 'b' counts 512-byte blocks, so "-1b" is the last 512 bytes, not lines
                String option = m.group(4).equals("c") || m.group(3).equals("b") ? "-c" : "-n";
                args.set(0, option + (m.group(1).equals("+") ? "+" : "") + n);
                if (!m.group(5).isEmpty()) args.add(1, "-f");
            }
        }
        return args;
    }

    @Override
    public String whatis() {
        return "output the last part of files";
    }

    @Override
    public String manual() {
        return "tail [OPTION]... [FILE]...\n  Print the last 10 lines of each FILE to standard output. With more than one FILE, precede each with a header giving the file name.\n"
                + "  -c, --bytes=[+]NUM    output the last NUM bytes; or use -c +NUM to output starting with byte NUM of each file\n"
                + "  -f, --follow          output appended data as the file grows\n"
                + "  -n, --lines=[+]NUM    output the last NUM lines, instead of the last 10; or use -n +NUM to skip NUM-1 lines at the start\n"
                + "  -q, --quiet, --silent never output headers giving file names\n"
                + "  -v, --verbose         always output headers giving file names\n"
                + "  -z, --zero-terminated line delimiter is NUL, not newline";
    }
}
