package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Regex;
import dev.syssim.sim.prog.Tool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * grep (GNU grep 3.8), and egrep and fgrep, which Debian 12 ships as scripts running
 * {@code grep -E} and {@code grep -F}. Basic regular expressions by default, extended with -E,
 * fixed strings with -F ({@link Regex} in grep's dialects); several -e and -f; -w, -x, -v, -i;
 * output of lines with context, counts, names, only the matches; recursion; binary files as GNU grep
 * treats them ({@link GrepScan}). Exit status 0 when a line was selected, 1 when none was, 2 on an
 * error (unless -q found a line). Input is read a block at a time, so {@code yes | grep -m1 y} ends.
 *
 * -P takes one Perl-compatible pattern ({@link GrepPerl}, with its simplifications).
 *
 * <p>Simplifications: recursion visits a directory's entries in name
 * order (real grep takes readdir's order); "input file is also the output" is not detected.
 */
public final class Grep extends Tool {

    private static final List<String> LONG = List.of("basic-regexp>G", "extended-regexp>E", "fixed-regexp>F", "fixed-strings>F",
            "perl-regexp>P", "after-context=>A", "before-context=>B", "binary-files=", "byte-offset>b", "context=>C", "color=?",
            "colour=?>color", "count>c", "devices=>D", "directories=>d", "dereference-recursive>R", "exclude=", "exclude-from=",
            "exclude-dir=", "file=>f", "files-with-matches>l", "files-without-match>L", "group-separator=", "help", "include=",
            "ignore-case>i", "no-ignore-case", "initial-tab>T", "label=", "line-buffered", "line-number>n", "line-regexp>x",
            "max-count=>m", "no-filename>h", "no-group-separator", "no-messages>s", "null>Z", "null-data>z", "only-matching>o",
            "quiet>q", "recursive>r", "regexp=>e", "invert-match>v", "silent>q", "text>a", "binary>U", "unix-byte-offsets>u",
            "version>V", "with-filename>H", "word-regexp>w");

    private static final String USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\n";
    private static final String TRY = "Try 'grep --help' for more information.\n";

    private final char defaultMatcher;

    /** grep itself. */
    public Grep() {
        this('G');
    }

    /** grep with another default matcher: 'E' for egrep, 'F' for fgrep. */
    public Grep(char defaultMatcher) {
        this.defaultMatcher = defaultMatcher;
    }

    /** Everything about one run that is not per input. */
    private static final class Run {
        final GrepScan.Settings settings = new GrepScan.Settings();
        boolean suppressErrors;
        boolean recursive;
        /** -r with one operand and neither -H nor -h: file names are shown once a directory is searched. */
        boolean namesInDirectories;
        boolean dereference;
        String directories = "read";
        String devices = "read";
        boolean binaryWithoutMatch;
        String label = "(standard input)";
        List<Regex> include = new ArrayList<>();
        List<Regex> exclude = new ArrayList<>();
        List<Regex> excludeDir = new ArrayList<>();
        boolean selected;
        boolean error;
    }

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        Getopt o = Getopt.parse("grep", args, "0123456789A:B:C:D:EFGHIJLPTUVX:Zabcd:e:f:hiLlm:noqRrsuvwxyz", LONG, true);
        if (o.failed()) {
            c.eprint(o.error() + "\n" + USAGE + TRY);
            return c.exit(2);
        }
        Run run = new Run();
        GrepScan.Settings s = run.settings;
        char matcher = defaultMatcher;
        char chosen = defaultMatcher == 'G' ? 0 : defaultMatcher;
        boolean icase = false;
        boolean words = false;
        boolean lines = false;
        int context = -1;
        List<Integer> digitContexts = digitContexts(args);
        int digitRun = 0;
        String color = null;
        boolean showHelp = o.has("help");
        boolean lastDigit = false;
        List<Object> patternSources = new ArrayList<>();
        for (Getopt.Opt g : o.options()) {
            String k = g.key();
            String v = g.value();
            boolean digit = k.length() == 1 && Character.isDigit(k.charAt(0));
            if (digit) {
                if (!lastDigit) context = digitContexts.get(Math.min(digitRun++, digitContexts.size() - 1));
                lastDigit = true;
                continue;
            }
            lastDigit = false;
            switch (k) {
                case "E", "F", "G", "P" -> {
                    // two different matchers are an error (egrep and fgrep are grep -E and grep -F)
                    char wanted = k.charAt(0);
                    if (chosen != 0 && chosen != wanted) {
                        c.eprint("grep: conflicting matchers specified\n");
                        return c.exit(2);
                    }
                    chosen = wanted;
                    matcher = wanted;
                }
                case "e" -> patternSources.add(v.getBytes(StandardCharsets.UTF_8));
                case "f" -> patternSources.add(v);
                case "i", "y" -> icase = true;
                case "no-ignore-case" -> icase = false;
                case "w" -> words = true;
                case "x" -> lines = true;
                case "v" -> s.invert = true;
                case "c" -> s.count = true;
                case "l" -> s.listFiles = 1;
                case "L" -> s.listFiles = 2;
                case "q" -> s.quiet = true;
                case "s" -> run.suppressErrors = true;
                case "o" -> s.onlyMatching = true;
                case "n" -> s.lineNumbers = true;
                case "b" -> s.byteOffsets = true;
                case "H" -> s.withNames = true;
                case "h" -> s.withNames = false;
                case "T" -> s.initialTab = true;
                case "u" -> c.eprint("grep: warning: --unix-byte-offsets (-u) is obsolete\n");
                case "Z" -> s.nullAfterName = true;
                case "z" -> s.nullData = true;
                case "a" -> s.text = true;
                case "I" -> run.binaryWithoutMatch = true;
                case "r" -> {
                    run.recursive = true;
                    run.directories = "recurse";
                }
                case "R" -> {
                    run.recursive = true;
                    run.dereference = true;
                    run.directories = "recurse";
                }
                case "label" -> run.label = v;
                case "group-separator" -> s.groupSeparator = v;
                case "no-group-separator" -> s.groupSeparator = null;
                case "color" -> color = v == null ? "auto" : v;
                case "A", "B", "C" -> {
                    Integer n = contextLength(v);
                    if (n == null) {
                        c.eprint("grep: " + v + ": invalid context length argument\n");
                        return c.exit(2);
                    }
                    if (k.equals("A")) s.after = n;
                    else if (k.equals("B")) s.before = n;
                    else context = n;
                }
                case "m" -> {
                    Long n = number(v);
                    if (n == null) {
                        c.eprint("grep: invalid max count\n");
                        return c.exit(2);
                    }
                    s.maxCount = n;
                }
                case "binary-files" -> {
                    switch (v) {
                        case "binary" -> {
                            s.text = false;
                            run.binaryWithoutMatch = false;
                        }
                        case "text" -> s.text = true;
                        case "without-match" -> run.binaryWithoutMatch = true;
                        default -> {
                            c.eprint("grep: unknown binary-files type\n");
                            return c.exit(2);
                        }
                    }
                }
                case "d" -> {
                    if (!List.of("read", "recurse", "skip").contains(v)) return invalidArgument(c, v, "--directories", "read", "recurse", "skip");
                    run.directories = v;
                    run.recursive = v.equals("recurse");
                }
                case "D" -> {
                    if (!List.of("read", "skip").contains(v)) {
                        c.eprint("grep: unknown devices method\n");
                        return c.exit(2);
                    }
                    run.devices = v;
                }
                case "include", "exclude", "exclude-dir" -> {
                    Regex glob = Glob.compile(v);
                    (k.equals("include") ? run.include : k.equals("exclude") ? run.exclude : run.excludeDir).add(glob);
                }
                default -> {
                }
            }
        }
        if (color != null) {
            switch (color) {
                case "always", "yes", "force" -> s.color = true;
                case "never", "no", "none" -> s.color = false;
                case "auto", "tty", "if-tty" -> s.color = c.stdoutIsTerminal() && c.env("TERM") != null && !"dumb".equals(c.env("TERM"));
                default -> showHelp = true;
            }
        }
        if (showHelp) return help(c);
        if (o.has("V")) {
            c.print(VERSION);
            return c.exit(0);
        }
        if (s.after < 0) s.after = context;
        if (s.before < 0) s.before = context;
        List<String> operands = new ArrayList<>(o.operands());
        if (patternSources.isEmpty()) {
            if (operands.isEmpty()) {
                c.eprint(USAGE + TRY);
                return c.exit(2);
            }
            patternSources.add(operands.remove(0).getBytes(StandardCharsets.UTF_8));
        }
        s.utf8 = c.utf8();
        boolean utf8 = s.utf8;
        char m = matcher;
        boolean ic = icase;
        boolean w = words;
        boolean x = lines;
        return readPatterns(c, patternSources, 0, new ArrayList<>(), patterns -> {
            GrepPatterns compiled = m == 'P' ? perl(c, patterns, ic, w, x, utf8) : compile(c, patterns, m, ic, w, x, utf8);
            if (compiled == null) return c.exit(2);
            s.patterns = compiled;
            if (s.maxCount == 0) return c.exit(1);
            boolean implicitDot = operands.isEmpty() && run.recursive;
            if (operands.isEmpty()) operands.add(run.recursive ? "." : "-");
            // grep.c's out_file: with one operand under -r, names are shown only once the search
            // enters a directory ("grep -r x file" prints bare lines, "grep -r x dir" prefixes them)
            boolean names = o.has("H", "h") ? s.withNames : operands.size() > 1;
            s.withNames = names;
            run.namesInDirectories = !o.has("H", "h") && !names && run.recursive;
            return Libc.forEach(operands, (file, next) -> operand(c, run, file, implicitDot, next),
                    () -> c.exit(run.error && !(s.quiet && run.selected) ? 2 : run.selected ? 0 : 1));
        });
    }

    /**
     * The numbers of grep's -NUM options, in order: getopt hands over each digit as an option, and
     * digits next to each other in one argument make one number ({@code -12}), a new argument a new
     * one ({@code -1 -2}).
     */
    private static List<Integer> digitContexts(List<String> args) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) break;
            if (!a.startsWith("-") || a.startsWith("--") || a.equals("-")) continue;
            long n = -1;
            for (int j = 1; j < a.length(); j++) {
                char ch = a.charAt(j);
                if (Character.isDigit(ch)) {
                    n = n < 0 ? ch - '0' : Math.min(Integer.MAX_VALUE, n * 10 + ch - '0');
                    continue;
                }
                if (n >= 0) out.add((int) n);
                n = -1;
                if ("ABCDXdefm".indexOf(ch) >= 0) {
                    if (j + 1 == a.length()) i++;
                    break;
                }
            }
            if (n >= 0) out.add((int) n);
        }
        return out;
    }

    private static final String VERSION = """
            grep (GNU grep) 3.8
            Copyright (C) 2022 Free Software Foundation, Inc.
            License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
            This is free software: you are free to change and redistribute it.
            There is NO WARRANTY, to the extent permitted by law.

            Written by Mike Haertel and others; see
            <https://git.sv.gnu.org/cgit/grep.git/tree/AUTHORS>.
            """;

    /** A pattern line and where it came from (a -f file and line, for messages). */
    private record Pattern(byte[] text, String file, int line) {
    }

    private interface PatternsThen {
        Step apply(List<Pattern> patterns);
    }

    private Step readPatterns(Libc c, List<Object> sources, int i, List<Pattern> into, PatternsThen then) {
        if (i == sources.size()) return then.apply(into);
        Object source = sources.get(i);
        if (source instanceof byte[] text) {
            for (byte[] line : GrepPatterns.lines(text)) into.add(new Pattern(line, null, 0));
            return readPatterns(c, sources, i + 1, into, then);
        }
        String file = (String) source;
        return Inputs.read(c, file, (err, content) -> {
            if (err != null) {
                c.error(file, err);
                return c.exit(2);
            }
            if (content.length > 0) {
                int len = content[content.length - 1] == '\n' ? content.length - 1 : content.length;
                List<byte[]> lines = GrepPatterns.lines(java.util.Arrays.copyOf(content, len));
                for (int n = 0; n < lines.size(); n++) into.add(new Pattern(lines.get(n), file.equals("-") ? "(standard input)" : file, n + 1));
            }
            return readPatterns(c, sources, i + 1, into, then);
        });
    }

    /**
     * Compiles the patterns as GNU grep does: each alone first, with glibc's messages for all that
     * fail; then the checks and warnings of dfa.c over all of them in order.
     */
    /** -P: exactly one pattern (grep 3.8 refuses more, from -e, -f or a newline), compiled by {@link GrepPerl}. */
    private static GrepPatterns perl(Libc c, List<Pattern> patterns, boolean icase, boolean words, boolean lines, boolean utf8) {
        if (patterns.size() != 1) {
            c.eprint("grep: the -P option only supports a single pattern\n");
            return null;
        }
        String text = new String(patterns.get(0).text(), utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Object compiled = GrepPerl.compile(text, icase, words, lines, utf8);
        if (compiled instanceof String message) {
            c.eprint("grep: " + message + "\n");
            return null;
        }
        return GrepPatterns.perl((GrepPerl) compiled, utf8);
    }

    private static GrepPatterns compile(Libc c, List<Pattern> patterns, char matcher, boolean icase, boolean words, boolean lines, boolean utf8) {
        Regex.Dialect dialect = matcher == 'E' ? Regex.Dialect.GREP_EXTENDED : Regex.Dialect.GREP_BASIC;
        int flags = (icase ? Regex.ICASE : 0) | (utf8 ? Regex.UTF8 : 0);
        List<byte[]> texts = new ArrayList<>();
        for (Pattern p : patterns) texts.add(matcher == 'F' ? GrepPatterns.escapeFixed(p.text()) : p.text());
        boolean failed = false;
        List<String> warnings = new ArrayList<>();
        String dfaError = null;
        List<byte[]> plain = new ArrayList<>();
        List<Regex> regexes = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Pattern p = patterns.get(i);
            Regex.Result r = Regex.compile(texts.get(i), dialect, flags | Regex.DFA_CHECKS | Regex.DFA_WARNINGS);
            if (r instanceof Regex.Invalid invalid && !invalid.fromDfa()) {
                c.eprint("grep: " + (p.file() == null ? "" : p.file() + ":" + p.line() + ": ") + invalid.message() + "\n");
                failed = true;
                continue;
            }
            if (dfaError != null) continue;
            warnings.addAll(r.warnings());
            if (r instanceof Regex.Invalid invalid) {
                dfaError = invalid.message();
                continue;
            }
            Regex re = ((Regex.Valid) r).regex();
            if (re.hasBackReferences()) regexes.add(re);
            else plain.add(texts.get(i));
        }
        if (failed) return null;
        for (String w : warnings) c.eprint("grep: warning: " + w + "\n");
        if (dfaError != null) {
            c.eprint("grep: " + dfaError + "\n");
            return null;
        }
        List<Regex> located = new ArrayList<>(regexes);
        if (!plain.isEmpty()) {
            java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < plain.size(); i++) {
                if (i > 0) joined.write('\n');
                joined.writeBytes(plain.get(i));
            }
            regexes.addAll(0, joinedOrEach(joined.toByteArray(), plain, dialect, flags | Regex.DFA_SEMANTICS));
            located.addAll(0, joinedOrEach(joined.toByteArray(), plain, dialect, flags));
        }
        return new GrepPatterns(regexes, located, words, lines, utf8);
    }

    private static List<Regex> joinedOrEach(byte[] joined, List<byte[]> plain, Regex.Dialect dialect, int flags) {
        if (Regex.compile(joined, dialect, flags) instanceof Regex.Valid v) return List.of(v.regex());
        return each(plain, dialect, flags);
    }

    private static List<Regex> each(List<byte[]> texts, Regex.Dialect dialect, int flags) {
        List<Regex> out = new ArrayList<>();
        for (byte[] t : texts) {
            if (Regex.compile(t, dialect, flags) instanceof Regex.Valid v) out.add(v.regex());
        }
        return out;
    }

    private static Integer contextLength(String v) {
        Long n = number(v);
        if (n == null) return null;
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /** A non-negative decimal number (huge ones saturate), or null. */
    private static Long number(String v) {
        if (v.isEmpty()) return null;
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') return null;
            n = n > Long.MAX_VALUE / 10 - 10 ? Long.MAX_VALUE / 2 : n * 10 + ch - '0';
        }
        return n;
    }

    /** argmatch's complaint about a bad keyword, then the usage hint (exit 1: argmatch_die is usage(EXIT_FAILURE)). */
    private static Step invalidArgument(Libc c, String value, String option, String... valid) {
        StringBuilder m = new StringBuilder("grep: invalid argument " + c.quoteLocale(value) + " for " + c.quoteLocale(option) + "\n");
        m.append("Valid arguments are:\n");
        for (String v : valid) m.append("  - ").append(c.quoteLocale(v)).append('\n');
        c.eprint(m + USAGE + TRY);
        return c.exit(1);
    }

    // ---- files ----

    private Step operand(Libc c, Run run, String file, boolean implicitDot, Supplier<Step> next) {
        if (run.settings.quiet && run.selected) return next.get();
        if (file.equals("-")) return scan(c, run, 0, run.label, next);
        return c.statOf(file, true, (err, st) -> {
            if (err != null) {
                warn(c, run, file, err);
                return next.get();
            }
            if (st.type() == FileType.DIRECTORY) {
                if (run.directories.equals("skip")) return next.get();
                if (run.directories.equals("recurse")) {
                    if (!implicitDot && matchesSuffix(run.excludeDir, file)) return next.get();
                    if (run.namesInDirectories) run.settings.withNames = true;
                    return directory(c, run, file, implicitDot, next);
                }
            } else {
                if (st.type() != FileType.REGULAR && run.devices.equals("skip")) return next.get();
                if (!included(run, file)) return next.get();
            }
            return openAndScan(c, run, file, file, next);
        });
    }

    private Step directory(Libc c, Run run, String dir, boolean implicitDot, Supplier<Step> next) {
        return c.listDirectory(dir, false, (e, entries) -> {
            if (e != null) {
                warn(c, run, dir, e);
                return next.get();
            }
            entries.sort(java.util.Comparator.comparing(dev.syssim.sim.fs.Dirent::name));
            String prefix = implicitDot && dir.equals(".") ? "" : dir.endsWith("/") ? dir : dir + "/";
            return Libc.forEach(entries, (d, more) -> child(c, run, prefix + d.name(), d.name(), more), next);
        });
    }

    private Step child(Libc c, Run run, String path, String name, Supplier<Step> next) {
        if (run.settings.quiet && run.selected) return next.get();
        return c.statOf(path, run.dereference, (err, st) -> {
            if (err != null) {
                if (run.dereference) warn(c, run, path, err);
                return next.get();
            }
            if (st.type() == FileType.SYMLINK) return next.get();
            if (st.type() == FileType.DIRECTORY) {
                if (matchesAny(run.excludeDir, name)) return next.get();
                return directory(c, run, path, false, next);
            }
            if (st.type() != FileType.REGULAR) return next.get();
            if (!included(run, name)) return next.get();
            return openAndScan(c, run, path, path, next);
        });
    }

    /** --include and --exclude, for a file (not a directory) on the command line or found by recursion. */
    private static boolean included(Run run, String name) {
        if (matchesSuffix(run.exclude, name)) return false;
        return run.include.isEmpty() || matchesSuffix(run.include, name);
    }

    /** Whether a glob matches the name or a trailing part of it that starts after a slash. */
    private static boolean matchesSuffix(List<Regex> globs, String name) {
        if (matchesAny(globs, name)) return true;
        for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
            if (i + 1 < name.length() && name.charAt(i + 1) != '/' && matchesAny(globs, name.substring(i + 1))) return true;
        }
        return false;
    }

    private static boolean matchesAny(List<Regex> globs, String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        for (Regex g : globs) if (g.find(b)) return true;
        return false;
    }

    private Step openAndScan(Libc c, Run run, String file, String label, Supplier<Step> next) {
        return Inputs.open(c, file, (err, fd) -> {
            if (err != null) {
                warn(c, run, file, err);
                return next.get();
            }
            return scan(c, run, fd, label, () -> Inputs.close(c, file, fd, next));
        });
    }

    private Step scan(Libc c, Run run, int fd, String label, Supplier<Step> next) {
        if (!run.settings.initialTab) return scan(c, run, fd, label, -1, next);
        return c.sys(dev.syssim.sim.os.Syscall.NewFstatAt.fstat(fd), r -> {
            Stat st = r.failed() ? null : r.dataAs(Stat.class);
            return scan(c, run, fd, label, st != null && st.type() == FileType.REGULAR ? st.size() : -1, next);
        });
    }

    private Step scan(Libc c, Run run, int fd, String label, long size, Supplier<Step> next) {
        GrepScan scan = new GrepScan(c, run.settings, label, size);
        boolean[] binaryFile = {false};
        return c.stream(fd, (block, more) -> {
            if (run.binaryWithoutMatch && !run.settings.text && !binaryFile[0]) {
                for (byte b : block) if (b == 0) binaryFile[0] = true;
                if (binaryFile[0]) return next.get();
            }
            scan.feed(block);
            return c.compute(Inputs.scanCost(block.length), "grep: match lines of " + label, () -> {
                if (scan.selected() > 0) run.selected = true;
                if (run.settings.quiet && run.selected) return c.exit(0);
                return scan.done() ? ended(c, run, scan, next) : more.get();
            });
        }, err -> {
            if (err != null) {
                warn(c, run, label.equals(run.label) ? label : label, err);
                return next.get();
            }
            return ended(c, run, scan, next);
        });
    }

    private Step ended(Libc c, Run run, GrepScan scan, Supplier<Step> next) {
        scan.finish();
        if (scan.selected() > 0) run.selected = true;
        if (run.settings.quiet && run.selected) return c.exit(0);
        return next.get();
    }

    private static void warn(Libc c, Run run, String file, Errno err) {
        run.error = true;
        if (!run.suppressErrors) c.error(file, err);
    }

    @Override
    protected Step help(Libc c) {
        c.print(HELP);
        return c.exit(0);
    }

    @Override
    public String usage() {
        return HELP;
    }

    private static final String HELP = """
Usage: grep [OPTION]... PATTERNS [FILE]...
Search for PATTERNS in each FILE.
Example: grep -i 'hello world' menu.h main.c
PATTERNS can contain multiple patterns separated by newlines.

Pattern selection and interpretation:
  -E, --extended-regexp     PATTERNS are extended regular expressions
  -F, --fixed-strings       PATTERNS are strings
  -G, --basic-regexp        PATTERNS are basic regular expressions
  -P, --perl-regexp         PATTERNS are Perl regular expressions
  -e, --regexp=PATTERNS     use PATTERNS for matching
  -f, --file=FILE           take PATTERNS from FILE
  -i, --ignore-case         ignore case distinctions in patterns and data
      --no-ignore-case      do not ignore case distinctions (default)
  -w, --word-regexp         match only whole words
  -x, --line-regexp         match only whole lines
  -z, --null-data           a data line ends in 0 byte, not newline

Miscellaneous:
  -s, --no-messages         suppress error messages
  -v, --invert-match        select non-matching lines
  -V, --version             display version information and exit
      --help                display this help text and exit

Output control:
  -m, --max-count=NUM       stop after NUM selected lines
  -b, --byte-offset         print the byte offset with output lines
  -n, --line-number         print line number with output lines
      --line-buffered       flush output on every line
  -H, --with-filename       print file name with output lines
  -h, --no-filename         suppress the file name prefix on output
      --label=LABEL         use LABEL as the standard input file name prefix
  -o, --only-matching       show only nonempty parts of lines that match
  -q, --quiet, --silent     suppress all normal output
      --binary-files=TYPE   assume that binary files are TYPE;
                            TYPE is 'binary', 'text', or 'without-match'
  -a, --text                equivalent to --binary-files=text
  -I                        equivalent to --binary-files=without-match
  -d, --directories=ACTION  how to handle directories;
                            ACTION is 'read', 'recurse', or 'skip'
  -D, --devices=ACTION      how to handle devices, FIFOs and sockets;
                            ACTION is 'read' or 'skip'
  -r, --recursive           like --directories=recurse
  -R, --dereference-recursive  likewise, but follow all symlinks
      --include=GLOB        search only files that match GLOB (a file pattern)
      --exclude=GLOB        skip files that match GLOB
      --exclude-from=FILE   skip files that match any file pattern from FILE
      --exclude-dir=GLOB    skip directories that match GLOB
  -L, --files-without-match  print only names of FILEs with no selected lines
  -l, --files-with-matches  print only names of FILEs with selected lines
  -c, --count               print only a count of selected lines per FILE
  -T, --initial-tab         make tabs line up (if needed)
  -Z, --null                print 0 byte after FILE name

Context control:
  -B, --before-context=NUM  print NUM lines of leading context
  -A, --after-context=NUM   print NUM lines of trailing context
  -C, --context=NUM         print NUM lines of output context
  -NUM                      same as --context=NUM
      --group-separator=SEP  print SEP on line between matches with context
      --no-group-separator  do not print separator for matches with context
      --color[=WHEN],
      --colour[=WHEN]       use markers to highlight the matching strings;
                            WHEN is 'always', 'never', or 'auto'
  -U, --binary              do not strip CR characters at EOL (MSDOS/Windows)

When FILE is '-', read standard input.  With no FILE, read '.' if
recursive, '-' otherwise.  With fewer than two FILEs, assume -h.
Exit status is 0 if any line is selected, 1 otherwise;
if any error occurs and -q is not given, the exit status is 2.

Report bugs to: bug-grep@gnu.org
GNU grep home page: <https://www.gnu.org/software/grep/>
General help using GNU software: <https://www.gnu.org/gethelp/>
""";

    @Override
    public String whatis() {
        return "print lines that match patterns";
    }

    @Override
    public String manual() {
        return "grep [OPTION...] PATTERNS [FILE...]\n  Search for PATTERNS in each FILE. PATTERNS are basic regular expressions unless -E or -F;\n"
                + "  several patterns are separated by newlines. egrep is grep -E, fgrep is grep -F.\n"
                + "  -E, --extended-regexp     PATTERNS are extended regular expressions\n"
                + "  -F, --fixed-strings       PATTERNS are strings\n"
                + "  -G, --basic-regexp        PATTERNS are basic regular expressions\n"
                + "  -e, --regexp=PATTERNS     use PATTERNS for matching\n"
                + "  -f, --file=FILE           take PATTERNS from FILE\n"
                + "  -i, --ignore-case         ignore case distinctions in patterns and data\n"
                + "  -w, --word-regexp         match only whole words\n"
                + "  -x, --line-regexp         match only whole lines\n"
                + "  -z, --null-data           a data line ends in 0 byte, not newline\n"
                + "  -s, --no-messages         suppress error messages\n"
                + "  -v, --invert-match        select non-matching lines\n"
                + "  -m, --max-count=NUM       stop after NUM selected lines\n"
                + "  -b, --byte-offset         print the byte offset with output lines\n"
                + "  -n, --line-number         print line number with output lines\n"
                + "  -H, --with-filename       print file name with output lines\n"
                + "  -h, --no-filename         suppress the file name prefix on output\n"
                + "      --label=LABEL         use LABEL as the standard input file name prefix\n"
                + "  -o, --only-matching       show only nonempty parts of lines that match\n"
                + "  -q, --quiet, --silent     suppress all normal output\n"
                + "      --binary-files=TYPE   assume that binary files are TYPE: 'binary', 'text', or 'without-match'\n"
                + "  -a, --text                equivalent to --binary-files=text\n"
                + "  -I                        equivalent to --binary-files=without-match\n"
                + "  -d, --directories=ACTION  how to handle directories: 'read', 'recurse', or 'skip'\n"
                + "  -D, --devices=ACTION      how to handle devices, FIFOs and sockets: 'read' or 'skip'\n"
                + "  -r, --recursive           like --directories=recurse\n"
                + "  -R, --dereference-recursive  likewise, but follow all symlinks\n"
                + "      --include=GLOB        search only files that match GLOB\n"
                + "      --exclude=GLOB        skip files that match GLOB\n"
                + "      --exclude-dir=GLOB    skip directories that match GLOB\n"
                + "  -L, --files-without-match print only names of FILEs with no selected lines\n"
                + "  -l, --files-with-matches  print only names of FILEs with selected lines\n"
                + "  -c, --count               print only a count of selected lines per FILE\n"
                + "  -T, --initial-tab         make tabs line up (if needed)\n"
                + "  -Z, --null                print 0 byte after FILE name\n"
                + "  -B, --before-context=NUM  print NUM lines of leading context\n"
                + "  -A, --after-context=NUM   print NUM lines of trailing context\n"
                + "  -C, --context=NUM         print NUM lines of output context\n"
                + "  -NUM                      same as --context=NUM\n"
                + "      --group-separator=SEP, --no-group-separator  the line between groups of context\n"
                + "      --color[=WHEN]        use markers to highlight the matching strings: 'always', 'never', or 'auto'\n"
                + "  Exit status is 0 if any line is selected, 1 otherwise; if any error occurs and -q is not given, the exit status is 2.";
    }
}
