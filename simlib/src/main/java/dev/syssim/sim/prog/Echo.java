package dev.syssim.sim.prog;

import java.util.List;

/**
 * {@code echo}: bash's builtin ({@code -n -e -E} in any combination, escapes off as with
 * {@code xpg_echo} unset), dash's (only {@code -n}, escapes always) and coreutils' program
 * ({@code -n -e -E}, POSIXLY_CORRECT unset; the caller handles a lone {@code --help} or
 * {@code --version}). {@code \c} ends all output, without the newline.
 */
final class Echo {

    private Echo() {
    }

    static Printf.Result run(Printf.Dialect dialect, List<String> args) {
        return switch (dialect) {
            case DASH -> dash(args);
            default -> gnu(dialect, args);
        };
    }

    private static Printf.Result result(StringBuilder out, boolean stopped) {
        return new Printf.Result(out.toString(), List.of(), 0, stopped, null);
    }

    /** bash and coreutils: leading words made only of n, e, E are options; the rest is echoed. */
    private static Printf.Result gnu(Printf.Dialect dialect, List<String> args) {
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.length() < 2 || a.charAt(0) != '-' || !a.substring(1).chars().allMatch(c -> "neE".indexOf(c) >= 0)) break;
            for (char c : a.substring(1).toCharArray()) {
                if (c == 'n') newline = false;
                else escapes = c == 'e';
            }
        }
        StringBuilder out = new StringBuilder();
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (escapes) {
                boolean[] stop = new boolean[1];
                out.append(dialect == Printf.Dialect.BASH ? bashEscapes(a, stop) : coreutilsEscapes(a, stop));
                if (stop[0]) return result(out, true);
            } else {
                out.append(a);
            }
            if (i + 1 < args.size()) out.append(' ');
        }
        if (newline) out.append('\n');
        return result(out, false);
    }

    /** dash: {@code -n} alone as the first word; escapes as printf's {@code %b}. */
    private static Printf.Result dash(List<String> args) {
        int i = 0;
        boolean newline = true;
        if (!args.isEmpty() && args.get(0).equals("-n")) {
            newline = false;
            i = 1;
        }
        StringBuilder out = new StringBuilder();
        for (; i < args.size(); i++) {
            boolean[] done = new boolean[1];
            out.append(DashPrintf.expandB(args.get(i), done));
            if (done[0]) return result(out, true);
            if (i + 1 < args.size()) out.append(' ');
        }
        if (newline) out.append('\n');
        return result(out, false);
    }

    /** bash's {@code ansicstr} for echo: {@code \0nnn} octal only, \x, \\u, \\U; unknown escapes keep their backslash. */
    private static String bashEscapes(String s, boolean[] stop) {
        StringBuilder r = new StringBuilder();
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i++);
            if (c != '\\' || i >= n) {
                r.append(c);
                continue;
            }
            c = s.charAt(i++);
            switch (c) {
                case 'a' -> r.append('\u0007');
                case 'v' -> r.append('\u000b');
                case 'b' -> r.append('\b');
                case 'e', 'E' -> r.append('\u001b');
                case 'f' -> r.append('\f');
                case 'n' -> r.append('\n');
                case 'r' -> r.append('\r');
                case 't' -> r.append('\t');
                case '1', '2', '3', '4', '5', '6', '7' -> r.append('\\').append(c);
                case '0' -> {
                    int value = 0;
                    for (int more = 3; i < n && Printf.isOctal(s.charAt(i)) && more-- > 0; i++) {
                        value = value * 8 + (s.charAt(i) - '0');
                    }
                    r.append((char) (value & 0xFF));
                }
                case 'x' -> {
                    int value = 0;
                    int start = i;
                    for (int more = 2; i < n && Printf.hexValue(s.charAt(i)) >= 0 && more-- > 0; i++) {
                        value = value * 16 + Printf.hexValue(s.charAt(i));
                    }
                    if (i == start) r.append("\\x");
                    else r.append((char) (value & 0xFF));
                }
                case 'u', 'U' -> {
                    long value = 0;
                    int start = i;
                    for (int more = c == 'u' ? 4 : 8; i < n && Printf.hexValue(s.charAt(i)) >= 0 && more-- > 0; i++) {
                        value = value * 16 + Printf.hexValue(s.charAt(i));
                    }
                    if (i == start) {
                        r.append('\\').append(c);
                    } else if (value <= 0x7f) {
                        r.append((char) value);
                    } else {
                        String bytes = Printf.wctomb(value);
                        r.append(bytes != null ? bytes
                                : value <= 0xFFFF ? String.format("\\u%04X", value) : String.format("\\U%08X", value));
                    }
                }
                case '\\' -> r.append('\\');
                case 'c' -> {
                    stop[0] = true;
                    return r.toString();
                }
                default -> r.append('\\').append(c);
            }
        }
        return r.toString();
    }

    /** coreutils' echo -e: \0 with up to three octal digits or \1 to \7 with up to two more, \x with one or two. */
    private static String coreutilsEscapes(String s, boolean[] stop) {
        StringBuilder r = new StringBuilder();
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i++);
            if (c != '\\' || i >= n) {
                r.append(c);
                continue;
            }
            c = s.charAt(i++);
            switch (c) {
                case 'a' -> r.append('\u0007');
                case 'b' -> r.append('\b');
                case 'c' -> {
                    stop[0] = true;
                    return r.toString();
                }
                case 'e' -> r.append('\u001b');
                case 'f' -> r.append('\f');
                case 'n' -> r.append('\n');
                case 'r' -> r.append('\r');
                case 't' -> r.append('\t');
                case 'v' -> r.append('\u000b');
                case 'x' -> {
                    if (i >= n || Printf.hexValue(s.charAt(i)) < 0) {
                        r.append('\\').append('x');
                    } else {
                        int value = Printf.hexValue(s.charAt(i++));
                        if (i < n && Printf.hexValue(s.charAt(i)) >= 0) value = value * 16 + Printf.hexValue(s.charAt(i++));
                        r.append((char) value);
                    }
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value;
                    if (c == '0') {
                        if (i >= n || !Printf.isOctal(s.charAt(i))) {
                            r.append('\0');
                            continue;
                        }
                        value = s.charAt(i++) - '0';
                    } else {
                        value = c - '0';
                    }
                    for (int more = 2; more > 0 && i < n && Printf.isOctal(s.charAt(i)); more--) {
                        value = value * 8 + (s.charAt(i++) - '0');
                    }
                    r.append((char) (value & 0xFF));
                }
                case '\\' -> r.append('\\');
                default -> r.append('\\').append(c);
            }
        }
        return r.toString();
    }
}
