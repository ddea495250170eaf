package dev.syssim.sim.shell;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.shell.syntax.Parser;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The builtins that read and write: {@code echo}, {@code read}, {@code mapfile}/{@code readarray}, {@code pwd}. */
final class IoBuiltins {

    private IoBuiltins() {
    }

    /** bash's echo: {@code -n -e -E} (only a word made of those letters is an option); dash's interprets escapes always. */
    static final Builtin ECHO = (sh, argv) -> {
        boolean newline = true;
        boolean escapes = sh.st.options.xpgEcho || sh.st.dash;
        int i = 1;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.length() < 2 || a.charAt(0) != '-') break;
            String letters = a.substring(1);
            if (sh.st.dash) {
                if (!letters.equals("n")) break;
                newline = false;
                continue;
            }
            if (!letters.chars().allMatch(ch -> ch == 'n' || ch == 'e' || ch == 'E')) break;
            for (char ch : letters.toCharArray()) {
                if (ch == 'n') newline = false;
                else if (ch == 'e') escapes = true;
                else escapes = false;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int k = i; k < argv.size(); k++) {
            if (k > i) out.append(' ');
            if (escapes) {
                boolean[] stop = {false};
                out.append(escapes(argv.get(k), stop, sh.st.dash));
                if (stop[0]) {
                    sh.out(out.toString());
                    return sh.done(0);
                }
            } else {
                out.append(argv.get(k));
            }
        }
        if (newline) out.append('\n');
        sh.out(out.toString());
        return sh.done(0);
    };

    /** echo -e's escapes: {@code \a \b \c \e \E \f \n \r \t \v \\ \0nnn \xHH &#92;uHHHH &#92;UHHHHHHHH}; {@code \c} stops all output. */
    static String escapes(String s, boolean[] stop, boolean dash) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'a' -> out.append('\007');
                case 'b' -> out.append('\b');
                case 'c' -> {
                    stop[0] = true;
                    return out.toString();
                }
                case 'e', 'E' -> {
                    if (dash) out.append('\\').append(e);
                    else out.append('\033');
                }
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\013');
                case '\\' -> out.append('\\');
                case '0' -> {
                    int v = 0;
                    int n = 0;
                    while (n < 3 && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') {
                        v = v * 8 + (s.charAt(++i) - '0');
                        n++;
                    }
                    out.append((char) (v & 0xff));
                }
                case '1', '2', '3', '4', '5', '6', '7' -> {
                    if (dash) {
                        int v = e - '0';
                        int n = 1;
                        while (n < 3 && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') {
                            v = v * 8 + (s.charAt(++i) - '0');
                            n++;
                        }
                        out.append((char) (v & 0xff));
                    } else {
                        out.append('\\').append(e);
                    }
                }
                case 'x' -> {
                    if (dash) {
                        out.append("\\x");
                        break;
                    }
                    int v = 0;
                    int n = 0;
                    while (n < 2 && i + 1 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(++i), 16);
                        n++;
                    }
                    if (n == 0) out.append("\\x");
                    else out.append((char) v);
                }
                case 'u', 'U' -> {
                    if (dash) {
                        out.append('\\').append(e);
                        break;
                    }
                    int max = e == 'u' ? 4 : 8;
                    long v = 0;
                    int n = 0;
                    while (n < max && i + 1 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(++i), 16);
                        n++;
                    }
                    if (n == 0) out.append('\\').append(e);
                    else if (v < 0x80) out.append((char) v);
                    else if (v <= 0x10FFFF) out.append(Bytes.fromJava(new String(Character.toChars((int) v))));
                }
                default -> out.append('\\').append(e);
            }
        }
        return out.toString();
    }

    /** {@code pwd [-LP]}: $PWD if it names the current directory (-L, the default), else what getcwd says. */
    static final Builtin PWD = (sh, argv) -> {
        BuiltinOptions.Parsed parsed = BuiltinOptions.parse(sh, argv, "LP", "pwd [-LP]");
        if (parsed == null) return sh.done(2);
        boolean physical = sh.st.options.get("physical");
        for (BuiltinOptions.Option o : parsed.options()) physical = o.letter() == 'P'; // the last one counts
        boolean phys = physical;
        return sh.c.getcwd((err, cwd) -> {
            if (err != null) {
                sh.builtinError("pwd", "error retrieving current directory: getcwd: cannot access parent directories: " + err.message());
                return sh.done(1);
            }
            String pwd = sh.st.vars.get("PWD");
            String shown = !phys && pwd != null && pwd.startsWith("/") && Dirs.sameDirectoryKnown(sh, pwd, Bytes.fromJava(cwd))
                    ? pwd : Bytes.fromJava(cwd);
            sh.out(shown + "\n");
            return sh.done(0);
        });
    };

    // ---- read ----

    static final Builtin READ = IoBuiltins::read;

    /** dash's read knows only -p PROMPT and -r, and wants a name: its refusals, or null. */
    private static Step dashReadOptions(Shell sh, List<String> argv) {
        int i = 1;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() < 2) break;
            for (int k = 1; k < a.length(); k++) {
                char f = a.charAt(k);
                if (f == 'p') {
                    if (k + 1 == a.length()) i++; // its argument is the next word
                    break;
                }
                if (f != 'r') {
                    sh.builtinError("read", "Illegal option -" + f);
                    return sh.done(2);
                }
            }
        }
        if (i >= argv.size()) {
            sh.builtinError("read", "arg count");
            return sh.done(2);
        }
        return null;
    }

    private static final String READ_USAGE = "read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] "
            + "[-p prompt] [-t timeout] [-u fd] [name ...]";

    /** read's options, each checked as bash's loop reaches it ({@code -n x} fails before a later bad option is seen). */
    private static final class ReadOptions {
        boolean raw;
        boolean silent;
        String array;
        String prompt;
        int delimiter = '\n';
        int count = -1;
        boolean exact;
        int fd;
        String timeout;

        int take(Shell sh, BuiltinOptions.Option o) {
            String value = o.argument();
            switch (o.letter()) {
                case 'r' -> raw = true;
                case 's' -> silent = true;
                case 'e', 'i' -> {
                    // readline and its initial text: nothing to edit without a terminal line editor
                }
                case 'a' -> array = value;
                case 'd' -> delimiter = value.isEmpty() ? 0 : value.charAt(0);
                case 'p' -> prompt = value;
                case 't' -> timeout = value;
                case 'u' -> {
                    Long n = Flow.number(value);
                    if (n == null || n < 0) {
                        sh.builtinError("read", value + ": invalid file descriptor specification");
                        return 1;
                    }
                    fd = n.intValue();
                }
                default -> {
                    Long n = Flow.number(value);
                    if (n == null || n < 0) {
                        sh.builtinError("read", value + ": invalid number");
                        return 1;
                    }
                    count = n.intValue();
                    exact = o.letter() == 'N';
                }
            }
            return -1;
        }
    }

    private static Step read(Shell sh, List<String> argv) {
        if (sh.st.dash) {
            Step refused = dashReadOptions(sh, argv);
            if (refused != null) return refused;
        }
        ReadOptions ro = new ReadOptions();
        BuiltinOptions.Parsed parsed = BuiltinOptions.parse(sh, argv, "a:d:i:n:N:p:t:u:ers", READ_USAGE, o -> ro.take(sh, o));
        if (parsed == null) return sh.done(2);
        if (parsed.stopped() >= 0) return sh.done(parsed.stopped());
        boolean raw = ro.raw;
        boolean silent = ro.silent;
        String array = ro.array;
        String prompt = ro.prompt;
        int delimiter = ro.delimiter;
        int count = ro.count;
        boolean exact = ro.exact;
        int fd = ro.fd;
        String timeout = ro.timeout;
        int i = parsed.operands();
        List<String> names = new ArrayList<>(argv.subList(i, argv.size()));
        for (String n : names) {
            if (!Shell.isName(n)) {
                sh.builtinError("read", "`" + n + "': not a valid identifier");
                return sh.done(1);
            }
        }
        if (array != null && !Shell.isName(array)) {
            sh.builtinError("read", "`" + array + "': not a valid identifier");
            return sh.done(1);
        }
        if (timeout != null) {
            if (!timeout.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
                sh.builtinError("read", timeout + ": invalid timeout specification");
                return sh.done(1);
            }
            if (Double.parseDouble(timeout) == 0) {
                // -t 0: is input waiting? A pipe or file with data, or its end, counts as ready
                int inFd = fd;
                return sh.c.sys(new Syscall.Fcntl(inFd, Syscall.Fcntl.F_GETFL, 0), r -> sh.done(r.failed() ? 1 : 0));
            }
        }
        boolean rawFinal = raw;
        int delim = delimiter;
        int max = count;
        boolean exactly = exact;
        String arrayName = array;
        int inFd = fd;
        Step body = readInput(sh, inFd, delim, max, exactly, rawFinal, result -> {
            if (result.error() != null) {
                sh.builtinError("read", "read error: " + inFd + ": " + result.error().message());
                return sh.done(1);
            }
            assignRead(sh, result.text(), names, arrayName, rawFinal, exactly || max >= 0);
            return sh.done(result.eof() ? 1 : 0);
        });
        String shownPrompt = prompt;
        java.util.function.Supplier<Step> prompted = () -> {
            if (shownPrompt == null) return body;
            return sh.c.isatty(inFd, tty -> {
                if (tty) sh.err(shownPrompt);
                return body;
            });
        };
        if (inFd == 0) return prompted.get();
        // read -u N checks the descriptor is open before anything else
        return sh.c.sys(new Syscall.Fcntl(inFd, Syscall.Fcntl.F_GETFL, 0), r -> {
            if (r.failed()) {
                sh.builtinError("read", inFd + ": invalid file descriptor: " + r.errno().message());
                return sh.done(1);
            }
            return prompted.get();
        });
    }

    /** What read got: the text (the delimiter removed), whether input ended first, or a read error. */
    record ReadResult(String text, boolean eof, Errno error) {
    }

    /**
     * Reads from {@code fd} a byte at a time (bash does on pipes, so the rest stays for the next
     * reader) up to the delimiter, {@code count} characters, or the end; without {@code raw} a
     * backslash-newline continues the line.
     */
    static Step readInput(Shell sh, int fd, int delimiter, int count, boolean exact, boolean raw, Function<ReadResult, Step> k) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        boolean[] escaped = {false};
        int[] chars = {0};
        return readByte(sh, fd, delimiter, count, exact, raw, got, escaped, chars, k);
    }

    private static Step readByte(Shell sh, int fd, int delimiter, int count, boolean exact, boolean raw, ByteArrayOutputStream got,
                                 boolean[] escaped, int[] chars, Function<ReadResult, Step> k) {
        if (count >= 0 && chars[0] >= count) return k.apply(new ReadResult(Bytes.str(got.toByteArray()), false, null));
        return sh.c.read(fd, 1, r -> {
            if (r.failed()) {
                if (r.errno() == Errno.EINTR) {
                    return sh.runCaughtTraps(() -> k.apply(new ReadResult(Bytes.str(got.toByteArray()), true, null)));
                }
                return k.apply(new ReadResult("", true, r.errno()));
            }
            if (r.value() == 0) return k.apply(new ReadResult(Bytes.str(got.toByteArray()), true, null));
            int b = r.bytes()[0] & 0xff;
            if (!raw && escaped[0]) {
                escaped[0] = false;
                if (b == '\n') return readByte(sh, fd, delimiter, count, exact, raw, got, escaped, chars, k);
                got.write(b);
                chars[0]++;
                return readByte(sh, fd, delimiter, count, exact, raw, got, escaped, chars, k);
            }
            if (!raw && b == '\\') {
                escaped[0] = true;
                // the backslash is kept, marked, until field splitting drops it
                got.write(0x01);
                return readByte(sh, fd, delimiter, count, exact, raw, got, escaped, chars, k);
            }
            if (b == delimiter && !exact) return k.apply(new ReadResult(Bytes.str(got.toByteArray()), false, null));
            got.write(b);
            chars[0]++;
            return readByte(sh, fd, delimiter, count, exact, raw, got, escaped, chars, k);
        });
    }

    /**
     * read's assignment: the line split by IFS into the names, the last getting the rest of the
     * line (its trailing IFS white space removed); backslash-escaped characters are never split
     * points. With no names, REPLY gets the line as it is.
     */
    private static void assignRead(Shell sh, String text, List<String> names, String array, boolean raw, boolean counted) {
        String ifs = Parameters.ifs(sh);
        if (array != null) {
            List<String> fields = splitFields(text, ifs);
            List<Assign.Element> elements = new ArrayList<>();
            for (String f : fields) elements.add(new Assign.Element(null, false, unmark(f)));
            String error = Assign.array(sh, array, elements, false, false);
            if (error != null) sh.builtinError("read", error);
            return;
        }
        if (names.isEmpty()) {
            String error = Assign.scalar(sh, "REPLY", unmark(text), false);
            if (error != null) sh.builtinError("read", error);
            return;
        }
        String rest = text;
        for (int n = 0; n < names.size(); n++) {
            boolean last = n == names.size() - 1;
            String value;
            rest = skipIfsWhite(rest, ifs);
            if (last) {
                value = trimTrailing(rest, ifs);
                // a single trailing non-white IFS character ends the last field
                if (!value.isEmpty() && isIfsAt(value, value.length() - 1, ifs) && !isWhite(value.charAt(value.length() - 1))
                        && countFields(value, ifs) <= 1) {
                    value = trimTrailing(value.substring(0, value.length() - 1), ifs);
                }
                rest = "";
            } else {
                int end = 0;
                while (end < rest.length() && !isIfsAt(rest, end, ifs)) end++;
                value = rest.substring(0, end);
                rest = end < rest.length() ? rest.substring(end) : "";
                if (!rest.isEmpty()) {
                    // one separator: white space around one non-white IFS character
                    int i = 0;
                    while (i < rest.length() && isIfsAt(rest, i, ifs) && isWhite(rest.charAt(i))) i++;
                    if (i < rest.length() && isIfsAt(rest, i, ifs) && !isWhite(rest.charAt(i))) i++;
                    rest = rest.substring(i);
                }
            }
            String error = Assign.scalar(sh, names.get(n), unmark(value), false);
            if (error != null) sh.builtinError("read", error);
        }
    }

    private static int countFields(String s, String ifs) {
        return splitFields(s, ifs).size();
    }

    private static List<String> splitFields(String text, String ifs) {
        List<String> fields = new ArrayList<>();
        String rest = skipIfsWhite(text, ifs);
        while (!rest.isEmpty()) {
            int end = 0;
            while (end < rest.length() && !isIfsAt(rest, end, ifs)) end++;
            fields.add(rest.substring(0, end));
            if (end >= rest.length()) break;
            rest = rest.substring(end);
            int i = 0;
            while (i < rest.length() && isIfsAt(rest, i, ifs) && isWhite(rest.charAt(i))) i++;
            if (i < rest.length() && isIfsAt(rest, i, ifs) && !isWhite(rest.charAt(i))) {
                i++;
                while (i < rest.length() && isIfsAt(rest, i, ifs) && isWhite(rest.charAt(i))) i++;
            }
            rest = rest.substring(i);
        }
        return fields;
    }

    private static boolean isIfs(char c, String ifs) {
        return c != 0x01 && ifs.indexOf(c) >= 0;
    }

    /** Whether the character at {@code i} separates fields: an IFS character not escaped (marked) by a backslash. */
    private static boolean isIfsAt(String s, int i, String ifs) {
        return isIfs(s.charAt(i), ifs) && (i == 0 || s.charAt(i - 1) != 0x01);
    }

    private static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    private static String skipIfsWhite(String s, String ifs) {
        int i = 0;
        while (i < s.length() && isIfsAt(s, i, ifs) && isWhite(s.charAt(i))) i++;
        return s.substring(i);
    }

    private static String trimTrailing(String s, String ifs) {
        int end = s.length();
        while (end > 0 && isIfsAt(s, end - 1, ifs) && isWhite(s.charAt(end - 1)) && !(end >= 2 && s.charAt(end - 2) == 0x01)) end--;
        return s.substring(0, end);
    }

    /** Drops the marks read left before escaped characters. */
    private static String unmark(String s) {
        return s.indexOf(0x01) < 0 ? s : s.replace("\u0001", "");
    }

    // ---- mapfile ----

    static final Builtin MAPFILE = IoBuiltins::mapfile;

    /** mapfile's options, each checked as bash's loop reaches it. */
    private static final class MapfileOptions {
        int delimiter = '\n';
        long max;
        long origin;
        long skip;
        boolean trim;
        int fd;
        String callback;
        long quantum = 5000;

        int take(Shell sh, String name, BuiltinOptions.Option o) {
            char f = o.letter();
            String value = o.argument();
            if (f == 't') {
                trim = true;
                return -1;
            }
            if (f == 'd') {
                delimiter = value.isEmpty() ? 0 : value.charAt(0);
                return -1;
            }
            if (f == 'C') {
                callback = value;
                return -1;
            }
            Long n = Flow.number(value);
            if (f == 'c') {
                if (n == null || n <= 0) {
                    sh.builtinError(name, value + ": invalid callback quantum");
                    return 1;
                }
                quantum = n;
                return -1;
            }
            if (n == null || n < 0) {
                sh.builtinError(name, value + ": invalid " + (f == 'u' ? "file descriptor specification" : f == 'O' ? "array origin" : "line count"));
                return 1;
            }
            switch (f) {
                case 'n' -> max = n;
                case 'O' -> origin = n;
                case 's' -> skip = n;
                default -> fd = n.intValue();
            }
            return -1;
        }
    }

    private static Step mapfile(Shell sh, List<String> argv) {
        String name = argv.get(0);
        MapfileOptions mo = new MapfileOptions();
        BuiltinOptions.Parsed parsed = BuiltinOptions.parse(sh, argv, "d:u:n:O:tC:c:s:",
                name + " [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]",
                o -> mo.take(sh, name, o));
        if (parsed == null) return sh.done(2);
        if (parsed.stopped() >= 0) return sh.done(parsed.stopped());
        int delimiter = mo.delimiter;
        long max = mo.max;
        long origin = mo.origin;
        long skip = mo.skip;
        boolean trim = mo.trim;
        int fd = mo.fd;
        String callback = mo.callback;
        long quantum = mo.quantum;
        int i = parsed.operands();
        String array = i < argv.size() ? argv.get(i) : "MAPFILE";
        if (!Shell.isName(array)) {
            sh.builtinError(name, "`" + array + "': not a valid identifier");
            return sh.done(1);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int d = delimiter;
        long maxLines = max;
        long start = origin;
        long skipLines = skip;
        boolean trimDelimiter = trim;
        int inFd = fd;
        String every = callback;
        long lines = quantum;
        // mapfile checks the descriptor is open first, as read -u does
        return sh.c.sys(new Syscall.Fcntl(inFd, Syscall.Fcntl.F_GETFL, 0), open -> {
            if (open.failed()) {
                sh.builtinError(name, inFd + ": invalid file descriptor: " + open.errno().message());
                return sh.done(1);
            }
            return sh.c.readAll(inFd, all, err -> {
            String text = Bytes.str(all.toByteArray());
            List<Assign.Element> elements = new ArrayList<>();
            Variable v = sh.st.vars.find(array);
            if (start == 0 && v != null && v.isArray()) v.indexed.clear();
            long index = start;
            int from = 0;
            long line = 0;
            while (from < text.length() && (maxLines == 0 || elements.size() < maxLines)) {
                int end = text.indexOf((char) d, from);
                String item = end < 0 ? text.substring(from) : text.substring(from, trimDelimiter ? end : end + 1);
                from = end < 0 ? text.length() : end + 1;
                if (line++ < skipLines) continue;
                elements.add(new Assign.Element(Long.toString(index++), false, item));
            }
            if (every != null) {
                if (v == null || !v.isArray()) {
                    String error = Assign.array(sh, array, List.of(), false, false);
                    if (error != null) sh.builtinError(name, error);
                }
                sh.push(new MapfileCallbacks(name, array, elements, every, lines));
                return sh.proceed();
            }
            String error = Assign.array(sh, array, elements, start != 0 || v != null && v.isArray() && start != 0, false);
            if (error != null) sh.builtinError(name, error);
            return sh.done(0);
            });
        });
    }

    /**
     * mapfile -C: the callback is evaluated every quantum lines, before that line's element is
     * assigned, as {@code callback INDEX 'LINE'}; the elements go in one by one so it sees the array so far.
     */
    private static final class MapfileCallbacks extends Frame {
        private final String builtin;
        private final String array;
        private final List<Assign.Element> elements;
        private final String callback;
        private final long quantum;
        private int next;
        private boolean called;

        MapfileCallbacks(String builtin, String array, List<Assign.Element> elements, String callback, long quantum) {
            this.builtin = builtin;
            this.array = array;
            this.elements = elements;
            this.callback = callback;
            this.quantum = quantum;
        }

        @Override
        Step step(Shell sh) {
            while (next < elements.size()) {
                Assign.Element e = elements.get(next);
                if (!called && (next + 1) % quantum == 0) {
                    called = true;
                    String text = callback + " " + e.subscript() + " " + Quote.single(e.value());
                    sh.push(new SourceFrame(new Parser(text, sh.st.lineNumber, sh.parserSettings()), SourceFrame.Kind.EVAL, "eval"));
                    return Shell.CONTINUE;
                }
                called = false;
                String error = Assign.element(sh, array, e.subscript(), e.value(), false);
                if (error != null) sh.builtinError(builtin, error);
                next++;
            }
            return sh.finish(0);
        }
    }
}
