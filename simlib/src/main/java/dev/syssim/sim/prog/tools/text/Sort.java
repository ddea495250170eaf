package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * sort: sort lines of text, in the C locale's byte order. {@code -n} numeric, {@code -r} reverse,
 * {@code -u} unique, {@code -f} ignore case, {@code -k N[,M]} sort by fields N to M, {@code -t C}
 * the field separator, {@code -o FILE} the output. Equal keys fall back to comparing whole lines,
 * as GNU sort does (unless {@code -s} or {@code -u}). Sorting is user-mode work: a compute step.
 */
public final class Sort extends Tool {

    /** How lines compare: the key's fields, numeric or not, case-folded or not, reversed or not. */
    private record Key(int startField, int endField, boolean numeric, boolean fold, boolean reverse) {
    }

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("sort", c.args().operands(), "rnufbsc", "kto",
                Set.of("help", "reverse", "numeric-sort", "unique", "ignore-case", "stable"), Set.of("key", "field-separator", "output"), true);
        if (o.failed()) return c.usageError(o.error(), 2);
        if (o.has("help")) return help(c);
        String sep = o.value("t", o.value("field-separator"));
        if (sep != null && sep.length() != 1) {
            c.error(sep.isEmpty() ? "empty tab" : "multi-character tab " + Libc.quote(sep));
            return c.exit(2);
        }
        boolean reverse = o.hasAny("r", "reverse");
        boolean numeric = o.hasAny("n", "numeric-sort");
        boolean fold = o.hasAny("f", "ignore-case");
        Key key = new Key(1, 0, numeric, fold, reverse);
        String keyText = o.value("k", o.value("key"));
        if (keyText != null) {
            key = parseKey(keyText, numeric, fold, reverse);
            if (key == null) {
                c.error("invalid number at field start: invalid count at start of " + Libc.quote(keyText));
                return c.exit(2);
            }
        }
        Key k = key;
        Character separator = sep == null ? null : sep.charAt(0);
        boolean unique = o.hasAny("u", "unique");
        boolean stable = o.hasAny("s", "stable") || unique;
        List<String> lines = new ArrayList<>();
        long[] bytes = {0};
        return Libc.forEach(Inputs.orStdin(o.operands()), (file, next) -> Inputs.read(c, file, (err, content) -> {
            if (err != null) {
                if (err == Errno.EISDIR) c.error("read failed: " + file, err);
                else c.error("cannot read: " + file, err);
                return c.exit(2);
            }
            bytes[0] += content.length;
            lines.addAll(Inputs.lines(Libc.text(content)));
            return next.get();
        }), () -> c.compute(Inputs.scanCost(bytes[0]) + lines.size() * 200L, "sort: compare and order " + lines.size() + " lines", () -> {
            Comparator<String> byKey = (a, b) -> compareKeys(extract(a, k, separator), extract(b, k, separator), k);
            Comparator<String> order = stable ? byKey : byKey.thenComparing((a, b) -> k.reverse() ? compareBytes(b, a) : compareBytes(a, b));
            lines.sort(order);
            List<String> out = new ArrayList<>();
            for (String line : lines) {
                if (unique && !out.isEmpty() && byKey.compare(out.get(out.size() - 1), line) == 0) continue;
                out.add(line);
            }
            StringBuilder text = new StringBuilder();
            for (String line : out) text.append(line).append('\n');
            String output = o.value("o", o.value("output"));
            if (output == null) {
                c.print(text.toString());
                return c.exit(0);
            }
            return c.create(output, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0666, r -> {
                if (r.failed()) {
                    c.error("open failed: " + output, r.errno());
                    return c.exit(2);
                }
                return c.writeAll(r.intValue(), Libc.bytes(text.toString()), e -> c.close(r.intValue(), () -> c.exit(0)));
            });
        }));
    }

    private static Key parseKey(String text, boolean numeric, boolean fold, boolean reverse) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)(?:\\.[0-9]+)?([a-zA-Z]*)(?:,([0-9]+)(?:\\.[0-9]+)?([a-zA-Z]*))?").matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) return null;
        String flags = m.group(2) + (m.group(4) == null ? "" : m.group(4));
        boolean anyFlag = !flags.isEmpty();
        return new Key(Integer.parseInt(m.group(1)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                anyFlag ? flags.contains("n") : numeric, anyFlag ? flags.contains("f") : fold, anyFlag ? flags.contains("r") : reverse);
    }

    /** The text of fields start..end (end 0: to the end of the line). Without -t a field keeps its leading blanks. */
    private static String extract(String line, Key key, Character separator) {
        if (key.startField() == 1 && key.endField() == 0) return line;
        List<int[]> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        if (separator != null) {
            int start = 0;
            for (int j = 0; j <= n; j++) {
                if (j == n || line.charAt(j) == separator) {
                    fields.add(new int[] {start, j});
                    start = j + 1;
                }
            }
        } else {
            while (i < n) {
                int start = i;
                while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
                while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') i++;
                fields.add(new int[] {start, i});
            }
        }
        if (key.startField() > fields.size()) return "";
        int from = fields.get(key.startField() - 1)[0];
        int to = key.endField() == 0 || key.endField() > fields.size() ? n : fields.get(key.endField() - 1)[1];
        return from <= to ? line.substring(from, to) : "";
    }

    private static int compareKeys(String a, String b, Key key) {
        int result;
        if (key.numeric()) result = Double.compare(number(a), number(b));
        else if (key.fold()) result = compareBytes(a.toUpperCase(java.util.Locale.ROOT), b.toUpperCase(java.util.Locale.ROOT));
        else result = compareBytes(a, b);
        return key.reverse() ? -result : result;
    }

    /** The leading number of a key, as sort -n reads it (blanks, sign, digits, a decimal point); 0 if none. */
    private static double number(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[ \\t]*(-?[0-9]*\\.?[0-9]*)").matcher(s);
        if (!m.find()) return 0;
        String digits = m.group(1);
        if (digits.isEmpty() || digits.equals("-") || digits.equals(".") || digits.equals("-.")) return 0;
        return Double.parseDouble(digits);
    }

    /** The C locale's collation: unsigned bytes. */
    private static int compareBytes(String a, String b) {
        byte[] x = Libc.bytes(a);
        byte[] y = Libc.bytes(b);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int d = (x[i] & 0xff) - (y[i] & 0xff);
            if (d != 0) return d;
        }
        return x.length - y.length;
    }

    @Override
    public String whatis() {
        return "sort lines of text files";
    }

    @Override
    public String manual() {
        return "sort [OPTION]... [FILE]...\n  Write sorted concatenation of all FILE(s) to standard output. With no FILE, or when FILE is -, read standard input.\n"
                + "  -f, --ignore-case       fold lower case to upper case characters\n"
                + "  -n, --numeric-sort      compare according to string numerical value\n"
                + "  -r, --reverse           reverse the result of comparisons\n"
                + "  -k, --key=KEYDEF        sort via a key; KEYDEF gives location and type (F[,F], e.g. -k2 or -k2,2n)\n"
                + "  -o, --output=FILE       write result to FILE instead of standard output\n"
                + "  -s, --stable            stabilize sort by disabling last-resort comparison\n"
                + "  -t, --field-separator=SEP  use SEP instead of non-blank to blank transition\n"
                + "  -u, --unique            output only the first of an equal run";
    }
}
