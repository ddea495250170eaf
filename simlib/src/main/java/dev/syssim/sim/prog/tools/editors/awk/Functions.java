package dev.syssim.sim.prog.tools.editors.awk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in functions of gawk 5.2 as the {@link Vm} calls them: string functions counting
 * characters in a UTF-8 locale, sub/gsub/gensub with gawk's rules for {@code &} and backslashes,
 * split and its separators, arithmetic and bit functions, I/O functions that may need the kernel
 * (they return a {@link Request} then and are called again), and the order of {@code for (k in a)}.
 */
final class Functions {

    private Functions() {
    }

    /** The categories glibc defines that dcgettext accepts (LC_RESPONSE is not one of them). */
    private static final List<String> LOCALE_CATEGORIES = List.of("LC_ALL", "LC_COLLATE", "LC_CTYPE", "LC_MESSAGES",
            "LC_MONETARY", "LC_NUMERIC", "LC_TIME");

    private static Value v(Object o) {
        return o instanceof Value val ? val : Value.UNINITIALIZED;
    }

    /** Calls a built-in; the result is a Value, or a Request (I/O to do first, or a fatal error). */
    static Object call(Vm vm, Builtins.Id id, Object[] a) {
        String cf = vm.convfmt();
        switch (id) {
            case LENGTH: {
                if (a.length == 0) return Value.of(length(vm.chars(recordText(vm)), vm.utf8));
                Object x = a[0];
                if (x instanceof AwkArray arr) {
                    vm.refreshView(arr);
                    return Value.of(arr.size());
                }
                if (x instanceof Vm.Ref r) {
                    // the caller's variable may have become an array since (f(a, split(s, a)));
                    // else length() makes it a scalar, as gawk does
                    if (r.target() instanceof AwkArray arr) return Value.of(arr.size());
                    r.scalar();
                    return Value.of(0);
                }
                if (!(x instanceof Value)) return Value.of(0);
                return Value.of(length(vm.chars(((Value) x).string(cf)), vm.utf8));
            }
            case SUBSTR:
                return Value.str(substr(vm.chars(v(a[0]).string(cf)), v(a[1]).number(), a.length > 2 ? v(a[2]).number() : Double.NaN,
                        a.length > 2, vm.utf8));
            case INDEX:
                return Value.of(index(vm.chars(v(a[0]).string(cf)), vm.chars(v(a[1]).string(cf)), vm));
            case SPLIT:
                return split(vm, a);
            case PATSPLIT:
                return patsplit(vm, a);
            case MATCH:
                return match(vm, a);
            case SPRINTF: {
                List<Value> args = new ArrayList<>();
                for (int i = 1; i < a.length; i++) args.add(v(a[i]));
                String format = v(a[0]).string(cf);
                Format.Result f = Format.sprintf(format, args, vm.utf8, cf);
                if (f.failed()) return vm.formatFailure(format, f);
                return Value.str(f.text());
            }
            case TOLOWER:
                return Value.str(lower(vm.chars(v(a[0]).string(cf)), vm.utf8));
            case TOUPPER:
                return Value.str(upper(vm.chars(v(a[0]).string(cf)), vm.utf8));
            case INT:
                return Value.of(Numbers.trunc(v(a[0]).number()));
            case SQRT: {
                double d = v(a[0]).number();
                if (d < 0) vm.warning("sqrt: received negative argument " + g(d));
                return Value.of(Numbers.fixNaN(Math.sqrt(d)));
            }
            case EXP: {
                double d = v(a[0]).number();
                double r = Math.exp(d);
                if (Double.isInfinite(r) || (r == 0 && d != Double.NEGATIVE_INFINITY)) vm.warning("exp: argument " + g(d) + " is out of range");
                return Value.of(r);
            }
            case LOG: {
                double d = v(a[0]).number();
                if (d < 0) vm.warning("log: received negative argument " + g(d));
                return Value.of(Numbers.fixNaN(Math.log(d)));
            }
            case SIN:
                return Value.of(Numbers.fixNaN(Math.sin(v(a[0]).number())));
            case COS:
                return Value.of(Numbers.fixNaN(Math.cos(v(a[0]).number())));
            case ATAN2:
                return Value.of(Math.atan2(v(a[0]).number(), v(a[1]).number()));
            case RAND:
                return Value.of(vm.random.next());
            case SRAND: {
                long previous = vm.random.seed();
                if (a.length == 0) {
                    Object now = vm.clock();
                    if (now instanceof Request) return now;
                    vm.random.seed((Long) now);
                } else {
                    vm.random.seed((long) v(a[0]).number());
                }
                return Value.of(previous);
            }
            case SYSTIME:
                return timeValue(vm);
            case STRFTIME:
            case MKTIME:
                return Time.call(vm, id, a);
            case AND:
            case OR:
            case XOR:
                return bits(vm, id, a);
            case COMPL: {
                double d = v(a[0]).number();
                if (d < 0) return vm.fatal("compl(" + fixed(d) + "): negative value is not allowed");
                return Value.of(adjust(~toUnsigned(d)));
            }
            case LSHIFT:
            case RSHIFT: {
                double val = v(a[0]).number();
                double shift = v(a[1]).number();
                if (val < 0 || shift < 0) {
                    return vm.fatal(id.word + "(" + fixed(val) + ", " + fixed(shift) + "): negative values are not allowed");
                }
                long u = toUnsigned(val);
                long s = (long) shift;
                long r = s >= 64 ? 0 : id == Builtins.Id.LSHIFT ? u << s : u >>> s;
                return Value.of(adjust(r));
            }
            case STRTONUM:
                return Value.of(strtonum(v(a[0])));
            case CLOSE: {
                String name = v(a[0]).string(cf);
                boolean to = false;
                if (a.length > 1) {
                    String how = v(a[1]).string(cf).toLowerCase(java.util.Locale.ROOT);
                    if (!how.equals("to") && !how.equals("from")) return vm.fatal("close: second argument must be `to' or `from'");
                    to = how.equals("to");
                }
                boolean open = vm.io.isOpen(name);
                Object r = a.length > 1 ? vm.io.close(name, to) : vm.io.close(name);
                if (r instanceof Request) return r;
                if (!open) vm.setErrno("close of redirection that was never opened", 0);
                return Value.of((Integer) r);
            }
            case FFLUSH: {
                Object r = vm.io.fflush(a.length == 0 ? null : v(a[0]).string(cf));
                if (r instanceof Request) return r;
                int status = (Integer) r;
                String file = a.length > 0 ? v(a[0]).string(cf) : "";
                switch (status) {
                    case Io.FFLUSH_INPUT_PIPE:
                        vm.warning("fflush: cannot flush: pipe `" + file + "' opened for reading, not writing");
                        return Value.of(-1);
                    case Io.FFLUSH_INPUT_FILE:
                        vm.warning("fflush: cannot flush: file `" + file + "' opened for reading, not writing");
                        return Value.of(-1);
                    case Io.FFLUSH_CLOSED_WRITE_END:
                        vm.warning("fflush: cannot flush: two-way pipe `" + file + "' has closed write end");
                        return Value.of(-1);
                    default:
                        if (status < 0 && a.length > 0) vm.warning("fflush: `" + file + "' is not an open file, pipe or co-process");
                        return Value.of(status);
                }
            }
            case SYSTEM: {
                Object r = vm.io.system(v(a[0]).string(cf));
                if (r instanceof Request) return r;
                return Value.of((Integer) r);
            }
            case TYPEOF: {
                Object x = a[0];
                if (x instanceof Vm.Ref r && r.target() != null) x = r.target();
                if (x instanceof AwkArray) return Value.str("array");
                if (!(x instanceof Value val)) return Value.str("untyped");
                if (val == Value.NULL_FIELD) return Value.str("unassigned");
                if (val == Value.TRUE || val == Value.FALSE) return Value.str("number|bool");
                if (val.kind == Value.Kind.INDEX) val.string("%.6g");
                switch (val.kind) {
                    case NUMBER: return Value.str("number");
                    case STRING: return Value.str("string");
                    case INPUT: return Value.str(val.isNumeric() ? "strnum" : "string");
                    case REGEX: return Value.str("regexp");
                    default: return Value.str(val == Value.UNINITIALIZED ? "untyped" : "unassigned");
                }
            }
            case DCGETTEXT: {
                // no message catalogs are installed: the text is its own translation
                if (a.length > 2 && !LOCALE_CATEGORIES.contains(v(a[2]).string(cf))) {
                    return vm.fatal("dcgettext: `" + v(a[2]).string(cf) + "' is not a valid locale category");
                }
                return Value.str(v(a[0]).string(cf));
            }
            case DCNGETTEXT: {
                if (a.length > 4 && !LOCALE_CATEGORIES.contains(v(a[4]).string(cf))) {
                    return vm.fatal("dcgettext: `" + v(a[4]).string(cf) + "' is not a valid locale category");
                }
                return Value.str((long) v(a[2]).number() == 1 ? v(a[0]).string(cf) : v(a[1]).string(cf));
            }
            case BINDTEXTDOMAIN:
                return Value.str(v(a[0]).string(cf));
            case MKBOOL:
                return v(a[0]).truth() ? Value.TRUE : Value.FALSE;
            case ISARRAY:
                return Value.of(a[0] instanceof AwkArray || a[0] instanceof Vm.Ref r && r.target() instanceof AwkArray);
            case ASORT:
            case ASORTI:
                return asort(vm, id == Builtins.Id.ASORTI, a);
            case GENSUB:
                return gensub(vm, a);
            default:
                return vm.fatal(id.word + ": not supported by this awk");
        }
    }

