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
 * join (GNU coreutils 9.1): lines of two sorted files with equal join fields, joined. Fields are
 * separated by blanks (leading blanks ignored) or by -t's byte; -1, -2, -j choose the join fields,
 * -a and -v print unpaired lines, -e fills missing fields of -o's format, -i ignores case,
 * --header joins the first lines unconditionally. Out-of-order input is reported once per file
 * (unless --nocheck-order) and makes the exit status 1.
 */
public final class Join extends Tool {

    private static final List<String> LONG = List.of("ignore-case>i", "check-order", "nocheck-order", "zero-terminated>z",
            "header", "help", "version");

    /** One input line split into fields. */
    private record Row(byte[] line, List<byte[]> fields) {
    }

    /** The settings. */
    private static final class Settings {
        int tab = -1;
        long[] field = {0, 0};
        boolean[] unpaired = {false, false};
        boolean only;
        boolean ignoreCase;
        byte[] empty;
        List<long[]> format;
        boolean autoFormat;
        /** -o auto's field counts: those of each file's first line. */
        int[] autoCount = {0, 0};
        boolean check = true;
        boolean checkForced;
        boolean header;
        byte eol = '\n';
        boolean disorder;
    }

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("join", c.args().operands(), "a:e:i1:2:j:o:t:v:z", LONG, true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        Settings s = new Settings();
        List<String> files = new ArrayList<>();
        for (Getopt.Opt opt : o.options()) {
            String v = opt.value();
            switch (opt.key()) {
                case "a", "v" -> {
                    if (!v.equals("1") && !v.equals("2")) {
                        // join.c reports a bad -a or -v argument with the wording for fields.
                        c.error("invalid field number: " + c.quoteLocale(v));
                        return c.exit(1);
                    }
                    if (opt.key().equals("v")) s.only = true;
                    s.unpaired[v.charAt(0) - '1'] = true;
                }
                case "e" -> s.empty = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                case "i" -> s.ignoreCase = true;
                case "1", "2", "j" -> {
                    Long n = field(v);
                    if (n == null) {
                        c.error("invalid field number: " + c.quoteLocale(v));
                        return c.exit(1);
                    }
                    if (!opt.key().equals("2")) s.field[0] = n - 1;
                    if (!opt.key().equals("1")) s.field[1] = n - 1;
                }
                case "o" -> {
                    if (v.equals("auto")) {
                        s.autoFormat = true;
                        break;
                    }
                    if (s.format == null) s.format = new ArrayList<>();
                    for (String spec : v.split("[, \t]+")) {
                        if (spec.isEmpty()) continue;
                        if (spec.equals("0")) {
                            s.format.add(new long[] {0, 0});
                            continue;
                        }
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([12])\\.([0-9]+)").matcher(spec);
                        if (!m.matches()) {
                            c.error("invalid field specifier: " + c.quoteLocale(spec));
                            return c.exit(1);
                        }
                        long n = Long.parseLong(m.group(2));
                        if (n == 0) {
                            c.error("invalid field number: " + c.quoteLocale(m.group(2)));
                            return c.exit(1);
                        }
                        s.format.add(new long[] {m.group(1).charAt(0) - '0', n});
                    }
                }
                case "t" -> {
                    byte[] t = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    if (t.length > 1 && !v.equals("\\0")) {
                        c.error("multi-character tab " + c.quoteLocale(v));
                        return c.exit(1);
                    }
                    s.tab = t.length == 0 ? '\n' : v.equals("\\0") ? 0 : t[0] & 0xff;
                }
                case "z" -> s.eol = 0;
                case "check-order" -> {
                    s.check = true;
                    s.checkForced = true;
                }
                case "nocheck-order" -> s.check = false;
                case "header" -> s.header = true;
                default -> {
                }
            }
        }
        files.addAll(o.operands());
        if (files.isEmpty()) return c.usageError("join: missing operand", 1);
        if (files.size() == 1) return c.usageError("join: missing operand after " + c.quoteLocale(files.get(0)), 1);
        if (files.size() > 2) return c.usageError("join: extra operand " + c.quoteLocale(files.get(2)), 1);
        return TextFiles.readAll(c, files, (file, err) -> {
            c.error(Quote.f(file, c.utf8()), err);
            return false;
        }, contents -> {
            List<Row> a = rows(s, TextFiles.lines(contents.get(0), s.eol));
            List<Row> b = rows(s, TextFiles.lines(contents.get(1), s.eol));
            if (!a.isEmpty()) s.autoCount[0] = a.get(0).fields().size();
            if (!b.isEmpty()) s.autoCount[1] = b.get(0).fields().size();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean stopped = join(c, s, files, a, b, out);
            c.printBytes(out.toByteArray());
            if (stopped) return c.exit(1);
            if (s.disorder) {
                c.flushStdout();
                c.error("input is not in sorted order");
                return c.exit(1);
            }
            return c.exit(0);
        });
    }

