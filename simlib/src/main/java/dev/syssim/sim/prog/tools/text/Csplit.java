package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Regex;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * csplit (GNU coreutils 9.1): a file cut into xx00, xx01 ... before the lines the patterns name —
 * a line number N, {@code /RE/[OFFSET]} (the next matching line), {@code %RE%[OFFSET]} (skip to
 * it without writing), each repeatable with {@code {N}} or {@code {*}} — printing each piece's
 * size unless -s. A pattern that finds nothing is an error; the pieces made so far are removed
 * unless -k. -z leaves out empty pieces, -f and -n name them.
 */
public final class Csplit extends Tool {

    private static final List<String> LONG = List.of("suffix-format=>b", "prefix=>f", "keep-files>k", "suppress-matched",
            "digits=>n", "quiet>s", "silent>s", "elide-empty-files>z", "help", "version");

    /** A parsed pattern. */
    private record Pattern(String text, Regex regex, boolean skip, long line, long offset, long repeat, boolean forever) {
    }

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("csplit", c.args().operands(), "b:f:kn:sz", LONG, true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        String prefix = o.has("f") ? o.last("f") : "xx";
        int digits = 2;
        if (o.has("n")) {
            if (!o.last("n").matches("[0-9]+")) {
                c.error("invalid number: " + c.quoteLocale(o.last("n")));
                return c.exit(1);
            }
            digits = Integer.parseInt(o.last("n"));
        }
        String suffix = o.has("b") ? o.last("b") : "%0" + digits + "d";
        List<String> ops = o.operands();
        if (ops.isEmpty()) return c.usageError("csplit: missing operand", 1);
        if (ops.size() == 1) return c.usageError("csplit: missing operand after " + c.quoteLocale(ops.get(0)), 1);
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 1; i < ops.size(); i++) {
            String p = ops.get(i);
            if (p.startsWith("{") && !patterns.isEmpty()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\*|[0-9]+)}").matcher(p);
                if (!m.matches()) {
                    c.error(c.quoteLocale(p) + ": invalid repetition count");
                    return c.exit(1);
                }
                Pattern last = patterns.remove(patterns.size() - 1);
                boolean forever = m.group(1).equals("*");
                patterns.add(new Pattern(last.text(), last.regex(), last.skip(), last.line(), last.offset(),
                        forever ? 0 : Long.parseLong(m.group(1)), forever));
                continue;
            }
            if (p.startsWith("/") || p.startsWith("%")) {
                char delim = p.charAt(0);
                int close = p.lastIndexOf(delim);
                if (close <= 0) {
                    c.error(c.quoteLocale(p) + ": closing delimiter '" + delim + "' missing");
                    return c.exit(1);
                }
                String re = p.substring(1, close);
                String off = p.substring(close + 1);
                long offset = 0;
                if (!off.isEmpty()) {
                    if (!off.matches("[-+]?[0-9]+")) {
                        c.error(c.quoteLocale(off) + ": integer expected after delimiter");
                        return c.exit(1);
                    }
                    offset = Long.parseLong(off.startsWith("+") ? off.substring(1) : off);
                }
                Regex.Result r = Regex.compile(re, Regex.Dialect.POSIX_BASIC, c.utf8() ? Regex.UTF8 : 0);
                if (r instanceof Regex.Invalid invalid) {
                    c.error(c.quoteLocale(re) + ": invalid regular expression: " + invalid.message());
                    return c.exit(1);
                }
                patterns.add(new Pattern(p, ((Regex.Valid) r).regex(), delim == '%', 0, offset, 0, false));
                continue;
            }
            if (!p.matches("[0-9]+")) {
                c.error(c.quoteLocale(p) + ": invalid pattern");
                return c.exit(1);
            }
            long n = Long.parseLong(p);
            if (n == 0) {
                c.error(c.quoteLocale(p) + ": line number must be greater than zero");
                return c.exit(1);
            }
            patterns.add(new Pattern(p, null, false, n, 0, 0, false));
        }
        String input = ops.get(0);
        boolean quiet = o.has("s");
        boolean keep = o.has("k");
        boolean elide = o.has("z");
        return Inputs.read(c, input, (err, content) -> {
            if (err != null) {
                c.error("cannot open " + Quote.af(input, c.utf8()) + " for reading", err);
                return c.exit(1);
            }
            List<TextFiles.Line> lines = TextFiles.lines(content, (byte) '\n');
            List<int[]> pieces = new ArrayList<>();
            String error = cut(lines, patterns, pieces);
            List<String> made = new ArrayList<>();
            return write(c, lines, pieces, 0, 0, prefix, suffix, quiet, elide, made, () -> {
                if (error == null) return c.exit(0);
                c.error(error);
                if (keep) return c.exit(1);
                return Libc.forEach(made, (name, next) -> c.sys(new Syscall.Unlinkat(OpenFlags.AT_FDCWD, name, 0), r -> next.get()),
                        () -> c.exit(1));
            });
        });
    }

    /**
     * The pieces as ranges of lines {@code [from, to)}; a skipped piece has {@code to} negative.
     * Returns the error that ended the cutting, or null.
     */
    private static String cut(List<TextFiles.Line> lines, List<Pattern> patterns, List<int[]> pieces) {
        int cur = 0;
        int searchFrom = 0;
        int total = lines.size();
        for (Pattern p : patterns) {
            long times = p.forever() ? Long.MAX_VALUE : p.repeat() + 1;
            for (long t = 0; t < times; t++) {
                if (p.regex() == null) {
                    long target = p.line() * (t + 1) - 1;
                    if (target > total || target < cur) {
                        pieces.add(new int[] {cur, total});
                        return message(p, t, "line number out of range");
                    }
                    pieces.add(new int[] {cur, (int) target});
                    cur = (int) target;
                    searchFrom = cur;
                    continue;
                }
                int found = -1;
                for (int i = searchFrom; i < total; i++) {
                    TextFiles.Line l = lines.get(i);
                    if (p.regex().find(l.buf(), l.start(), l.end())) {
                        found = i;
                        break;
                    }
                }
                if (found < 0) {
                    if (p.forever()) break;
                    pieces.add(new int[] {cur, total});
                    return message(p, t, "match not found");
                }
                long target = found + p.offset();
                if (target < cur || target > total) {
                    pieces.add(new int[] {cur, total});
                    return message(p, t, "line number out of range");
                }
                if (p.skip()) pieces.add(new int[] {cur, -(int) target - 1});
                else pieces.add(new int[] {cur, (int) target});
                cur = (int) target;
                searchFrom = found + 1;
            }
        }
        pieces.add(new int[] {cur, total});
        return null;
    }

    /** csplit's complaint about a pattern ({@code ‘/x/’: match not found}, on which repetition). */
    private static String message(Pattern p, long t, String what) {
        return "\u2018" + p.text() + "\u2019: " + what + (t > 0 ? " on repetition " + t : "");
    }

    private Step write(Libc c, List<TextFiles.Line> lines, List<int[]> pieces, int i, int fileNumber, String prefix,
                       String suffix, boolean quiet, boolean elide, List<String> made, java.util.function.Supplier<Step> then) {
        if (i == pieces.size()) return then.get();
        int[] piece = pieces.get(i);
        if (piece[1] < 0) return write(c, lines, pieces, i + 1, fileNumber, prefix, suffix, quiet, elide, made, then);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int k = piece[0]; k < piece[1] && k < lines.size(); k++) {
            TextFiles.Line l = lines.get(k);
            data.write(l.buf(), l.start(), l.length());
            if (l.ended()) data.write('\n');
        }
        if (elide && data.size() == 0) return write(c, lines, pieces, i + 1, fileNumber, prefix, suffix, quiet, elide, made, then);
        String name = prefix + String.format(suffix.replaceAll("%([-0 +#]*[0-9]*)[iu]", "%$1d"), fileNumber);
        return c.create(name, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0666, r -> {
            if (r.failed()) {
                c.error(Quote.f(name, c.utf8()), r.errno());
                return c.exit(1);
            }
            made.add(name);
            int fd = r.intValue();
            return c.writeAll(fd, data.toByteArray(), e -> c.close(fd, () -> {
                if (!quiet) c.print(data.size() + "\n");
                return write(c, lines, pieces, i + 1, fileNumber + 1, prefix, suffix, quiet, elide, made, then);
            }));
        });
    }

    @Override
    public String whatis() {
        return "split a file into sections determined by context lines";
    }

    @Override
    public String manual() {
        return "csplit [OPTION]... FILE PATTERN...\n  Output pieces of FILE separated by PATTERN(s) to files 'xx00', 'xx01', ..., and output byte counts of each piece to standard output.\n"
                + "  -b, --suffix-format=FORMAT  use sprintf FORMAT instead of %02d\n"
                + "  -f, --prefix=PREFIX        use PREFIX instead of 'xx'\n"
                + "  -k, --keep-files           do not remove output files on errors\n"
                + "  -n, --digits=DIGITS        use specified number of digits instead of 2\n"
                + "  -s, --quiet, --silent      do not print counts of output file sizes\n"
                + "  -z, --elide-empty-files    remove empty output files\n"
                + "  PATTERN is INTEGER, /REGEXP/[OFFSET], %REGEXP%[OFFSET], {INTEGER} or {*}.";
    }
}
