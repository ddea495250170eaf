package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * sort (GNU coreutils 9.1): lines of bytes ordered by keys ({@link SortKey}: -k with per-key
 * options b d f g h i M n R r V, fields split at blanks or at -t's character), with GNU's
 * last-resort comparison of whole lines unless -s or -u; -u keeps the first of equal lines, -c and
 * -C check the order, -m merges sorted inputs, -o writes a file (after reading everything, so it
 * may be an input), -z uses NUL line ends. -R hashes keys with a salt read from /dev/urandom (the
 * simulation's seeded generator), so it is random per run and the same for the same seed.
 * -S, -T, --parallel and the like are accepted and change nothing here.
 */
public final class Sort extends Tool {

    private static final List<String> LONG = List.of("ignore-leading-blanks>b", "check=?>c", "dictionary-order>d", "debug",
            "files0-from=", "ignore-case>f", "general-numeric-sort>g", "human-numeric-sort>h", "ignore-nonprinting>i", "key=>k",
            "merge>m", "month-sort>M", "numeric-sort>n", "output=>o", "random-sort>R", "random-source=", "reverse>r", "sort=",
            "stable>s", "buffer-size=>S", "field-separator=>t", "temporary-directory=>T", "unique>u", "version-sort>V",
            "zero-terminated>z", "parallel=", "batch-size=", "compress-program=", "help", "version");

    /** A line: bytes {@code buf[start, end)} of an input, and where it came from (for -c). */
    private record Line(byte[] buf, int start, int end) {
    }

    /** The run's settings. */
    private static final class Settings {
        final List<SortKey> keys = new ArrayList<>();
        final SortKey global = new SortKey();
        int tab = -1;
        boolean unique;
        boolean stable;
        boolean reverse;
        byte eol = '\n';
        byte[] salt = new byte[0];
    }

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("sort", c.args().operands(), "bcCdfghik:mMno:rRsS:t:T:uVz", LONG, true);
        if (o.failed()) return c.usageError(o.error(), 2);
        if (o.has("help")) return help(c);
        Settings s = new Settings();
        String check = null;
        String output = null;
        boolean merge = false;
        for (Getopt.Opt opt : o.options()) {
            String v = opt.value();
            switch (opt.key()) {
                case "b", "d", "f", "g", "h", "i", "M", "n", "R", "r", "V" -> s.global.options(opt.key(), 0, false);
                case "c" -> {
                    if (v != null && !List.of("diagnose-first", "quiet", "silent").contains(v)) {
                        return invalidArgument(c, v, "--check", "diagnose-first", "quiet", "silent");
                    }
                    check = v == null || v.equals("diagnose-first") ? "diagnose" : "quiet";
                }
                case "C" -> check = "quiet";
                case "k" -> {
                    SortKey key = new SortKey();
                    String error = parseKey(v, key);
                    if (error != null) {
                        c.error(error);
                        return c.exit(2);
                    }
                    s.keys.add(key);
                }
                case "m" -> merge = true;
                case "o" -> {
                    if (output != null && !output.equals(v)) {
                        c.error("multiple output files specified");
                        return c.exit(2);
                    }
                    output = v;
                }
                case "s" -> s.stable = true;
                case "u" -> s.unique = true;
                case "z" -> s.eol = 0;
                case "S" -> {
                    if (!v.matches("[0-9]+[%bKMGTPEZYRQkB]?")) {
                        c.error("invalid -S argument " + Libc.quote(v));
                        return c.exit(2);
                    }
                }
                case "t" -> {
                    byte[] t = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    int tab;
                    if (t.length == 0) {
                        c.error("empty tab");
                        return c.exit(2);
                    } else if (t.length == 1) {
                        tab = t[0] & 0xff;
                    } else if (v.equals("\\0")) {
                        tab = 0;
                    } else {
                        c.error("multi-character tab " + Quote.locale(v, c.utf8()));
                        return c.exit(2);
                    }
                    if (s.tab >= 0 && s.tab != tab) {
                        c.error("incompatible tabs");
                        return c.exit(2);
                    }
                    s.tab = tab;
                }
                case "sort" -> {
                    switch (v) {
                        case "general-numeric" -> s.global.general = true;
                        case "human-numeric" -> s.global.human = true;
                        case "month" -> s.global.month = true;
                        case "numeric" -> s.global.numeric = true;
                        case "random" -> s.global.random = true;
                        case "version" -> s.global.version = true;
                        default -> {
                            return invalidArgument(c, v, "--sort", "general-numeric", "human-numeric", "month", "numeric", "random", "version");
                        }
                    }
                }
                default -> {
                }
            }
        }
        s.reverse = s.global.reverse;
        for (SortKey key : s.keys) if (key.plain()) key.inherit(s.global);
        if (s.keys.isEmpty() && !globalIsDefault(s.global)) s.keys.add(s.global);
        for (SortKey key : s.keys) {
            if (key.incompatible()) {
                c.error("options '-" + key.letters(false) + "' are incompatible");
                return c.exit(2);
            }
        }
        String listFile = o.last("files0-from");
        if (listFile != null) {
            if (!o.operands().isEmpty()) {
                c.error("extra operand " + Quote.af(o.operands().get(0), c.utf8()));
                return c.usageError("file operands cannot be combined with --files0-from", 2);
            }
            Settings settings = s;
            String checking = check;
            String into = output;
            boolean merging = merge;
            return Inputs.read(c, listFile, (err, list) -> {
                if (err != null) {
                    c.error("open failed: " + listFile, err);
                    return c.exit(2);
                }
                List<String> names = new ArrayList<>();
                int begin = 0;
                for (int i = 0; i <= list.length; i++) {
                    if (i == list.length ? begin < list.length : list[i] == 0) {
                        names.add(new String(list, begin, i - begin, java.nio.charset.StandardCharsets.UTF_8));
                        begin = i + 1;
                    }
                }
                if (names.isEmpty()) {
                    c.error("no input from " + Quote.af(listFile, c.utf8()));
                    return c.exit(2);
                }
                // sort.c checks every name before it reads any input
                for (int i = 0; i < names.size(); i++) {
                    if (listFile.equals("-") && names.get(i).equals("-")) {
                        c.error("when reading file names from stdin, no file name of " + Quote.af("-", c.utf8()) + " allowed");
                        return c.exit(2);
                    }
                    if (names.get(i).isEmpty()) {
                        c.error(Quote.f(listFile, c.utf8()) + ":" + (i + 1) + ": invalid zero-length file name");
                        return c.exit(2);
                    }
                }
                return sortFiles(c, settings, names, checking, into, merging);
            });
        }
        return sortFiles(c, s, Inputs.orStdin(o.operands()), check, output, merge);
    }

    /** Reads the inputs, then checks (-c/-C) or sorts or merges them to standard output or -o's file. */
    private static Step sortFiles(Libc c, Settings s, List<String> files, String check, String output, boolean merge) {
        if (check != null && files.size() > 1) {
            c.error("extra operand " + Libc.quote(files.get(1)) + " not allowed with -c");
            return c.exit(2);
        }
        String quiet = check;
        String out = output;
        boolean merging = merge;
        boolean randomNeeded = s.keys.stream().anyMatch(k -> k.random);
        Step start = readAll(c, files, new ArrayList<>(), inputs -> {
            long total = 0;
            for (List<Line> in : inputs) total += in.size();
            long cost = Inputs.scanCost(total * 40) + total * 300;
            return c.compute(cost, "sort: compare and order " + total + " lines", () -> {
                if (quiet != null) return check(c, s, files.get(0), inputs.get(0), quiet.equals("quiet"));
                List<Line> sorted = merging ? merge(s, inputs) : sort(s, inputs);
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                for (Line line : sorted) {
                    text.write(line.buf(), line.start(), line.end() - line.start());
                    text.write(s.eol);
                }
                if (out == null) {
                    c.printBytes(text.toByteArray());
                    return c.exit(0);
                }
                return c.create(out, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0666, r -> {
                    if (r.failed()) {
                        c.error("open failed: " + out, r.errno());
                        return c.exit(2);
                    }
                    return c.writeAll(r.intValue(), text.toByteArray(), e -> c.close(r.intValue(), () -> c.exit(0)));
                });
            });
        }, s.eol);
        if (!randomNeeded) return start;
        return Inputs.open(c, "/dev/urandom", (err, fd) -> {
            if (err != null) return start;
            return c.read(fd, 16, r -> {
                if (!r.failed()) s.salt = r.bytes();
                return c.close(fd, () -> start);
            });
        });
    }

    private static boolean globalIsDefault(SortKey g) {
        return g.plain() || g.letters(true).equals("r");
    }

    private static Step invalidArgument(Libc c, String value, String option, String... valid) {
        StringBuilder m = new StringBuilder("sort: invalid argument " + c.quoteLocale(value) + " for " + c.quoteLocale(option) + "\n");
        m.append("Valid arguments are:\n");
        for (String v : valid) m.append("  - ").append(c.quoteLocale(v)).append('\n');
        m.append("Try 'sort --help' for more information.\n");
        c.eprint(m.toString());
        return c.exit(1);
    }

    /** Parses -k's POS1[,POS2]; returns sort's message for a bad one, or null. */
    private static String parseKey(String spec, SortKey key) {
        int[] at = {0};
        Long field = count(spec, at);
        if (field == null) return "invalid number at field start: invalid count at start of " + quoteLocale(spec.substring(at[0]));
        if (field == 0) return "field number is zero: invalid field specification " + quoteLocale(spec);
        key.startField = field - 1;
        if (at[0] < spec.length() && spec.charAt(at[0]) == '.') {
            at[0]++;
            Long ch = count(spec, at);
            if (ch == null) return "invalid number after '.': invalid count at start of " + quoteLocale(spec.substring(at[0]));
            if (ch == 0) return "character offset is zero: invalid field specification " + quoteLocale(spec);
            key.startChar = ch - 1;
        }
        if (key.startField == 0 && key.startChar == 0) key.startField = -1;
        at[0] = key.options(spec, at[0], false);
        if (at[0] < spec.length() && spec.charAt(at[0]) == ',') {
            at[0]++;
            Long end = count(spec, at);
            if (end == null) return "invalid number after ',': invalid count at start of " + quoteLocale(spec.substring(at[0]));
            if (end == 0) return "field number is zero: invalid field specification " + quoteLocale(spec);
            key.endField = end - 1;
            if (at[0] < spec.length() && spec.charAt(at[0]) == '.') {
                at[0]++;
                Long ch = count(spec, at);
                if (ch == null) return "invalid number after '.': invalid count at start of " + quoteLocale(spec.substring(at[0]));
                key.endChar = ch;
            }
            at[0] = key.options(spec, at[0], true);
        }
        if (at[0] < spec.length()) return "stray character in field spec: invalid field specification " + quoteLocale(spec);
        return null;
    }

    /** sort's messages quote with the locale's quotes; logins run under C.UTF-8. */
    private static String quoteLocale(String s) {
        return "\u2018" + s + "\u2019";
    }

    private static Long count(String s, int[] at) {
        int i = at[0];
        long n = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            n = n > Long.MAX_VALUE / 10 - 10 ? Long.MAX_VALUE : n * 10 + s.charAt(i) - '0';
            i++;
        }
        if (i == at[0]) return null;
        at[0] = i;
        return n;
    }

    // ---- input ----

    private interface InputsThen {
        Step apply(List<List<Line>> inputs);
    }

    private static Step readAll(Libc c, List<String> files, List<List<Line>> into, InputsThen then, byte eol) {
        if (into.size() == files.size()) return then.apply(into);
        String file = files.get(into.size());
        return Inputs.read(c, file, (err, content) -> {
            if (err != null) {
                if (err == Errno.EISDIR) c.error("read failed: " + file, err);
                else c.error("cannot read: " + file, err);
                return c.exit(2);
            }
            into.add(lines(content, eol));
            return readAll(c, files, into, then, eol);
        });
    }

    private static List<Line> lines(byte[] content, byte eol) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == eol) {
                out.add(new Line(content, start, i));
                start = i + 1;
            }
        }
        if (start < content.length) out.add(new Line(content, start, content.length));
        return out;
    }

    // ---- ordering ----

    /** Compares by the keys only (what -u and -s go by). */
    private static int keyCompare(Settings s, Line a, Line b) {
        for (SortKey k : s.keys) {
            int as = k.begin(a.buf(), a.start(), a.end(), s.tab);
            int ae = k.limit(a.buf(), a.start(), a.end(), s.tab);
            int bs = k.begin(b.buf(), b.start(), b.end(), s.tab);
            int be = k.limit(b.buf(), b.start(), b.end(), s.tab);
            int d = k.compare(a.buf(), as, ae, b.buf(), bs, be, s.salt);
            if (d != 0) return k.reverse ? -Integer.signum(d) : Integer.signum(d);
        }
        return 0;
    }

    /** The full order: keys, then (unless -s or -u) the whole lines, reversed by a global -r. */
    private static int compare(Settings s, Line a, Line b) {
        int d;
        if (!s.keys.isEmpty()) {
            d = keyCompare(s, a, b);
            if (d != 0 || s.unique || s.stable) return d;
        }
        d = Integer.signum(SortKey.bytes(a.buf(), a.start(), a.end(), b.buf(), b.start(), b.end()));
        return s.reverse ? -d : d;
    }

    private static List<Line> sort(Settings s, List<List<Line>> inputs) {
        List<Line> all = new ArrayList<>();
        for (List<Line> in : inputs) all.addAll(in);
        Comparator<Line> order = (a, b) -> compare(s, a, b);
        all.sort(order);
        return unique(s, all);
    }

    private static List<Line> unique(Settings s, List<Line> sorted) {
        if (!s.unique) return sorted;
        List<Line> out = new ArrayList<>();
        for (Line line : sorted) {
            if (!out.isEmpty() && compare(s, out.get(out.size() - 1), line) == 0) continue;
            out.add(line);
        }
        return out;
    }

    /** -m: a k-way merge; on ties the earlier input goes first. */
    private static List<Line> merge(Settings s, List<List<Line>> inputs) {
        int[] at = new int[inputs.size()];
        List<Line> out = new ArrayList<>();
        while (true) {
            int best = -1;
            for (int i = 0; i < inputs.size(); i++) {
                if (at[i] >= inputs.get(i).size()) continue;
                if (best < 0 || compare(s, inputs.get(i).get(at[i]), inputs.get(best).get(at[best])) < 0) best = i;
            }
            if (best < 0) break;
            out.add(inputs.get(best).get(at[best]++));
        }
        return unique(s, out);
    }

    /** -c and -C: the first line out of order (with -u, equal lines are out of order too). */
    private static Step check(Libc c, Settings s, String file, List<Line> lines, boolean quiet) {
        for (int i = 1; i < lines.size(); i++) {
            int d = compare(s, lines.get(i - 1), lines.get(i));
            if (d > 0 || s.unique && d == 0) {
                if (!quiet) {
                    Line l = lines.get(i);
                    c.flushStdout();
                    c.eprint("sort: " + file + ":" + (i + 1) + ": disorder: ");
                    c.eprintBytes(java.util.Arrays.copyOfRange(l.buf(), l.start(), l.end()));
                    c.eprint("\n");
                }
                return c.exit(1);
            }
        }
        return c.exit(0);
    }

    @Override
    public String whatis() {
        return "sort lines of text files";
    }

    @Override
    public String manual() {
        return "sort [OPTION]... [FILE]...\n  Write sorted concatenation of all FILE(s) to standard output. With no FILE, or when FILE is -, read standard input.\n"
                + "  -b, --ignore-leading-blanks  ignore leading blanks\n"
                + "  -d, --dictionary-order      consider only blanks and alphanumeric characters\n"
                + "  -f, --ignore-case           fold lower case to upper case characters\n"
                + "  -g, --general-numeric-sort  compare according to general numerical value\n"
                + "  -i, --ignore-nonprinting    consider only printable characters\n"
                + "  -M, --month-sort            compare (unknown) < 'JAN' < ... < 'DEC'\n"
                + "  -h, --human-numeric-sort    compare human readable numbers (e.g., 2K 1G)\n"
                + "  -n, --numeric-sort          compare according to string numerical value\n"
                + "  -R, --random-sort           shuffle, but group identical keys\n"
                + "  -r, --reverse               reverse the result of comparisons\n"
                + "  -V, --version-sort          natural sort of (version) numbers within text\n"
                + "  -c, --check, --check=diagnose-first  check for sorted input; do not sort\n"
                + "  -C, --check=quiet, --check=silent  like -c, but do not report first bad line\n"
                + "  -k, --key=KEYDEF            sort via a key; KEYDEF gives location and type: F[.C][OPTS][,F[.C][OPTS]]\n"
                + "  -m, --merge                 merge already sorted files; do not sort\n"
                + "  -o, --output=FILE           write result to FILE instead of standard output\n"
                + "  -s, --stable                stabilize sort by disabling last-resort comparison\n"
                + "  -t, --field-separator=SEP   use SEP instead of non-blank to blank transition\n"
                + "  -u, --unique                with -c, check for strict ordering; without -c, output only the first of an equal run\n"
                + "  -z, --zero-terminated       line delimiter is NUL, not newline";
    }
}
