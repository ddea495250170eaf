package dev.syssim.sim.prog.tools.editors;

import dev.syssim.sim.prog.Regex;
import dev.syssim.sim.prog.tools.editors.SedCommand.Address;
import dev.syssim.sim.prog.tools.editors.SedCommand.Command;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The state of a running sed script and its interpreter (GNU sed's execute.c): pattern and hold
 * space, line number, the flag t tests, the state of each range, the queue of text a, r and R
 * append. {@link #run} executes commands in a Java loop from a given one until the script needs
 * its driver — the next line of input, the end of the cycle, a quit — or has run a budget of
 * commands, so an endless script ({@code :a;ba}) still hands control back to the scheduler.
 */
final class SedRun {

    /** Why {@link #run} stopped. */
    enum Stop {
        /** The end of the script: autoprint, then the next cycle. */
        END,
        /** d, or c: the next cycle without autoprint. */
        DELETE,
        /** D with a newline in the pattern space: restart the script without reading. */
        RESTART,
        /** n: print, then replace the pattern space with the next line; go on at {@link #pc}. */
        NEXT,
        /** N: append the next line; go on at {@link #pc}. */
        APPEND_NEXT,
        /** q: autoprint and quit with {@link #exitCode}. */
        QUIT,
        /** Q: quit at once. */
        QUIT_SILENT,
        /** The budget ran out: call {@link #run} again from {@link #pc}. */
        YIELD
    }

    /** Something the end of the cycle outputs: text (a), a file (r), a line of a file (R). */
    record Append(byte[] text, String readFile, String readLine) {
    }

    /** Where output goes: what p, autoprint and w write, and whether a line's newline is owed. */
    static final class Output {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        boolean missingNewline;
    }

    /** What writes output for the interpreter (stdout, a w file, /dev/stderr). */
    interface Sink {
        Output output(String file);

        Output stdout();
    }

    private final List<Command> commands;
    private final boolean quiet;
    private final byte eol;
    private final boolean utf8;
    private final int listWidth;
    private final boolean posix;
    private final int[] rangeState;
    private final long[] rangeEnd;
    private final List<Append> appends = new ArrayList<>();
    private Sink sink;

    byte[] ps = new byte[0];
    int psLen;
    private byte[] hold = new byte[0];
    boolean chomped = true;
    long lineNumber;
    boolean last;
    String fileName = "-";
    private boolean replaced;
    private Regex lastRegex;
    private boolean noPrevious;
    int pc;
    int exitCode;
    long steps;

    private static final int INACTIVE = 0;
    private static final int ACTIVE = 1;
    private static final int CLOSED = 2;

    SedRun(List<Command> commands, boolean quiet, byte eol, boolean utf8, int listWidth, boolean posix, Sink sink) {
        this.commands = commands;
        this.quiet = quiet;
        this.eol = eol;
        this.utf8 = utf8;
        this.listWidth = listWidth;
        this.posix = posix;
        this.sink = sink;
        this.rangeState = new int[commands.size()];
        this.rangeEnd = new long[commands.size()];
        for (int i = 0; i < commands.size(); i++) {
            Command cmd = commands.get(i);
            if (cmd.a1 != null && cmd.a1.kind() == SedCommand.AddressKind.LINE && cmd.a1.n() == 0 && cmd.a2 != null) rangeState[i] = ACTIVE;
        }
    }

    void sink(Sink s) {
        this.sink = s;
    }

    /** Starts a cycle with a new line (the t flag resets with each new line). */
    void load(SedInput.Line line, boolean lastLine) {
        setPattern(line.bytes());
        chomped = line.chomped();
        lineNumber++;
        last = lastLine;
        fileName = line.file();
        replaced = false;
    }

    /** n: the next line replaces the pattern space. */
    void replaceLine(SedInput.Line line, boolean lastLine) {
        load(line, lastLine);
    }

    /** N: the next line is appended after a newline. */
    void appendLine(SedInput.Line line, boolean lastLine) {
        byte[] b = line.bytes();
        ensure(psLen + 1 + b.length);
        ps[psLen++] = '\n';
        System.arraycopy(b, 0, ps, psLen, b.length);
        psLen += b.length;
        chomped = line.chomped();
        lineNumber++;
        last = lastLine;
        fileName = line.file();
    }

    /** With -s and -i, line numbers start again in each file. */
    void resetLineNumber() {
        lineNumber = 0;
    }

    List<Append> takeAppends() {
        List<Append> out = new ArrayList<>(appends);
        appends.clear();
        return out;
    }

    /** The pattern space as autoprint and p write it: with its newline unless the line had none. */
    void printPattern(Output out) {
        owe(out);
        out.data.write(ps, 0, psLen);
        if (chomped) out.data.write(eol);
        else out.missingNewline = true;
    }

    static void owe(Output out) {
        if (out.missingNewline) {
            out.data.write('\n');
            out.missingNewline = false;
        }
    }

    private void write(Output out, byte[] text) {
        owe(out);
        out.data.writeBytes(text);
    }

    private void setPattern(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, ps, 0, b.length);
        psLen = b.length;
    }

    private void ensure(int n) {
        if (ps.length < n) ps = Arrays.copyOf(ps, Math.max(n, ps.length * 2 + 16));
    }

    byte[] pattern() {
        return Arrays.copyOf(ps, psLen);
    }

    // ---- the interpreter ----

    /** Runs from command {@link #pc} for at most {@code budget} commands. */
    Stop run(int budget) {
        int n = 0;
        while (pc < commands.size()) {
            if (n++ >= budget) return Stop.YIELD;
            steps++;
            if (noPrevious) return Stop.QUIT_SILENT;
            Command cmd = commands.get(pc);
            int index = pc;
            pc++;
            if (!selected(cmd, index)) {
                if (cmd.name == '{') pc = cmd.jump;
                continue;
            }
            switch (cmd.name) {
                case '{', '}', ':' -> {
                }
                case '=' -> write(sink.stdout(), (lineNumber + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                case 'a' -> appends.add(new Append(cmd.text, null, null));
                case 'i' -> write(sink.stdout(), cmd.text);
                case 'c' -> {
                    if (cmd.a2 == null || rangeState[index] != ACTIVE || cmd.negate) write(sink.stdout(), cmd.text);
                    return Stop.DELETE;
                }
                case 'b' -> {
                    if (cmd.jump >= 0) pc = cmd.jump;
                    else pc = commands.size();
                }
                case 't', 'T' -> {
                    boolean jump = cmd.name == 't' ? replaced : !replaced;
                    replaced = false;
                    if (jump) pc = cmd.jump >= 0 ? cmd.jump : commands.size();
                }
                case 'd' -> {
                    return Stop.DELETE;
                }
                case 'D' -> {
                    int nl = indexOf((byte) '\n');
                    if (nl < 0) return Stop.DELETE;
                    System.arraycopy(ps, nl + 1, ps, 0, psLen - nl - 1);
                    psLen -= nl + 1;
                    return Stop.RESTART;
                }
                case 'F' -> write(sink.stdout(), (fileName + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                case 'g' -> setPattern(hold);
                case 'G' -> {
                    ensure(psLen + 1 + hold.length);
                    ps[psLen++] = '\n';
                    System.arraycopy(hold, 0, ps, psLen, hold.length);
                    psLen += hold.length;
                }
                case 'h' -> hold = pattern();
                case 'H' -> {
                    byte[] h = Arrays.copyOf(hold, hold.length + 1 + psLen);
                    h[hold.length] = '\n';
                    System.arraycopy(ps, 0, h, hold.length + 1, psLen);
                    hold = h;
                }
                case 'x' -> {
                    byte[] t = hold;
                    hold = pattern();
                    setPattern(t);
                }
                case 'l' -> write(sink.stdout(), SedText.list(pattern(), cmd.number >= 0 ? (int) Math.min(Integer.MAX_VALUE, cmd.number) : listWidth, eol));
                case 'n' -> {
                    return Stop.NEXT;
                }
                case 'N' -> {
                    return Stop.APPEND_NEXT;
                }
                case 'p' -> printPattern(sink.stdout());
                case 'P' -> {
                    int nl = indexOf((byte) '\n');
                    Output out = sink.stdout();
                    owe(out);
                    if (nl >= 0) {
                        out.data.write(ps, 0, nl);
                        out.data.write(eol);
                    } else {
                        printPattern(out);
                    }
                }
                case 'q' -> {
                    exitCode = (int) Math.max(0, Math.min(Integer.MAX_VALUE, cmd.number));
                    return Stop.QUIT;
                }
                case 'Q' -> {
                    exitCode = (int) Math.max(0, Math.min(Integer.MAX_VALUE, cmd.number));
                    return Stop.QUIT_SILENT;
                }
                case 'r' -> appends.add(new Append(null, cmd.file, null));
                case 'R' -> appends.add(new Append(null, null, cmd.file));
                case 'w' -> printPattern(sink.output(cmd.file));
                case 'W' -> {
                    int nl = indexOf((byte) '\n');
                    Output out = sink.output(cmd.file);
                    owe(out);
                    out.data.write(ps, 0, nl >= 0 ? nl : psLen);
                    out.data.write(eol);
                }
                case 'y' -> transliterate(cmd.y);
                case 'z' -> psLen = 0;
                case 's' -> substitute(cmd.subst);
                default -> {
                }
            }
        }
        return noPrevious ? Stop.QUIT_SILENT : Stop.END;
    }

    private int indexOf(byte b) {
        for (int i = 0; i < psLen; i++) if (ps[i] == b) return i;
        return -1;
    }

    // ---- addresses ----

    private boolean selected(Command cmd, int index) {
        if (cmd.a1 == null) return !cmd.negate;
        return matchAddress(cmd, index) != cmd.negate;
    }

    private boolean matchAddress(Command cmd, int index) {
        switch (rangeState[index]) {
            case ACTIVE:
                return inRange(cmd, index);
            case CLOSED:
                if (cmd.a1.kind() == SedCommand.AddressKind.LINE && cmd.a1.n() == 0) return false;
                rangeState[index] = INACTIVE;
                break;
            default:
                break;
        }
        if (!matchOne(cmd.a1)) return false;
        if (cmd.a2 == null) return true;
        Address a2 = cmd.a2;
        switch (a2.kind()) {
            case LINE -> {
                if (!posix && a2.n() <= lineNumber) return true;
                rangeEnd[index] = a2.n();
            }
            case PLUS -> {
                if (a2.n() == 0) return true;
                rangeEnd[index] = lineNumber + a2.n();
            }
            case MULTIPLE -> {
                if (a2.n() == 0) return true;
                rangeEnd[index] = (lineNumber / a2.n() + 1) * a2.n();
            }
            default -> {
            }
        }
        rangeState[index] = ACTIVE;
        return true;
    }

    private boolean inRange(Command cmd, int index) {
        Address a2 = cmd.a2;
        switch (a2.kind()) {
            case LINE, PLUS, MULTIPLE -> {
                if (rangeEnd[index] <= lineNumber) rangeState[index] = CLOSED;
                return lineNumber <= rangeEnd[index];
            }
            case LAST -> {
                if (last) rangeState[index] = CLOSED;
                return true;
            }
            default -> {
                if (matchOne(a2)) rangeState[index] = CLOSED;
                return true;
            }
        }
    }

    private boolean matchOne(Address a) {
        return switch (a.kind()) {
            case LINE -> lineNumber == a.n();
            case STEP -> lineNumber >= a.n() && (lineNumber - a.n()) % a.step() == 0;
            case LAST -> last;
            case REGEX -> {
                Regex re = use(a.regex());
                yield re != null && re.find(ps, 0, psLen);
            }
            default -> false;
        };
    }

    /** The regex to use: the given one, or for the empty regex the last one used. */
    private Regex use(Regex re) {
        if (re == null) {
            if (lastRegex == null) noPrevious = true;
            return lastRegex;
        }
        lastRegex = re;
        return re;
    }

    /** Whether the empty regex was used before any other: GNU sed stops with "no previous regular expression". */
    boolean noPreviousRegex() {
        return noPrevious;
    }

    /**
     * Whether n or N at the end of input quit without printing: POSIX wants that, GNU sed prints the
     * pattern space first unless POSIXLY_CORRECT (here: --posix).
     */
    boolean noPosixQuit() {
        return posix;
    }


    // ---- s and y ----

    private void substitute(SedCommand.Subst s) {
        Regex re = use(s.regex());
        if (re == null) return;
        byte[] subject = pattern();
        int len = subject.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int start = 0;
        long count = 0;
        boolean did = false;
        int previousEnd = -1;
        while (start <= len) {
            Regex.Match m = re.search(subject, 0, len, start);
            if (m == null) break;
            int ms = m.start();
            int me = m.end();
            if (ms == me && ms == previousEnd) {
                // An empty match right after the previous match is no match of its own.
                if (ms >= len) break;
                int step = utf8 ? SedText.utf8Length(subject, ms) : 1;
                out.write(subject, start, ms + step - start);
                start = ms + step;
                continue;
            }
            out.write(subject, start, ms - start);
            count++;
            if (count < s.occurrence()) {
                out.write(subject, ms, me - ms);
            } else {
                did = true;
                appendReplacement(out, s.replacement(), subject, m);
                if (!s.global()) {
                    start = me;
                    break;
                }
            }
            previousEnd = me;
            if (ms == me) {
                if (me >= len) {
                    start = len + 1;
                    break;
                }
                int step = utf8 ? SedText.utf8Length(subject, me) : 1;
                out.write(subject, me, step);
                start = me + step;
            } else {
                start = me;
            }
        }
        if (!did) return;
        if (start < len) out.write(subject, start, len - start);
        setPattern(out.toByteArray());
        replaced = true;
        if (s.print()) printPattern(sink.stdout());
        if (s.writeFile() != null) printPattern(sink.output(s.writeFile()));
    }

    private void appendReplacement(ByteArrayOutputStream out, List<SedCommand.Piece> pieces, byte[] subject, Regex.Match m) {
        char mode = 0;
        char first = 0;
        for (SedCommand.Piece p : pieces) {
            byte[] text;
            if (p instanceof SedCommand.Case k) {
                switch (k.op()) {
                    case 'U', 'L' -> {
                        mode = k.op();
                        first = 0;
                    }
                    case 'E' -> {
                        mode = 0;
                        first = 0;
                    }
                    default -> first = k.op();
                }
                continue;
            } else if (p instanceof SedCommand.Literal l) {
                text = l.bytes();
            } else {
                int g = ((SedCommand.Group) p).n();
                if (!m.matched(g)) continue;
                text = Arrays.copyOfRange(subject, m.start(g), m.end(g));
            }
            if (text.length == 0) continue;
            out.writeBytes(SedText.convertCase(text, mode, first, utf8));
            first = 0;
        }
    }

    private void transliterate(Map<String, byte[]> y) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < psLen) {
            int len = utf8 ? SedText.utf8Length(Arrays.copyOfRange(ps, i, Math.min(psLen, i + 4)), 0) : 1;
            String key = new String(ps, i, len, java.nio.charset.StandardCharsets.ISO_8859_1);
            byte[] to = y.get(key);
            if (to != null) out.writeBytes(to);
            else out.write(ps, i, len);
            i += len;
        }
        setPattern(out.toByteArray());
    }
}