    private static String recordText(Vm vm) {
        return vm.record.text(vm.value(Specials.OFS).string(vm.convfmt()), vm.convfmt());
    }

    private static Object timeValue(Vm vm) {
        Object now = vm.clock();
        if (now instanceof Request) return now;
        return Value.of((Long) now);
    }

    private static String g(double d) {
        return CFormat.g(d, 6, false, false);
    }

    private static String fixed(double d) {
        return (d < 0 ? "-" : "") + CFormat.fixed(Math.abs(d), 6, false);
    }

    /** (uintmax_t) d for d >= 0. */
    private static long toUnsigned(double d) {
        if (d >= 1.8446744073709552E19) return -1L;
        if (d >= 9.223372036854775808E18) return (long) (d - 9.223372036854775808E18) + Long.MIN_VALUE;
        return (long) d;
    }

    /** gawk's adjust_uint: keep the 53 bits a double holds, from the lowest set bit up. */
    private static double adjust(long n) {
        long sentinel = 1L << 11;
        int shift = Long.numberOfTrailingZeros(n | sentinel);
        long mask = ((1L << 53) - 1) << shift;
        n &= mask;
        if (n < 0) return (double) (n >>> 1) * 2 + (n & 1);
        return (double) n;
    }

    private static Object bits(Vm vm, Builtins.Id id, Object[] a) {
        long res = id == Builtins.Id.AND ? -1L : 0L;
        for (int i = a.length - 1; i >= 0; i--) {
            double val = v(a[i]).number();
            if (val < 0) return vm.fatal(id.word + ": argument " + (i + 1) + " negative value " + g(val) + " is not allowed");
            long u = toUnsigned(val);
            if (id == Builtins.Id.AND) res &= u;
            else if (id == Builtins.Id.OR) res |= u;
            else res ^= u;
        }
        return Value.of(adjust(res));
    }

