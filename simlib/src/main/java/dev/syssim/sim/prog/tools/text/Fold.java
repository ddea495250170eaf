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
 * fold (GNU coreutils 9.1): lines wrapped at -w columns (80), counting bytes with -b and otherwise
 * columns as fold.c does (a tab to the next multiple of 8, a backspace one back, a carriage return
 * to 0; every other byte one column — coreutils 9.1 does not count UTF-8 characters); -s breaks
 * after the last blank that fits.
 */
public final class Fold extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = new ArrayList<>();
        // the obsolete -N is -wN, but not where it is the value of -w ("fold -w -1")
        String previous = "";
        for (String a : c.args().operands()) {
            boolean value = previous.equals("-w") || previous.equals("--width") || previous.matches("-[bs]*w");
            args.add(!value && a.matches("-[0-9]+") ? "-w" + a.substring(1) : a);
            previous = a;
        }
        Getopt o = Getopt.parse("fold", args, "bsw:", List.of("bytes>b", "spaces>s", "width=>w", "help", "version"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        long width = 80;
        if (o.has("w")) {
            String w = o.last("w");
            if (!w.matches("[0-9]+")) {
                c.error("invalid number of columns: " + c.quoteLocale(w));
                return c.exit(1);
            }
            // xdectoumax's range 1..SIZE_MAX-9: below it ERANGE, above it (past INT_MAX) EOVERFLOW
            java.math.BigInteger n = new java.math.BigInteger(w);
            if (n.signum() == 0 || n.compareTo(new java.math.BigInteger("18446744073709551606")) > 0) {
                c.error("invalid number of columns: " + c.quoteLocale(w) + ": "
                        + (n.signum() == 0 ? "Numerical result out of range" : "Value too large for defined data type"));
                return c.exit(1);
            }
            width = new java.math.BigInteger(w).min(java.math.BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
        }
        boolean bytes = o.has("b");
        boolean spaces = o.has("s");
        long w = width;
        int[] status = {0};
        return Libc.forEach(Inputs.orStdin(o.operands()), (file, next) -> Inputs.open(c, file, (err, fd) -> {
            if (err != null) {
                c.error(Quote.f(file, c.utf8()), err);
                status[0] = 1;
                return next.get();
            }
            return LineReader.each(c, fd, (byte) '\n', "fold: wrap lines", (buf, start, end, ended) -> {
                c.printBytes(fold(buf, start, end, ended, w, bytes, spaces));
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

    private static long adjust(long column, byte c, boolean bytes) {
        if (bytes) return column + 1;
        return switch (c) {
            case '\b' -> column > 0 ? column - 1 : 0;
            case '\r' -> 0;
            case '\t' -> column + 8 - column % 8;
            default -> column + 1;
        };
    }

    private static byte[] fold(byte[] buf, int start, int end, boolean ended, long width, boolean bytes, boolean spaces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start + 16);
        byte[] line = new byte[end - start + 1];
        int used = 0;
        long column = 0;
        for (int i = start; i < end; i++) {
            byte c = buf[i];
            while (true) {
                column = adjust(column, c, bytes);
                if (column <= width) break;
                if (spaces) {
                    int blank = -1;
                    for (int k = used - 1; k >= 0; k--) {
                        if (line[k] == ' ' || line[k] == '\t') {
                            blank = k;
                            break;
                        }
                    }
                    if (blank >= 0) {
                        int keep = blank + 1;
                        out.write(line, 0, keep);
                        out.write('\n');
                        System.arraycopy(line, keep, line, 0, used - keep);
                        used -= keep;
                        column = 0;
                        for (int k = 0; k < used; k++) column = adjust(column, line[k], bytes);
                        continue;
                    }
                }
                if (used == 0) break;
                out.write(line, 0, used);
                out.write('\n');
                used = 0;
                column = 0;
            }
            line[used++] = c;
        }
        out.write(line, 0, used);
        if (ended) out.write('\n');
        return out.toByteArray();
    }

    @Override
    public String whatis() {
        return "wrap each input line to fit in specified width";
    }

    @Override
    public String manual() {
        return "fold [OPTION]... [FILE]...\n  Wrap input lines in each FILE, writing to standard output.\n"
                + "  -b, --bytes         count bytes rather than columns\n"
                + "  -s, --spaces        break at spaces\n"
                + "  -w, --width=WIDTH   use WIDTH columns instead of 80";
    }
}
