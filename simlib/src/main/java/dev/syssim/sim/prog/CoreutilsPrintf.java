package dev.syssim.sim.prog;

import java.util.List;

/**
 * GNU coreutils 9.1's {@code printf} program (src/printf.c), POSIXLY_CORRECT unset: C escapes
 * with {@code \c} ending the program with status 0, {@code \\u}/{@code \U} with exactly 4/8 digits,
 * {@code %b} and {@code %q} without flags, a table of which flags each conversion allows, numbers
 * quoted ‘so’ in messages, and fatal errors ({@code die}) that end it with status 1.
 */
final class CoreutilsPrintf extends Printf.Run {

    private boolean dead;

    CoreutilsPrintf(String format, List<String> args) {
        super(format, args);
    }

    Printf.Result run() {
        int used;
        do {
            int before = next;
            pass();
            if (dead || stopped) return result();
            used = next - before;
        } while (used > 0 && hasArgument());
        if (hasArgument()) {
            messages.add(new Printf.Message("warning: ignoring excess arguments, starting with "
                    + ShellQuote.locale(args.get(next)), Printf.Prefix.NAME));
        }
        return result();
    }

    private void note(String text) {
        messages.add(new Printf.Message(text, Printf.Prefix.NAME));
    }

    /** gnulib's {@code die}: the message, status 1, nothing more printed. */
    private void die(String text) {
        note(text);
        status = 1;
        dead = true;
    }

    /** {@code \c}: the program exits at once, successfully whatever came before. */
    private void exitSuccess() {
        status = 0;
        stopped = true;
    }

    private void pass() {
        int n = format.length();
        for (int f = 0; f < n && !dead && !stopped; f++) {
            char c = format.charAt(f);
            if (c == '\\') {
                f += escape(format, f, false);
                continue;
            }
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = f++;
            if (at(f) == '%') {
                out.append('%');
                continue;
            }
            if (at(f) == 'b') {
                if (hasArgument()) escapes(args.get(next++));
                continue;
            }
            if (at(f) == 'q') {
                if (hasArgument()) out.append(ShellQuote.shellEscape(args.get(next++)));
                continue;
            }
            String ok = "aAcdeEfFgGiosuxX";
            Printf.Directive d = new Printf.Directive();
            flags:
            for (;; f++) {
                switch (at(f)) {
                    case '\'', 'I' -> ok = without(ok, "aAceEosxX");
                    case '-' -> d.minus = true;
                    case '+' -> d.plus = true;
                    case ' ' -> d.space = true;
                    case '#' -> {
                        d.alt = true;
                        ok = without(ok, "cdisu");
                    }
                    case '0' -> {
                        d.zero = true;
                        ok = without(ok, "cs");
                    }
                    default -> {
                        break flags;
                    }
                }
            }
            if (at(f) == '*') {
                f++;
                if (hasArgument()) {
                    String word = args.get(next++);
                    long width = integer(word, true);
                    if (width < Integer.MIN_VALUE || width > Integer.MAX_VALUE) {
                        die("invalid field width: " + ShellQuote.locale(word));
                        return;
                    }
                    d.width = (int) width;
                } else {
                    d.width = 0;
                }
            } else {
                long w = 0;
                boolean any = false;
                while (Character.isDigit(at(f))) {
                    w = Math.min(Integer.MAX_VALUE, w * 10 + (at(f++) - '0'));
                    any = true;
                }
                if (any) d.width = (int) w;
            }
            if (at(f) == '.') {
                f++;
                ok = without(ok, "c");
                if (at(f) == '*') {
                    f++;
                    if (hasArgument()) {
                        String word = args.get(next++);
                        long p = integer(word, true);
                        if (p > Integer.MAX_VALUE) {
                            die("invalid precision: " + ShellQuote.locale(word));
                            return;
                        }
                        d.precision = p < 0 ? -1 : (int) p;
                    } else {
                        d.precision = 0;
                    }
                } else {
                    long p = 0;
                    while (Character.isDigit(at(f))) p = Math.min(Integer.MAX_VALUE, p * 10 + (at(f++) - '0'));
                    d.precision = (int) p;
                }
            }
            while ("lLhjtz".indexOf(at(f)) >= 0 && at(f) != 0) f++;
            char conv = at(f);
            if (conv == 0 || ok.indexOf(conv) < 0) {
                die(format.substring(start, Math.min(f + 1, n)) + ": invalid conversion specification");
                return;
            }
            String argument = nextString();
            switch (conv) {
                case 'd', 'i' -> out.append(CFormat.integer(integer(argument, true), d.spec(conv)));
                case 'o', 'u', 'x', 'X' -> out.append(CFormat.integer(integer(argument, false), d.spec(conv)));
                case 'c' -> out.append(CFormat.character(argument.isEmpty() ? 0 : argument.charAt(0), d.spec('c')));
                case 's' -> out.append(CFormat.string(argument, d.spec('s')));
                default -> out.append(CFormat.floating(floating(argument), d.spec(conv)));
            }
        }
    }

