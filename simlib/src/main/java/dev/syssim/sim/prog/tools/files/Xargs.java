package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.ByteInput;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Spawn;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * xargs (GNU findutils 4.9): build command lines from standard input (or {@code -a FILE}) and run
 * them — items separated by blanks and newlines with shell-like quotes and backslashes, or by NUL
 * ({@code -0}) or another delimiter ({@code -d}); {@code -n} items or {@code -L} lines per command,
 * {@code -I REPLACE} one line per command put in place of REPLACE, {@code -s} size limit, {@code -E}
 * end-of-input word, {@code -r} nothing run for no input, {@code -t} each command shown on standard
 * error, {@code -p} asked first. Exit status 123 if a command failed, 124 if one exited 255, 125 if
 * one was killed, 126 if it could not run, 127 if not found, as findutils'. Simplification: {@code -P
 * N} runs the commands one after another (the output is what -P 1 gives).
 */
public final class Xargs extends Tool {

    private static final List<String> LONG = List.of("null>0", "arg-file=>a", "delimiter=>d", "eof=?>e", "replace=?>i", "max-lines=?>l",
            "max-args=>n", "interactive>p", "no-run-if-empty>r", "max-chars=>s", "verbose>t", "exit>x", "max-procs=>P",
            "process-slot-var=", "show-limits", "open-tty>o", "help", "version");
    /** findutils' default command-line size limit, what it picks under Linux's ARG_MAX. */
    private static final int DEFAULT_SIZE = 131072 - 2048;

