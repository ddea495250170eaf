package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * paste (GNU coreutils 9.1): the lines of the files side by side, separated by the delimiters of
 * -d in turn (a tab by default; {@code \0} is none, {@code \n \t \\} escapes), or with -s each file's
 * lines in one line. {@code -} is standard input, and {@code paste - -} takes two lines of it per
 * output line.
 */
public final class Paste extends Tool {

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("paste", c.args().operands(), "d:sz", List.of("delimiters=>d", "serial>s", "zero-terminated>z", "help", "version"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        String spec = o.has("d") ? o.last("d") : "\t";
        List<byte[]> delims = delimiters(spec);
        if (delims == null) {
            c.error("delimiter list ends with an unescaped backslash: " + spec);
            return c.exit(1);
        }
        byte eol = o.has("z") ? (byte) 0 : (byte) '\n';
        List<String> files = o.operands().isEmpty() ? List.of("-") : o.operands();
        boolean serial = o.has("s");
        // Each "-" after the first reads on from the same standard input.
        List<String> distinct = new ArrayList<>();
        for (String f : files) if (!f.equals("-") || !distinct.contains("-")) distinct.add(f);
        return TextFiles.readAll(c, distinct, (file, err) -> {
            c.error(Quote.f(file, c.utf8()), err);
            return false;
        }, contents -> {
            List<List<TextFiles.Line>> lines = new ArrayList<>();
            List<TextFiles.Line> stdin = null;
            for (int i = 0; i < distinct.size(); i++) {
                List<TextFiles.Line> l = TextFiles.lines(contents.get(i), eol);
                if (distinct.get(i).equals("-")) stdin = l;
                lines.add(l);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (serial) {
                for (int i = 0; i < distinct.size(); i++) {
                    List<TextFiles.Line> l = lines.get(i);
                    for (int k = 0; k < l.size(); k++) {
                        if (k > 0) out.writeBytes(delims.get((k - 1) % delims.size()));
                        out.write(l.get(k).buf(), l.get(k).start(), l.get(k).length());
                    }
                    out.write(eol);
                }
            } else {
                List<List<TextFiles.Line>> columns = new ArrayList<>();
                List<int[]> cursors = new ArrayList<>();
                int[] stdinCursor = {0};
                for (String f : files) {
                    columns.add(f.equals("-") ? stdin : lines.get(distinct.indexOf(f)));
                    cursors.add(f.equals("-") ? stdinCursor : new int[] {0});
                }
                while (true) {
                    boolean any = false;
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    for (int i = 0; i < columns.size(); i++) {
                        int[] at = cursors.get(i);
                        List<TextFiles.Line> col = columns.get(i);
                        if (at[0] < col.size()) {
                            TextFiles.Line l = col.get(at[0]++);
                            line.write(l.buf(), l.start(), l.length());
                            any = true;
                        }
                        if (i < columns.size() - 1) line.writeBytes(delims.get(i % delims.size()));
                    }
                    if (!any) break;
                    out.writeBytes(line.toByteArray());
                    out.write(eol);
                }
            }
            c.printBytes(out.toByteArray());
            return c.exit(0);
        });
    }

    /** The delimiter list: each a byte (none for {@code \0}); null when it ends with a lone backslash. */
    private static List<byte[]> delimiters(String spec) {
        List<byte[]> out = new ArrayList<>();
        byte[] b = spec.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] != '\\') {
                out.add(new byte[] {b[i]});
                continue;
            }
            if (++i >= b.length) return null;
            switch (b[i]) {
                case '0' -> out.add(new byte[0]);
                case 'n' -> out.add(new byte[] {'\n'});
                case 't' -> out.add(new byte[] {'\t'});
                case 'b' -> out.add(new byte[] {'\b'});
                case 'f' -> out.add(new byte[] {'\f'});
                case 'r' -> out.add(new byte[] {'\r'});
                case 'v' -> out.add(new byte[] {0x0B});
                default -> out.add(new byte[] {b[i]});
            }
        }
        if (out.isEmpty()) out.add(new byte[0]);
        return out;
    }

    @Override
    public String whatis() {
        return "merge lines of files";
    }

    @Override
    public String manual() {
        return "paste [OPTION]... [FILE]...\n  Write lines consisting of the sequentially corresponding lines from each FILE, separated by TABs, to standard output.\n"
                + "  -d, --delimiters=LIST   reuse characters from LIST instead of TABs\n"
                + "  -s, --serial            paste one file at a time instead of in parallel\n"
                + "  -z, --zero-terminated   line delimiter is NUL, not newline";
    }
}
