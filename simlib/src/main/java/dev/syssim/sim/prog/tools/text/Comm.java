package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * comm (GNU coreutils 9.1): two sorted files compared line by line, in three columns — lines only
 * in the first, only in the second, in both — each indented by one more tab (or --output-delimiter).
 * -1, -2, -3 suppress columns; --total adds counts. Out-of-order input is reported once per file
 * and makes the exit status 1 (--check-order stops at once, --nocheck-order is silent).
 */
public final class Comm extends Tool {

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("comm", c.args().operands(), "123z", List.of("check-order", "nocheck-order", "output-delimiter=",
                "total", "zero-terminated>z", "help", "version"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        boolean[] show = {!o.has("1"), !o.has("2"), !o.has("3")};
        byte eol = o.has("z") ? (byte) 0 : (byte) '\n';
        String delimText = o.last("output-delimiter");
        if (delimText != null && delimText.isEmpty()) delimText = "\0";
        byte[] delim = delimText == null ? new byte[] {'\t'} : delimText.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean check = !o.has("nocheck-order");
        boolean forced = o.has("check-order");
        boolean total = o.has("total");
        List<String> files = o.operands();
        if (files.isEmpty()) return c.usageError("comm: missing operand", 1);
        if (files.size() == 1) return c.usageError("comm: missing operand after " + c.quoteLocale(files.get(0)), 1);
        if (files.size() > 2) return c.usageError("comm: extra operand " + c.quoteLocale(files.get(2)), 1);
        return TextFiles.readAll(c, files, (file, err) -> {
            c.error(Quote.f(file, c.utf8()), err);
            return false;
        }, contents -> {
            List<TextFiles.Line> a = TextFiles.lines(contents.get(0), eol);
            List<TextFiles.Line> b = TextFiles.lines(contents.get(1), eol);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long[] counts = new long[3];
            boolean[] warned = {false, false};
            boolean disorder = false;
            int i = 0;
            int j = 0;
            while (i < a.size() || j < b.size()) {
                int d = i >= a.size() ? 1 : j >= b.size() ? -1 : compare(a.get(i), b.get(j));
                int column;
                TextFiles.Line line;
                if (d < 0) {
                    column = 0;
                    line = a.get(i);
                } else if (d > 0) {
                    column = 1;
                    line = b.get(j);
                } else {
                    column = 2;
                    line = a.get(i);
                }
                counts[column]++;
                if (show[column]) {
                    for (int k = 0; k < column; k++) if (show[k]) out.writeBytes(delim);
                    out.write(line.buf(), line.start(), line.length());
                    out.write(eol);
                }
                // Order checks: each file against its own previous line, as comm.c does.
                if (check) {
                    for (int f = 0; f < 2; f++) {
                        boolean advanced = f == 0 ? d <= 0 : d >= 0;
                        List<TextFiles.Line> lines = f == 0 ? a : b;
                        int at = f == 0 ? i : j;
                        if (!advanced || warned[f] || at + 1 >= lines.size()) continue;
                        if (compare(lines.get(at), lines.get(at + 1)) > 0) {
                            warned[f] = true;
                            disorder = true;
                            c.printBytes(out.toByteArray());
                            out.reset();
                            c.flushStdout();
                            c.error("file " + (f + 1) + " is not in sorted order");
                            if (forced) return c.exit(1);
                        }
                    }
                }
                if (d <= 0) i++;
                if (d >= 0) j++;
            }
            if (total) {
                String t = counts[0] + new String(delim, java.nio.charset.StandardCharsets.UTF_8) + counts[1]
                        + new String(delim, java.nio.charset.StandardCharsets.UTF_8) + counts[2]
                        + new String(delim, java.nio.charset.StandardCharsets.UTF_8) + "total";
                out.writeBytes(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.write(eol);
            }
            c.printBytes(out.toByteArray());
            if (disorder) {
                c.flushStdout();
                c.error("input is not in sorted order");
                return c.exit(1);
            }
            return c.exit(0);
        });
    }

    private static int compare(TextFiles.Line x, TextFiles.Line y) {
        return SortKey.bytes(x.buf(), x.start(), x.end(), y.buf(), y.start(), y.end());
    }

    @Override
    public String whatis() {
        return "compare two sorted files line by line";
    }

    @Override
    public String manual() {
        return "comm [OPTION]... FILE1 FILE2\n  Compare sorted files FILE1 and FILE2 line by line.\n"
                + "  With no options, produce three-column output. Column one contains lines unique to FILE1, column two contains lines unique to FILE2, and column three contains lines common to both files.\n"
                + "  -1                      suppress column 1 (lines unique to FILE1)\n"
                + "  -2                      suppress column 2 (lines unique to FILE2)\n"
                + "  -3                      suppress column 3 (lines that appear in both files)\n"
                + "  --check-order           check that the input is correctly sorted, even if all input lines are pairable\n"
                + "  --nocheck-order         do not check that the input is correctly sorted\n"
                + "  --output-delimiter=STR  separate columns with STR\n"
                + "  --total                 output a summary\n"
                + "  -z, --zero-terminated   line delimiter is NUL, not newline";
    }
}
