package dev.syssim.sim.prog;

import java.util.List;

/** bash 5.2's {@code printf} builtin (builtins/printf.def) over byte strings. */
final class BashPrintf extends Printf.Run {

    private static final String FLAGS = "#'-+ 0";
    private static final String LENGTH_MODIFIERS = "hjlLtz";
    private static final int TIMELEN_MAX = 128;

    private final Printf.Times times;
    private boolean conversionError;

    BashPrintf(String format, List<String> args, Printf.Times times) {
        super(format, args);
        this.times = times;
    }

    /** An escape's bytes, how many characters after the backslash it used, and whether it was {@code \c}. */
    record Escape(String bytes, int consumed, boolean stop) {
    }

    Printf.Result run() {
        if (format.isEmpty()) return result();
        do {
            int passStart = out.length();
            if (!pass(passStart)) return result();
        } while (hasArgument() && next > 0);
        if (conversionError) status = 1;
        return result();
    }

    /** One pass over the format; false when printing stopped (error or {@code \c}). */
    private boolean pass(int passStart) {
        int n = format.length();
        for (int i = 0; i < n; i++) {
            char c = format.charAt(i);
            if (c == '\\') {
                Escape e = escape(format, i + 1, false);
                out.append(e.bytes());
                i += e.consumed();
                continue;
            }
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = i++;
            if (at(i) == '%') {
                out.append('%');
                continue;
            }
            Printf.Directive d = new Printf.Directive();
            for (; i < n && FLAGS.indexOf(format.charAt(i)) >= 0; i++) flag(d, format.charAt(i));
            if (at(i) == '*') {
                i++;
                d.starWidth = true;
                d.width = starValue();
            } else {
                i = digits(i, d, true);
            }
            if (at(i) == '.') {
                i++;
                d.hasPoint = true;
                if (at(i) == '*') {
                    i++;
                    d.starPrecision = true;
                    int p = starValue();
                    d.precision = p < 0 ? -1 : p;
                } else {
                    boolean negative = at(i) == '-';
                    if (negative) i++;
                    i = digits(i, d, false);
                    if (negative) d.precision = -1;
                }
            }
            while (i < n && LENGTH_MODIFIERS.indexOf(format.charAt(i)) >= 0) i++;
            if (i >= n) {
                error("`" + format.substring(start) + "': missing format character");
                status = 1;
                return false;
            }
            char conv = format.charAt(i);
            switch (conv) {
                case 'c' -> {
                    String a = nextString();
                    out.append(CFormat.character(a.isEmpty() ? 0 : a.charAt(0), d.spec('c')));
                }
                case 's' -> out.append(CFormat.string(nextString(), d.spec('s')));
                case '(' -> {
                    int after = time(start, i, d);
                    if (after < 0) return false;
                    i = after;
                }
                case 'n' -> {
                    String var = nextString();
                    if (!var.isEmpty() && !identifier(var)) {
                        error("`" + var + "': not a valid identifier");
                        status = 1;
                        return false;
                    }
                    // Simplification: %n's count is not stored (the interpreter has no hook for it).
                }
                case 'b' -> {
                    Escape e = expandB(nextString());
                    out.append(CFormat.string(e.bytes(), d.spec('s')));
                    if (e.stop()) {
                        stopped = true;
                        if (conversionError) status = 1;
                        return false;
                    }
                }
                case 'q', 'Q' -> quote(conv, d);
                case 'd', 'i' -> out.append(CFormat.integer(integer(true), d.spec(conv)));
                case 'o', 'u', 'x', 'X' -> out.append(CFormat.integer(integer(false), d.spec(conv)));
                case 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A' -> out.append(CFormat.floating(floating(), d.spec(conv)));
                default -> {
                    error("`" + conv + "': invalid format character");
                    status = 1;
                    return false;
                }
            }
        }
        return true;
    }

    private static void flag(Printf.Directive d, char c) {
        switch (c) {
            case '-' -> d.minus = true;
            case '+' -> d.plus = true;
            case ' ' -> d.space = true;
            case '#' -> d.alt = true;
            case '0' -> d.zero = true;
            default -> d.grouping = true;
        }
    }

