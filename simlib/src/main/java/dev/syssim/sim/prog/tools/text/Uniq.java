package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * uniq (GNU coreutils 9.1): adjacent equal lines as one. Lines compare after skipping -f fields
 * (blanks then non-blanks) and -s bytes, on at most -w bytes, ignoring case with -i. -c counts,
 * -d prints one line of each repeated group, -D all of them (--all-repeated=prepend|separate with
 * blank lines), -u only the unique lines, --group every line with groups set apart. It reads a line
 * at a time; INPUT and OUTPUT may be given ({@code -} is standard input or output).
 */
public final class Uniq extends Tool {

    private static final List<String> LONG = List.of("count>c", "repeated>d", "all-repeated=?", "group=?", "ignore-case>i",
            "skip-fields=>f", "skip-chars=>s", "unique>u", "check-chars=>w", "zero-terminated>z", "help", "version");

    /** The run's settings and the group being collected. */
    private static final class State {
        boolean count;
        boolean repeated;
        boolean unique;
        boolean ignoreCase;
        String all;
        String group;
        long skipFields;
        long skipChars;
        long checkChars = Long.MAX_VALUE;
        byte eol = '\n';
        byte[] previous;
        long groupSize;
        boolean firstGroupDone;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
    }

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("uniq", c.args().operands(), "cdDf:is:uw:z", LONG, true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        State s = new State();
        for (Getopt.Opt opt : o.options()) {
            String v = opt.value();
            switch (opt.key()) {
                case "c" -> s.count = true;
                case "d" -> s.repeated = true;
                case "D" -> s.all = "none";
                case "all-repeated" -> {
                    if (v != null && !List.of("none", "prepend", "separate").contains(v)) {
                        c.argmatchInvalid(v, "--all-repeated", "none", "prepend", "separate");
                        return hint(c);
                    }
                    s.all = v == null ? "none" : v;
                }
                case "group" -> {
                    if (v != null && !List.of("prepend", "append", "separate", "both").contains(v)) {
                        c.argmatchInvalid(v, "--group", "prepend", "append", "separate", "both");
                        return hint(c);
                    }
                    s.group = v == null ? "separate" : v;
                }
                case "i" -> s.ignoreCase = true;
                case "u" -> s.unique = true;
                case "z" -> s.eol = 0;
                case "f", "s", "w" -> {
                    Long n = count(v);
                    if (n == null) {
                        String what = opt.key().equals("f") ? "fields to skip" : opt.key().equals("s") ? "bytes to skip" : "bytes to compare";
                        c.error(v + ": invalid number of " + what);
                        return c.exit(1);
                    }
                    if (opt.key().equals("f")) s.skipFields = n;
                    else if (opt.key().equals("s")) s.skipChars = n;
                    else s.checkChars = n;
                }
                default -> {
                }
            }
        }
        if (s.group != null && (s.count || s.repeated || s.all != null || s.unique)) {
            c.eprint("uniq: --group is mutually exclusive with -c/-d/-D/-u\n");
            return hint(c);
        }
        if (s.count && s.all != null) {
            c.eprint("uniq: printing all duplicated lines and repeat counts is meaningless\n");
            return hint(c);
        }
        List<String> operands = o.operands();
        if (operands.size() > 2) {
            c.eprint("uniq: extra operand " + c.quoteLocale(operands.get(2)) + "\n");
            return hint(c);
        }
        String input = operands.isEmpty() ? "-" : operands.get(0);
        String output = operands.size() < 2 ? "-" : operands.get(1);
        return Inputs.open(c, input, (err, fd) -> {
            if (err != null) {
                c.error(Quote.f(input, c.utf8()), err);
                return c.exit(1);
            }
            return withOutput(c, output, outFd -> LineReader.each(c, fd, s.eol, "uniq: compare adjacent lines", (buf, start, end, ended) -> {
                line(s, Arrays.copyOfRange(buf, start, end));
                if (outFd == 1 && s.out.size() > 0) {
                    c.printBytes(s.out.toByteArray());
                    s.out.reset();
                }
                return true;
            }, e -> {
                if (e != null) {
                    c.error(Quote.f(input, c.utf8()), e);
                    return c.exit(1);
                }
                endGroup(s, true);
                if (outFd == 1) {
                    c.printBytes(s.out.toByteArray());
                    return c.exit(0);
                }
                return c.writeAll(outFd, s.out.toByteArray(), we -> c.close(outFd, () -> c.exit(0)));
            }));
        });
    }

    private static Step hint(Libc c) {
        c.eprint("Try 'uniq --help' for more information.\n");
        return c.exit(1);
    }

    private interface FdThen {
        Step apply(int fd);
    }

