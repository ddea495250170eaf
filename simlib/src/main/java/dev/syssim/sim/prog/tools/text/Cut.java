package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * cut: print selected parts of lines: fields ({@code -f LIST} with {@code -d DELIM}, a tab by
 * default), characters ({@code -c LIST}) or bytes ({@code -b LIST}). LIST is {@code N}, {@code N-M},
 * {@code N-}, {@code -M}, comma-separated. Lines without the delimiter print whole (unless {@code -s}).
 */
public final class Cut extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("cut", c.args().operands(), "s", "fcbd",
                Set.of("help", "only-delimited"), Set.of("fields", "characters", "bytes", "delimiter"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        String fields = o.value("f", o.value("fields"));
        String chars = o.value("c", o.value("characters", o.value("b", o.value("bytes"))));
        if (fields == null && chars == null) return c.usageError("cut: you must specify a list of bytes, characters, or fields", 1);
        if (fields != null && chars != null) return c.usageError("cut: only one type of list may be specified", 1);
        String delimiter = o.value("d", o.value("delimiter", "\t"));
        if (delimiter.length() != 1) return c.usageError("cut: the delimiter must be a single character", 1);
        if (fields == null && o.value("d", o.value("delimiter")) != null) {
            return c.usageError("cut: an input delimiter may be specified only when operating on fields", 1);
        }
        List<int[]> ranges = ranges(fields != null ? fields : chars);
        if (ranges == null) {
            c.error("invalid field value " + Libc.quote(fields != null ? fields : chars));
            c.eprint("Try 'cut --help' for more information.\n");
            return c.exit(1);
        }
        boolean onlyDelimited = o.hasAny("s", "only-delimited");
        char d = delimiter.charAt(0);
        int[] status = {0};
        return Libc.forEach(Inputs.orStdin(o.operands()), (file, next) -> Inputs.read(c, file, (err, content) -> {
            if (err != null) {
                c.error(file, err);
                status[0] = 1;
                return next.get();
            }
            for (String line : Inputs.lines(Libc.text(content))) {
                if (fields == null) {
                    c.println(select(line, ranges));
                    continue;
                }
                if (line.indexOf(d) < 0) {
                    if (!onlyDelimited) c.println(line);
                    continue;
                }
                String[] parts = line.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1);
                List<String> picked = new ArrayList<>();
                for (int i = 1; i <= parts.length; i++) if (selected(i, ranges)) picked.add(parts[i - 1]);
                c.println(String.join(String.valueOf(d), picked));
            }
            return next.get();
        }), () -> c.exit(status[0]));
    }

    private static String select(String line, List<int[]> ranges) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= line.length(); i++) if (selected(i, ranges)) out.append(line.charAt(i - 1));
        return out.toString();
    }

    private static boolean selected(int i, List<int[]> ranges) {
        for (int[] r : ranges) if (i >= r[0] && i <= r[1]) return true;
        return false;
    }

    private static List<int[]> ranges(String list) {
        List<int[]> out = new ArrayList<>();
        for (String part : list.split(",")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]*)(-?)([0-9]*)").matcher(part);
            if (!m.matches() || (m.group(1).isEmpty() && m.group(3).isEmpty())) return null;
            int from = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
            int to = m.group(2).isEmpty() ? from : m.group(3).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(m.group(3));
            if (from == 0) return null;
            out.add(new int[] {from, to});
        }
        return out;
    }

    @Override
    public String whatis() {
        return "remove sections from each line of files";
    }

    @Override
    public String manual() {
        return "cut OPTION... [FILE]...\n  Print selected parts of lines from each FILE to standard output.\n"
                + "  -b, --bytes=LIST        select only these bytes\n"
                + "  -c, --characters=LIST   select only these characters\n"
                + "  -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter\n"
                + "  -f, --fields=LIST       select only these fields\n"
                + "  -s, --only-delimited    do not print lines not containing delimiters";
    }
}
