package dev.syssim.sim.prog.tools.editors.awk;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.tools.editors.awk.Code.Instr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs compiled awk {@link Code}: a loop over instructions with an operand stack and a call stack
 * of its own (a user function recursing a hundred thousand times costs heap, not Java stack). It
 * stops and hands back a {@link Request} when an instruction needs the kernel (the next record, a
 * file to open, a command to start) or when its slice of instructions is used up, and is called
 * again to go on; the instruction that asked runs again and finds what it needed.
 */
final class Vm implements Io.Arguments {

    /**
     * gawk grows its stack until memory runs out (ten million nested calls fit in a few hundred
     * megabytes); the simulation gives a process less: beyond this depth a call fails with the
     * message gawk prints when its stack cannot grow.
     */
    static final int MAX_CALL_DEPTH = 250_000;

    private enum Phase { BEGIN, MAIN, END, BEGINFILE, ENDFILE }

    /**
     * A call of a user function: where to return, its locals, the stack below its arguments, and
     * for each parameter that got an array, the names it was passed through ({@code a (from arr)}).
     */
    private static final class Frame {
        final Code.Function function;
        final int returnPc;
        final Object[] locals;
        final int stackBase;
        final List<String>[] origins;
        /** For the BEGINFILE and ENDFILE rules (function null): the rule they interrupted. */
        Phase interrupted;

        Frame(Code.Function function, int returnPc, Object[] locals, int stackBase, List<String>[] origins) {
            this.function = function;
            this.returnPc = returnPc;
            this.locals = locals;
            this.stackBase = stackBase;
            this.origins = origins;
        }
    }

    /**
     * A caller's untyped variable passed to a function: gawk decides its type by its first use —
     * made an array in the callee, it is the caller's array; used as a scalar, the caller's
     * variable becomes a scalar too (and an array use of it later is fatal).
     */
    static final class Ref {
        final Object[] slots;
        final int index;
        /** Or an untyped array element (f(a[1])): it may become a subarray in the callee. */
        final AwkArray.Cell cell;
        final String cellName;
        final List<String> origin;

        Ref(Object[] slots, int index, List<String> origin) {
            this.slots = slots;
            this.index = index;
            this.cell = null;
            this.cellName = null;
            this.origin = origin;
        }

        Ref(AwkArray.Cell cell, String name) {
            this.slots = null;
            this.index = 0;
            this.cell = cell;
            this.cellName = name;
            this.origin = List.of(name);
        }

        /** What the variable or element holds: null while untyped, an array, a scalar or another reference. */
        Object held() {
            if (cell == null) return slots[index];
            if (cell.array != null) return cell.array;
            return cell.value == Value.UNINITIALIZED ? null : cell.value;
        }

        Object target() {
            Object t = held();
            return t instanceof Ref r ? r.target() : t;
        }

        /** The caller's variable is used as a scalar from now on (an element stays untyped, as in gawk). */
        void scalar() {
            if (cell != null) return;
            if (slots[index] == null) slots[index] = Value.NULL_STRING;
            else if (slots[index] instanceof Ref r) r.scalar();
        }

        /** Makes the untyped variable or element an array. */
        AwkArray makeArray() {
            AwkArray a = new AwkArray();
            if (cell != null) {
                a.name = cellName;
                cell.array = a;
            } else {
                slots[index] = a;
            }
            return a;
        }
    }

    /** An array passed by a bare name, with the names it came through. */
    private record Passed(AwkArray array, List<String> origin) {
    }

    /** for (k in a): the subscripts as they were when the loop started. */
    private static final class Iteration {
        final List<Value> keys;
        int next;

        Iteration(List<Value> keys) {
            this.keys = keys;
        }
    }

    final Libc c;
    final String program;
    final boolean utf8;
    private final Code code;
    private final Instr[] ins;
    final Io io;
    final Object[] globals;
    private Object[] stack = new Object[64];
    private int sp;
    private Frame[] frames = new Frame[16];
    private int fp;
    private int pc;
    private Phase phase = Phase.BEGIN;
    /** The END rules have started: exit ends the program (even from ENDFILE rules run by END's getline). */
    private boolean inEnd;
    private int exitStatus;
    final Record record = new Record();
    private Record.Splitter splitter;
    /** Which variable last chose how records split (PROCINFO["FS"]). */
    private FieldMode fieldMode = FieldMode.FS;
    private Record.Splitter widths;

    private enum FieldMode { FS, FIELDWIDTHS, FPAT }
    private InputBuffer.Separator separator;
    private Ast.At lastAt;
    final Random random = new Random();
    private final Map<String, Object> regexCache = new HashMap<>();
    private final Map<String, String> environment;

    private String convfmt = "%.6g";
    private String ofmt = "%.6g";
    private String ofs = " ";
    private String ors = "\n";
    private String subsep = "\034";
    private boolean ignoreCase;

    /** Set when the program is over: what is left to do before exit. */
    private boolean halting;
    private boolean fatalExit;

    private final AwkRegex.Warned warned;

