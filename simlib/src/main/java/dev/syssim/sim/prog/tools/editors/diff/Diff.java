package dev.syssim.sim.prog.tools.editors.diff;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * diff, as GNU diffutils 3.8: normal, unified ({@code -u}, {@code -U N}), context ({@code -c},
 * {@code -C N}), side-by-side ({@code -y}, {@code -W}), brief ({@code -q}) output of the edit
 * script {@link Comparison} finds; {@code -i -w -b -E -Z -B} to ignore differences, {@code -r}
 * through directories with its {@code Only in} lines, {@code -N}, {@code --label}, headers with
 * the files' modification times, binary files, exit status 0 (same), 1 (different), 2 (trouble).
 *
 * <p>Simplifications: no {@code -e}/{@code -f}/{@code -n}/{@code -D} scripts or line and group
 * formats, no {@code -I}/{@code -F}/{@code -p} regular expressions, no {@code -x}/{@code -X}
 * exclusions, no pagination, no colors.
 */
public final class Diff extends Tool {

    private final long bootEpochSeconds;

    public Diff(long bootEpochSeconds) {
        this.bootEpochSeconds = bootEpochSeconds;
    }

    private static final String SHORT = "0123456789abBcC:dD:eEfF:hHiI:lL:nNpPqrsS:tTuU:vwW:x:X:yZ";
    private static final List<String> LONG = List.of("binary", "brief>q", "changed-group-format=", "color=?",
            "context=?>C", "ed>e", "exclude=>x", "exclude-from=>X", "expand-tabs>t", "forward-ed>f", "from-file=",
            "help", "horizon-lines=", "ifdef=>D", "ignore-all-space>w", "ignore-blank-lines>B", "ignore-case>i",
            "ignore-file-name-case", "ignore-matching-lines=>I", "ignore-space-change>b", "ignore-tab-expansion>E",
            "ignore-trailing-space>Z", "inhibit-hunk-merge", "initial-tab>T", "label=>L", "left-column",
            "line-format=", "minimal>d", "new-file>N", "new-group-format=", "new-line-format=", "no-dereference",
            "no-ignore-file-name-case", "normal", "old-group-format=", "old-line-format=", "paginate>l",
            "palette=", "rcs>n", "recursive>r", "report-identical-files>s", "sdiff-merge-assist",
            "show-c-function>p", "show-function-line=>F", "side-by-side>y", "speed-large-files>H",
            "starting-file=>S", "strip-trailing-cr", "suppress-blank-empty", "suppress-common-lines", "tabsize=",
            "text>a", "to-file=", "unchanged-group-format=", "unchanged-line-format=", "unidirectional-new-file>P",
            "unified=?>U", "version>v", "width=>W");

    /** Output styles. */
    enum Style { UNSPECIFIED, NORMAL, CONTEXT, UNIFIED, SDIFF }

