package dev.syssim.sim.prog.tools.editors;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * sed (GNU sed 4.9): the stream editor. The script is compiled by {@link SedParser} (GNU's
 * messages and positions) and run by {@link SedRun}, one cycle per input line; this class drives
 * them — reading lines ahead ({@link SedInput}), printing, appending text and files at the end of a
 * cycle, the files w writes, and editing in place (-i: output to a temporary file in the same
 * directory, renamed over the original, the original kept under SUFFIX when one is given).
 *
 * <p>Simplifications: the e command and the s command's e flag (running a shell) are not built in;
 * --debug is accepted and ignored; an empty file edited in place is left as it is (GNU rewrites it,
 * and makes its backup).
 */
public final class Sed extends Tool {

    private static final List<String> LONG = List.of("binary>b", "regexp-extended>E", "debug", "in-place=?>i", "expression=>e",
            "file=>f", "line-length=>l", "null-data>z", "zero-terminated>z", "quiet>n", "posix", "silent>n", "sandbox",
            "separate>s", "unbuffered>u", "version", "help", "follow-symlinks");

    /** Commands run before the script hands the scheduler a step (so an endless loop can be stopped). */
    private static final int BUDGET = 20_000;

    /** One run: the script, its input, its outputs. */
    private static final class Run implements SedRun.Sink {
        Libc c;
        SedRun run;
        SedInput input;
        boolean quiet;
        boolean separate;
        String inPlaceSuffix;
        boolean inPlace;
        int currentFile = -1;
        String currentName;
        int currentMode;
        SedRun.Output stdout = new SedRun.Output();
        SedRun.Output realStdout;
        SedRun.Output stderr = new SedRun.Output();
        final Map<String, SedRun.Output> files = new LinkedHashMap<>();
        final Map<String, Integer> fds = new HashMap<>();
        final Map<String, List<byte[]>> readLines = new HashMap<>();
        final Map<String, Integer> readLineAt = new HashMap<>();
        int temporaries;
        String errorLocation;
        long charged;

        @Override
        public SedRun.Output output(String file) {
            if (file.equals("/dev/stdout")) return realStdout;
            if (file.equals("/dev/stderr")) return stderr;
            return files.get(file);
        }