    /** strtonum: 0x hex, leading-0 octal, else a decimal number. */
    static double strtonum(Value x) {
        if (x.kind == Value.Kind.NUMBER) return x.number();
        // only a string that starts with 0 is read as hexadecimal or octal; anything else as a number
        String s = x.string("%.6g");
        if (s.length() > 1 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            double r = 0;
            int j = 2;
            while (j < s.length() && Character.digit(s.charAt(j), 16) >= 0) r = r * 16 + Character.digit(s.charAt(j++), 16);
            return r;
        }
        if (s.length() > 1 && s.charAt(0) == '0') {
            double r = 0;
            int j = 0;
            while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '7') r = r * 8 + (s.charAt(j++) - '0');
            if (j == s.length() || !(Character.isDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                return r;
            }
        }
        return Numbers.parse(s).value();
    }

    // ---- strings ----

    static int length(String s, boolean utf8) {
        return utf8 ? Bytes.charCount(s) : s.length();
    }

    static String substr(String s, double index, double length, boolean hasLength, boolean utf8) {
        if (hasLength && !(length >= 1)) return "";
        if (!(index >= 1)) index = 1;
        long indx = index > 9e18 ? Long.MAX_VALUE : (long) (index - 1);
        int srcLen = utf8 ? Bytes.charCount(s) : s.length();
        if (s.isEmpty() || indx >= srcLen) return "";
        long len = hasLength ? (length > 9e18 ? Long.MAX_VALUE : (long) length) : srcLen - indx;
        if (len > srcLen - indx) len = srcLen - indx;
        if (!utf8 || Bytes.isAscii(s)) return s.substring((int) indx, (int) (indx + len));
        int from = Bytes.byteOffset(s, (int) indx);
        int to = Bytes.byteOffset(s, (int) (indx + len));
        return s.substring(from, to);
    }