    private static Step withOutput(Libc c, String output, FdThen then) {
        if (output.equals("-")) return then.apply(1);
        return c.create(output, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0666, r -> {
            if (r.failed()) {
                c.error(Quote.f(output, c.utf8()), r.errno());
                return c.exit(1);
            }
            return then.apply(r.intValue());
        });
    }

    private static Long count(String v) {
        if (v == null || v.isEmpty()) return null;
        long n = 0;
        for (char ch : v.toCharArray()) {
            if (ch < '0' || ch > '9') return null;
            n = n > Long.MAX_VALUE / 10 - 10 ? Long.MAX_VALUE : n * 10 + ch - '0';
        }
        return n;
    }

    private static void line(State s, byte[] line) {
        if (s.previous != null && equal(s, s.previous, line)) {
            s.groupSize++;
            if (s.all != null) {
                if (s.groupSize == 2) {
                    if (s.all.equals("prepend") || s.all.equals("separate") && s.firstGroupDone) s.out.write(s.eol);
                    s.firstGroupDone = true;
                    emit(s, s.previous);
                }
                emit(s, line);
            } else if (s.group != null) {
                emit(s, line);
            }
            return;
        }
        if (s.previous != null) endGroup(s, false);
        s.previous = line;
        s.groupSize = 1;
        if (s.group != null) {
            // One blank line between groups whatever the method; prepend and both add one before the first.
            if (s.firstGroupDone || s.group.equals("prepend") || s.group.equals("both")) s.out.write(s.eol);
            s.firstGroupDone = true;
            emit(s, line);
        }
    }

    /** A group ended (at the last line: {@code atEnd}); prints what -c, -d, -u and plain uniq print. */
    private static void endGroup(State s, boolean atEnd) {
        if (s.previous == null) return;
        if (s.group != null) {
            if (atEnd && (s.group.equals("append") || s.group.equals("both"))) s.out.write(s.eol);
            return;
        }
        if (s.all != null) return;
        if (s.repeated && s.groupSize < 2 || s.unique && s.groupSize > 1) return;
        if (s.count) s.out.writeBytes(String.format("%7d ", s.groupSize).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        emit(s, s.previous);
    }

    private static void emit(State s, byte[] line) {
        s.out.writeBytes(line);
        s.out.write(s.eol);
    }

    /** Compares as uniq does: -f fields and -s bytes skipped, -w bytes compared, -i ignoring case. */
    private static boolean equal(State s, byte[] a, byte[] b) {
        int as = skip(s, a);
        int bs = skip(s, b);
        long al = Math.min(a.length - as, s.checkChars);
        long bl = Math.min(b.length - bs, s.checkChars);
        if (al != bl) return false;
        for (int i = 0; i < al; i++) {
            int x = a[as + i] & 0xff;
            int y = b[bs + i] & 0xff;
            if (s.ignoreCase) {
                if (x >= 'a' && x <= 'z') x -= 32;
                if (y >= 'a' && y <= 'z') y -= 32;
            }
            if (x != y) return false;
        }
        return true;
    }

    private static int skip(State s, byte[] line) {
        int p = 0;
        for (long f = 0; f < s.skipFields && p < line.length; f++) {
            while (p < line.length && (line[p] == ' ' || line[p] == '\t')) p++;
            while (p < line.length && line[p] != ' ' && line[p] != '\t') p++;
        }
        return (int) Math.min(line.length, p + s.skipChars);
    }

    @Override
    public String whatis() {
        return "report or omit repeated lines";
    }

    @Override
    public String manual() {
        return "uniq [OPTION]... [INPUT [OUTPUT]]\n  Filter adjacent matching lines from INPUT (or standard input), writing to OUTPUT (or standard output).\n"
                + "  -c, --count           prefix lines by the number of occurrences\n"
                + "  -d, --repeated        only print duplicate lines, one for each group\n"
                + "  -D                    print all duplicate lines\n"
                + "      --all-repeated[=METHOD]  like -D, but allow separating groups with an empty line; METHOD={none(default),prepend,separate}\n"
                + "  -f, --skip-fields=N   avoid comparing the first N fields\n"
                + "      --group[=METHOD]  show all items, separating groups with an empty line; METHOD={separate(default),prepend,append,both}\n"
                + "  -i, --ignore-case     ignore differences in case when comparing\n"
                + "  -s, --skip-chars=N    avoid comparing the first N characters\n"
                + "  -u, --unique          only print unique lines\n"
                + "  -z, --zero-terminated  line delimiter is NUL, not newline\n"
                + "  -w, --check-chars=N   compare no more than N characters in lines";
    }
}