    /** What the options asked for. */
    static final class Settings {
        Style style = Style.UNSPECIFIED;
        int context;
        boolean text;
        boolean ignoreCase;
        int whiteSpace = Comparison.Options.NO_WHITE_SPACE;
        boolean ignoreBlankLines;
        boolean minimal;
        boolean speedLargeFiles;
        boolean brief;
        boolean recursive;
        boolean newFile;
        boolean unidirectionalNewFile;
        boolean reportIdentical;
        boolean expandTabs;
        boolean initialTab;
        boolean suppressCommonLines;
        boolean leftColumn;
        boolean suppressBlankEmpty;
        boolean noDereference;
        int width;
        int tabsize = 8;
        int horizonLines;
        String[] labels = new String[2];
        String switches = "";
        String timeFormat;
        int halfWidth;
        int column2;
        boolean noDiffMeansNoOutput;
    }

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        Getopt g = Getopt.parse("diff", args, SHORT, LONG, true);
        if (g.failed()) return tryHelp(c, g.error().substring("diff: ".length()));
        Settings s = new Settings();
        int ocontext = -1;
        boolean explicitContext = false;
        String prev = null;
        for (Getopt.Opt o : g.options()) {
            String k = o.key();
            if (k.length() == 1 && Character.isDigit(k.charAt(0))) {
                int d = k.charAt(0) - '0';
                ocontext = prev != null && prev.length() == 1 && Character.isDigit(prev.charAt(0)) ? ocontext * 10 + d : d;
                prev = k;
                continue;
            }
            switch (k) {
                case "a": s.text = true; break;
                case "b": if (s.whiteSpace < Comparison.Options.SPACE_CHANGE) s.whiteSpace = Comparison.Options.SPACE_CHANGE; break;
                case "Z": if (s.whiteSpace < Comparison.Options.SPACE_CHANGE) s.whiteSpace |= Comparison.Options.TRAILING_SPACE; break;
                case "E": if (s.whiteSpace < Comparison.Options.SPACE_CHANGE) s.whiteSpace |= Comparison.Options.TAB_EXPANSION; break;
                case "w": s.whiteSpace = Comparison.Options.ALL_SPACE; break;
                case "B": s.ignoreBlankLines = true; break;
                case "C":
                case "U": {
                    int n = 3;
                    if (o.value() != null) {
                        Integer v = number(o.value());
                        if (v == null) return tryHelp(c, "invalid context length '" + o.value() + "'");
                        n = v;
                    }
                    String err = style(s, k.equals("U") ? Style.UNIFIED : Style.CONTEXT);
                    if (err != null) return tryHelp(c, err);
                    if (s.context < n) s.context = n;
                    explicitContext = true;
                    break;
                }
                case "c": {
                    String err = style(s, Style.CONTEXT);
                    if (err != null) return tryHelp(c, err);
                    if (s.context < 3) s.context = 3;
                    break;
                }
                case "u": {
                    String err = style(s, Style.UNIFIED);
                    if (err != null) return tryHelp(c, err);
                    if (s.context < 3) s.context = 3;
                    break;
                }
                case "y": {
                    String err = style(s, Style.SDIFF);
                    if (err != null) return tryHelp(c, err);
                    break;
                }
                case "normal": {
                    String err = style(s, Style.NORMAL);
                    if (err != null) return tryHelp(c, err);
                    break;
                }
                case "d": s.minimal = true; break;
                case "H": s.speedLargeFiles = true; break;
                case "i": s.ignoreCase = true; break;
                case "L":
                    if (s.labels[0] == null) s.labels[0] = o.value();
                    else if (s.labels[1] == null) s.labels[1] = o.value();
                    else return fatal(c, "too many file label options");
                    break;
                case "N": s.newFile = true; break;
                case "P": s.unidirectionalNewFile = true; break;
                case "q": s.brief = true; break;
                case "r": s.recursive = true; break;
                case "s": s.reportIdentical = true; break;
                case "t": s.expandTabs = true; break;
                case "T": s.initialTab = true; break;
                case "W": {
                    Integer v = number(o.value());
                    if (v == null || v <= 0) return tryHelp(c, "invalid width '" + o.value() + "'");
                    if (s.width != 0 && s.width != v) return fatal(c, "conflicting width options");
                    s.width = v;
                    break;
                }
                case "tabsize": {
                    Integer v = number(o.value());
                    if (v == null || v <= 0) return tryHelp(c, "invalid tabsize '" + o.value() + "'");
                    s.tabsize = v;
                    break;
                }
                case "horizon-lines": {
                    Integer v = number(o.value());
                    if (v == null) return tryHelp(c, "invalid horizon length '" + o.value() + "'");
                    s.horizonLines = Math.max(s.horizonLines, v);
                    break;
                }
                case "suppress-common-lines": s.suppressCommonLines = true; break;
                case "left-column": s.leftColumn = true; break;
                case "suppress-blank-empty": s.suppressBlankEmpty = true; break;
                case "no-dereference": s.noDereference = true; break;
                case "help": return help(c);
                case "v":
                    c.print("diff (GNU diffutils) 3.8\nCopyright (C) 2021 Free Software Foundation, Inc.\n"
                            + "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
                            + "This is free software: you are free to change and redistribute it.\n"
                            + "There is NO WARRANTY, to the extent permitted by law.\n\n"
                            + "Written by Paul Eggert, Mike Haertel, David Hayes,\nRichard Stallman, and Len Tower.\n");
                    return c.exit(0);
                case "color":
                case "binary":
                case "h":
                case "ignore-file-name-case":
                case "no-ignore-file-name-case":
                case "inhibit-hunk-merge":
                case "strip-trailing-cr":
                    break;
                default:
                    // ed scripts, ifdef and line formats, regexps, exclusions, pagination: not simulated
                    return tryHelp(c, "option '" + k + "' is not supported by this simulation");
            }
            prev = k;
        }
        if (s.style == Style.UNSPECIFIED) s.style = Style.NORMAL;
        s.timeFormat = s.style != Style.CONTEXT || c.utf8() || !"C".equals(locale(c)) ? "long" : "short";
        if (ocontext >= 0 && (s.style == Style.CONTEXT || s.style == Style.UNIFIED)
                && (s.context < ocontext || (ocontext < s.context && !explicitContext))) {
            s.context = ocontext;
        }
        if (s.width == 0) s.width = 130;
        int t = s.expandTabs ? 1 : s.tabsize;
        int w = s.width;
        int tg = t + 3;
        int unaligned = (w >> 1) + (tg >> 1) + (w & tg & 1);
        int off = unaligned - unaligned % t;
        s.halfWidth = off <= 3 || w <= off ? 0 : Math.min(off - 3, w - off);
        s.column2 = s.halfWidth != 0 ? off : w;
        if (s.horizonLines < s.context) s.horizonLines = s.context;
        s.noDiffMeansNoOutput = s.style != Style.SDIFF || s.suppressCommonLines;
        s.switches = switches(args, g.operands());
        List<String> ops = g.operands();
        if (ops.size() != 2) {
            if (ops.size() < 2) return tryHelp(c, "missing operand after '" + (args.isEmpty() ? "diff" : args.get(args.size() - 1)) + "'");
            return tryHelp(c, "extra operand '" + ops.get(2) + "'");
        }
        Run r = new Run(c, s);
        return r.top(ops.get(0), ops.get(1), status -> c.exit(status));
    }

    private static String locale(Libc c) {
        for (String n : new String[] {"LC_ALL", "LC_TIME", "LANG"}) {
            String v = c.env(n);
            if (v != null && !v.isEmpty()) return v;
        }
        return "C";
    }

    private static Integer number(String s) {
        if (s == null || s.isEmpty() || !s.chars().allMatch(Character::isDigit)) return null;
        try {
            return (int) Math.min(Long.parseLong(s), Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String style(Settings s, Style style) {
        if (s.style != style) {
            if (s.style != Style.UNSPECIFIED) return "conflicting output style options";
            s.style = style;
        }
        return null;
    }

    /** The options as given, shell-quoted (diff's switch_string in {@code diff -r a/x b/x} lines). */
    private static String switches(List<String> args, List<String> operands) {
        StringBuilder b = new StringBuilder();
        List<String> rest = new ArrayList<>(operands);
        boolean ended = false;
        for (String a : args) {
            if (!ended && !rest.isEmpty() && a.equals(rest.get(0)) && (!a.startsWith("-") || a.equals("-"))) {
                rest.remove(0);
                continue;
            }
            if (!ended && a.equals("--")) ended = true;
            if (ended && !a.equals("--") && !rest.isEmpty() && a.equals(rest.get(0))) {
                rest.remove(0);
                continue;
            }
            b.append(' ').append(shellQuote(a));
        }
        return b.toString();
    }

    private static String shellQuote(String a) {
        if (!a.isEmpty() && a.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || "-_=+./,:@%".indexOf(ch) >= 0)) return a;
        return "'" + a.replace("'", "'\\''") + "'";
    }

    private Step tryHelp(Libc c, String message) {
        if (message != null) c.eprint("diff: " + message + "\n");
        c.eprint("diff: Try 'diff --help' for more information.\n");
        return c.exit(2);
    }

    private Step fatal(Libc c, String message) {
        c.eprint("diff: " + message + "\n");
        return c.exit(2);
    }

    // ---- one run: the comparisons and their output ----

    /** A file being compared: its name, whether it exists, its status, or the error finding it. */
    private static final class FileInfo {
        String name;
        boolean nonexistent;
        boolean stdin;
        Stat stat;
        Errno error;

        boolean isDir() {
            return stat != null && stat.type() == FileType.DIRECTORY;
        }

        boolean isRegular() {
            return stat != null && (stat.type() == FileType.REGULAR || stat.type() == FileType.SYMLINK);
        }
    }

    private final class Run {
        final Libc c;
        final Settings s;

        Run(Libc c, Settings s) {
            this.c = c;
            this.s = s;
        }

        Step top(String name0, String name1, IntFunction<Step> then) {
            return compare(null, null, name0, name1, then);
        }

        /** compare_files: {@code parent} names the directories being walked (null at the top). */
        Step compare(String[] parent, FileInfo[] parentInfo, String name0, String name1, IntFunction<Step> then) {
            if (parent != null && !((name0 != null && name1 != null) || (s.unidirectionalNewFile && name1 != null) || s.newFile)) {
                String name = name0 != null ? name0 : name1;
                String dir = parent[name0 != null ? 0 : 1];
                message("Only in " + dir + ": " + name + "\n");
                return then.apply(1);
            }
            FileInfo[] f = {new FileInfo(), new FileInfo()};
            f[0].nonexistent = name0 == null;
            f[1].nonexistent = name1 == null;
            String n0 = name0 == null ? name1 : name0;
            String n1 = name1 == null ? name0 : name1;
            f[0].name = parent == null ? n0 : join(parent[0], n0);
            f[1].name = parent == null ? n1 : join(parent[1], n1);
            return stat(f[0], () -> stat(f[1], () -> afterStat(parent, f, n0, then)));
        }

        private Step stat(FileInfo fi, java.util.function.Supplier<Step> then) {
            if (fi.nonexistent) return then.get();
            if (fi.name.equals("-")) {
                fi.stdin = true;
                fi.stat = Stat.special(0, 0, FileType.FIFO, 0600, 0, 0, 0, 0, 0);
                return then.get();
            }
            return c.statOf(fi.name, !s.noDereference, (e, st) -> {
                if (e != null) fi.error = e;
                else fi.stat = st;
                return then.get();
            });
        }

        private Step afterStat(String[] parent, FileInfo[] f, String leaf, IntFunction<Step> then) {
            for (int i = 0; i < 2; i++) {
                FileInfo fi = f[i];
                FileInfo other = f[1 - i];
                if (s.newFile || (i == 0 && s.unidirectionalNewFile)) {
                    boolean unopenedEmptyInaccessible = fi.stat != null && fi.stat.type() == FileType.REGULAR
                            && (fi.stat.permissions() & 0777) == 0 && fi.stat.size() == 0;
                    boolean missingTop = fi.error == Errno.ENOENT && parent == null && (other.stat != null || other.stdin);
                    if (unopenedEmptyInaccessible || missingTop) {
                        fi.error = null;
                        fi.nonexistent = true;
                    }
                }
            }
            for (int i = 0; i < 2; i++) {
                if (f[i].nonexistent) f[i].stat = f[1 - i].stat;
            }
            int status = 0;
            for (int i = 0; i < 2; i++) {
                if (f[i].error != null) {
                    c.error(f[i].name, f[i].error);
                    status = 2;
                }
            }
            if (status != 0) return then.apply(status);
            if (parent == null && f[0].isDir() != f[1].isDir()) {
                int fnm = f[0].isDir() ? 1 : 0;
                int dirArg = 1 - fnm;
                String fileName = f[fnm].name;
                if (fileName.equals("-")) return fatal(c, "cannot compare '-' to a directory");
                String base = fileName.substring(fileName.lastIndexOf('/') + 1);
                f[dirArg].name = join(f[dirArg].name, base);
                return c.statOf(f[dirArg].name, !s.noDereference, (e, st) -> {
                    if (e != null) {
                        c.error(f[dirArg].name, e);
                        return then.apply(2);
                    }
                    f[dirArg].stat = st;
                    return files(parent, f, leaf, then);
                });
            }
            return files(parent, f, leaf, then);
        }

        private Step files(String[] parent, FileInfo[] f, String leaf, IntFunction<Step> then) {
            if (f[0].nonexistent && f[1].nonexistent) return then.apply(0);
            boolean same = !f[0].nonexistent && !f[1].nonexistent && !f[0].stdin && !f[1].stdin
                    && f[0].stat.device() == f[1].stat.device() && f[0].stat.inode() == f[1].stat.inode();
            if (same && s.noDiffMeansNoOutput) return identical(f, then);
            if (f[0].isDir() && f[1].isDir()) {
                if (parent != null && !s.recursive) {
                    message("Common subdirectories: " + f[0].name + " and " + f[1].name + "\n");
                    return then.apply(0);
                }
                return dirs(f, then);
            }
            boolean reg0 = f[0].isRegular();
            boolean reg1 = f[1].isRegular();
            if (f[0].isDir() || f[1].isDir() || (parent != null && !(reg0 && reg1))) {
                if (f[0].nonexistent || f[1].nonexistent) {
                    if ((f[0].isDir() || f[1].isDir()) && s.recursive && (s.newFile || (s.unidirectionalNewFile && f[0].nonexistent))) {
                        return dirs(f, then);
                    }
                    String dir = parent[f[0].nonexistent ? 1 : 0];
                    message("Only in " + dir + ": " + leaf + "\n");
                    return then.apply(1);
                }
                message("File " + label(0, f) + " is a " + fileType(f[0].stat) + " while file " + label(1, f) + " is a "
                        + fileType(f[1].stat) + "\n");
                return then.apply(1);
            }
            return read(f[0], (e0, b0) -> {
                if (e0 != null) {
                    c.error(f[0].name, e0);
                    return then.apply(2);
                }
                return read(f[1], (e1, b1) -> {
                    if (e1 != null) {
                        c.error(f[1].name, e1);
                        return then.apply(2);
                    }
                    int status = twoFiles(parent != null, f, b0, b1);
                    if (status == 0 && s.reportIdentical) {
                        message("Files " + label(0, f) + " and " + label(1, f) + " are identical\n");
                    }
                    if (status != 0) c.flushStdout();
                    return then.apply(status);
                });
            });
        }

        private Step identical(FileInfo[] f, IntFunction<Step> then) {
            if (s.reportIdentical && !f[0].isDir()) message("Files " + label(0, f) + " and " + label(1, f) + " are identical\n");
            return then.apply(0);
        }

        private Step read(FileInfo fi, java.util.function.BiFunction<Errno, byte[], Step> then) {
            if (fi.nonexistent) return then.apply(null, new byte[0]);
            if (fi.stdin) return Inputs.read(c, "-", then);
            return c.readFile(fi.name, then);
        }

        private String label(int i, FileInfo[] f) {
            return s.labels[i] != null ? s.labels[i] : f[i].name;
        }

        /** diff_dirs: the sorted names of both directories, compared pairwise. */
        private Step dirs(FileInfo[] f, IntFunction<Step> then) {
            return list(f[0], (e0, names0) -> list(f[1], (e1, names1) -> {
                int status = 0;
                if (e0 != null) {
                    c.error(f[0].name, e0);
                    status = 2;
                }
                if (e1 != null) {
                    c.error(f[1].name, e1);
                    status = 2;
                }
                if (status != 0) return then.apply(status);
                String[] parent = {f[0].name, f[1].name};
                List<String[]> pairs = new ArrayList<>();
                int i = 0;
                int j = 0;
                while (i < names0.size() || j < names1.size()) {
                    int order = i >= names0.size() ? 1 : j >= names1.size() ? -1 : compareNames(names0.get(i), names1.get(j));
                    pairs.add(new String[] {order > 0 ? null : names0.get(i), order < 0 ? null : names1.get(j)});
                    if (order <= 0) i++;
                    if (order >= 0) j++;
                }
                int[] worst = {0};
                return Libc.forEach(pairs, (pair, next) -> compare(parent, f, pair[0], pair[1], st -> {
                    if (st > worst[0]) worst[0] = st;
                    return next.get();
                }), () -> then.apply(worst[0]));
            }));
        }

        private Step list(FileInfo fi, java.util.function.BiFunction<Errno, List<String>, Step> then) {
            if (fi.nonexistent) return then.apply(null, List.of());
            return c.listDirectory(fi.name, false, (e, entries) -> {
                if (e != null) return then.apply(e, null);
                List<String> names = new ArrayList<>();
                for (Dirent d : entries) names.add(d.name());
                names.sort(Diff::compareNames);
                return then.apply(null, names);
            });
        }

        private void message(String text) {
            c.printBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        /** diff_2_files: binary files byte against byte, text files line against line. */
        private int twoFiles(boolean recursive, FileInfo[] f, byte[] b0, byte[] b1) {
            boolean binary = !s.text && (hasNul(b0) || hasNul(b1));
            if (binary) {
                boolean differ = !java.util.Arrays.equals(b0, b1);
                if (differ) message((s.brief ? "Files " : "Binary files ") + label(0, f) + " and " + label(1, f) + " differ\n");
                return differ ? 1 : 0;
            }
            Comparison.Text t0 = new Comparison.Text(b0);
            Comparison.Text t1 = new Comparison.Text(b1);
            Comparison cmp = new Comparison(t0, t1, new Comparison.Options(s.ignoreCase, s.whiteSpace, s.minimal,
                    s.speedLargeFiles, s.horizonLines, true));
            Output out = new Output(s, cmp, t0, t1, headers(f), recursive, bootEpochSeconds);
            boolean changes = out.anyChange();
            if (s.brief) {
                if (changes) message("Files " + label(0, f) + " and " + label(1, f) + " differ\n");
                return changes ? 1 : 0;
            }
            if (changes || !s.noDiffMeansNoOutput) {
                byte[] text = out.render(label(0, f), label(1, f), f[0].name, f[1].name, f[0].stat, f[1].stat);
                c.printBytes(text);
            }
            return changes ? 1 : 0;
        }

        private String[] headers(FileInfo[] f) {
            return new String[] {f[0].name, f[1].name};
        }
    }

    private static boolean hasNul(byte[] b) {
        int n = Math.min(b.length, Stat.BLOCK_SIZE);
        for (int i = 0; i < n; i++) if (b[i] == 0) return true;
        return false;
    }

    static int compareNames(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int d = (x[i] & 0xff) - (y[i] & 0xff);
            if (d != 0) return d;
        }
        return x.length - y.length;
    }

    private static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    static String fileType(Stat st) {
        switch (st.type()) {
            case REGULAR: return st.size() == 0 ? "regular empty file" : "regular file";
            case DIRECTORY: return "directory";
            case SYMLINK: return "symbolic link";
            case FIFO: return "fifo";
            case SOCKET: return "socket";
            case CHAR_DEVICE: return "character special file";
            case BLOCK_DEVICE: return "block special file";
            default: return "weird file";
        }
    }

    @Override
    public String whatis() {
        return "compare files line by line";
    }

    @Override
    public String source() {
        return "diffutils 3.8";
    }

    @Override
    public String manual() {
        return "diff [OPTION]... FILES\n"
                + "  Compare FILES line by line. Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.\n"
                + "  --normal                  output a normal diff (the default)\n"
                + "  -q, --brief               report only when files differ\n"
                + "  -s, --report-identical-files  report when two files are the same\n"
                + "  -c, -C NUM, --context[=NUM]  output NUM (default 3) lines of copied context\n"
                + "  -u, -U NUM, --unified[=NUM]  output NUM (default 3) lines of unified context\n"
                + "  -y, --side-by-side        output in two columns\n"
                + "  -W, --width=NUM           output at most NUM (default 130) print columns\n"
                + "      --left-column         output only the left column of common lines\n"
                + "      --suppress-common-lines  do not output common lines\n"
                + "  -r, --recursive           recursively compare any subdirectories found\n"
                + "  -N, --new-file            treat absent files as empty\n"
                + "      --unidirectional-new-file  treat absent first files as empty\n"
                + "  -i, --ignore-case         ignore case differences in file contents\n"
                + "  -E, --ignore-tab-expansion  ignore changes due to tab expansion\n"
                + "  -Z, --ignore-trailing-space  ignore white space at line end\n"
                + "  -b, --ignore-space-change  ignore changes in the amount of white space\n"
                + "  -w, --ignore-all-space    ignore all white space\n"
                + "  -B, --ignore-blank-lines  ignore changes where lines are all blank\n"
                + "  -a, --text                treat all files as text\n"
                + "  -t, --expand-tabs         expand tabs to spaces in output\n"
                + "  -T, --initial-tab         make tabs line up by prepending a tab\n"
                + "      --label LABEL         use LABEL instead of file name and timestamp (can be repeated)\n"
                + "  -d, --minimal             try hard to find a smaller set of changes\n"
                + "  Not simulated: -e, -f, -n, -D and the line and group formats, -I, -F, -p, -x, -X, -l, --color.";
    }
}
