package dev.syssim.sim.prog;

import java.util.List;

/**
 * dash 0.5.12's {@code printf} builtin (src/bltin/printf.c): fewer escapes (octal, {@code \\ \a
 * \b \e \f \n \r \t \v}; no {@code \x} or {@code \\u}), no {@code '} flag or length
 * modifiers, character constants by their first byte, {@code double} for floating point, and its
 * own messages; a bad directive ends the command with status 2.
 */
final class DashPrintf extends Printf.Run {

    private static final String FLAGS = "#-+ 0";
    private static final String WIDTH = "*0123456789";

    DashPrintf(String format, List<String> args) {
        super(format, args);
    }

    Printf.Result run() {
        do {
            if (!pass()) return result();
        } while (next > 0 && hasArgument());
        return result();
    }

    private boolean pass() {
        int n = format.length();
        int i = 0;
        while (i < n) {
            char ch = format.charAt(i++);
            if (ch == '\\') {
                int[] value = new int[1];
                i = escape(format, i, value);
                out.append((char) (value[0] & 0xFF));
                continue;
            }
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (at(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int start = i - 1;
            Printf.Directive d = new Printf.Directive();
            while (i < n && FLAGS.indexOf(format.charAt(i)) >= 0) {
                switch (format.charAt(i++)) {
                    case '-' -> d.minus = true;
                    case '+' -> d.plus = true;
                    case ' ' -> d.space = true;
                    case '#' -> d.alt = true;
                    default -> d.zero = true;
                }
            }
            if (at(i) == '*') {
                i++;
                d.width = (int) integer(true);
            } else {
                int s = i;
                while (i < n && WIDTH.indexOf(format.charAt(i)) >= 0) i++;
                d.width = number(s, i, -1);
            }
            if (at(i) == '.') {
                i++;
                if (at(i) == '*') {
                    i++;
                    int p = (int) integer(true);
                    d.precision = p < 0 ? -1 : p;
                } else {
                    int s = i;
                    while (i < n && WIDTH.indexOf(format.charAt(i)) >= 0) i++;
                    d.precision = number(s, i, 0);
                }
            }
            if (i >= n) {
                error("missing format character");
                status = 2;
                return false;
            }
            char conv = format.charAt(i++);
            switch (conv) {
                case 'b' -> {
                    boolean[] done = new boolean[1];
                    String bytes = expandB(nextString(), done);
                    out.append(CFormat.string(bytes, d.spec('s')));
                    if (done[0]) {
                        stopped = true;
                        return false;
                    }
                }
                case 'c' -> {
                    String a = nextString();
                    out.append(CFormat.character(a.isEmpty() ? 0 : a.charAt(0), d.spec('c')));
                }
                case 's' -> out.append(CFormat.string(nextString(), d.spec('s')));
                case 'd', 'i' -> out.append(CFormat.integer(integer(true), d.spec(conv)));
                case 'o', 'u', 'x', 'X' -> out.append(CFormat.integer(integer(false), d.spec(conv)));
                case 'a', 'A', 'e', 'E', 'f', 'F', 'g', 'G' -> out.append(CFormat.floating(floating(), d.spec(conv)));
                default -> {
                    error(format.substring(start, i) + ": invalid directive");
                    status = 2;
                    return false;
                }
            }
        }
        return true;
    }

    /** The decimal number of format[from, to) (digits only), or {@code none} if there is none. */
    private int number(int from, int to, int none) {
        long value = 0;
        boolean any = false;
        for (int k = from; k < to; k++) {
            char c = format.charAt(k);
            if (c < '0' || c > '9') break;
            value = Math.min(Integer.MAX_VALUE, value * 10 + (c - '0'));
            any = true;
        }
        return any ? (int) value : none;
    }

    /**
     * dash's {@code conv_escape}: the escape after a backslash at {@code i}; returns where to go
     * on. An unknown escape is the backslash alone, and the character after it prints as itself.
     */
    static int escape(String s, int i, int[] value) {
        char ch = i < s.length() ? s.charAt(i) : 0;
        switch (ch) {
            case '\\' -> value[0] = '\\';
            case 'a' -> value[0] = 7;
            case 'b' -> value[0] = '\b';
            case 'e' -> value[0] = 0x1b; // Debian's dash knows \e (escape), as its manual says
            case 'f' -> value[0] = '\f';
            case 'n' -> value[0] = '\n';
            case 'r' -> value[0] = '\r';
            case 't' -> value[0] = '\t';
            case 'v' -> value[0] = 11;
            default -> {
                if (!Printf.isOctal(ch)) {
                    value[0] = '\\';
                    return i;
                }
                int v = 0;
                int digits = 3;
                do {
                    v = (v << 3) + (s.charAt(i++) - '0');
                } while (i < s.length() && Printf.isOctal(s.charAt(i)) && --digits > 0);
                value[0] = v;
                return i;
            }
        }
        return i + 1;
    }

    /** dash's {@code conv_escape_str} ({@code %b}, and echo): {@code \0ooo} octal, {@code \c} stops. */
    static String expandB(String s, boolean[] done) {
        StringBuilder b = new StringBuilder();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char ch = s.charAt(i++);
            if (ch != '\\') {
                b.append(ch);
                continue;
            }
            char c = i < n ? s.charAt(i) : 0;
            i++;
            if (c == 'c') {
                done[0] = true;
                return b.toString();
            }
            if (c == '0' && i < n && Printf.isOctal(s.charAt(i))) i++;
            int[] value = new int[1];
            i = escape(s, i - 1, value);
            b.append((char) (value[0] & 0xFF));
        }
        return b.toString();
    }

    /** dash's {@code getuintmax}: a character constant is its first byte. */
    private long integer(boolean signed) {
        if (!hasArgument()) return 0;
        String word = args.get(next++);
        if (!word.isEmpty() && (word.charAt(0) == '"' || word.charAt(0) == '\'')) {
            return word.length() > 1 ? word.charAt(1) & 0xFF : 0;
        }
        CNumber.Integer r = CNumber.parseInteger(word, signed);
        check(word, r.end(), r.erange());
        return r.value();
    }

    private CReal floating() {
        if (!hasArgument()) return CReal.zero(false).in(CReal.Format.DOUBLE);
        String word = args.get(next++);
        if (!word.isEmpty() && (word.charAt(0) == '"' || word.charAt(0) == '\'')) {
            return CReal.ofInteger(word.length() > 1 ? word.charAt(1) & 0xFF : 0, CReal.Format.DOUBLE);
        }
        CNumber.Floating r = CNumber.parseFloating(word, CReal.Format.DOUBLE);
        check(word, r.end(), r.erange());
        return r.value().in(CReal.Format.DOUBLE);
    }

    private void check(String word, int end, boolean erange) {
        if (end < word.length()) {
            error(word + (end == 0 ? ": expected numeric value" : ": not completely converted"));
            status = 1;
        } else if (erange) {
            error(word + ": Numerical result out of range");
            status = 1;
        }
    }
}
