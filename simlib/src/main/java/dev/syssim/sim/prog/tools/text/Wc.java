package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * wc: newline, word and byte counts ({@code -l}, {@code -w}, {@code -c}; {@code -m} characters,
 * {@code -L} longest line), with a {@code total} line for several files. Column width as GNU wc
 * chooses it: from the total size of the regular files named (stat first), at least 7 when an
 * input is a pipe or terminal, and no padding at all for one count of one input.
 */
public final class Wc extends Tool {

    private record Counts(long lines, long words, long chars, long bytes, long longest) {
        Counts plus(Counts o) {
            return new Counts(lines + o.lines, words + o.words, chars + o.chars, bytes + o.bytes, Math.max(longest, o.longest));
        }
    }

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("wc", c.args().operands(), "lwcmL", "",
                Set.of("help", "lines", "words", "bytes", "chars", "max-line-length"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        boolean[] show = {o.hasAny("l", "lines"), o.hasAny("w", "words"), o.hasAny("m", "chars"), o.hasAny("c", "bytes"), o.hasAny("L", "max-line-length")};
        if (!show[0] && !show[1] && !show[2] && !show[3] && !show[4]) {
            show[0] = true;
            show[1] = true;
            show[3] = true;
        }
        int shown = 0;
        for (boolean s : show) if (s) shown++;
        List<String> files = Inputs.orStdin(o.operands());
        boolean named = !o.operands().isEmpty();
        List<Stat> stats = new ArrayList<>();
        boolean[] firstFailed = {false};
        java.util.function.Supplier<Step> counting = () -> count(c, files, named, show, stats, firstFailed);
        if (files.size() == 1 && shown == 1) {
            firstFailed[0] = true;
            return counting.get();
        }
        return Libc.forEach(files, (file, next) -> {
            Syscall call = file.equals("-") ? Syscall.NewFstatAt.fstat(0) : Syscall.NewFstatAt.stat(file);
            return c.sys(call, r -> {
                if (r.failed() && stats.isEmpty()) firstFailed[0] = true;
                stats.add(r.failed() ? null : r.dataAs(Stat.class));
                return next.get();
            });
        }, counting);
    }

    private Step count(Libc c, List<String> files, boolean named, boolean[] show, List<Stat> stats, boolean[] firstFailed) {
        {
            int width = firstFailed[0] ? 1 : width(stats);
            Counts[] total = {new Counts(0, 0, 0, 0, 0)};
            int[] status = {0};
            return Libc.forEach(files, (file, next) -> Inputs.read(c, file, (err, content) -> {
                if (err != null && content == null && err != dev.syssim.sim.os.Errno.EISDIR) {
                    c.error(file, err);
                    status[0] = 1;
                    return next.get();
                }
                Counts counts = err != null ? new Counts(0, 0, 0, 0, 0) : counts(content);
                if (err != null) {
                    c.error(file, err);
                    status[0] = 1;
                }
                total[0] = total[0].plus(counts);
                c.println(line(counts, show, width) + (named ? " " + file : ""));
                return c.compute(Inputs.scanCost(counts.bytes()), "wc: count lines and words", next);
            }), () -> {
                if (files.size() > 1) c.println(line(total[0], show, width) + " total");
                return c.exit(status[0]);
            });
        }
    }

    private static int width(List<Stat> stats) {
        int minimum = 1;
        long regular = 0;
        for (Stat st : stats) {
            if (st == null) continue;
            if (st.type() == FileType.REGULAR) regular += st.size();
            else minimum = 7;
        }
        return Math.max(minimum, Long.toString(regular).length());
    }

    private static Counts counts(byte[] content) {
        long lines = 0;
        long words = 0;
        long chars = 0;
        long longest = 0;
        long current = 0;
        boolean inWord = false;
        for (byte b : content) {
            if ((b & 0xc0) != 0x80) chars++;
            if (b == '\n') {
                lines++;
                longest = Math.max(longest, current);
                current = 0;
            } else if (b == '\t') {
                current = (current / 8 + 1) * 8;
            } else if ((b & 0xc0) != 0x80) {
                current++;
            }
            boolean space = b == ' ' || (b >= 9 && b <= 13);
            if (space) inWord = false;
            else if (!inWord) {
                inWord = true;
                words++;
            }
        }
        longest = Math.max(longest, current);
        return new Counts(lines, words, chars, content.length, longest);
    }

    private static String line(Counts n, boolean[] show, int width) {
        long[] values = {n.lines(), n.words(), n.chars(), n.bytes(), n.longest()};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (!show[i]) continue;
            if (out.length() > 0) out.append(' ');
            out.append(String.format("%" + width + "d", values[i]));
        }
        return out.toString();
    }

    @Override
    public String whatis() {
        return "print newline, word, and byte counts for each file";
    }

    @Override
    public String manual() {
        return "wc [OPTION]... [FILE]...\n  Print newline, word, and byte counts for each FILE, and a total line if more than one FILE is specified.\n"
                + "  A word is a non-zero-length sequence of printable characters delimited by white space.\n"
                + "  -c, --bytes            print the byte counts\n"
                + "  -m, --chars            print the character counts\n"
                + "  -l, --lines            print the newline counts\n"
                + "  -L, --max-line-length  print the maximum display width\n"
                + "  -w, --words            print the word counts";
    }
}
