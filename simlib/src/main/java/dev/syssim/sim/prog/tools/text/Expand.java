package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * expand and unexpand (GNU coreutils 9.1): tabs to spaces, and blanks back to tabs, at the tab stops
 * of -t (every 8 columns by default). expand -i converts only leading tabs; unexpand converts only
 * leading blanks unless -a (or -t, unless --first-only). Columns are counted in bytes, a backspace
 * going one back, as coreutils 9.1 does.
 */
public final class Expand extends Tool {

    private final boolean unexpand;

    /** expand, or unexpand when {@code unexpand}. */
    public Expand(boolean unexpand) {
        this.unexpand = unexpand;
    }

    @Override
    protected Step run(Libc c) {
        String name = unexpand ? "unexpand" : "expand";
        List<String> args = new ArrayList<>();
        for (String a : c.args().operands()) args.add(a.matches("-[0-9][0-9,]*") ? "-t" + a.substring(1) : a);
        Getopt o = unexpand
                ? Getopt.parse(name, args, "at:", List.of("all>a", "first-only", "tabs=>t", "help", "version"), true)
                : Getopt.parse(name, args, "it:", List.of("initial>i", "tabs=>t", "help", "version"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        TabStops stops = new TabStops();
        for (Getopt.Opt opt : o.options()) {
            if (!opt.is("t")) continue;
            String error = stops.add(opt.value(), v -> c.quoteLocale(v));
            if (error != null) {
                c.error(error);
                return c.exit(1);
            }
        }
        String error = stops.finish();
        if (error != null) {
            c.error(error);
            return c.exit(1);
        }
        boolean all = unexpand ? (o.has("a") || o.has("t")) && !o.has("first-only") : !o.has("i");
        int[] status = {0};
        return Libc.forEach(Inputs.orStdin(o.operands()), (file, next) -> Inputs.open(c, file, (err, fd) -> {
            if (err != null) {
                c.error(Quote.f(file, c.utf8()), err);
                status[0] = 1;
                return next.get();
            }
            return LineReader.each(c, fd, (byte) '\n', name + ": convert tabs", (buf, start, end, ended) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(end - start + 16);
                if (unexpand) unexpandLine(buf, start, end, ended, stops, all, out);
                else expandLine(buf, start, end, stops, all, out);
                if (ended && !unexpand) out.write('\n');
                c.printBytes(out.toByteArray());
                return true;
            }, e -> {
                if (e != null) {
                    c.error(Quote.f(file, c.utf8()), e);
                    status[0] = 1;
                }
                return Inputs.close(c, file, fd, next);
            });
        }), () -> c.exit(status[0]));
    }

    private static void expandLine(byte[] buf, int start, int end, TabStops stops, boolean all, ByteArrayOutputStream out) {
        long column = 0;
        int[] index = {0};
        boolean convert = true;
        for (int i = start; i < end; i++) {
            byte c = buf[i];
            if (convert) {
                if (c == '\t') {
                    long next = stops.next(column, index);
                    if (next < 0) next = column + 1;
                    while (++column < next) out.write(' ');
                    c = ' ';
                } else if (c == '\b') {
                    if (column > 0) column--;
                    if (index[0] > 0) index[0]--;
                } else {
                    column++;
                }
                convert = all || c == ' ' || c == '\t';
            }
            out.write(c);
        }
    }

    /** unexpand.c's loop for one line (its line end, if any, passes through at the end). */
    private static void unexpandLine(byte[] buf, int start, int end, boolean ended, TabStops stops, boolean all, ByteArrayOutputStream out) {
        long column = 0;
        int[] index = {0};
        boolean convert = true;
        byte[] pending = new byte[end - start + 1];
        int pendingCount = 0;
        boolean prevBlank = false;
        boolean oneBlankBeforeStop = false;
        for (int i = start; i <= end; i++) {
            boolean atEnd = i == end;
            int c = atEnd ? (ended ? '\n' : -1) : buf[i] & 0xff;
            if (convert) {
                boolean blank = c == ' ' || c == '\t';
                if (blank) {
                    long next = stops.next(column, index);
                    if (next < 0) convert = false;
                    if (convert) {
                        if (c == '\t') {
                            column = next;
                            if (pendingCount > 0) pending[0] = '\t';
                        } else {
                            column++;
                            if (!(prevBlank && column == next)) {
                                if (column == next) oneBlankBeforeStop = true;
                                pending[pendingCount++] = (byte) c;
                                prevBlank = true;
                                continue;
                            }
                            pending[0] = '\t';
                            c = '\t';
                        }
                        pendingCount = oneBlankBeforeStop ? 1 : 0;
                    }
                } else if (c == '\b') {
                    if (column > 0) column--;
                    if (index[0] > 0) index[0]--;
                } else {
                    column++;
                }
                if (pendingCount > 0) {
                    if (pendingCount > 1 && oneBlankBeforeStop) pending[0] = '\t';
                    out.write(pending, 0, pendingCount);
                    pendingCount = 0;
                    oneBlankBeforeStop = false;
                }
                prevBlank = blank;
                convert &= all || blank;
            }
            if (c < 0) return;
            out.write(c);
        }
    }

    @Override
    public String whatis() {
        return unexpand ? "convert spaces to tabs" : "convert tabs to spaces";
    }

    @Override
    public String manual() {
        if (unexpand) {
            return "unexpand [OPTION]... [FILE]...\n  Convert blanks in each FILE to tabs, writing to standard output.\n"
                    + "  -a, --all        convert all blanks, instead of just initial blanks\n"
                    + "      --first-only  convert only leading sequences of blanks (overrides -a)\n"
                    + "  -t, --tabs=N     have tabs N characters apart instead of 8 (enables -a)\n"
                    + "  -t, --tabs=LIST  use comma separated list of tab positions";
        }
        return "expand [OPTION]... [FILE]...\n  Convert tabs in each FILE to spaces, writing to standard output.\n"
                + "  -i, --initial    do not convert tabs after non blanks\n"
                + "  -t, --tabs=N     have tabs N characters apart, not 8\n"
                + "  -t, --tabs=LIST  use comma separated list of tab positions; the last specified position can be prefixed with '/'\n"
                + "                   to specify a tab size to use after the last explicitly specified tab stop, or with '+' for an increment";
    }
}