    private static String without(String ok, String removed) {
        StringBuilder s = new StringBuilder();
        for (char c : ok.toCharArray()) {
            if (removed.indexOf(c) < 0) s.append(c);
        }
        return s.toString();
    }

    /** {@code vstrtoimax} / {@code vstrtoumax}: character constants, then strtoimax with its checks. */
    private long integer(String s, boolean signed) {
        if (s.length() > 1 && (s.charAt(0) == '"' || s.charAt(0) == '\'')) return characterConstant(s);
        CNumber.Integer r = CNumber.parseInteger(s, signed);
        verify(s, r.end(), r.erange());
        return r.value();
    }

    private CReal floating(String s) {
        if (s.length() > 1 && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
            return CReal.ofInteger(characterConstant(s), CReal.Format.LONG_DOUBLE);
        }
        CNumber.Floating r = CNumber.parseFloating(s, CReal.Format.LONG_DOUBLE);
        verify(s, r.end(), r.erange());
        return r.value().in(CReal.Format.LONG_DOUBLE);
    }

    private long characterConstant(String s) {
        String rest = s.substring(1);
        int length = Utf8.sequenceLength(rest, 0);
        long value = length > 0 ? Utf8.decode(rest, 0, length) : rest.charAt(0) & 0xFF;
        int after = Math.max(1, length);
        if (after < rest.length()) {
            note("warning: " + rest.substring(after) + ": character(s) following character constant have been ignored");
        }
        return value;
    }

    private void verify(String s, int end, boolean erange) {
        if (erange) {
            note(ShellQuote.locale(s) + ": Numerical result out of range");
            status = 1;
        } else if (end < s.length()) {
            note(ShellQuote.locale(s) + (end == 0 ? ": expected a numeric value" : ": value not completely converted"));
            status = 1;
        }
    }

    /** {@code %b}: the argument with {@code \0ooo} octal escapes. */
    private void escapes(String s) {
        for (int i = 0; i < s.length() && !dead && !stopped; i++) {
            if (s.charAt(i) == '\\') i += escape(s, i, true);
            else out.append(s.charAt(i));
        }
    }

    /**
     * coreutils' {@code print_esc}: the escape whose backslash is at {@code at}; returns how many
     * characters after the backslash it used.
     */
    private int escape(String s, int at, boolean octal0) {
        int n = s.length();
        int p = at + 1;
        char c = p < n ? s.charAt(p) : 0;
        if (c == 'x') {
            int value = 0;
            int length = 0;
            for (p++; length < 2 && p < n && Printf.hexValue(s.charAt(p)) >= 0; length++, p++) {
                value = value * 16 + Printf.hexValue(s.charAt(p));
            }
            if (length == 0) {
                die("missing hexadecimal number in escape");
                return p - at - 1;
            }
            out.append((char) value);
        } else if (Printf.isOctal(c)) {
            int value = 0;
            if (octal0 && c == '0') p++;
            for (int length = 0; length < 3 && p < n && Printf.isOctal(s.charAt(p)); length++, p++) {
                value = value * 8 + (s.charAt(p) - '0');
            }
            out.append((char) (value & 0xFF));
        } else if (c != 0 && "\"\\abcefnrtv".indexOf(c) >= 0) {
            p++;
            switch (c) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'c' -> exitSuccess();
                case 'e' -> out.append('\u001b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                default -> out.append(c);
            }
        } else if (c == 'u' || c == 'U') {
            long value = 0;
            int length = c == 'u' ? 4 : 8;
            for (p++; length > 0; length--, p++) {
                if (p >= n || Printf.hexValue(s.charAt(p)) < 0) {
                    die("missing hexadecimal number in escape");
                    return p - at - 1;
                }
                value = value * 16 + Printf.hexValue(s.charAt(p));
            }
            if ((value <= 0x9f && value != 0x24 && value != 0x40 && value != 0x60) || (value >= 0xd800 && value <= 0xdfff)) {
                die(String.format("invalid universal character name \\%c%0" + (c == 'u' ? 4 : 8) + "x", c, value));
                return p - at - 1;
            }
            String bytes = Printf.wctomb(value);
            out.append(bytes != null ? bytes : String.format(c == 'u' ? "\\u%04X" : "\\U%08X", value));
        } else {
            out.append('\\');
            if (c != 0) {
                out.append(c);
                p++;
            }
        }
        return p - at - 1;
    }
}