    static int index(String s, String t, Vm vm) {
        if (t.isEmpty()) return 1;
        int at;
        if (vm.ignoreCase()) at = lower(s, vm.utf8).indexOf(lower(t, vm.utf8));
        else at = s.indexOf(t);
        if (at < 0) return 0;
        return (vm.utf8 ? Bytes.charIndex(s, at) : at) + 1;
    }

    static String lower(String s, boolean utf8) {
        return mapCase(s, utf8, false);
    }

    static String upper(String s, boolean utf8) {
        return mapCase(s, utf8, true);
    }

    /** toupper/tolower: ASCII letters in the C locale; every character with a case under UTF-8 (towupper). */
    private static String mapCase(String s, boolean utf8, boolean up) {
        StringBuilder b = new StringBuilder(s.length());
        boolean ascii = !utf8 || Bytes.isAscii(s);
        for (int i = 0; i < s.length(); ) {
            char ch = s.charAt(i);
            if (ascii || ch < 0x80) {
                if (up && ch >= 'a' && ch <= 'z') ch -= 32;
                else if (!up && ch >= 'A' && ch <= 'Z') ch += 32;
                b.append(ch);
                i++;
                continue;
            }
            int len = Bytes.charLength(s, i);
            if (len == 1) {
                // a byte of no valid character: gawk's conversion to wide characters makes it U+FFFD
                b.append("\u00ef\u00bf\u00bd");
                i++;
                continue;
            }
            int cp = Bytes.codePoint(s, i);
            int mapped = up ? Character.toUpperCase(cp) : Character.toLowerCase(cp);
            b.append(Bytes.encodeUtf8(mapped));
            i += len;
        }
        return b.toString();
    }