    private int digits(int i, Printf.Directive d, boolean width) {
        long value = 0;
        boolean any = false;
        while (Character.isDigit(at(i))) {
            value = Math.min(Integer.MAX_VALUE, value * 10 + (at(i) - '0'));
            any = true;
            i++;
        }
        if (width) {
            if (any) d.width = (int) value;
        } else {
            d.precision = (int) value;
        }
        return i;
    }

    /** bash's {@code getint} for a {@code *}: an int, clamped with a warning naming the next argument. */
    private int starValue() {
        long value = integer(true);
        if (!hasArgument()) return (int) value;
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            error("warning: " + args.get(next) + ": Numerical result out of range");
            return value > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        }
        return (int) value;
    }

    /** bash's {@code getintmax} and {@code getuintmax}. */
    private long integer(boolean signed) {
        if (!hasArgument()) return 0;
        String word = args.get(next++);
        if (!word.isEmpty() && (word.charAt(0) == '\'' || word.charAt(0) == '"')) {
            return Printf.characterCode(word.substring(1));
        }
        CNumber.Integer r = CNumber.parseInteger(word, signed);
        if (r.end() < word.length()) {
            invalidNumber(word);
        } else if (r.erange()) {
            error("warning: " + word + ": Numerical result out of range");
        }
        return r.value();
    }

    private CReal floating() {
        if (!hasArgument()) return CReal.zero(false).in(CReal.Format.LONG_DOUBLE);
        String word = args.get(next++);
        if (!word.isEmpty() && (word.charAt(0) == '\'' || word.charAt(0) == '"')) {
            return CReal.ofInteger(Printf.characterCode(word.substring(1)), CReal.Format.LONG_DOUBLE);
        }
        CNumber.Floating r = CNumber.parseFloating(word, CReal.Format.LONG_DOUBLE);
        if (r.end() < word.length()) {
            invalidNumber(word);
        } else if (r.erange()) {
            error("warning: " + word + ": Numerical result out of range");
        }
        return r.value().in(CReal.Format.LONG_DOUBLE);
    }

    /** bash's {@code sh_invalidnum}: which message depends on how the word starts. */
    private void invalidNumber(String word) {
        String what;
        if (word.length() > 1 && word.charAt(0) == '0' && Character.isDigit(word.charAt(1))) what = "invalid octal number";
        else if (word.length() > 1 && word.charAt(0) == '0' && word.charAt(1) == 'x') what = "invalid hex number";
        else what = "invalid number";
        error(word + ": " + what);
        conversionError = true;
    }

    private static boolean identifier(String s) {
        if (s.isEmpty() || !(s.charAt(0) == '_' || (s.charAt(0) < 128 && Character.isLetter(s.charAt(0))))) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == '_' || (c < 128 && Character.isLetterOrDigit(c)))) return false;
        }
        return true;
    }

    /** {@code %q} and {@code %Q}: bash's quoting, then the field; %Q's precision cuts the text before quoting. */
    private void quote(char conv, Printf.Directive d) {
        String word = nextString();
        if (conv == 'Q' && d.precision >= 0 && !d.starPrecision && d.precision < word.length()) {
            word = word.substring(0, d.precision);
        }
        String quoted = ShellQuote.bash(word);
        CFormat.Spec spec = d.spec('s');
        if (conv == 'Q' && spec.precision() >= 0 && spec.precision() < quoted.length()) {
            spec = new CFormat.Spec(spec.minus(), false, false, false, false, spec.width(), quoted.length(), 's');
        }
        out.append(CFormat.string(quoted, spec));
    }

    /**
     * {@code %(fmt)T}: the time (an epoch second; -1 now, -2 the shell's start) through strftime.
     * Returns the format index to go on from, or -1 if printing stopped.
     */
    private int time(int start, int paren, Printf.Directive d) {
        int n = format.length();
        int depth = 1;
        int i = paren + 1;
        StringBuilder timeFormat = new StringBuilder();
        while (i < n) {
            char c = format.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            if (depth == 0) break;
            timeFormat.append(c);
            i++;
        }
        char after = i + 1 < n ? format.charAt(i + 1) : 0;
        if (after != 'T') {
            error("warning: `" + (after == 0 ? "" : String.valueOf(after)) + "': invalid time format specification");
            out.append('%');
            return start; // go on just after the %
        }
        String fmt = timeFormat.length() == 0 ? "%X" : timeFormat.toString();
        long arg = hasArgument() ? integer(true) : -1;
        long seconds = arg == -1 ? times.now() : arg == -2 ? times.shellStart() : arg;
        String text = Strftime.format(fmt, seconds);
        if (text == null) text = Strftime.format(fmt, 0);
        if (text == null || text.length() >= TIMELEN_MAX) text = "";
        out.append(CFormat.string(text, d.spec('s')));
        return i + 1;
    }

    /** bash's {@code bexpand}: the escapes of {@code %b}; stops at {@code \c}. */
    private Escape expandB(String s) {
        StringBuilder b = new StringBuilder();
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i++);
            if (c != '\\' || i >= n) {
                b.append(c);
                continue;
            }
            Escape e = escape(s, i, true);
            if (e.stop()) return new Escape(b.toString(), 0, true);
            b.append(e.bytes());
            i += e.consumed();
        }
        return new Escape(b.toString(), 0, false);
    }

    /**
     * bash's {@code tescape}: the escape after a backslash at {@code p}. In a format ({@code forB}
     * false) {@code \'} {@code \"} {@code \?} lose their backslash and {@code \c} is ordinary; in
     * {@code %b} octal may be {@code \0nnn} and {@code \c} stops everything.
     */
    private Escape escape(String s, int p, boolean forB) {
        int n = s.length();
        char c = p < n ? s.charAt(p) : 0;
        int q = p + 1;
        String bytes;
        switch (c) {
            case 'a' -> bytes = "\u0007";
            case 'b' -> bytes = "\b";
            case 'e', 'E' -> bytes = "\u001b";
            case 'f' -> bytes = "\f";
            case 'n' -> bytes = "\n";
            case 'r' -> bytes = "\r";
            case 't' -> bytes = "\t";
            case 'v' -> bytes = "\u000b";
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int value = c - '0';
                int more = 2 + (value == 0 && forB ? 1 : 0);
                while (q < n && Printf.isOctal(s.charAt(q)) && more-- > 0) value = value * 8 + (s.charAt(q++) - '0');
                bytes = String.valueOf((char) (value & 0xFF));
            }
            case 'x' -> {
                int value = 0;
                int more = 2;
                while (q < n && Printf.hexValue(s.charAt(q)) >= 0 && more-- > 0) value = value * 16 + Printf.hexValue(s.charAt(q++));
                if (q == p + 1) {
                    error("missing hex digit for \\x");
                    return new Escape("\\", 0, false);
                }
                bytes = String.valueOf((char) (value & 0xFF));
            }
            case 'u', 'U' -> {
                long value = 0;
                int more = c == 'u' ? 4 : 8;
                while (q < n && Printf.hexValue(s.charAt(q)) >= 0 && more-- > 0) value = value * 16 + Printf.hexValue(s.charAt(q++));
                if (q == p + 1) {
                    error("missing unicode digit for \\" + c);
                    return new Escape("\\", 0, false);
                }
                if (value <= 0x7f) {
                    bytes = String.valueOf((char) value);
                } else {
                    String encoded = Printf.wctomb(value);
                    bytes = encoded != null ? encoded : unicodeEscape(value);
                }
            }
            case '\\' -> bytes = "\\";
            case '\'', '"', '?' -> {
                if (forB) return new Escape("\\", 0, false);
                bytes = String.valueOf(c);
            }
            case 'c' -> {
                if (forB) return new Escape("", 1, true);
                return new Escape("\\", 0, false);
            }
            default -> {
                return new Escape("\\", 0, false);
            }
        }
        return new Escape(bytes, q - p, false);
    }

    /** bash's {@code u32cesc}, what \\u prints when the locale cannot encode the character. */
    private static String unicodeEscape(long value) {
        return value <= 0xFFFF ? String.format("\\u%04X", value) : String.format("\\U%08X", value);
    }
}
