package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * grep (GNU grep 3.8): print lines that match a pattern. Basic regular expressions by default
 * ({@code \(}, {@code \|}, {@code \+} are the operators; {@code (}, {@code |}, {@code +} are
 * literal), extended with {@code -E}, fixed strings with {@code -F}. Exit status 0 when a line was
 * selected, 1 when none was, 2 on an error. The matching itself is user-mode work (a compute step).
 */
public final class Grep extends Tool {

    /** What to do with each file's lines; shared by every input of one run. */
    private static final class Run {
        Pattern pattern;
        boolean invert;
        boolean numbers;
        boolean count;
        boolean listFiles;
        boolean listNonMatching;
        boolean quiet;
        boolean onlyMatching;
        boolean suppressErrors;
        boolean withNames;
        boolean recursive;
        boolean selected;
        boolean error;
    }

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("grep", c.args().operands(), "EFGivncloLqshHrRwxy", "e",
                Set.of("help", "extended-regexp", "fixed-strings", "basic-regexp", "ignore-case", "invert-match", "line-number", "count",
                        "files-with-matches", "files-without-match", "only-matching", "quiet", "silent", "no-messages", "with-filename",
                        "no-filename", "recursive", "word-regexp", "line-regexp"),
                Set.of("regexp", "color", "colour"), true);
        if (o.failed()) {
            c.eprint(o.error() + "\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
            return c.exit(2);
        }
        if (o.has("help")) return help(c);
        List<String> operands = new ArrayList<>(o.operands());
        String patternText = o.value("e", o.value("regexp"));
        if (patternText == null) {
            if (operands.isEmpty()) {
                c.eprint("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
                return c.exit(2);
            }
            patternText = operands.remove(0);
        }
        Run run = new Run();
        boolean fixed = o.hasAny("F", "fixed-strings");
        boolean extended = o.hasAny("E", "extended-regexp");
        String regex;
        if (fixed) {
            List<String> alternatives = new ArrayList<>();
            for (String p : patternText.split("\n", -1)) alternatives.add(Pattern.quote(p));
            regex = String.join("|", alternatives);
        } else {
            regex = Regex.translate(patternText, extended);
            if (regex.startsWith("!")) {
                c.error(regex.substring(1));
                return c.exit(2);
            }
        }
        if (o.hasAny("w", "word-regexp")) regex = "(?<![\\w])(?:" + regex + ")(?![\\w])";
        if (o.hasAny("x", "line-regexp")) regex = "^(?:" + regex + ")$";
        try {
            run.pattern = Pattern.compile(regex, o.hasAny("i", "y", "ignore-case") ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            c.error("Invalid regular expression");
            return c.exit(2);
        }
        run.invert = o.hasAny("v", "invert-match");
        run.numbers = o.hasAny("n", "line-number");
        run.count = o.hasAny("c", "count");
        run.listFiles = o.hasAny("l", "files-with-matches");
        run.listNonMatching = o.hasAny("L", "files-without-match");
        run.quiet = o.hasAny("q", "quiet", "silent");
        run.onlyMatching = o.hasAny("o", "only-matching");
        run.suppressErrors = o.hasAny("s", "no-messages");
        run.recursive = o.hasAny("r", "R", "recursive");
        boolean implicitDot = operands.isEmpty() && run.recursive;
        if (operands.isEmpty()) operands.add(run.recursive ? "." : "-");
        run.withNames = (operands.size() > 1 || run.recursive) && !o.hasAny("h", "no-filename") || o.hasAny("H", "with-filename");
        return Libc.forEach(operands, (file, next) -> search(c, run, file, implicitDot, next),
                () -> c.exit(run.error && !(run.quiet && run.selected) ? 2 : run.selected ? 0 : 1));
    }

    private Step search(Libc c, Run run, String file, boolean implicitDot, Supplier<Step> next) {
        if (run.quiet && run.selected) return next.get();
        if (!file.equals("-") && run.recursive) {
            return c.statOf(file, true, (err, st) -> {
                if (st != null && st.type() == FileType.DIRECTORY) {
                    return c.listDirectory(file, false, (e, entries) -> {
                        if (e != null) {
                            warn(c, run, file, e);
                            return next.get();
                        }
                        entries.sort(java.util.Comparator.comparing(dev.syssim.sim.fs.Dirent::name));
                        String prefix = implicitDot && file.equals(".") ? "" : file.endsWith("/") ? file : file + "/";
                        return Libc.forEach(entries, (d, more) -> d.type() == FileType.SYMLINK ? more.get()
                                : search(c, run, prefix + d.name(), false, more), next);
                    });
                }
                return searchFile(c, run, file, next);
            });
        }
        return searchFile(c, run, file, next);
    }

    private Step searchFile(Libc c, Run run, String file, Supplier<Step> next) {
        String label = file.equals("-") ? "(standard input)" : file;
        return Inputs.read(c, file, (err, content) -> {
            if (err != null) {
                warn(c, run, file, err);
                return next.get();
            }
            return c.compute(Inputs.scanCost(content.length), "grep: match lines of " + label, () -> {
                boolean binary = false;
                for (byte b : content) if (b == 0) binary = true;
                List<String> lines = Inputs.lines(Libc.text(content));
                int matches = 0;
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    Matcher m = run.pattern.matcher(line);
                    boolean found = m.find();
                    if (found == run.invert) continue;
                    matches++;
                    if (run.quiet || run.listFiles || run.listNonMatching || run.count || binary) continue;
                    String prefix = (run.withNames ? label + ":" : "") + (run.numbers ? (i + 1) + ":" : "");
                    if (run.onlyMatching && !run.invert) {
                        do {
                            if (!m.group().isEmpty()) out.append(prefix).append(m.group()).append('\n');
                        } while (m.find());
                    } else {
                        out.append(prefix).append(line).append('\n');
                    }
                }
                if (matches > 0) run.selected = true;
                if (run.quiet) return next.get();
                if (run.count) out.append(run.withNames ? label + ":" : "").append(matches).append('\n');
                if (run.listFiles && matches > 0) out.append(label).append('\n');
                if (run.listNonMatching && matches == 0) out.append(label).append('\n');
                c.print(out.toString());
                if (binary && matches > 0 && !run.count && !run.listFiles && !run.listNonMatching) {
                    c.flushStdout();
                    c.eprint("grep: " + label + ": binary file matches\n");
                }
                return next.get();
            });
        });
    }

    private static void warn(Libc c, Run run, String file, Errno err) {
        run.error = true;
        if (!run.suppressErrors) c.error(file, err);
    }

    /** Regular expressions: POSIX basic and extended syntax turned into java.util.regex's. */
    static final class Regex {

        private Regex() {
        }

        /** The Java pattern, or {@code !message} for a syntax error GNU grep would report. */
        static String translate(String re, boolean extended) {
            StringBuilder out = new StringBuilder();
            int depth = 0;
            int i = 0;
            while (i < re.length()) {
                char ch = re.charAt(i);
                if (ch == '[') {
                    int end = bracketEnd(re, i);
                    if (end < 0) return "!Unmatched [, [^, [:, [., or [=";
                    out.append(bracket(re.substring(i, end + 1)));
                    i = end + 1;
                    continue;
                }
                if (ch == '\\' && i + 1 < re.length()) {
                    char next = re.charAt(i + 1);
                    i += 2;
                    if (!extended && "(){}|+?".indexOf(next) >= 0) {
                        if (next == '(') depth++;
                        if (next == ')') {
                            if (depth == 0) return "!Unmatched ) or \\)";
                            depth--;
                        }
                        out.append(next);
                    } else if (next == '<') {
                        out.append("\\b(?=\\w)");
                    } else if (next == '>') {
                        out.append("\\b(?<=\\w)");
                    } else if ("wWsSbB".indexOf(next) >= 0 || Character.isDigit(next)) {
                        out.append('\\').append(next);
                    } else {
                        out.append(Pattern.quote(String.valueOf(next)));
                    }
                    continue;
                }
                i++;
                if (extended) {
                    if (ch == '(') depth++;
                    if (ch == ')') {
                        if (depth == 0) {
                            out.append("\\)");
                            continue;
                        }
                        depth--;
                    }
                    if (ch == '{' && !re.substring(i).matches("[0-9]*(,[0-9]*)?}.*")) {
                        out.append("\\{");
                        continue;
                    }
                    if ((ch == '*' || ch == '+' || ch == '?') && (out.length() == 0 || out.toString().endsWith("(") || out.toString().endsWith("|"))) {
                        out.append('\\').append(ch);
                        continue;
                    }
                    out.append(ch);
                } else {
                    if ("(){}|+?".indexOf(ch) >= 0) {
                        out.append('\\').append(ch);
                    } else if (ch == '*' && (out.length() == 0 || out.toString().endsWith("(") || out.toString().equals("^"))) {
                        out.append("\\*");
                    } else {
                        out.append(ch);
                    }
                }
            }
            if (depth > 0) return "!Unmatched ( or \\(";
            return out.toString();
        }

        private static int bracketEnd(String re, int start) {
            int i = start + 1;
            if (i < re.length() && re.charAt(i) == '^') i++;
            if (i < re.length() && re.charAt(i) == ']') i++;
            while (i < re.length()) {
                if (re.startsWith("[:", i) || re.startsWith("[.", i) || re.startsWith("[=", i)) {
                    int close = re.indexOf(re.charAt(i + 1) + "]", i + 2);
                    if (close < 0) return -1;
                    i = close + 2;
                    continue;
                }
                if (re.charAt(i) == ']') return i;
                i++;
            }
            return -1;
        }

        /** A POSIX bracket expression in Java's syntax: classes become {@code \p{...}}, backslash is literal. */
        private static String bracket(String b) {
            StringBuilder out = new StringBuilder("[");
            int i = 1;
            if (b.charAt(i) == '^') {
                out.append('^');
                i++;
            }
            if (b.charAt(i) == ']') {
                out.append("\\]");
                i++;
            }
            while (i < b.length() - 1) {
                if (b.startsWith("[:", i)) {
                    int close = b.indexOf(":]", i);
                    String name = b.substring(i + 2, close);
                    out.append(switch (name) {
                        case "alpha" -> "\\p{Alpha}";
                        case "digit" -> "\\p{Digit}";
                        case "alnum" -> "\\p{Alnum}";
                        case "upper" -> "\\p{Upper}";
                        case "lower" -> "\\p{Lower}";
                        case "space" -> "\\s";
                        case "blank" -> " \\t";
                        case "punct" -> "\\p{Punct}";
                        case "xdigit" -> "\\p{XDigit}";
                        default -> "";
                    });
                    i = close + 2;
                    continue;
                }
                char ch = b.charAt(i++);
                if (ch == '\\' || ch == '[' || ch == '&' || ch == '^') out.append('\\');
                out.append(ch);
            }
            return out.append(']').toString();
        }
    }

    @Override
    public String whatis() {
        return "print lines that match patterns";
    }

    @Override
    public String manual() {
        return "grep [OPTION...] PATTERNS [FILE...]\n  Search for PATTERNS in each FILE. PATTERNS are basic regular expressions unless -E or -F.\n"
                + "  -E, --extended-regexp     PATTERNS are extended regular expressions\n"
                + "  -F, --fixed-strings       PATTERNS are strings\n"
                + "  -e, --regexp=PATTERNS     use PATTERNS for matching\n"
                + "  -i, --ignore-case         ignore case distinctions in patterns and data\n"
                + "  -w, --word-regexp         match only whole words\n"
                + "  -x, --line-regexp         match only whole lines\n"
                + "  -v, --invert-match        select non-matching lines\n"
                + "  -c, --count               print only a count of selected lines per FILE\n"
                + "  -l, --files-with-matches  print only names of FILEs with selected lines\n"
                + "  -L, --files-without-match print only names of FILEs with no selected lines\n"
                + "  -n, --line-number         print line number with output lines\n"
                + "  -o, --only-matching       show only nonempty parts of lines that match\n"
                + "  -q, --quiet, --silent     suppress all normal output\n"
                + "  -s, --no-messages         suppress error messages\n"
                + "  -H, --with-filename       print file name with output lines\n"
                + "  -h, --no-filename         suppress the file name prefix on output\n"
                + "  -r, --recursive           search directories recursively\n"
                + "  Exit status is 0 if any line is selected, 1 otherwise; if any error occurs and -q is not given, the exit status is 2.";
    }
}