    /** Escape sequences in a command-line assignment's value, as in a string literal. */
    static String unescape(String s, Vm vm) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 >= s.length()) {
                b.append(ch);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'a': b.append('\007'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'v': b.append('\013'); break;
                case '\\': case '"': case '/': b.append(e); break;
                case 'x': {
                    int v = 0;
                    int j = 0;
                    while (j < 2 && i + 1 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(++i), 16);
                        j++;
                    }
                    b.append(j == 0 ? 'x' : (char) v);
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 1; k < 3 && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7'; k++) {
                            v = v * 8 + (s.charAt(++i) - '0');
                        }
                        b.append((char) (v & 0xff));
                    } else {
                        vm.warning("escape sequence `\\" + e + "' treated as plain `" + e + "'");
                        b.append(e);
                    }
            }
        }
        return b.toString();
    }

    // ---- split, match ----

    private static Object split(Vm vm, Object[] a) {
        String cf = vm.convfmt();
        String s = v(a[0]).string(cf);
        if (!(a[1] instanceof AwkArray arr)) return vm.fatal("split: second argument is not an array");
        AwkArray seps = null;
        if (a.length > 3) {
            if (!(a[3] instanceof AwkArray sa)) return vm.fatal("split: fourth argument is not an array");
            if (sa == arr) return vm.fatal("split: cannot use the same array for second and fourth args");
            seps = sa;
        }
        Record.Splitter sp;
        if (a.length < 3) {
            sp = splitterForSplit(vm, vm.value(Specials.FS).string(cf), false);
        } else if (a[2] instanceof Compiler.RegexLiteral lit) {
            AwkRegex re = lit.get(vm.ignoreCase(), vm.utf8);
            sp = new Record.Splitter(Record.Splitter.REGEX, '\0', re, false);
        } else if (v(a[2]).kind == Value.Kind.REGEX && !v(a[2]).rawString().isEmpty()) {
            AwkRegex re = vm.dynamicRegex(v(a[2]).rawString(), vm.ignoreCase());
            sp = re == null ? null : new Record.Splitter(Record.Splitter.REGEX, '\0', re, false);
        } else {
            sp = splitterForSplit(vm, v(a[2]).string(cf), true);
        }
        if (sp == null) return vm.fatal("invalid regexp");
        arr.clear();
        if (seps != null) seps.clear();
        List<Value> fields = new ArrayList<>();
        Map<Integer, String> sepTexts = seps == null ? null : new LinkedHashMap<>();
        Record.splitInto(s, sp, fields, sepTexts, vm.utf8);
        for (int i = 0; i < fields.size(); i++) arr.lookup(AwkArray.Sub.of(Value.of(i + 1), cf)).value = fields.get(i);
        if (seps != null) {
            for (Map.Entry<Integer, String> e : sepTexts.entrySet()) {
                seps.lookup(AwkArray.Sub.of(Value.of(e.getKey()), cf)).value = Value.input(e.getValue());
            }
        }
        return Value.of(fields.size());
    }

    /** split()'s separator string: " " blanks, "" characters, one character itself, longer a regex. */
    private static Record.Splitter splitterForSplit(Vm vm, String fs, boolean explicit) {
        if (fs.isEmpty()) return new Record.Splitter(Record.Splitter.CHARS, '\0', null, false);
        if (fs.length() == 1) {
            char ch = fs.charAt(0);
            if (ch == ' ') return new Record.Splitter(Record.Splitter.BLANKS, ' ', null, false);
            if (ch == '\\') return new Record.Splitter(Record.Splitter.REGEX, '\0', vm.dynamicRegex("[\\\\]", false), false);
            return new Record.Splitter(Record.Splitter.CHAR, ch, null, false);
        }
        AwkRegex re = vm.dynamicRegex(fs, vm.ignoreCase());
        if (re == null) return null;
        return new Record.Splitter(Record.Splitter.REGEX, '\0', re, false);
    }

    private static Object patsplit(Vm vm, Object[] a) {
        String cf = vm.convfmt();
        String s = v(a[0]).string(cf);
        AwkArray seps = null;
        if (a.length > 3) {
            if (!(a[3] instanceof AwkArray sa)) return vm.fatal("patsplit: fourth argument is not an array");
            seps = sa;
        }
        if (!(a[1] instanceof AwkArray arr)) return vm.fatal("patsplit: second argument is not an array");
        AwkRegex re;
        if (a.length < 3) {
            re = vm.dynamicRegex(vm.value(Specials.FPAT).string(cf), vm.ignoreCase());
        } else if (a[2] instanceof Compiler.RegexLiteral lit) {
            re = lit.get(vm.ignoreCase(), vm.utf8);
        } else {
            String pattern = v(a[2]).string(cf);
            if (pattern.isEmpty()) return vm.fatal("patsplit: third argument must be non-null");
            re = vm.dynamicRegex(pattern, vm.ignoreCase());
        }
        if (re == null) return vm.fatal("invalid regexp");
        if (seps == arr) return vm.fatal("patsplit: cannot use the same array for second and fourth args");
        arr.clear();
        if (seps != null) seps.clear();
        List<Value> fields = new ArrayList<>();
        Map<Integer, String> sepTexts = seps == null ? null : new LinkedHashMap<>();
        Record.splitPattern(s, re, fields, sepTexts, vm.utf8);
        for (int i = 0; i < fields.size(); i++) arr.lookup(AwkArray.Sub.of(Value.of(i + 1), cf)).value = fields.get(i);
        if (seps != null) {
            for (Map.Entry<Integer, String> e : sepTexts.entrySet()) {
                seps.lookup(AwkArray.Sub.of(Value.of(e.getKey()), cf)).value = Value.input(e.getValue());
            }
        }
        return Value.of(fields.size());
    }

    private static Object match(Vm vm, Object[] a) {
        String cf = vm.convfmt();
        AwkArray dest = null;
        if (a.length > 2) {
            if (!(a[2] instanceof AwkArray d)) return vm.fatal("match: third argument is not an array");
            dest = d;
            dest.clear();
        }
        AwkRegex re = vm.regexOf(a[1]);
        if (re == null) return vm.fatal("invalid regexp");
        String s = v(a[0]).string(cf);
        byte[] b = Bytes.bytes(s);
        int[] regs = dest == null ? re.search(b, 0, false) : re.searchGroups(b, 0);
        int rstart;
        int rlength;
        if (regs == null) {
            rstart = 0;
            rlength = -1;
        } else {
            if (regs[1] > regs[0]) vm.chars(s);
            rstart = chars(s, regs[0], vm.utf8) + 1;
            rlength = chars(s, regs[1], vm.utf8) - chars(s, regs[0], vm.utf8);
            if (dest != null) {
                String subsep = vm.value(Specials.SUBSEP).string(cf);
                for (int g = 0; 2 * g + 1 < regs.length; g++) {
                    if (regs[2 * g] < 0) continue;
                    int gs = regs[2 * g];
                    int ge = regs[2 * g + 1];
                    dest.lookup(AwkArray.Sub.of(Value.of(g), cf)).value = Value.input(s.substring(gs, ge));
                    dest.lookup(AwkArray.Sub.ofString(g + subsep + "start")).value = Value.of(chars(s, gs, vm.utf8) + 1);
                    dest.lookup(AwkArray.Sub.ofString(g + subsep + "length")).value = Value.of(chars(s, ge, vm.utf8) - chars(s, gs, vm.utf8));
                }
            }
        }
        vm.globals[Specials.RSTART] = Value.of(rstart);
        vm.globals[Specials.RLENGTH] = Value.of(rlength);
        return Value.of(rstart);
    }

    private static int chars(String s, int byteOffset, boolean utf8) {
        return utf8 ? Bytes.charIndex(s, byteOffset) : byteOffset;
    }

    // ---- sub, gsub, gensub ----

    /** The result of a substitution: the new text and how many replacements were made. */
    record Substitution(String text, int count) {
    }

    /**
     * gawk's do_sub: replace the {@code howMany}th match (-1: all) of {@code re} in {@code target}.
     * In sub/gsub {@code &} is the match, {@code \&} a literal ampersand, {@code \\&} a backslash and
     * the match; in gensub {@code \0}–{@code \9} are the match and its groups.
     */
    static Substitution substitute(AwkRegex re, String repl, String target, long howMany, boolean gensub) {
        byte[] t = Bytes.bytes(target);
        int[] regs = gensub ? re.searchGroups(t, 0) : re.search(t, 0, false);
        if (regs == null) return new Substitution(target, 0);
        boolean global = howMany == -1;
        StringBuilder b = new StringBuilder();
        int text = 0;
        int matches = 0;
        boolean lastNonZero = false;
        for (long current = 1; ; current++) {
            matches++;
            int ms = regs[0];
            int me = regs[1];
            b.append(target, text, ms);
            if (global || current == howMany) {
                if (ms == me && lastNonZero && ms == text) {
                    lastNonZero = false;
                    matches--;
                } else {
                    appendReplacement(b, repl, target, regs, gensub);
                    if (ms != me) lastNonZero = true;
                }
            } else {
                b.append(target, ms, me);
            }
            int next = me;
            if (ms == me && me < t.length) {
                b.append(target.charAt(me));
                next = me + 1;
            }
            text = next;
            if ((current >= howMany && !global) || (t.length - text <= 0 && ms == next)) break;
            regs = gensub ? re.searchGroups(t, text) : re.search(t, text, false);
            if (regs == null) break;
        }
        b.append(target, Math.min(text, target.length()), target.length());
        if (!gensub && !global && howMany == 1 && matches == 0) return new Substitution(target, 0);
        return new Substitution(b.toString(), matches);
    }

    private static void appendReplacement(StringBuilder b, String repl, String target, int[] regs, boolean gensub) {
        int ms = regs[0];
        int me = regs[1];
        int n = repl.length();
        for (int i = 0; i < n; i++) {
            char ch = repl.charAt(i);
            if (ch == '&') {
                b.append(target, ms, me);
            } else if (ch == '\\' && i + 1 < n) {
                if (gensub) {
                    char d = repl.charAt(i + 1);
                    if (d >= '0' && d <= '9') {
                        int g = d - '0';
                        if (2 * g + 1 < regs.length && regs[2 * g] >= 0) b.append(target, regs[2 * g], regs[2 * g + 1]);
                    } else {
                        b.append(d);
                    }
                    i++;
                } else if (repl.startsWith("\\\\\\&", i) || repl.startsWith("\\\\\\\\", i)) {
                    b.append('\\').append(repl.charAt(i + 3));
                    i += 3;
                } else if (repl.startsWith("\\\\&", i)) {
                    b.append('\\').append(target, ms, me);
                    i += 2;
                } else if (repl.charAt(i + 1) == '&') {
                    b.append('&');
                    i++;
                } else {
                    b.append(ch);
                }
            } else {
                b.append(ch);
            }
        }
    }

    private static Object gensub(Vm vm, Object[] a) {
        String cf = vm.convfmt();
        AwkRegex re = vm.regexOf(a[0]);
        if (re == null) return vm.fatal("invalid regexp");
        String repl = v(a[1]).string(cf);
        Value how = v(a[2]);
        long howMany;
        if ((how.kind == Value.Kind.STRING || how.kind == Value.Kind.INPUT) && !how.rawString().isEmpty()
                && (how.rawString().charAt(0) == 'g' || how.rawString().charAt(0) == 'G')) {
            howMany = -1;
        } else {
            double d = how.number();
            howMany = d < 1 ? 1 : d < 9.2e18 ? (long) d : Long.MAX_VALUE;
            if (d <= 0) vm.warning("gensub: third argument `" + how.string(cf) + "' treated as 1");
        }
        Value target = a.length > 3 ? v(a[3]) : vm.record.zero(vm.value(Specials.OFS).string(cf), cf);
        Substitution s = substitute(re, repl, target.string(cf), howMany, true);
        return Value.str(s.text());
    }

    // ---- arrays ----

    /** One element of a sorted listing: its subscript and its value (a Value, or an AwkArray). */
    private record Element(Value index, Object value) {
    }

    /** The subscripts for {@code for (k in a)}: gawk's table order, or PROCINFO["sorted_in"]'s; or a Request (fatal). */
    static Object forInOrder(Vm vm, AwkArray a) {
        List<Value> keys = new ArrayList<>();
        List<AwkArray.Cell> cells = new ArrayList<>();
        a.entries(keys, cells);
        Object pi = vm.globals[Specials.PROCINFO];
        if (!(pi instanceof AwkArray procinfo) || keys.isEmpty()) return keys;
        AwkArray.Cell how = procinfo.find(AwkArray.Sub.ofString("sorted_in"));
        if (how == null) return keys;
        String order = how.value.string(vm.convfmt());
        if (order.isEmpty() || order.equals("@unsorted")) return keys;
        Object sorted = sorted(vm, elements(keys, cells), order);
        if (sorted instanceof Request) return sorted;
        List<Value> out = new ArrayList<>();
        for (Element e : castElements((List<?>) sorted)) out.add(Value.str(e.index().string(vm.convfmt())));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Element> castElements(List<?> l) {
        return (List<Element>) l;
    }

    private static List<Element> elements(List<Value> keys, List<AwkArray.Cell> cells) {
        List<Element> list = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            AwkArray.Cell c = cells.get(i);
            list.add(new Element(keys.get(i), c.array != null ? c.array : c.value));
        }
        return list;
    }

    /**
     * The elements sorted as gawk's assoc_list sorts them: one of the "@ind_..." / "@val_..."
     * orders with gawk's comparison functions and tie-breaks, or a user-defined comparison
     * function called with (i1, v1, i2, v2). A Request when that was fatal. glibc's qsort is a
     * merge sort for these sizes, stable as Java's.
     */
    private static Object sorted(Vm vm, List<Element> list, String order) {
        Comparator<Element> cmp = comparator(vm, order);
        if (cmp == null) {
            int sp = 0;
            while (sp < order.length() && !Character.isWhitespace(order.charAt(sp))) sp++;
            if (sp == 0 || sp < order.length()) return vm.fatal("`" + order + "' is invalid as a function name");
            Code.Function f = vm.function(order);
            if (f == null) return vm.fatal("sort comparison function `" + order + "' is not defined");
            Request[] failed = new Request[1];
            cmp = (x, y) -> {
                if (failed[0] != null) return 0;
                Object r = vm.invoke(f, new Object[] {x.index(), x.value(), y.index(), y.value()});
                if (r instanceof Request req) {
                    failed[0] = req;
                    return 0;
                }
                double d = r instanceof Value v ? v.number() : 0;
                return d < 0 ? -1 : d > 0 ? 1 : 0;
            };
            List<Element> out = new ArrayList<>(list);
            out.sort(cmp);
            if (failed[0] != null) return failed[0];
            return out;
        }
        List<Element> out = new ArrayList<>(list);
        out.sort(cmp);
        return out;
    }

    /** gawk's built-in orders (array.c's sort_up_* and sort_down_*: descending negates ascending). */
    private static Comparator<Element> comparator(Vm vm, String order) {
        String cf = vm.convfmt();
        boolean icase = vm.ignoreCase();
        Comparator<Element> indexString = (x, y) -> compareStrings(x.index().string(cf), y.index().string(cf), icase);
        Comparator<Element> indexNumber = (x, y) -> {
            int c = compareNumbers(x.index().number(), y.index().number());
            return c != 0 ? c : indexString.compare(x, y);
        };
        Comparator<Element> valueType = (x, y) -> {
            int c = compareTypes(x.value(), y.value(), cf, icase);
            return c != 0 ? c : indexString.compare(x, y);
        };
        Comparator<Element> valueString = (x, y) -> {
            if (!isScalar(x.value()) || !isScalar(y.value())) return valueType.compare(x, y);
            int c = compareStrings(((Value) x.value()).string(cf), ((Value) y.value()).string(cf), icase);
            return c != 0 ? c : indexString.compare(x, y);
        };
        Comparator<Element> valueNumber = (x, y) -> {
            if (!isScalar(x.value()) || !isScalar(y.value())) return valueType.compare(x, y);
            Value p = (Value) x.value();
            Value q = (Value) y.value();
            int c = compareNumbers(p.number(), q.number());
            if (c == 0) c = compareStrings(p.string(cf), q.string(cf), icase);
            return c != 0 ? c : indexString.compare(x, y);
        };
        switch (order) {
            case "@ind_str_asc": return indexString;
            case "@ind_str_desc": return (x, y) -> -indexString.compare(x, y);
            case "@ind_num_asc": return indexNumber;
            case "@ind_num_desc": return (x, y) -> -indexNumber.compare(x, y);
            case "@val_str_asc": return valueString;
            case "@val_str_desc": return (x, y) -> -valueString.compare(x, y);
            case "@val_num_asc": return valueNumber;
            case "@val_num_desc": return (x, y) -> -valueNumber.compare(x, y);
            case "@val_type_asc": return valueType;
            case "@val_type_desc": return (x, y) -> -valueType.compare(x, y);
            default: return null;
        }
    }

    /** A value that is a scalar with a type (gawk's Node_val): not a subarray, not an element never assigned. */
    private static boolean isScalar(Object v) {
        return v instanceof Value val && val != Value.UNINITIALIZED;
    }

    /** do_sort_up_value_type: subarrays after everything, untyped elements before scalars, numbers before strings. */
    private static int compareTypes(Object p, Object q, String cf, boolean icase) {
        if (p instanceof AwkArray) return q instanceof AwkArray ? 0 : 1;
        if (q instanceof AwkArray) return -1;
        boolean ps = isScalar(p);
        boolean qs = isScalar(q);
        if (!ps || !qs) return (ps ? 1 : 0) - (qs ? 1 : 0);
        Value a = (Value) p;
        Value b = (Value) q;
        boolean an = a.isNumeric();
        boolean bn = b.isNumeric();
        if (an && bn) return compareNumbers(a.number(), b.number());
        if (an) return -1;
        if (bn) return 1;
        return compareStrings(a.string(cf), b.string(cf), icase);
    }

    /** cmp_numbers: NaN after every number. */
    private static int compareNumbers(double a, double b) {
        if (Double.isNaN(a)) return Double.isNaN(b) ? 0 : 1;
        if (Double.isNaN(b)) return -1;
        return a == b ? 0 : a < b ? -1 : 1;
    }

    /** cmp_strings: bytes, the empty string first; under IGNORECASE letters fold first and bytes break ties. */
    private static int compareStrings(String a, String b, boolean icase) {
        int la = a.length();
        int lb = b.length();
        if (la == 0) return lb == 0 ? 0 : -1;
        if (lb == 0) return 1;
        int min = Math.min(la, lb);
        if (icase) {
            for (int i = 0; i < min; i++) {
                int d = fold(a.charAt(i)) - fold(b.charAt(i));
                if (d != 0) return d;
            }
        }
        for (int i = 0; i < min; i++) {
            int d = a.charAt(i) - b.charAt(i);
            if (d != 0) return d;
        }
        return la == lb ? 0 : la < lb ? -1 : 1;
    }

    private static int fold(char c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static Object asort(Vm vm, boolean byIndex, Object[] a) {
        String cf = vm.convfmt();
        String name = byIndex ? "asorti" : "asort";
        String how = a.length > 2 ? v(a[2]).string(cf) : "";
        if (how.isEmpty()) how = byIndex ? "@ind_str_asc" : "@val_type_asc";
        AwkArray dest = null;
        if (a.length > 1) {
            if (!(a[1] instanceof AwkArray d)) return vm.fatal(name + ": second argument is not an array");
            dest = d;
        }
        if (!(a[0] instanceof AwkArray src)) return vm.fatal(name + ": first argument is not an array");
        List<Value> keys = new ArrayList<>();
        List<AwkArray.Cell> cells = new ArrayList<>();
        src.entries(keys, cells);
        Object sorted = sorted(vm, elements(keys, cells), how);
        if (sorted instanceof Request) return sorted;
        List<Element> list = castElements((List<?>) sorted);
        AwkArray result = dest != null ? dest : src;
        result.clear();
        for (int i = 0; i < list.size(); i++) {
            AwkArray.Cell cell = result.lookup(AwkArray.Sub.of(Value.of(i + 1), cf));
            Element e = list.get(i);
            if (byIndex) {
                cell.value = Value.str(e.index().string(cf));
            } else if (e.value() instanceof AwkArray sub) {
                // a subarray is copied, named by its new subscript (as gawk's assoc_copy)
                cell.array = sub.copy(Integer.toString(i + 1));
            } else {
                cell.value = (Value) e.value();
            }
        }
        return Value.of(list.size());
    }
}