    /** One run's settings and counters. */
    private static final class Run {
        /** An unmatched quote: the items before it still run, then xargs reports it and exits 1. */
        String quoteError;
        boolean nul;
        Character delimiter;
        String eof;
        String replace;
        int maxLines = -1;
        int maxArgs = -1;
        boolean interactive;
        boolean noRunIfEmpty;
        int maxChars = DEFAULT_SIZE;
        boolean trace;
        boolean exitOnSize;
        int status;
        List<String> command;
    }

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("xargs", c.args().operands(), "0a:d:E:e::I:i::L:l::n:prs:txP:o", LONG, false);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        if (g.has("version")) {
            c.println("xargs (GNU findutils) 4.9.0");
            return c.exit(0);
        }
        Run run = new Run();
        boolean argsGiven = false;
        boolean linesGiven = false;
        for (Getopt.Opt o : g.options()) {
            String v = o.value();
            switch (o.key()) {
                case "0" -> run.nul = true;
                case "d" -> {
                    Character d = delimiter(v);
                    if (d == null) {
                        c.error("invalid input delimiter specification " + v + ": the delimiter must be either a single character or an escape sequence starting with \\.");
                        return c.exit(1);
                    }
                    run.delimiter = d;
                }
                case "E" -> run.eof = v;
                case "e" -> run.eof = v;
                // -n, -L and -I exclude each other: a later one warns and drops an earlier one
                // (but -n after -I keeps both, as findutils does)
                case "I", "i" -> {
                    if (argsGiven) exclusive(c, "--max-args", "--replace/-I/-i");
                    if (linesGiven) exclusive(c, "--max-lines", "--replace/-I/-i");
                    argsGiven = false;
                    linesGiven = false;
                    run.replace = v == null ? "{}" : v;
                    run.maxLines = 1;
                    run.maxArgs = -1;
                }
                case "L", "l" -> {
                    Integer n = positive(c, v == null ? "1" : v, "-L");
                    if (n == null) return c.exit(1);
                    if (argsGiven) exclusive(c, "--max-args", "-L");
                    if (run.replace != null) exclusive(c, "--replace", "-L");
                    argsGiven = false;
                    linesGiven = true;
                    run.maxLines = n;
                    run.maxArgs = -1;
                    run.replace = null;
                }
                case "n" -> {
                    Integer n = positive(c, v, "-n");
                    if (n == null) return c.exit(1);
                    if (linesGiven) exclusive(c, "--max-lines", "--max-args/-n");
                    linesGiven = false;
                    argsGiven = true;
                    run.maxArgs = n;
                    if (run.replace == null) run.maxLines = -1;
                }
                case "s" -> {
                    Integer n = positive(c, v, "-s");
                    if (n == null) return c.exit(1);
                    run.maxChars = n;
                }
                case "P" -> {
                    if (!v.matches("\\d+")) {
                        c.eprint("xargs: invalid number \"" + v + "\" for -P option\nTry 'xargs --help' for more information.\n");
                        return c.exit(1);
                    }
                }
                case "p" -> {
                    run.interactive = true;
                    run.trace = true;
                }
                case "r" -> run.noRunIfEmpty = true;
                case "t" -> run.trace = true;
                case "x" -> run.exitOnSize = true;
                default -> { }
            }
        }
        run.command = g.operands().isEmpty() ? List.of("echo") : g.operands();
        String input = g.last("a");
        if (input != null && !input.equals("-")) {
            return c.readFile(input, (err, bytes) -> {
                if (err != null) {
                    c.error("Cannot open input file " + Quote.locale(input, c.utf8()), err);
                    return c.exit(1);
                }
                return fromBytes(c, run, bytes);
            });
        }
        ByteInput in = new ByteInput(c, List.of("-"));
        return in.readAll(bytes -> {
            if (in.failed()) return c.exit(1);
            return fromBytes(c, run, bytes);
        });
    }

    private Step fromBytes(Libc c, Run run, byte[] bytes) {
        List<List<String>> lines;
        try {
            lines = items(run, bytes);
        } catch (IllegalArgumentException e) {
            c.error(e.getMessage());
            return c.exit(1);
        }
        return commands(c, run, lines);
    }

    private static void exclusive(Libc c, String earlier, String later) {
        c.error("warning: options " + earlier + " and " + later + " are mutually exclusive, ignoring previous " + earlier + " value");
    }

    private static Integer positive(Libc c, String v, String option) {
        if (v == null || !v.matches("\\d+")) {
            c.eprint("xargs: invalid number \"" + v + "\" for " + option + " option\nTry 'xargs --help' for more information.\n");
            return null;
        }
        long n = Long.parseLong(v.length() > 12 ? "999999999999" : v);
        if (n < 1) {
            c.eprint("xargs: value " + v + " for " + option + " option should be >= 1\nTry 'xargs --help' for more information.\n");
            return null;
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    private static Character delimiter(String v) {
        if (v.length() == 1) return v.charAt(0);
        if (!v.startsWith("\\") || v.length() < 2) return null;
        String e = v.substring(1);
        switch (e) {
            case "n": return '\n';
            case "t": return '\t';
            case "0": return '\0';
            case "\\": return '\\';
            case "a": return '\u0007';
            case "b": return '\b';
            case "f": return '\f';
            case "r": return '\r';
            case "v": return '\u000b';
            default:
                if (e.startsWith("x") && e.length() > 1) return (char) Integer.parseInt(e.substring(1), 16);
                if (e.matches("[0-7]{1,3}")) return (char) Integer.parseInt(e, 8);
                return null;
        }
    }

    /** The input as lines of items (a line matters for -L and -I; otherwise it is one long line). */
    private static List<List<String>> items(Run run, byte[] bytes) {
        List<List<String>> lines = new ArrayList<>();
        if (run.nul || run.delimiter != null) {
            char sep = run.nul ? '\0' : run.delimiter;
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> line = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == sep) {
                    if (i == text.length() && start == i) break;
                    String item = text.substring(start, i);
                    if (run.eof != null && item.equals(run.eof)) break;
                    line.add(item);
                    if (run.maxLines > 0) {
                        lines.add(line);
                        line = new ArrayList<>();
                    }
                    start = i + 1;
                }
            }
            if (!line.isEmpty()) lines.add(line);
            return lines;
        }
        if (run.replace != null) {
            // -I: each input line is one item, leading blanks removed; quotes still count
            for (String raw : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                String line = raw.stripLeading();
                if (line.isEmpty()) continue;
                String item = unquote(line);
                if (run.eof != null && item.equals(run.eof)) break;
                lines.add(new ArrayList<>(List.of(item)));
            }
            return lines;
        }
        List<String> current = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String raw : text.split("\n", -1)) {
            String[] error = {null};
            List<String> words = words(raw, error);
            boolean continued = raw.endsWith(" ") || raw.endsWith("\t");
            boolean stop = false;
            for (String w : words) {
                if (run.eof != null && w.equals(run.eof)) {
                    stop = true;
                    break;
                }
                current.add(w);
            }
            if (error[0] != null) {
                run.quoteError = error[0];
                break;
            }
            if (stop) break;
            // with -L a line ending in a blank continues on the next line
            if (run.maxLines > 0 && !current.isEmpty() && !continued) {
                lines.add(current);
                current = new ArrayList<>();
            }
        }
        // under -L a line cut short by a bad quote is not a line, so it does not run
        if (!current.isEmpty() && !(run.quoteError != null && run.maxLines > 0)) lines.add(current);
        return lines;
    }

    /** A whole -I line with its quotes and backslashes processed and its blanks kept. */
    private static String unquote(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\'' || ch == '"') {
                int end = line.indexOf(ch, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unmatched " + (ch == '\'' ? "single" : "double")
                            + " quote; by default quotes are special to xargs unless you use the -0 option");
                }
                out.append(line, i + 1, end);
                i = end;
            } else if (ch == '\\' && i + 1 < line.length()) {
                out.append(line.charAt(++i));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** Blank-separated words with '...', "..." and backslash, as xargs reads them. */
    /** The words of a line, quotes and backslashes taken away; at an unmatched quote, those before it and {@code error[0]} set. */
    private static List<String> words(String line, String[] error) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (ch == '\'' || ch == '"') {
                int end = line.indexOf(ch, i + 1);
                if (end < 0) {
                    error[0] = "unmatched " + (ch == '\'' ? "single" : "double")
                            + " quote; by default quotes are special to xargs unless you use the -0 option";
                    return out;
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
                continue;
            }
            if (ch == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
                continue;
            }
            if (ch == ' ' || ch == '\t') {
                if (inWord) out.add(word.toString());
                word.setLength(0);
                inWord = false;
                i++;
                continue;
            }
            word.append(ch);
            inWord = true;
            i++;
        }
        if (inWord) out.add(word.toString());
        return out;
    }

    /** Groups the items into command lines and runs them one by one. */
    private Step commands(Libc c, Run run, List<List<String>> lines) {
        List<List<String>> batches = new ArrayList<>();
        int base = 0;
        for (String w : run.command) base += w.length() + 1;
        if (run.replace != null) {
            for (List<String> line : lines) {
                List<String> argv = new ArrayList<>();
                for (String w : run.command) argv.add(w.replace(run.replace, line.get(0)));
                batches.add(argv);
            }
        } else {
            List<String> args = new ArrayList<>();
            int size = base;
            int linesInBatch = 0;
            for (List<String> line : lines) {
                if (run.maxLines > 0 && linesInBatch >= run.maxLines) {
                    batches.add(args);
                    args = new ArrayList<>();
                    size = base;
                    linesInBatch = 0;
                }
                for (String item : line) {
                    if (run.maxArgs > 0 && args.size() >= run.maxArgs || size + item.length() + 1 > run.maxChars) {
                        if (args.isEmpty()) {
                            c.error("argument line too long");
                            return c.exit(1);
                        }
                        batches.add(args);
                        args = new ArrayList<>();
                        size = base;
                        linesInBatch = 0;
                    }
                    args.add(item);
                    size += item.length() + 1;
                }
                linesInBatch++;
            }
            if (!args.isEmpty() || (batches.isEmpty() && !run.noRunIfEmpty && run.quoteError == null)) batches.add(args);
            if (base > run.maxChars) {
                c.error("argument line too long");
                return c.exit(1);
            }
            List<List<String>> full = new ArrayList<>();
            for (List<String> b : batches) {
                List<String> argv = new ArrayList<>(run.command);
                argv.addAll(b);
                full.add(argv);
            }
            batches = full;
        }
        return Libc.forEach(batches, (argv, next) -> {
            if (run.status >= 124) return next.get();
            if (run.trace) c.eprint(String.join(" ", argv) + (run.interactive ? " ?..." : "\n"));
            Later runIt = () -> Spawn.run(c, argv, c.args().env(), null, (cmd, e) -> "xargs: " + Quote.f(cmd, c.utf8()) + ": " + e.message(), ended -> {
                String cmd = argv.get(0);
                if (ended.signal() != null) {
                    c.error(Quote.f(cmd, c.utf8()) + ": terminated by signal " + ended.signal().number());
                    run.status = 125;
                } else if (ended.code() == 255) {
                    c.error(Quote.f(cmd, c.utf8()) + ": exited with status 255; aborting");
                    run.status = 124;
                } else if (ended.code() == 126 || ended.code() == 127) {
                    run.status = ended.code();
                } else if (ended.code() != 0 && run.status == 0) {
                    run.status = 123;
                }
                return next.get();
            });
            if (!run.interactive) return runIt.get();
            return c.open("/dev/tty", dev.syssim.sim.os.OpenFlags.O_RDONLY, tty -> {
                int fd = tty.failed() ? 0 : tty.intValue();
                return c.readLine(fd, answer -> {
                    Step after = answer != null && answer.startsWith("y") ? runIt.get() : next.get();
                    return after;
                });
            });
        }, () -> {
            if (run.quoteError == null) return c.exit(run.status);
            c.error(run.quoteError);
            return c.exit(1);
        });
    }

    /** A step to run later. */
    private interface Later {
        Step get();
    }

    @Override
    public String whatis() {
        return "build and execute command lines from standard input";
    }

    @Override
    public String source() {
        return "GNU findutils 4.9.0";
    }

    @Override
    public String manual() {
        return "xargs [OPTION]... COMMAND [INITIAL-ARGS]...\n  Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.\n"
                + "  -0, --null                   items are separated by a null, not whitespace; disables quote and backslash processing and logical EOF processing\n"
                + "  -a, --arg-file=FILE          read arguments from FILE, not standard input\n"
                + "  -d, --delimiter=CHARACTER    items in input stream are separated by CHARACTER, not by whitespace\n"
                + "  -E END                       set logical EOF string; if END occurs as a line of input, the rest of the input is ignored\n"
                + "  -I R                         same as --replace=R: replace R in INITIAL-ARGS with names read from standard input, split at newlines\n"
                + "  -L, --max-lines=MAX-LINES    use at most MAX-LINES non-blank input lines per command line\n"
                + "  -n, --max-args=MAX-ARGS      use at most MAX-ARGS arguments per command line\n"
                + "  -P, --max-procs=MAX-PROCS    run at most MAX-PROCS processes at a time (the simulation runs them one after another)\n"
                + "  -p, --interactive            prompt before running commands\n"
                + "  -r, --no-run-if-empty        if there are no arguments, then do not run COMMAND\n"
                + "  -s, --max-chars=MAX-CHARS    limit length of command line to MAX-CHARS\n"
                + "  -t, --verbose                print commands before executing them\n"
                + "  Exit status: 123 if any invocation of the command exited with status 1-125, 124 if the command exited with status 255,\n"
                + "  125 if the command is killed by a signal, 126 if the command cannot be run, 127 if the command is not found, 1 if some other error occurred.";
    }
}
