package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Sizes;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * head (GNU coreutils 9.1): the first lines ({@code -n N}, {@code -N}; 10 by default) or bytes
 * ({@code -c N}) of each input, on bytes; {@code -n -N} and {@code -c -N}: all but the last N.
 * Counts take size suffixes (K, M, kB, b ...). It reads only as much as it needs and stops: in
 * {@code yes | head -3}, head exits after its first read and the writer gets SIGPIPE.
 */
public final class Head extends Tool {

    private static final List<String> LONG = List.of("bytes=>c", "lines=>n", "quiet>q", "silent>q", "verbose>v",
            "zero-terminated>z", "help", "version");

    @Override
    protected Step run(Libc c) {
        List<String> args = obsolete(c.args().operands());
        Getopt o = Getopt.parse("head", args, "c:n:qvz", LONG, true);
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
        boolean allBut = countText.startsWith("-");
        Sizes.Parsed parsed = Sizes.parse(allBut ? countText.substring(1) : countText, 10, "bkKmMGTPEZYRQ0");
        if (!parsed.ok() && parsed.status() != Sizes.Status.OVERFLOW) {
            c.error("invalid number of " + (bytes ? "bytes" : "lines") + ": " + c.quoteLocale(allBut ? countText.substring(1) : countText));
            return c.exit(1);
        }
        if (Sizes.exceedsUintmax(allBut ? countText.substring(1) : countText, 10, "bkKmMGTPEZYRQ0")) {
            // xdectoumax: a count past uintmax_t is an error (EOVERFLOW); one past long is merely "all"
            c.error("invalid number of " + (bytes ? "bytes" : "lines") + ": " + c.quoteLocale(allBut ? countText.substring(1) : countText)
                    + ": Value too large for defined data type");
            return c.exit(1);
        }
        long count = parsed.value();
        List<String> files = Inputs.orStdin(o.operands());
        boolean showHeaders = headers || files.size() > 1 && !quiet;
        int[] status = {0};
        boolean[] first = {true};
        boolean byteMode = bytes;
        byte delim = eol;
        return Libc.forEach(files, (file, next) -> Inputs.open(c, file, (err, fd) -> {
            if (err != null) {
                c.error("cannot open " + Quote.af(file, c.utf8()) + " for reading", err);
                status[0] = 1;
                return next.get();
            }
            if (showHeaders) {
                c.print((first[0] ? "" : "\n") + "==> " + (file.equals("-") ? "standard input" : file) + " <==\n");
            }
            first[0] = false;
            Function<Errno, Step> done = e -> {
                if (e != null) {
                    c.error("error reading " + Quote.af(file, c.utf8()), e);
                    status[0] = 1;
                }
                return Inputs.close(c, file, fd, next);
            };
            if (allBut) return allBut(c, fd, count, byteMode, delim, done);
            long[] left = {count};
            if (count == 0) return done.apply(null);
            return c.stream(fd, (chunk, more) -> {
                int take = 0;
                while (take < chunk.length && left[0] > 0) {
                    if (byteMode || chunk[take] == delim) left[0]--;
                    take++;
                }
                // GNU head gives back what it read past its last line on a seekable input (lseek),
                // so `bash < script` or `{ head -n 1; cat; } < file` go on right after it
                int unused = chunk.length - take;
                java.util.function.Supplier<Step> finished = () -> unused == 0 ? done.apply(null)
                        : c.sys(new dev.syssim.sim.os.Lseek(fd, -unused, dev.syssim.sim.os.Lseek.SEEK_CUR), r -> done.apply(null));
                if (take < Libc.BUFSIZ) {
                    c.printBytes(Arrays.copyOf(chunk, take));
                    return left[0] > 0 ? more.get() : finished.get();
                }
                // fwrite of a block at least as big as stdio's buffer writes it at once, so a failure
                // is seen here (GNU head: error writing 'standard output'), not at exit
                c.flushStdout();
                return c.writeAll(1, Arrays.copyOf(chunk, take), e -> {
                    if (e == null) return left[0] > 0 ? more.get() : finished.get();
                    c.error("error writing " + Quote.af("standard output", c.utf8()), e);
                    return c.exitQuietly(1);
                });
            }, done);
        }), () -> c.exit(status[0]));
    }

    /** The obsolete forms {@code -N}, {@code -Nc}, {@code -Nl} as the first argument. */
    static List<String> obsolete(List<String> given) {
        List<String> args = new ArrayList<>(given);
        if (!args.isEmpty()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("-([0-9]+)([bkm]?)([cl]?)([qvz]*)").matcher(args.get(0));
            if (m.matches()) {
                String n = m.group(1) + (m.group(2).isEmpty() ? "" : m.group(2).equals("k") ? "K" : m.group(2).equals("m") ? "M" : "b");
                String option = m.group(3).equals("c") ? "-c" : "-n";
                args.set(0, option + n);
                for (char f : m.group(4).toCharArray()) args.add(1, "-" + f);
            }
        }
        return args;
    }

    /** -n -N / -c -N: everything except the last N lines (bytes): the input must be read to its end. */
    private static Step allBut(Libc c, int fd, long count, boolean bytes, byte eol, Function<Errno, Step> done) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        return c.readAll(fd, all, e -> {
            if (e != null) return done.apply(e);
            byte[] b = all.toByteArray();
            if (bytes) {
                c.printBytes(Arrays.copyOf(b, (int) Math.max(0, b.length - Math.min(count, b.length))));
                return done.apply(null);
            }
            int lines = 0;
            for (byte x : b) if (x == eol) lines++;
            if (b.length > 0 && b[b.length - 1] != eol) lines++;
            long keep = lines - count;
            int end = 0;
            for (long i = 0; i < keep && end < b.length; end++) if (b[end] == eol) i++;
            c.printBytes(Arrays.copyOf(b, keep <= 0 ? 0 : end));
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
                + "  -v, --verbose        always print headers giving file names\n"
                + "  -z, --zero-terminated  line delimiter is NUL, not newline\n"
                + "  NUM may have a multiplier suffix: b 512, kB 1000, K 1024, MB 1000*1000, M 1024*1024, GB, G, and so on for T, P, E, Z, Y, R, Q.";
    }
}