    Vm(Code code, Libc c, String program, boolean utf8, List<String> argv, Map<String, String> environment, AwkRegex.Warned warned) {
        this.warned = warned;
        this.code = code;
        this.ins = code.code;
        this.c = c;
        this.program = program;
        this.utf8 = utf8;
        this.io = new Io(c);
        this.environment = environment;
        this.globals = new Object[code.globals.size()];
        globals[Specials.FS] = Value.str(" ");
        globals[Specials.OFS] = Value.str(" ");
        globals[Specials.ORS] = Value.str("\n");
        globals[Specials.RS] = Value.str("\n");
        globals[Specials.RT] = Value.EMPTY;
        globals[Specials.FILENAME] = Value.EMPTY;
        globals[Specials.SUBSEP] = Value.str("\034");
        globals[Specials.RSTART] = Value.of(0);
        globals[Specials.RLENGTH] = Value.of(-1);
        globals[Specials.CONVFMT] = Value.str("%.6g");
        globals[Specials.OFMT] = Value.str("%.6g");
        globals[Specials.ERRNO] = Value.EMPTY;
        globals[Specials.IGNORECASE] = Value.of(0);
        globals[Specials.NR] = Value.of(0);
        globals[Specials.FNR] = Value.of(0);
        globals[Specials.BINMODE] = Value.of(0);
        globals[Specials.LINT] = Value.of(0);
        globals[Specials.TEXTDOMAIN] = Value.str("messages");
        globals[Specials.FIELDWIDTHS] = Value.EMPTY;
        globals[Specials.FPAT] = Value.str("[^[:space:]]+");
        globals[Specials.ARGIND] = Value.of(0);
        globals[Specials.PREC] = Value.of(53);
        globals[Specials.ROUNDMODE] = Value.str("N");
        AwkArray av = new AwkArray();
        for (int i = 0; i < argv.size(); i++) {
            av.lookup(AwkArray.Sub.of(Value.of(i), convfmt)).value = Value.input(argv.get(i));
        }
        globals[Specials.ARGV] = av;
        globals[Specials.ARGC] = Value.of(argv.size());
        AwkArray env = new AwkArray();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            env.lookup(AwkArray.Sub.ofString(Bytes.fromJava(e.getKey()))).value = Value.input(Bytes.fromJava(e.getValue()));
        }
        globals[Specials.ENVIRON] = env;
        AwkArray procinfo = new AwkArray();
        globals[Specials.PROCINFO] = procinfo;
        procinfo("version", Value.str("5.2.1"));
        procinfo("platform", Value.str("posix"));
        procinfo("api_major", Value.of(3));
        procinfo("api_minor", Value.of(2));
        procinfo("strftime", Value.str("%a %b %e %H:%M:%S %Z %Y"));
        procinfo("FS", Value.str("FS"));
        AwkArray symtab = new AwkArray();
        symtab.view = AwkArray.View.SYMTAB;
        globals[Specials.SYMTAB] = symtab;
        AwkArray functab = new AwkArray();
        functab.view = AwkArray.View.FUNCTAB;
        List<String> names = new ArrayList<>(Lexer.BUILTINS);
        names.add("length");
        for (Code.Function f : code.functions) names.add(f.name());
        java.util.Collections.sort(names);
        for (String n : names) functab.lookup(AwkArray.Sub.ofString(n)).value = Value.str(n);
        globals[Specials.FUNCTAB] = functab;
        identifiers(procinfo, names);
        splitter = splitterFor(" ", false);
        separator = new InputBuffer.Separator(InputBuffer.Separator.CHAR, '\n', null);
        record.set("", Value.NULL_FIELD, splitter, utf8);
        io.fileEvents = code.beginfileStart >= 0 || code.endfileStart >= 0;
        io.hasEndfile = code.endfileStart >= 0;
    }

    private Long clockSeconds;

    /** The simulated time of day in seconds, or the request to read it (the caller runs again). */
    Object clock() {
        if (clockSeconds != null) {
            long t = clockSeconds;
            clockSeconds = null;
            return t;
        }
        return new Request.Time(o -> clockSeconds = o.value());
    }

    /**
     * PROCINFO["identifiers"]: every global name with its type when the program starts (user
     * variables are untyped until they run), the functions "user", the built-ins "builtin".
     */
    private void identifiers(AwkArray procinfo, List<String> functionNames) {
        AwkArray.Cell cell = procinfo.lookup(AwkArray.Sub.ofString("identifiers"));
        AwkArray ids = new AwkArray();
        ids.name = "PROCINFO[\"identifiers\"]";
        cell.array = ids;
        for (int i = 0; i < code.globals.size(); i++) {
            Object v = globals[i];
            String type = v instanceof AwkArray ? "array" : v == null && i >= Specials.COUNT ? "untyped" : "scalar";
            ids.lookup(AwkArray.Sub.ofString(code.globals.get(i))).value = Value.str(type);
        }
        for (String f : functionNames) {
            boolean user = function(f) != null;
            ids.lookup(AwkArray.Sub.ofString(f)).value = Value.str(user ? "user" : "builtin");
        }
    }

    /** Sets PROCINFO[key]. */
    void procinfo(String key, Value v) {
        ((AwkArray) globals[Specials.PROCINFO]).lookup(AwkArray.Sub.ofString(key)).value = v;
    }

    /** ERRNO and PROCINFO["errno"] after a failed I/O operation (number 0: not the system's error). */
    void setErrno(String text, int number) {
        globals[Specials.ERRNO] = Value.str(text);
        if (globals[Specials.PROCINFO] instanceof AwkArray) procinfo("errno", Value.of(number));
    }

    int exitStatus() {
        return exitStatus;
    }

    // ---- the stack ----

    private void push(Object v) {
        if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
        stack[sp++] = v;
    }

    private Value popValue() {
        return (Value) stack[--sp];
    }

    private Value peekValue(int depth) {
        return (Value) stack[sp - 1 - depth];
    }

    // ---- messages ----

    private String where(boolean withInput) {
        StringBuilder b = new StringBuilder(Bytes.fromJava(program)).append(": ");
        if (lastAt != null) b.append(lastAt.source().label()).append(':').append(lastAt.line()).append(": ");
        if (withInput) {
            double fnr = value(Specials.FNR).number();
            if (fnr > 0) {
                b.append("(FILENAME=").append(value(Specials.FILENAME).string(convfmt))
                        .append(" FNR=").append(Numbers.integerText(Math.floor(fnr))).append(") ");
            }
        }
        return b.toString();
    }

    /** gawk's fatal(): the message, buffers written as C's exit writes them, status 2. */
    Request fatal(String message) {
        c.flushStdout();
        c.eprintBytes(Bytes.bytes(where(true) + "fatal: " + message + "\n"));
        exitStatus = 2;
        halting = true;
        fatalExit = true;
        return finishHalt();
    }

    private boolean warnedMultibyte;

    /** gawk warns once when text it must read as characters is not valid in the locale. */
    String chars(String s) {
        if (utf8 && !warnedMultibyte && !Bytes.isAscii(s) && Bytes.hasInvalidUtf8(s)) {
            warnedMultibyte = true;
            warning("Invalid multibyte data detected. There may be a mismatch between your data and your locale");
        }
        return s;
    }

    void warning(String message) {
        c.flushStdout();
        c.eprintBytes(Bytes.bytes(where(true) + "warning: " + message + "\n"));
    }

    /** What is left to do once the program is over. */
    private Request finishHalt() {
        Request r = fatalExit ? io.flushForExit() : io.closeAll();
        if (r != null) return r;
        Errno werr = io.takeWriteError();
        if (werr != null && !fatalExit) {
            Io.Stream s = io.writeErrorStream();
            if (s == null || s.kind == Io.STDOUT) {
                if (werr != Errno.EPIPE) c.eprint(program + ": warning: error writing standard output: " + werr.message() + "\n");
            }
            if (exitStatus == 0) exitStatus = 2;
        }
        return new Request.Halt(exitStatus);
    }

    // ---- variables ----

    Value value(int slot) {
        Object v = globals[slot];
        return v instanceof Value val ? val : Value.UNINITIALIZED;
    }

    String convfmt() {
        return convfmt;
    }

    boolean ignoreCase() {
        return ignoreCase;
    }

    private String nameOf(Instr in) {
        return in.o instanceof String s ? s : "?";
    }

    /** A global's value for reading: NF splits the record; an array here is fatal. */
    private Object loadGlobal(int slot, Instr in) {
        if (slot == Specials.NF) return Value.of(record.nf());
        Object v = globals[slot];
        if (v == null) {
            // read as a scalar, an untyped variable is a scalar from now on (an array use is fatal)
            globals[slot] = Value.NULL_STRING;
            return Value.NULL_STRING;
        }
        if (v instanceof AwkArray) return fatal("attempt to use array `" + nameOf(in) + "' in a scalar context");
        return v;
    }

    /** Assigns a global; the special variables take effect at once. */
    private Request storeGlobal(int slot, Value v, Instr in) {
        Object old = globals[slot];
        if (old instanceof AwkArray) return fatal("attempt to use array `" + nameOf(in) + "' in a scalar context");
        if (slot >= Specials.COUNT) {
            globals[slot] = v;
            return null;
        }
        switch (slot) {
            case Specials.NF: {
                double n = v.number();
                if (n < 0) return fatal("NF set to negative value");
                record.setNf((int) n);
                return null;
            }
            case Specials.FS:
                record.splitNow();
                globals[slot] = v;
                return useFieldMode(FieldMode.FS);
            case Specials.FIELDWIDTHS: {
                record.splitNow();
                globals[slot] = v;
                Object parsed = parseFieldWidths(v.string(convfmt));
                if (parsed instanceof Request r) return r;
                widths = (Record.Splitter) parsed;
                return useFieldMode(FieldMode.FIELDWIDTHS);
            }
            case Specials.FPAT:
                record.splitNow();
                globals[slot] = v;
                return useFieldMode(FieldMode.FPAT);
            case Specials.RS:
                record.splitNow();
                globals[slot] = v;
                separator = separatorFor(v);
                return fieldMode == FieldMode.FS ? useFieldMode(FieldMode.FS) : null;
            case Specials.CONVFMT:
                globals[slot] = v;
                convfmt = v.string("%.6g");
                return null;
            case Specials.OFMT:
                globals[slot] = v;
                ofmt = v.string(convfmt);
                return null;
            case Specials.OFS:
                record.text(ofs, convfmt);
                globals[slot] = v;
                ofs = v.string(convfmt);
                return null;
            case Specials.ORS:
                globals[slot] = v;
                ors = v.string(convfmt);
                return null;
            case Specials.SUBSEP:
                globals[slot] = v;
                subsep = v.string(convfmt);
                return null;
            case Specials.IGNORECASE:
                globals[slot] = v;
                ignoreCase = v.truth();
                separator = separatorFor(value(Specials.RS));
                // FPAT keeps the case rule it was set with (set_RS calls set_FS only under FS)
                return fieldMode == FieldMode.FS ? useFieldMode(FieldMode.FS) : null;
            default:
                if (Specials.isArray(slot)) return fatal("attempt to use array `" + Specials.NAMES.get(slot) + "' in a scalar context");
                globals[slot] = v;
                return null;
        }
    }

    private Request regexFailure;

    /** Splits records from now on as FS, FIELDWIDTHS or FPAT says (set_parser in gawk's field.c). */
    private Request useFieldMode(FieldMode mode) {
        Record.Splitter next;
        switch (mode) {
            case FIELDWIDTHS:
                next = widths;
                break;
            case FPAT: {
                AwkRegex re = dynamicRegex(value(Specials.FPAT).string(convfmt), ignoreCase);
                next = re == null ? null : Record.Splitter.pattern(re);
                break;
            }
            default: {
                Value fs = value(Specials.FS);
                if (fs.kind == Value.Kind.REGEX && !fs.rawString().isEmpty()) {
                    // a typed regexp is a regexp even when it is one character long
                    AwkRegex re = dynamicRegex(fs.rawString(), ignoreCase);
                    next = re == null ? null : new Record.Splitter(Record.Splitter.REGEX, '\0', re, false);
                } else {
                    next = splitterFor(fs.string(convfmt), isParagraph());
                }
                break;
            }
        }
        if (next == null) return regexFailure;
        splitter = next;
        if (mode != fieldMode) {
            fieldMode = mode;
            procinfo("FS", Value.str(mode.name()));
        }
        return null;
    }

    /**
     * FIELDWIDTHS' "[SKIP:]WIDTH ..." list, the last width possibly '*' (set_FIELDWIDTHS): a
     * splitter, or the fatal error gawk reports.
     */
    private Object parseFieldWidths(String text) {
        List<Long> skips = new ArrayList<>();
        List<Long> lens = new ArrayList<>();
        int scan = 0;
        int n = text.length();
        boolean bad = false;
        for (int i = 0; ; i++) {
            while (scan < n && isFieldWidthBlank(text.charAt(scan))) scan++;
            if (scan < n && text.charAt(scan) == '-') {
                bad = true;
                break;
            }
            if (scan >= n) break;
            long[] parsed = parseUnsigned(text, scan);
            long value = parsed[0];
            int end = (int) parsed[1];
            long skip = 0;
            if (end < n && text.charAt(end) == ':' && value > 0 && value <= 0xFFFFFFFFL) {
                skip = value;
                scan = end + 1;
                if (scan < n && (text.charAt(scan) == '-' || isFieldWidthBlank(text.charAt(scan)))) {
                    bad = true;
                    break;
                }
                parsed = parseUnsigned(text, scan);
                value = parsed[0];
                end = (int) parsed[1];
            }
            if ((end < n && !isFieldWidthBlank(text.charAt(end))) || !(value > 0 && value <= 0xFFFFFFFFL)) {
                if (scan < n && text.charAt(scan) == '*') {
                    for (scan++; scan < n && isFieldWidthBlank(text.charAt(scan)); scan++) {
                        // blanks after the star
                    }
                    if (scan < n) return fatal("`*' must be the last designator in FIELDWIDTHS");
                    skips.add(skip);
                    lens.add(Long.MAX_VALUE);
                } else {
                    bad = true;
                }
                break;
            }
            skips.add(skip);
            lens.add(value);
            scan = end;
            while (scan < n && isFieldWidthBlank(text.charAt(scan))) scan++;
            if (scan >= n) break;
        }
        if (bad) return fatal("invalid FIELDWIDTHS value, for field " + (skips.size() + 1) + ", near `" + text.substring(scan) + "'");
        long[] sk = new long[skips.size()];
        long[] wd = new long[lens.size()];
        for (int i = 0; i < sk.length; i++) {
            sk[i] = skips.get(i);
            wd[i] = lens.get(i);
        }
        return new Record.Splitter(sk, wd);
    }

    private static boolean isFieldWidthBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** strtoul(3) in base 10: the value (saturated; 0 when no digits) and where the digits end. */
    private static long[] parseUnsigned(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        if (i < s.length() && s.charAt(i) == '+') i++;
        int digits = i;
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : v * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == digits) return new long[] {0, from};
        return new long[] {v, i};
    }

    private boolean isParagraph() {
        return value(Specials.RS).string(convfmt).isEmpty();
    }

    /** How FS splits records (set_FS in gawk's field.c). */
    private Record.Splitter splitterFor(String fs, boolean paragraph) {
        if (fs.isEmpty()) return new Record.Splitter(Record.Splitter.CHARS, '\0', null, false);
        if (fs.length() > 1) {
            AwkRegex re = dynamicRegex(fs, ignoreCase);
            if (re == null) return null;
            return new Record.Splitter(Record.Splitter.REGEX, '\0', re, false);
        }
        char ch = fs.charAt(0);
        if (paragraph) {
            if (ch == ' ') return new Record.Splitter(Record.Splitter.REGEX, '\0', dynamicRegex("[ \t\n]+", false), true);
            if (ch == '\n') return new Record.Splitter(Record.Splitter.CHAR, '\n', null, false);
            String set = ch == '\\' ? "[\\\\\n]" : "[" + ch + "\n]";
            return new Record.Splitter(Record.Splitter.REGEX, '\0', dynamicRegex(set, false), false);
        }
        if (ch == ' ') return new Record.Splitter(Record.Splitter.BLANKS, ' ', null, false);
        if (ch == '\\') return new Record.Splitter(Record.Splitter.REGEX, '\0', dynamicRegex("[\\\\]", false), false);
        return new Record.Splitter(Record.Splitter.CHAR, ch, null, false);
    }

    /** How RS ends records. */
    private InputBuffer.Separator separatorFor(Value rsValue) {
        String rs = rsValue.string(convfmt);
        if (rsValue.kind == Value.Kind.REGEX && !rs.isEmpty()) {
            // a typed regexp is a regexp even when it is one character long
            AwkRegex re = dynamicRegex(rs, ignoreCase);
            if (re != null) return new InputBuffer.Separator(InputBuffer.Separator.REGEX, '\0', re);
        }
        if (rs.isEmpty()) return new InputBuffer.Separator(InputBuffer.Separator.PARAGRAPH, '\n', null);
        if (rs.length() == 1 && !ignoreCase) return new InputBuffer.Separator(InputBuffer.Separator.CHAR, rs.charAt(0), null);
        if (rs.length() == 1) {
            char ch = rs.charAt(0);
            if (Character.toLowerCase(ch) == Character.toUpperCase(ch)) {
                return new InputBuffer.Separator(InputBuffer.Separator.CHAR, ch, null);
            }
        }
        AwkRegex re = dynamicRegex(rs, ignoreCase);
        if (re == null) return new InputBuffer.Separator(InputBuffer.Separator.CHAR, '\n', null);
        return new InputBuffer.Separator(InputBuffer.Separator.REGEX, '\0', re);
    }

    /** A regex from a string (a "dynamic regex"), compiled once per text; null after a fatal error. */
    AwkRegex dynamicRegex(String source, boolean icase) {
        String key = (icase ? "i" : "c") + source;
        Object r = regexCache.get(key);
        if (r == null) {
            List<String> warnings = new ArrayList<>();
            r = AwkRegex.compile(source, utf8, icase, warnings);
            for (String w : warnings) if (warned.first(w)) warning(w);
            if (regexCache.size() > 500) regexCache.clear();
            regexCache.put(key, r);
        }
        if (r instanceof AwkRegex.Invalid bad) {
            regexFailure = fatal("invalid regexp: " + bad.message() + ": /" + bad.source() + "/");
            return null;
        }
        return (AwkRegex) r;
    }

    /** The regex of an operand: a literal's, or a value's text compiled. Null after a fatal error. */
    AwkRegex regexOf(Object o) {
        if (o instanceof Compiler.RegexLiteral lit) return lit.get(ignoreCase, utf8);
        return dynamicRegex(((Value) o).string(convfmt), ignoreCase);
    }

    private Object[] locals() {
        return frames[fp - 1].locals;
    }

    // ---- lvalues ----

    private static int partCount(int kind) {
        return kind == Code.FIELD ? 1 : kind == Code.ELEM ? 2 : 0;
    }

    /** Reads an lvalue whose parts end at the stack top ({@code base} = where they start). */
    private Object lvGet(int kind, int slot, int base, Instr in) {
        switch (kind) {
            case Code.GLOBAL:
                return loadGlobal(slot, in);
            case Code.LOCAL: {
                Object[] l = locals();
                Object v = l[slot];
                if (v instanceof Value) return v;
                if (v instanceof AwkArray) return fatal("attempt to use array `" + localName(slot, in) + "' in a scalar context");
                if (v instanceof Ref r) {
                    Object target = r.held();
                    if (target instanceof AwkArray a) {
                        l[slot] = a;
                        frames[fp - 1].origins[slot] = r.origin;
                        return fatal("attempt to use array `" + localName(slot, in) + "' in a scalar context");
                    }
                    r.scalar();
                }
                l[slot] = Value.NULL_STRING;
                return Value.NULL_STRING;
            }
            case Code.FIELD:
                return field(((Value) stack[base]).number());
            default: {
                AwkArray a = (AwkArray) stack[base];
                if (a.view != null) return viewGet(a, ((Value) stack[base + 1]).string(convfmt), in);
                AwkArray.Cell cell = a.lookup(AwkArray.Sub.of((Value) stack[base + 1], convfmt));
                if (cell.array != null) return fatal("attempt to use array `" + cell.array.name + "' in a scalar context");
                return cell.value;
            }
        }
    }

    private Object field(double d) {
        if (d < 0 || Double.isNaN(d)) return fatal("attempt to access field " + Numbers.integerText(Numbers.trunc(d)));
        int n = (int) Math.min(d, Integer.MAX_VALUE);
        if (n == 0) return record.zero(ofs, convfmt);
        return record.field(n);
    }

    /** Assigns an lvalue; a Request when that was fatal. */
    private Request lvSet(int kind, int slot, int base, Value v, Instr in) {
        switch (kind) {
            case Code.GLOBAL:
                return storeGlobal(slot, v, in);
            case Code.LOCAL: {
                Object[] l = locals();
                if (l[slot] instanceof AwkArray) return fatal("attempt to use array `" + localName(slot, in) + "' in a scalar context");
                if (l[slot] instanceof Ref r) {
                    if (r.held() instanceof AwkArray) {
                        frames[fp - 1].origins[slot] = r.origin;
                        return fatal("attempt to use array `" + localName(slot, in) + "' in a scalar context");
                    }
                    r.scalar();
                }
                l[slot] = v;
                return null;
            }
            case Code.FIELD: {
                double d = ((Value) stack[base]).number();
                if (d < 0 || Double.isNaN(d)) return fatal("attempt to access field " + Numbers.integerText(Numbers.trunc(d)));
                int n = (int) Math.min(d, Integer.MAX_VALUE);
                setField(n, v);
                return null;
            }
            default: {
                AwkArray a = (AwkArray) stack[base];
                if (a.view == AwkArray.View.FUNCTAB) return fatal("cannot assign to elements of FUNCTAB");
                if (a.view == AwkArray.View.SYMTAB) {
                    int global = symbol(((Value) stack[base + 1]).string(convfmt));
                    if (global < 0) return fatal("cannot assign to arbitrary elements of SYMTAB");
                    if (global >= Specials.COUNT) return storeGlobal(global, v, in);
                    // gawk sets the variable's value without its side effects (FS does not change how
                    // records split); NR, FNR and NF are reread from gawk's own counters
                    if (globals[global] instanceof AwkArray) return fatal("attempt to use array `SYMTAB[\"" + code.globals.get(global) + "\"]' in a scalar context");
                    if (global != Specials.NR && global != Specials.FNR && global != Specials.NF) globals[global] = v;
                    return null;
                }
                AwkArray.Cell cell = a.lookup(AwkArray.Sub.of((Value) stack[base + 1], convfmt));
                if (cell.array != null) return fatal("attempt to use array `" + cell.array.name + "' in a scalar context");
                cell.value = v;
                return null;
            }
        }
    }

    /** A global's slot as SYMTAB names it (not SYMTAB and FUNCTAB themselves), or -1. */
    private int symbol(String name) {
        int slot = code.globals.indexOf(name);
        return slot == Specials.SYMTAB || slot == Specials.FUNCTAB ? -1 : slot;
    }

    /** SYMTAB["x"] is the global x; FUNCTAB["f"] is "f" for each function; anything else is fatal. */
    private Object viewGet(AwkArray a, String key, Instr in) {
        if (a.view == AwkArray.View.SYMTAB) {
            int slot = symbol(key);
            if (slot >= 0) return loadGlobal(slot, in);
        } else {
            AwkArray.Cell cell = a.find(AwkArray.Sub.ofString(key));
            if (cell != null) return cell.value;
        }
        return fatal("reference to uninitialized element `" + a.view + "[\"" + key + "\"] is not allowed'");
    }

    /** SYMTAB's elements as for-in and length() see them: the globals, each with its value now. */
    void refreshView(AwkArray a) {
        if (a.view != AwkArray.View.SYMTAB) return;
        a.clear();
        for (int i = 0; i < code.globals.size(); i++) {
            if (i == Specials.SYMTAB || i == Specials.FUNCTAB) continue;
            Object v = i == Specials.NF ? Value.of(record.nf()) : globals[i];
            AwkArray.Cell cell = a.lookup(AwkArray.Sub.ofString(code.globals.get(i)));
            if (v instanceof AwkArray arr) cell.array = arr;
            else if (v instanceof Value val) cell.value = val;
        }
    }

    private void setField(int n, Value v) {
        if (n == 0) record.set(v.string(convfmt), v, splitter, utf8);
        else record.setField(n, v, ofs, convfmt);
    }

    /** The array a name holds, made if untyped; a Request when it holds a scalar. */
    private Object array(int scope, int slot, String name) {
        Object[] slots = scope == Code.GLOBAL ? globals : locals();
        Object v = slots[slot];
        if (v instanceof AwkArray a) return a;
        if (v == null) {
            AwkArray a = new AwkArray();
            slots[slot] = a;
            return a;
        }
        if (v instanceof Ref r) {
            Object target = resolve(r);
            if (target instanceof AwkArray a) {
                slots[slot] = a;
                frames[fp - 1].origins[slot] = r.origin;
                return a;
            }
            return fatal("attempt to use scalar parameter `" + name + "' as an array");
        }
        if (scope == Code.LOCAL) return fatal("attempt to use scalar parameter `" + name + "' as an array");
        return fatal("attempt to use scalar `" + name + "' as an array");
    }

    /** The array an untyped reference stands for, made in the caller's variable; or the scalar it became. */
    private static Object resolve(Ref r) {
        Object target = r.held();
        if (target == null) return r.makeArray();
        if (target instanceof Ref inner) {
            Object t = resolve(inner);
            if (t instanceof AwkArray a && r.cell == null) r.slots[r.index] = a;
            return t;
        }
        return target;
    }

    /** A subarray's name as gawk prints it: {@code a["1"]["x"]}. */
    private static String elementName(AwkArray parent, AwkArray.Sub key, Instr in) {
        return (parent.name != null ? parent.name : (String) in.o) + "[\"" + key.text() + "\"]";
    }

    /** A local's name in messages: an array parameter names where it came from ({@code c (from b, from a)}). */
    private String localName(int slot, Instr in) {
        Frame f = frames[fp - 1];
        String name = f.function.params().get(slot);
        List<String> origin = f.origins[slot];
        if (origin == null || !(f.locals[slot] instanceof AwkArray)) return name;
        return name + " (from " + String.join(", from ", origin) + ")";
    }

    // ---- the interpreter loop ----

    /** Runs up to {@code budget} instructions; returns what the program needs next. */
    Request run(int budget) {
        if (halting) return finishHalt();
        int count = 0;
        for (;;) {
            if (++count > budget) return new Request.Yield(count);
            Instr in = ins[pc];
            if (in.at != null) lastAt = in.at;
            switch (in.op) {
                case CONST:
                    push(in.o);
                    pc++;
                    break;
                case REGEX:
                    push(in.o);
                    pc++;
                    break;
                case MATCH_RECORD: {
                    AwkRegex re = regexOf(in.o);
                    if (re == null) return regexFailure;
                    push(Value.of(re.matches(record.text(ofs, convfmt))));
                    pc++;
                    break;
                }
                case POP:
                    sp--;
                    pc++;
                    break;
                case DUP:
                    push(stack[sp - 1]);
                    pc++;
                    break;
                case LOAD: {
                    int parts = partCount(in.a);
                    Object v = lvGet(in.a, in.b, sp - parts, in);
                    if (v instanceof Request r) return r;
                    sp -= parts;
                    push(v);
                    pc++;
                    break;
                }
                case STORE: {
                    int parts = partCount(in.a);
                    int base = sp - parts;
                    Value v = (Value) stack[base - 1];
                    if (v == Value.UNINITIALIZED) v = Value.NULL_STRING;
                    Request r = lvSet(in.a, in.b, base, v, in);
                    if (r != null) return r;
                    sp = base;
                    pc++;
                    break;
                }
                case OPASSIGN: {
                    int parts = partCount(in.a);
                    int base = sp - parts;
                    Value rhs = (Value) stack[base - 1];
                    Object cur = lvGet(in.a, in.b, base, in);
                    if (cur instanceof Request r) return r;
                    Object result = arithmetic((char) in.c, ((Value) cur).number(), rhs.number());
                    if (result instanceof Request r) return r;
                    Request r = lvSet(in.a, in.b, base, (Value) result, in);
                    if (r != null) return r;
                    sp = base - 1;
                    push(result);
                    pc++;
                    break;
                }
                case INCDEC: {
                    int parts = partCount(in.a);
                    int base = sp - parts;
                    Object cur = lvGet(in.a, in.b, base, in);
                    if (cur instanceof Request r) return r;
                    double old = ((Value) cur).number();
                    double now = (in.c & 2) != 0 ? old + 1 : old - 1;
                    Value nv = Value.of(now);
                    Request r = lvSet(in.a, in.b, base, nv, in);
                    if (r != null) return r;
                    sp = base;
                    push((in.c & 1) != 0 ? nv : Value.of(old));
                    pc++;
                    break;
                }
                case ARRAY: {
                    if (in.c == 1) {
                        Object held = (in.a == Code.GLOBAL ? globals : locals())[in.b];
                        if (held instanceof Value v) {
                            push(v);
                            pc++;
                            break;
                        }
                    }
                    Object a = array(in.a, in.b, nameOf(in));
                    if (a instanceof Request r) return r;
                    push(a);
                    pc++;
                    break;
                }
                case SUBARRAY: {
                    Value sub = popValue();
                    AwkArray parent = (AwkArray) stack[--sp];
                    if (parent.view != null) {
                        // SYMTAB["a"][i] is a[i] when a is a global array
                        String key = sub.string(convfmt);
                        int global = parent.view == AwkArray.View.SYMTAB ? symbol(key) : -1;
                        Object held = global < 0 ? null : global == Specials.NF ? null : globals[global];
                        if (!(held instanceof AwkArray arr)) {
                            if (global >= 0) return fatal("attempt to use scalar `" + parent.view + "[\"" + key + "\"]' as an array");
                            return fatal("reference to uninitialized element `" + parent.view + "[\"" + key + "\"] is not allowed'");
                        }
                        push(arr);
                        pc++;
                        break;
                    }
                    AwkArray.Sub key = AwkArray.Sub.of(sub, convfmt);
                    AwkArray.Cell cell = parent.lookup(key);
                    if (cell.array == null) {
                        // an element never assigned can still become an array (gawk's Node_elem_new)
                        if (cell.value != Value.UNINITIALIZED) {
                            if (in.a == Code.SUB_BUILTIN) {
                                push(cell.value);
                                pc++;
                                break;
                            }
                            if (in.a == Code.SUB_VALUE) return fatal("attempt to use a scalar value as array");
                            return fatal("attempt to use scalar `" + elementName(parent, key, in) + "' as an array");
                        }
                        cell.array = new AwkArray();
                        cell.array.name = elementName(parent, key, in);
                    }
                    push(cell.array);
                    pc++;
                    break;
                }
                case ELEM_ARG: {
                    Value sub = popValue();
                    AwkArray parent = (AwkArray) stack[--sp];
                    AwkArray.Sub key = AwkArray.Sub.of(sub, convfmt);
                    AwkArray.Cell cell = parent.lookup(key);
                    if (cell.array != null) push(new Passed(cell.array, List.of(cell.array.name)));
                    else if (cell.value == Value.UNINITIALIZED) push(new Ref(cell, elementName(parent, key, in)));
                    else push(cell.value);
                    pc++;
                    break;
                }
                case ARG: {
                    Object[] slots = in.a == Code.GLOBAL ? globals : locals();
                    Object v = slots[in.b];
                    List<String> origin;
                    if (in.a == Code.GLOBAL) {
                        origin = List.of(nameOf(in));
                    } else {
                        List<String> mine = frames[fp - 1].origins[in.b];
                        origin = new ArrayList<>();
                        origin.add(nameOf(in));
                        if (mine != null) origin.addAll(mine);
                    }
                    if (v == null) push(new Ref(slots, in.b, origin));
                    else if (v instanceof AwkArray a) push(new Passed(a, origin));
                    else push(v);
                    pc++;
                    break;
                }
                case JOIN: {
                    StringBuilder b = new StringBuilder();
                    int base = sp - in.a;
                    for (int i = base; i < sp; i++) {
                        if (i > base) b.append(subsep);
                        b.append(((Value) stack[i]).string(convfmt));
                    }
                    sp = base;
                    push(Value.str(b.toString()));
                    pc++;
                    break;
                }
                case IN: {
                    AwkArray a = (AwkArray) stack[--sp];
                    Value sub = popValue();
                    if (a.view == AwkArray.View.SYMTAB) {
                        push(Value.of(symbol(sub.string(convfmt)) >= 0));
                        pc++;
                        break;
                    }
                    push(Value.of(a.find(AwkArray.Sub.of(sub, convfmt)) != null));
                    pc++;
                    break;
                }
                case DELETE: {
                    Value sub = popValue();
                    AwkArray a = (AwkArray) stack[--sp];
                    if (a.view != null) return fatal("`delete' is not allowed with " + a.view);
                    a.remove(AwkArray.Sub.of(sub, convfmt));
                    pc++;
                    break;
                }
                case DELETE_ALL: {
                    AwkArray a = (AwkArray) stack[--sp];
                    if (a.view != null) return fatal("`delete' is not allowed with " + a.view);
                    a.clear();
                    pc++;
                    break;
                }
                case ADD: case SUB: case MUL: case DIV: case MOD: case POW: {
                    double r = popValue().number();
                    double l = popValue().number();
                    char op = in.op == Code.Op.ADD ? '+' : in.op == Code.Op.SUB ? '-' : in.op == Code.Op.MUL ? '*'
                            : in.op == Code.Op.DIV ? '/' : in.op == Code.Op.MOD ? '%' : '^';
                    Object result = arithmetic(op, l, r);
                    if (result instanceof Request req) return req;
                    push(result);
                    pc++;
                    break;
                }
                case NEG: {
                    double d = popValue().number();
                    push(Value.of(-d));
                    pc++;
                    break;
                }
                case UPLUS:
                    push(Value.of(popValue().number()));
                    pc++;
                    break;
                case NOT:
                    push(Value.of(!popValue().truth()));
                    pc++;
                    break;
                case CONCAT: {
                    Value r = popValue();
                    Value l = popValue();
                    push(Value.str(l.string(convfmt).concat(r.string(convfmt))));
                    pc++;
                    break;
                }
                case LT: case LE: case GT: case GE: case EQ: case NE: {
                    Value r = popValue();
                    Value l = popValue();
                    push(Value.of(compare(in.op, l, r)));
                    pc++;
                    break;
                }
                case MATCH: {
                    Object re = stack[sp - 1];
                    Value subject = peekValue(1);
                    AwkRegex regex = regexOf(re);
                    if (regex == null) return regexFailure;
                    boolean m = regex.matches(subject.string(convfmt));
                    sp -= 2;
                    push(Value.of(m != (in.a == 1)));
                    pc++;
                    break;
                }
                case TRUTH:
                    push(Value.of(popValue().truth()));
                    pc++;
                    break;
                case JMP:
                    pc = in.a;
                    break;
                case JZ:
                    pc = popValue().truth() ? pc + 1 : in.a;
                    break;
                case JNZ:
                    pc = popValue().truth() ? in.a : pc + 1;
                    break;
                case CALL: {
                    Request r = call(in);
                    if (r != null) return r;
                    break;
                }
                case INDIRECT_CALL: {
                    Request r = indirectCall(in);
                    if (r != null) return r;
                    break;
                }
                case RET: {
                    Object v = stack[sp - 1];
                    Frame f = frames[--fp];
                    frames[fp] = null;
                    sp = f.stackBase;
                    push(v instanceof Value ? v : Value.UNINITIALIZED);
                    pc = f.returnPc;
                    break;
                }
                case RET_UNINIT: {
                    Frame f = frames[--fp];
                    frames[fp] = null;
                    sp = f.stackBase;
                    push(Value.UNINITIALIZED);
                    pc = f.returnPc;
                    break;
                }
                case BUILTIN: {
                    int n = in.b;
                    Object[] args = new Object[n];
                    System.arraycopy(stack, sp - n, args, 0, n);
                    for (int i = 0; i < n; i++) if (args[i] instanceof Passed p) args[i] = p.array();
                    Object result = Functions.call(this, Builtins.Id.values()[in.a], args);
                    if (result instanceof Request r) return r;
                    sp -= n;
                    push(result);
                    pc++;
                    Request w = io.pendingWrite();
                    if (w != null) return w;
                    break;
                }
                case SUBST: {
                    Request r = substitute(in);
                    if (r != null) return r;
                    pc++;
                    break;
                }
                case PRINT:
                case PRINTF: {
                    Request r = print(in);
                    if (r != null) return r;
                    pc++;
                    Request w = io.pendingWrite();
                    if (w != null) return w;
                    break;
                }
                case GETLINE: {
                    int at = pc;
                    Request r = getline(in);
                    if (r != null) return r;
                    // unless it went off to run the BEGINFILE or ENDFILE rules
                    if (pc == at) pc++;
                    break;
                }
                case FORIN_INIT: {
                    AwkArray a = (AwkArray) stack[sp - 1];
                    refreshView(a);
                    Object order = Functions.forInOrder(this, a);
                    if (order instanceof Request r) return r;
                    sp--;
                    @SuppressWarnings("unchecked")
                    List<Value> keys = (List<Value>) order;
                    push(new Iteration(keys));
                    pc++;
                    break;
                }
                case FORIN_NEXT: {
                    Iteration it = (Iteration) stack[sp - 1];
                    if (it.next >= it.keys.size()) {
                        sp--;
                        pc = in.a;
                        break;
                    }
                    push(it.keys.get(it.next++));
                    pc++;
                    break;
                }
                case NEXT:
                case NEXTFILE: {
                    String word = in.op == Code.Op.NEXT ? "next" : "nextfile";
                    if (in.op == Code.Op.NEXTFILE && phase == Phase.BEGINFILE) {
                        // the file is not read; if it opened, its ENDFILE rules run (gawk's Op_K_nextfile)
                        boolean opened = io.skipBeginning();
                        while (frames[fp - 1].function != null) frames[--fp] = null;
                        Frame f = frames[--fp];
                        frames[fp] = null;
                        sp = f.stackBase;
                        phase = f.interrupted;
                        pc = f.returnPc;
                        if (opened) {
                            Request r = io.skipFile();
                            if (r != null) return r;
                        }
                        break;
                    }
                    if (phase != Phase.MAIN) {
                        return fatal("`" + word + "' cannot be called from a `" + phase + "' rule");
                    }
                    if (in.op == Code.Op.NEXTFILE) {
                        Request r = io.skipFile();
                        if (r != null) return r;
                    }
                    unwind();
                    pc = code.mainStart;
                    break;
                }
                case EXIT: {
                    // a sort's comparison function may not end the program (gawk: currule is 0 there)
                    if (callbacks > 0) return fatal("`exit' cannot be called in the current context");
                    if (in.a == 1) exitStatus = (int) (long) popValue().number() & 0xff;
                    unwind();
                    if (inEnd) {
                        halting = true;
                        return finishHalt();
                    }
                    inEnd = true;
                    phase = Phase.END;
                    pc = code.endStart;
                    break;
                }
                case NEXT_RECORD: {
                    phase = Phase.MAIN;
                    Object r = io.mainRecord(separator, this);
                    if (r instanceof Request req) return req;
                    if (r == Io.END) {
                        pc = in.a;
                        break;
                    }
                    if (r == Io.BEGIN_FILE || r == Io.END_FILE) {
                        fileRules(r);
                        break;
                    }
                    newRecord((InputBuffer.Scan) r, true, true);
                    pc++;
                    break;
                }
                case ENTER_END:
                    phase = Phase.END;
                    inEnd = true;
                    pc++;
                    break;
                case CALLBACK_DONE:
                    return CALLBACK_RETURNED;
                case FILE_RULES_DONE: {
                    Frame f = frames[--fp];
                    frames[fp] = null;
                    sp = f.stackBase;
                    phase = f.interrupted;
                    pc = f.returnPc;
                    break;
                }
                case HALT:
                    halting = true;
                    return finishHalt();
                default:
                    throw new IllegalStateException("awk: unknown instruction " + in.op);
            }
        }
    }

    /**
     * Runs the BEGINFILE or ENDFILE rules (if any) as a call: they return to the input
     * instruction at pc, which then reads on.
     */
    private boolean fileRules(Object event) {
        int start = event == Io.BEGIN_FILE ? code.beginfileStart : code.endfileStart;
        if (start < 0) return false;
        if (fp == frames.length) frames = java.util.Arrays.copyOf(frames, fp * 2);
        Frame f = new Frame(null, pc, new Object[0], sp, null);
        f.interrupted = phase;
        frames[fp++] = f;
        phase = event == Io.BEGIN_FILE ? Phase.BEGINFILE : Phase.ENDFILE;
        pc = start;
        return true;
    }

    private void unwind() {
        while (fp > 0) frames[--fp] = null;
        sp = 0;
    }

    private void newRecord(InputBuffer.Scan scan, boolean countNr, boolean countFnr) {
        record.set(scan.record(), splitter, utf8);
        globals[Specials.RT] = Value.str(scan.terminator());
        if (countNr) globals[Specials.NR] = Value.of(value(Specials.NR).number() + 1);
        if (countFnr) globals[Specials.FNR] = Value.of(value(Specials.FNR).number() + 1);
    }

    /** The arithmetic operators; a zero divisor is fatal. */
    private Object arithmetic(char op, double l, double r) {
        double v;
        switch (op) {
            case '+': v = l + r; break;
            case '-': v = l - r; break;
            case '*': v = l * r; break;
            case '/':
                if (r == 0) return fatal("division by zero attempted");
                v = l / r;
                break;
            case '%':
                if (r == 0) return fatal("division by zero attempted in `%'");
                v = l % r;
                break;
            default:
                v = Numbers.power(l, r);
                break;
        }
        if (v != v && l == l && r == r) v = Numbers.INVALID;
        return Value.of(v);
    }

    /** awk's comparison: numerically when both sides are numbers (or numeric input), else as strings. */
    private boolean compare(Code.Op op, Value l, Value r) {
        int cmp;
        if (l.isNumeric() && r.isNumeric()) {
            double a = l.number();
            double b = r.number();
            if (a != a || b != b) return op == Code.Op.NE;
            cmp = Double.compare(a, b);
            if (a == b) cmp = 0;
        } else {
            String a = l.string(convfmt);
            String b = r.string(convfmt);
            if (ignoreCase) {
                a = Functions.lower(a, utf8);
                b = Functions.lower(b, utf8);
            }
            cmp = a.compareTo(b);
        }
        switch (op) {
            case LT: return cmp < 0;
            case LE: return cmp <= 0;
            case GT: return cmp > 0;
            case GE: return cmp >= 0;
            case EQ: return cmp == 0;
            default: return cmp != 0;
        }
    }

    /**
     * gawk's {@code @f(args)}: the value of f names a user function (called as usual) or a
     * built-in (called with the values; sub and gsub only in their two-argument form, on $0).
     */
    private Request indirectCall(Instr in) {
        int argc = in.b;
        int base = sp - argc;
        String name = ((Value) stack[base - 1]).string(convfmt);
        Code.Function f = name.isEmpty() ? null : function(name);
        if (f != null) {
            System.arraycopy(stack, base, stack, base - 1, argc);
            stack[--sp] = null;
            return callUser(f, argc);
        }
        Builtins.Id id = Builtins.byName(name);
        if (id == null) return fatal("`" + name + "' is not a function, so it cannot be called indirectly");
        if (argc < id.min || argc > id.max) return fatal(name + ": called with " + argc + " arguments");
        Object[] args = new Object[argc];
        for (int i = 0; i < argc; i++) {
            Object arg = stack[base + i];
            boolean array = Builtins.pass(id, i) == Builtins.Pass.ARRAY;
            if (arg instanceof Passed p) arg = p.array();
            else if (arg instanceof Ref r) arg = array ? resolve(r) : r.target() instanceof AwkArray a ? a : Value.NULL_STRING;
            args[i] = arg;
        }
        Object result;
        if (id == Builtins.Id.SUB || id == Builtins.Id.GSUB) {
            if (argc != 2) return fatal(name + ": can be called indirectly only with two arguments");
            AwkRegex regex = regexOf(args[0]);
            if (regex == null) return regexFailure;
            Value target = record.zero(ofs, convfmt);
            Functions.Substitution s = Functions.substitute(regex, ((Value) args[1]).string(convfmt), target.string(convfmt),
                    id == Builtins.Id.GSUB ? -1 : 1, false);
            if (s.count() > 0) setField(0, Value.str(s.text()));
            result = Value.of(s.count());
        } else {
            result = Functions.call(this, id, args);
            if (result instanceof Request r) return r;
        }
        for (int i = base - 1; i < sp; i++) stack[i] = null;
        sp = base - 1;
        push(result);
        pc++;
        Request w = io.pendingWrite();
        return w;
    }

    /** The user function named {@code name}, or null. */
    Code.Function function(String name) {
        for (Code.Function f : code.functions) if (f.name().equals(name)) return f;
        return null;
    }

    /** Signals that a function called by {@link #invoke} has returned. */
    private static final Request CALLBACK_RETURNED = new Request.Yield(0);
    private static final int CALLBACK_SLICE = 100_000;
    private static final int CALLBACK_SLICES = 100;
    private int callbacks;

    /**
     * Calls a user function from inside a built-in (a sort's comparison function) and runs it to
     * its return: its value, or a Request when it ended the program. Input or output the
     * function would have to wait for is refused with a fatal error (gawk can do it; the
     * simulation cannot suspend in the middle of a sort).
     */
    Object invoke(Code.Function f, Object[] args) {
        if (fp >= MAX_CALL_DEPTH) return fatal("eval.c:1284:setup_frame: sp: cannot allocate 8 bytes of memory: Cannot allocate memory");
        int savedPc = pc;
        int base = sp;
        Object[] locals = new Object[f.params().size()];
        @SuppressWarnings("unchecked")
        List<String>[] origins = new List[locals.length];
        for (int i = 0; i < args.length && i < locals.length; i++) locals[i] = args[i];
        if (fp == frames.length) frames = java.util.Arrays.copyOf(frames, fp * 2);
        frames[fp++] = new Frame(f, code.callbackReturn, locals, base, origins);
        pc = f.entry();
        callbacks++;
        try {
            for (int slices = 0; ; slices++) {
                Request r = run(CALLBACK_SLICE);
                if (r == CALLBACK_RETURNED) break;
                if (halting) return r;
                if (r instanceof Request.Yield) {
                    // the Java thread runs the whole sort: a comparison that never returns is stopped
                    if (slices < CALLBACK_SLICES) continue;
                    return fatal("sort comparison function `" + f.name() + "' ran too long for the simulation");
                }
                return fatal("sort comparison function `" + f.name() + "' cannot wait for input or output here");
            }
        } finally {
            callbacks--;
        }
        Object result = stack[--sp];
        stack[sp] = null;
        pc = savedPc;
        return result;
    }

    private Request call(Instr in) {
        if (in.a < 0) return fatal("function `" + nameOf(in) + "' not defined");
        return callUser(code.functions.get(in.a), in.b);
    }

    /** Calls a user function whose {@code argc} arguments are on the stack; it returns to pc + 1. */
    private Request callUser(Code.Function f, int argc) {
        if (fp >= MAX_CALL_DEPTH) return fatal("eval.c:1284:setup_frame: sp: cannot allocate 8 bytes of memory: Cannot allocate memory");
        int base = sp - argc;
        Object[] locals = new Object[f.params().size()];
        @SuppressWarnings("unchecked")
        List<String>[] origins = new List[locals.length];
        for (int i = 0; i < argc && i < locals.length; i++) {
            Object arg = stack[base + i];
            if (arg instanceof Passed p) {
                locals[i] = p.array();
                origins[i] = p.origin();
            } else {
                locals[i] = arg;
            }
        }
        for (int i = base; i < sp; i++) stack[i] = null;
        if (fp == frames.length) frames = java.util.Arrays.copyOf(frames, fp * 2);
        frames[fp++] = new Frame(f, pc + 1, locals, base, origins);
        sp = base;
        pc = f.entry();
        return null;
    }

    // ---- sub and gsub ----

    private Request substitute(Instr in) {
        int kind = in.b;
        int parts = kind == -1 ? 0 : kind == -2 ? 1 : partCount(kind);
        int base = sp - parts;
        Object re = stack[base - 2];
        Value repl = (Value) stack[base - 1];
        Value target;
        if (kind == -1) {
            target = record.zero(ofs, convfmt);
        } else if (kind == -2) {
            target = (Value) stack[base];
        } else {
            Object cur = lvGet(kind, in.c, base, in);
            if (cur instanceof Request r) return r;
            target = (Value) cur;
        }
        AwkRegex regex = regexOf(re);
        if (regex == null) return regexFailure;
        Functions.Substitution s = Functions.substitute(regex, repl.string(convfmt), target.string(convfmt), in.a == 1 ? -1 : 1, false);
        if (s.count() > 0 && kind != -2) {
            // a typed regexp stays one (gawk's sub_common keeps REGEX)
            Value v = target.kind == Value.Kind.REGEX ? Value.regex(s.text()) : Value.str(s.text());
            if (kind == -1) {
                setField(0, v);
            } else {
                Request r = lvSet(kind, in.c, base, v, in);
                if (r != null) return r;
            }
        }
        sp = base - 2;
        push(Value.of(s.count()));
        return null;
    }

    // ---- print ----

    private Request print(Instr in) {
        int argc = in.a;
        int redirect = in.b;
        boolean hasTarget = redirect != Ast.Redirect.NONE.ordinal();
        int top = sp - (hasTarget ? 1 : 0);
        int base = top - argc;
        Io.Stream out;
        if (hasTarget) {
            Value target = (Value) stack[sp - 1];
            String name = target.string(convfmt);
            Ast.Redirect how = Ast.Redirect.values()[redirect];
            String symbol = how == Ast.Redirect.FILE ? ">" : how == Ast.Redirect.APPEND ? ">>" : how == Ast.Redirect.PIPE ? "|" : "|&";
            if (name.isEmpty()) return fatal("expression for `" + symbol + "' redirection has null string value");
            int kind = how == Ast.Redirect.FILE ? Io.OUT_FILE : how == Ast.Redirect.APPEND ? Io.OUT_APPEND
                    : how == Ast.Redirect.PIPE ? Io.OUT_PIPE : Io.COPROC;
            Object o = io.output(name, kind);
            if (o instanceof Request r) return r;
            out = (Io.Stream) o;
            if (out.openError != null) {
                Errno e = io.openFailure(out);
                if (nonFatal(name)) {
                    // PROCINFO["NONFATAL"] or PROCINFO[name, "NONFATAL"]: ERRNO tells, nothing is written
                    setErrno(e.message(), e.number());
                    sp = base;
                    return null;
                }
                if (kind == Io.OUT_PIPE) return fatal("cannot open pipe `" + name + "' for output: " + e.message());
                if (kind == Io.COPROC) return fatal("cannot open two way pipe `" + name + "' for input/output: " + e.message());
                return fatal("cannot redirect to `" + name + "': " + e.message());
            }
            if (out.kind == Io.COPROC && out.toClosed) {
                return fatal((in.op == Code.Op.PRINTF ? "printf" : "print") + ": attempt to write to closed write end of two-way pipe");
            }
        } else {
            out = null;
        }
        String text;
        if (in.op == Code.Op.PRINTF) {
            if (argc == 0) return fatal("printf: no arguments");
            List<Value> args = new ArrayList<>(argc - 1);
            for (int i = base + 1; i < top; i++) args.add((Value) stack[i]);
            String format = ((Value) stack[base]).string(convfmt);
            Format.Result f = Format.sprintf(format, args, utf8, convfmt);
            if (f.failed()) return formatFailure(format, f);
            text = f.text();
        } else {
            StringBuilder b = new StringBuilder();
            if (argc == 0) {
                b.append(record.text(ofs, convfmt));
            } else {
                for (int i = base; i < top; i++) {
                    if (i > base) b.append(ofs);
                    Value v = (Value) stack[i];
                    b.append(v.kind == Value.Kind.NUMBER ? v.string(ofmt) : v.string(convfmt));
                }
            }
            b.append(ors);
            text = b.toString();
        }
        sp = base;
        if (out == null) c.printBytes(Bytes.bytes(text));
        else io.write(out, text);
        return null;
    }

    /** gawk's is_non_fatal_redirect: PROCINFO["NONFATAL"] or PROCINFO[name, "NONFATAL"] exists. */
    private boolean nonFatal(String name) {
        if (!(globals[Specials.PROCINFO] instanceof AwkArray pi)) return false;
        return pi.find(AwkArray.Sub.ofString("NONFATAL")) != null || pi.find(AwkArray.Sub.ofString(name + subsep + "NONFATAL")) != null;
    }

    /** printf's fatal errors: too few arguments (with the caret under the conversion), or a misuse of $. */
    Request formatFailure(String format, Format.Result f) {
        if (f.error() != null) {
            c.flushStdout();
            c.eprintBytes(Bytes.bytes(where(true) + f.error() + "\n"));
            exitStatus = 2;
            halting = true;
            fatalExit = true;
            return finishHalt();
        }
        c.flushStdout();
        c.eprintBytes(Bytes.bytes(where(true) + "fatal: not enough arguments to satisfy format string\n\t`" + format + "'\n\t"
                + " ".repeat(f.ranOutAt()) + "^ ran out for this one\n"));
        exitStatus = 2;
        halting = true;
        fatalExit = true;
        return finishHalt();
    }

    // ---- getline ----

    private Request getline(Instr in) {
        Ast.GetlineKind kind = Ast.GetlineKind.values()[in.a];
        int targetKind = in.b;
        boolean hasSource = kind != Ast.GetlineKind.MAIN;
        int parts = targetKind < 0 ? 0 : partCount(targetKind);
        int base = sp - parts - (hasSource ? 1 : 0);
        Object r;
        String name = null;
        switch (kind) {
            case MAIN:
                r = io.mainRecord(separator, this);
                while (r == Io.BEGIN_FILE || r == Io.END_FILE) {
                    // the file rules run, then this getline again
                    if (fileRules(r)) return null;
                    r = io.mainRecord(separator, this);
                }
                break;
            case FILE:
                name = ((Value) stack[sp - 1]).string(convfmt);
                if (name.isEmpty()) return fatal("expression for `<' redirection has null string value");
                r = io.fileRecord(name, separator);
                break;
            case COPROCESS:
                name = ((Value) stack[sp - 1]).string(convfmt);
                if (name.isEmpty()) return fatal("expression for `|&' redirection has null string value");
                r = io.coprocessRecord(name, separator);
                if (r == Io.CLOSED_READ_END) return fatal("getline: attempt to read from closed read end of two-way pipe");
                break;
            default:
                name = ((Value) stack[sp - 1]).string(convfmt);
                if (name.isEmpty()) return fatal("expression for `|' redirection has null string value");
                r = io.commandRecord(name, separator);
                break;
        }
        if (r instanceof Request req) return req;
        int status;
        if (r == Io.END) {
            status = 0;
        } else if (r == Io.FAILED) {
            status = -1;
            Errno e = io.readError(name, kind == Ast.GetlineKind.FILE ? Io.IN_FILE
                    : kind == Ast.GetlineKind.COPROCESS ? Io.COPROC : Io.IN_COMMAND);
            setErrno(e == null ? "" : e.message(), e == null ? 0 : e.number());
        } else {
            status = 1;
            InputBuffer.Scan scan = (InputBuffer.Scan) r;
            // only the plain form counts records: getline < file and cmd | getline do not (gawk 5)
            boolean nr = kind == Ast.GetlineKind.MAIN;
            boolean fnr = nr;
            if (targetKind < 0) {
                newRecord(scan, nr, fnr);
            } else {
                globals[Specials.RT] = Value.str(scan.terminator());
                if (nr) globals[Specials.NR] = Value.of(value(Specials.NR).number() + 1);
                if (fnr) globals[Specials.FNR] = Value.of(value(Specials.FNR).number() + 1);
                Request fail = lvSet(targetKind, in.c, sp - parts - (hasSource ? 1 : 0), Value.input(scan.record()), in);
                if (fail != null) return fail;
            }
        }
        sp = base;
        push(Value.of(status));
        return null;
    }

    // ---- the main input's view of ARGV ----

    @Override
    public int argc() {
        return (int) value(Specials.ARGC).number();
    }

    @Override
    public String argv(int i) {
        Object a = globals[Specials.ARGV];
        if (!(a instanceof AwkArray arr)) return null;
        AwkArray.Cell cell = arr.find(AwkArray.Sub.of(Value.of(i), convfmt));
        return cell == null ? null : cell.value.string(convfmt);
    }

    @Override
    public boolean assign(String arg) {
        int eq = arg.indexOf('=');
        if (eq <= 0) return false;
        String name = arg.substring(0, eq);
        if (!isIdentifier(name)) return false;
        Value v = Value.input(Functions.unescape(arg.substring(eq + 1), this));
        int slot = code.globals.indexOf(name);
        if (slot < 0) return true;
        storeGlobal(slot, v, null);
        return true;
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty()) return false;
        char f = s.charAt(0);
        if (!(f == '_' || Character.isLetter(f)) || f > 0x7f) return false;
        for (int i = 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch == '_' || (ch < 0x80 && Character.isLetterOrDigit(ch)))) return false;
        }
        return true;
    }

    @Override
    public void argumentIndex(int i) {
        globals[Specials.ARGIND] = Value.of(i);
    }

    @Override
    public void startFile(String name, Errno error) {
        globals[Specials.FILENAME] = Value.str(name);
        globals[Specials.FNR] = Value.of(0);
        setErrno(error == null ? "" : error.message(), error == null ? 0 : error.number());
    }

    @Override
    public void readFailed(Errno e) {
        setErrno(e.message(), e.number());
    }

    @Override
    public Object unreadable(String name, Errno e) {
        if (e == Errno.EISDIR) {
            // after BEGINFILE rules gawk names the line it was at; between files, none
            if (!io.fileEvents) lastAt = null;
            warning("command line argument `" + name + "' is a directory: skipped");
            return null;
        }
        globals[Specials.FNR] = Value.of(0);
        return fatal("cannot open file `" + name + "' for reading: " + e.message());
    }

    /** -v assignments before BEGIN: the same as command-line ones, at once. */
    void assignEarly(String name, String value) {
        int slot = code.globals.indexOf(name);
        if (slot < 0) return;
        storeGlobal(slot, Value.input(value), null);
    }

    Map<String, String> environment() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        Object e = globals[Specials.ENVIRON];
        if (!(e instanceof AwkArray arr)) return environment;
        List<Value> keys = new ArrayList<>();
        List<AwkArray.Cell> cells = new ArrayList<>();
        arr.entries(keys, cells);
        Map<String, String> current = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            current.put(Bytes.toJava(keys.get(i).string(convfmt)), Bytes.toJava(cells.get(i).value.string(convfmt)));
        }
        for (Map.Entry<String, String> en : environment.entrySet()) {
            if (current.containsKey(en.getKey())) env.put(en.getKey(), current.remove(en.getKey()));
        }
        env.putAll(current);
        return env;
    }
}