        @Override
        public SedRun.Output stdout() {
            return stdout;
        }
    }

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("sed", c.args().operands(), "bsnrzuEe:f:l:i::", LONG, true);
        if (o.failed()) {
            c.eprint(o.error() + "\n" + USAGE);
            return c.exit(1);
        }
        if (o.has("help")) return help(c);
        if (o.has("version")) {
            c.print(VERSION);
            return c.exit(0);
        }
        List<String> operands = new ArrayList<>(o.operands());
        List<Object> sources = new ArrayList<>();
        for (Getopt.Opt opt : o.options()) {
            if (opt.is("e")) sources.add(opt.value().getBytes(StandardCharsets.UTF_8));
            if (opt.is("f")) sources.add(opt.value());
        }
        if (sources.isEmpty()) {
            if (operands.isEmpty()) {
                c.eprint(USAGE);
                return c.exit(1);
            }
            sources.add(operands.remove(0).getBytes(StandardCharsets.UTF_8));
        }
        Run r = new Run();
        r.c = c;
        r.realStdout = r.stdout;
        r.quiet = o.has("n");
        r.inPlace = o.has("i");
        r.inPlaceSuffix = o.last("i");
        r.separate = o.has("s") || r.inPlace;
        boolean extended = o.has("E", "r");
        boolean posix = o.has("posix");
        boolean sandbox = o.has("sandbox");
        byte eol = o.has("z") ? (byte) 0 : (byte) '\n';
        int width = 70;
        if (o.last("l") != null) width = atoi(o.last("l"));
        int listWidth = width;
        return readScripts(c, sources, 0, new ArrayList<>(), 0, chunks -> {
            SedParser parser = new SedParser(extended, posix, sandbox, c.utf8());
            Object compiled = parser.compile(chunks);
            if (compiled instanceof SedParser.Failure f) {
                c.eprint("sed: " + f.message() + "\n");
                return c.exit(f.status());
            }
            SedParser.Script script = (SedParser.Script) compiled;
            r.quiet |= script.quiet();
            r.run = new SedRun(script.commands(), r.quiet, eol, c.utf8(), listWidth, posix, r);
            r.errorLocation = parser.runtimeLocation(chunks);
            if (r.inPlace && operands.isEmpty()) {
                c.eprint("sed: no input files\n");
                return c.exit(4);
            }
            r.input = new SedInput(c, operands.isEmpty() ? List.of("-") : operands, eol, r.separate, r.inPlace);
            return openWriteFiles(r, new ArrayList<>(script.writeFiles()), 0, () -> cycle(r));
        });
    }

    /** C's atoi: leading digits, 0 for none. */
    private static int atoi(String s) {
        int n = 0;
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && n < 100_000_000) n = n * 10 + s.charAt(i++) - '0';
        return n;
    }

    private interface ChunksThen {
        Step apply(List<SedParser.Chunk> chunks);
    }

    private static Step readScripts(Libc c, List<Object> sources, int i, List<SedParser.Chunk> into, int expressions, ChunksThen then) {
        if (i == sources.size()) return then.apply(into);
        Object source = sources.get(i);
        if (source instanceof byte[] text) {
            into.add(new SedParser.Chunk(text, null, expressions + 1));
            return readScripts(c, sources, i + 1, into, expressions + 1, then);
        }
        String file = (String) source;
        return Inputs.read(c, file, (err, content) -> {
            if (err != null) {
                c.eprint("sed: couldn't open file " + file + ": " + err.message() + "\n");
                return c.exit(4);
            }
            byte[] text = content;
            if (text.length > 0 && text[text.length - 1] == '\n') text = java.util.Arrays.copyOf(text, text.length - 1);
            into.add(new SedParser.Chunk(text, file.equals("-") ? "-" : file, 0));
            return readScripts(c, sources, i + 1, into, expressions, then);
        });
    }

    /** Opens (and truncates) every file w writes, as GNU sed does before reading any input. */
    private Step openWriteFiles(Run r, List<String> names, int i, Supplier<Step> then) {
        if (i == names.size()) return then.get();
        String name = names.get(i);
        if (name.equals("/dev/stdout") || name.equals("/dev/stderr")) return openWriteFiles(r, names, i + 1, then);
        return r.c.create(name, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0666, res -> {
            if (res.failed()) {
                r.c.eprint("sed: couldn't open file " + name + ": " + res.errno().message() + "\n");
                return r.c.exit(4);
            }
            r.fds.put(name, res.intValue());
            r.files.put(name, new SedRun.Output());
            return openWriteFiles(r, names, i + 1, then);
        });
    }

    // ---- the cycle ----

    /**
     * The next cycle. Each cycle (and each line n or N reads) begins with a compute step for the
     * script's work: the scheduler then runs it, so a long input never nests Java calls line by line.
     */
    private Step cycle(Run r) {
        return r.c.compute(cost(r), "", () -> r.input.next(line -> {
            if (line == null) return finish(r, -1);
            return startLine(r, line, () -> {
                r.run.load(line, !r.input.hasNext());
                r.run.pc = 0;
                return execute(r);
            });
        }));
    }

    /** User-mode time for the commands run since the last step (a few ns each, and a cycle's overhead). */
    private static long cost(Run r) {
        long n = r.run == null ? 0 : r.run.steps;
        long spent = n - r.charged;
        r.charged = n;
        return 300 + spent * 25;
    }

    private Step resume(Run r) {
        return r.c.compute(cost(r), "", () -> execute(r));
    }

    /** Notices a line from a new file: with -s and -i line numbers start again, -i switches output. */
    private Step startLine(Run r, SedInput.Line line, Supplier<Step> then) {
        if (line.fileIndex() == r.currentFile || !r.separate) {
            r.currentFile = line.fileIndex();
            return then.get();
        }
        return finishInPlace(r, () -> {
            r.currentFile = line.fileIndex();
            r.run.resetLineNumber();
            if (!r.inPlace) return then.get();
            r.currentName = line.file();
            return r.c.statOf(line.file(), true, (err, st) -> {
                if (st == null || st.type() != FileType.REGULAR) {
                    flush(r);
                    r.c.eprint("sed: couldn't edit " + line.file() + ": not a regular file\n");
                    return r.c.exit(4);
                }
                r.currentMode = st.permissions();
                r.stdout = new SedRun.Output();
                return then.get();
            });
        });
    }

    private Step execute(Run r) {
        SedRun.Stop stop = r.run.run(BUDGET);
        flush(r);
        if (r.run.noPreviousRegex()) {
            r.c.eprint("sed: " + r.errorLocation + "no previous regular expression\n");
            return r.c.exit(1);
        }
        switch (stop) {
            case YIELD:
                return r.c.compute(BUDGET * 20L, "sed: run the script", () -> execute(r));
            case END:
                return endOfCycle(r, true, () -> cycle(r));
            case DELETE:
                return endOfCycle(r, false, () -> cycle(r));
            case RESTART:
                return endOfCycle(r, false, () -> {
                    r.run.pc = 0;
                    return resume(r);
                });
            case NEXT:
                if (!r.input.hasNext()) return endOfCycle(r, !r.run.noPosixQuit(), () -> finish(r, -1));
                if (!r.quiet) r.run.printPattern(r.stdout);
                return dumpAppends(r, () -> r.input.next(line -> startLine(r, line, () -> {
                    r.run.replaceLine(line, !r.input.hasNext());
                    return resume(r);
                })));
            case APPEND_NEXT:
                if (!r.input.hasNext()) return endOfCycle(r, !r.run.noPosixQuit(), () -> finish(r, -1));
                return dumpAppends(r, () -> r.input.next(line -> startLine(r, line, () -> {
                    r.run.appendLine(line, !r.input.hasNext());
                    return resume(r);
                })));
            case QUIT:
                return endOfCycle(r, true, () -> finish(r, r.run.exitCode));
            default:
                return finish(r, r.run.exitCode);
        }
    }

    private Step endOfCycle(Run r, boolean autoprint, Supplier<Step> then) {
        if (autoprint && !r.quiet) r.run.printPattern(r.stdout);
        return dumpAppends(r, then);
    }

    /** Writes what a, r and R queued, in order (r and R read their files now). */
    private Step dumpAppends(Run r, Supplier<Step> then) {
        List<SedRun.Append> queue = r.run.takeAppends();
        return Libc.forEach(queue, (a, next) -> {
            if (a.text() != null) {
                SedRun.owe(r.stdout);
                r.stdout.data.writeBytes(a.text());
                return next.get();
            }
            if (a.readFile() != null) {
                String name = a.readFile();
                return Inputs.read(r.c, name.equals("/dev/stdin") ? "-" : name, (err, content) -> {
                    if (content != null && content.length > 0) {
                        SedRun.owe(r.stdout);
                        r.stdout.data.writeBytes(content);
                    }
                    return next.get();
                });
            }
            String name = a.readLine();
            if (r.readLines.containsKey(name)) return readLine(r, name, next);
            return Inputs.read(r.c, name.equals("/dev/stdin") ? "-" : name, (err, content) -> {
                r.readLines.put(name, content == null ? List.of() : lines(content));
                r.readLineAt.put(name, 0);
                return readLine(r, name, next);
            });
        }, () -> {
            flush(r);
            return then.get();
        });
    }

    private Step readLine(Run r, String name, Supplier<Step> next) {
        List<byte[]> lines = r.readLines.get(name);
        int at = r.readLineAt.get(name);
        if (at < lines.size()) {
            SedRun.owe(r.stdout);
            r.stdout.data.writeBytes(lines.get(at));
            r.readLineAt.put(name, at + 1);
        }
        return next.get();
    }

    /** A file's lines, each with its newline (the last one as it is). */
    private static List<byte[]> lines(byte[] content) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(content, start, i + 1));
                start = i + 1;
            }
        }
        if (start < content.length) out.add(java.util.Arrays.copyOfRange(content, start, content.length));
        return out;
    }

    /** Moves what the script printed to standard output (and error) through stdio. */
    private static void flush(Run r) {
        if (r.realStdout.data.size() > 0) {
            r.c.printBytes(r.realStdout.data.toByteArray());
            r.realStdout.data.reset();
        }
        if (r.stderr.data.size() > 0) {
            r.c.eprintBytes(r.stderr.data.toByteArray());
            r.stderr.data.reset();
        }
    }

    private Step finish(Run r, int code) {
        flush(r);
        return finishInPlace(r, () -> writeFiles(r, new ArrayList<>(r.fds.keySet()), 0,
                () -> r.c.exit(code >= 0 ? code : r.input.failed() ? 2 : 0)));
    }

    private Step writeFiles(Run r, List<String> names, int i, Supplier<Step> then) {
        if (i == names.size()) return then.get();
        String name = names.get(i);
        int fd = r.fds.get(name);
        byte[] data = r.files.get(name).data.toByteArray();
        return r.c.writeAll(fd, data, err -> r.c.close(fd, () -> writeFiles(r, names, i + 1, then)));
    }

    /** -i: the edited file replaces the original (kept as the backup name when a suffix is given). */
    private Step finishInPlace(Run r, Supplier<Step> then) {
        if (!r.inPlace || r.currentName == null) return then.get();
        String name = r.currentName;
        r.currentName = null;
        byte[] data = r.stdout.data.toByteArray();
        r.stdout = r.realStdout;
        int slash = name.lastIndexOf('/');
        String dir = slash >= 0 ? name.substring(0, slash + 1) : "";
        String temp = dir + "sed" + temporaryName(r.temporaries++);
        Libc c = r.c;
        return c.create(temp, OpenFlags.O_WRONLY | OpenFlags.O_EXCL, 0600, res -> {
            if (res.failed()) {
                c.eprint("sed: couldn't open temporary file " + temp + ": " + res.errno().message() + "\n");
                return c.exit(4);
            }
            int fd = res.intValue();
            return c.writeAll(fd, data, err -> c.close(fd, () -> c.sys(new dev.syssim.sim.os.Syscall.Chmod(temp, r.currentMode), ch -> {
                String suffix = r.inPlaceSuffix;
                if (suffix == null || suffix.isEmpty()) {
                    return c.sys(new dev.syssim.sim.os.Syscall.Rename(temp, name), mv -> then.get());
                }
                String base = name.substring(slash + 1);
                String backup = suffix.contains("*") ? suffix.replace("*", base) : base + suffix;
                if (!backup.contains("/")) backup = dir + backup;
                String backupName = backup;
                return c.sys(new dev.syssim.sim.os.Syscall.Rename(name, backupName),
                        mv -> c.sys(new dev.syssim.sim.os.Syscall.Rename(temp, name), mv2 -> then.get()));
            })));
        });
    }

    /** mkostemp's six characters, from a counter (no randomness in the simulation). */
    private static String temporaryName(int n) {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder();
        long v = 0x5EDL * 7919 + n * 104729L;
        for (int i = 0; i < 6; i++) {
            b.append(letters.charAt((int) (v % letters.length())));
            v /= letters.length();
        }
        return b.toString();
    }

    private static final String VERSION = """
            sed (GNU sed) 4.9
            Packaged by Debian
            Copyright (C) 2022 Free Software Foundation, Inc.
            License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
            This is free software: you are free to change and redistribute it.
            There is NO WARRANTY, to the extent permitted by law.

            Written by Jay Fenlason, Tom Lord, Ken Pizzini,
            Paolo Bonzini, Jim Meyering, and Assaf Gordon.

            This sed program was built with SELinux support.
            SELinux is disabled on this system.

            GNU sed home page: <https://www.gnu.org/software/sed/>.
            General help using GNU software: <https://www.gnu.org/gethelp/>.
            E-mail bug reports to: <bug-sed@gnu.org>.
            """;

    private static final String HELP = """
Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the `l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
E-mail bug reports to: <bug-sed@gnu.org>.
""";

    /** What a usage error prints: the help without its last line. */
    private static final String USAGE = HELP.substring(0, HELP.lastIndexOf("E-mail bug reports"));

    @Override
    protected Step help(Libc c) {
        c.print(HELP);
        return c.exit(0);
    }

    @Override
    public String usage() {
        return HELP;
    }

    @Override
    public String whatis() {
        return "stream editor for filtering and transforming text";
    }

    @Override
    public String manual() {
        return "sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n"
                + "  Sed is a stream editor: it reads each line of input into the pattern space, runs the script on it and prints it.\n"
                + "  -n, --quiet, --silent    suppress automatic printing of pattern space\n"
                + "  -e script, --expression=script  add the script to the commands to be executed\n"
                + "  -f script-file, --file=script-file  add the contents of script-file to the commands to be executed\n"
                + "  -i[SUFFIX], --in-place[=SUFFIX]  edit files in place (makes backup if SUFFIX supplied)\n"
                + "  -l N, --line-length=N    specify the desired line-wrap length for the `l' command\n"
                + "  --posix                  disable all GNU extensions\n"
                + "  -E, -r, --regexp-extended  use extended regular expressions in the script\n"
                + "  -s, --separate           consider files as separate rather than as a single continuous long stream\n"
                + "  --sandbox                operate in sandbox mode (disable e/r/w commands)\n"
                + "  -z, --null-data          separate lines by NUL characters\n"
                + "  Addresses: N, $, /regexp/ (I, M), \\cregexpc, first~step, addr1,+N, addr1,~N, 0,/regexp/, addr!\n"
                + "  Commands: { } = a i c b t T : d D F g G h H l n N p P q Q r R w W s y x z #\n"
                + "  s flags: g p N i I m M w file; in the replacement & \\1-\\9 \\n \\L \\U \\l \\u \\E\n"
                + "  Not supported here: the e command and the s command's e flag, --debug.";
    }
}