    private static Long field(String v) {
        if (!v.matches("[0-9]+")) return null;
        long n = new java.math.BigInteger(v).min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        return n == 0 ? null : n;
    }

    private static List<Row> rows(Settings s, List<TextFiles.Line> lines) {
        List<Row> out = new ArrayList<>();
        for (TextFiles.Line l : lines) out.add(new Row(l.bytes(), split(s, l.bytes())));
        return out;
    }

    private static List<byte[]> split(Settings s, byte[] line) {
        List<byte[]> fields = new ArrayList<>();
        int n = line.length;
        if (s.tab >= 0) {
            int start = 0;
            for (int i = 0; i <= n; i++) {
                if (i == n || (line[i] & 0xff) == s.tab) {
                    fields.add(java.util.Arrays.copyOfRange(line, start, i));
                    start = i + 1;
                }
            }
            if (n == 0) fields.clear();
            return fields;
        }
        int i = 0;
        while (i < n) {
            while (i < n && blank(line[i])) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && !blank(line[i])) i++;
            fields.add(java.util.Arrays.copyOfRange(line, start, i));
        }
        return fields;
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\t' || b == '\n';
    }

    private static byte[] key(Settings s, Row r, int which) {
        long f = s.field[which];
        return f < r.fields().size() ? r.fields().get((int) f) : new byte[0];
    }

    private static int compare(Settings s, byte[] x, byte[] y) {
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int a = x[i] & 0xff;
            int b = y[i] & 0xff;
            if (s.ignoreCase) {
                if (a >= 'a' && a <= 'z') a -= 32;
                if (b >= 'a' && b <= 'z') b -= 32;
            }
            if (a != b) return a - b;
        }
        return Integer.compare(x.length, y.length);
    }

    /** The merge; returns true when a forced order check stopped it. */
    private static boolean join(Libc c, Settings s, List<String> files, List<Row> a, List<Row> b, ByteArrayOutputStream out) {
        int i = 0;
        int j = 0;
        if (s.header && !a.isEmpty() && !b.isEmpty()) {
            if (!s.only) print(s, a.get(0), b.get(0), out);
            i = 1;
            j = 1;
        } else if (s.header) {
            if (!a.isEmpty() && s.unpaired[0]) print(s, a.get(0), null, out);
            if (!b.isEmpty() && s.unpaired[1]) print(s, null, b.get(0), out);
            i = a.isEmpty() ? 0 : 1;
            j = b.isEmpty() ? 0 : 1;
        }
        boolean[] warned = {false, false};
        while (i < a.size() && j < b.size()) {
            int d = compare(s, key(s, a.get(i), 0), key(s, b.get(j), 1));
            if (d < 0) {
                if (s.unpaired[0]) print(s, a.get(i), null, out);
                if (checkOrder(c, s, files, a, i, 0, warned, out)) return true;
                i++;
            } else if (d > 0) {
                if (s.unpaired[1]) print(s, null, b.get(j), out);
                if (checkOrder(c, s, files, b, j, 1, warned, out)) return true;
                j++;
            } else {
                int i2 = i;
                while (i2 + 1 < a.size() && compare(s, key(s, a.get(i2 + 1), 0), key(s, a.get(i), 0)) == 0) i2++;
                int j2 = j;
                while (j2 + 1 < b.size() && compare(s, key(s, b.get(j2 + 1), 1), key(s, b.get(j), 1)) == 0) j2++;
                if (!s.only) {
                    for (int x = i; x <= i2; x++) for (int y = j; y <= j2; y++) print(s, a.get(x), b.get(y), out);
                }
                if (checkOrder(c, s, files, a, i2, 0, warned, out) || checkOrder(c, s, files, b, j2, 1, warned, out)) return true;
                i = i2 + 1;
                j = j2 + 1;
            }
        }
        // join.c reads the rest of a file also to check its order when --check-order was given
        for (; i < a.size(); i++) {
            if (s.unpaired[0]) print(s, a.get(i), null, out);
            if ((s.unpaired[0] || s.checkForced) && checkOrder(c, s, files, a, i, 0, warned, out)) return true;
        }
        for (; j < b.size(); j++) {
            if (s.unpaired[1]) print(s, null, b.get(j), out);
            if ((s.unpaired[1] || s.checkForced) && checkOrder(c, s, files, b, j, 1, warned, out)) return true;
        }
        return false;
    }

    /** Whether row {@code at+1} comes before row {@code at}: reported once per file; with --check-order it stops. */
    private static boolean checkOrder(Libc c, Settings s, List<String> files, List<Row> rows, int at, int which, boolean[] warned,
                                      ByteArrayOutputStream out) {
        if (!s.check || warned[which] || at + 1 >= rows.size()) return false;
        if (compare(s, key(s, rows.get(at), which), key(s, rows.get(at + 1), which)) <= 0) return false;
        warned[which] = true;
        s.disorder = true;
        c.printBytes(out.toByteArray());
        out.reset();
        c.flushStdout();
        c.eprint("join: " + files.get(which) + ":" + (at + 2) + ": is not sorted: ");
        c.eprintBytes(rows.get(at + 1).line());
        c.eprint("\n");
        return s.checkForced;
    }

    private static void print(Settings s, Row a, Row b, ByteArrayOutputStream out) {
        byte sep = (byte) (s.tab >= 0 && s.tab != '\n' ? s.tab : ' ');
        List<byte[]> parts = new ArrayList<>();
        List<long[]> format = s.format;
        if (format == null && s.autoFormat) {
            // -o auto: the join field, then as many fields of each file as its first line has
            format = new ArrayList<>();
            format.add(new long[] {0, 0});
            for (int which = 0; which < 2; which++) {
                for (int k = 0; k < s.autoCount[which]; k++) if (k != s.field[which]) format.add(new long[] {which + 1, k + 1});
            }
        }
        if (format == null) {
            Row keyRow = a != null ? a : b;
            parts.add(key(s, keyRow, a != null ? 0 : 1));
            if (a != null) for (int k = 0; k < a.fields().size(); k++) if (k != s.field[0]) parts.add(a.fields().get(k));
            if (b != null) for (int k = 0; k < b.fields().size(); k++) if (k != s.field[1]) parts.add(b.fields().get(k));
        } else {
            for (long[] f : format) {
                if (f[0] == 0) {
                    parts.add(a != null ? key(s, a, 0) : key(s, b, 1));
                    continue;
                }
                Row r = f[0] == 1 ? a : b;
                if (r != null && f[1] - 1 < r.fields().size()) parts.add(r.fields().get((int) (f[1] - 1)));
                else parts.add(s.empty != null ? s.empty : new byte[0]);
            }
        }
        for (int k = 0; k < parts.size(); k++) {
            if (k > 0) out.write(sep);
            byte[] p = parts.get(k);
            if (p.length == 0 && s.empty != null && format == null) p = s.empty;
            out.writeBytes(p);
        }
        out.write(s.eol);
    }

    @Override
    public String whatis() {
        return "join lines of two files on a common field";
    }

    @Override
    public String manual() {
        return "join [OPTION]... FILE1 FILE2\n  For each pair of input lines with identical join fields, write a line to standard output.\n"
                + "  The default join field is the first, delimited by blanks. Both files must be sorted on the join fields.\n"
                + "  -a FILENUM        also print unpairable lines from file FILENUM, where FILENUM is 1 or 2\n"
                + "  -e STRING         replace missing (empty) input fields with STRING\n"
                + "  -i, --ignore-case ignore differences in case when comparing fields\n"
                + "  -j FIELD          equivalent to '-1 FIELD -2 FIELD'\n"
                + "  -o FORMAT         obey FORMAT while constructing output line (0, 1.N, 2.N, auto)\n"
                + "  -t CHAR           use CHAR as input and output field separator\n"
                + "  -v FILENUM        like -a FILENUM, but suppress joined output lines\n"
                + "  -1 FIELD          join on this FIELD of file 1\n"
                + "  -2 FIELD          join on this FIELD of file 2\n"
                + "  --check-order     check that the input is correctly sorted, even if all input lines are pairable\n"
                + "  --nocheck-order   do not check that the input is correctly sorted\n"
                + "  --header          treat the first line in each file as field headers, print them without trying to pair them\n"
                + "  -z, --zero-terminated  line delimiter is NUL, not newline";
    }
}
