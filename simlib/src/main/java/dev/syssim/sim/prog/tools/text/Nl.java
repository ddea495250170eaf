package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Regex;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * nl (GNU coreutils 9.1): lines numbered by the style of their section — header, body, footer,
 * started by lines {@code \:\:\:}, {@code \:\:}, {@code \:} (-d changes the characters) —
 * a: all, t: non-empty (the body's default), n: none, pBRE: those matching a basic regular
 * expression; -n ln, rn or rz formats the number in -w columns, -s follows it, -v and -i set the
 * start and step, -l counts a run of empty lines as one, -p does not restart at sections.
 */
public final class Nl extends Tool {

    private static final List<String> LONG = List.of("body-numbering=>b", "section-delimiter=>d", "footer-numbering=>f",
            "header-numbering=>h", "line-increment=>i", "join-blank-lines=>l", "number-format=>n", "no-renumber>p",
            "number-separator=>s", "starting-line-number=>v", "number-width=>w", "help", "version");

    /** A numbering style: 'a', 't', 'n' or 'p' with its regex. */
    private record Style(char kind, Regex regex) {
    }

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("nl", c.args().operands(), "b:d:f:h:i:l:n:ps:v:w:", LONG, true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        Style[] styles = {new Style('n', null), new Style('t', null), new Style('n', null)};
        String[] names = {"header", "body", "footer"};
        String[] keys = {"h", "b", "f"};
        for (int i = 0; i < 3; i++) {
            String v = o.last(keys[i]);
            if (v == null) continue;
            Style st = style(c, v);
            if (st == null) return c.usageError("nl: invalid " + names[i] + " numbering style: " + c.quoteLocale(v), 1);
            if (st.kind() == 'e') return c.exit(1);
            styles[i] = st;
        }
        String delim = o.has("d") ? o.last("d") : "\\:";
        if (delim.length() == 1) delim = delim + ":";
        long start = 1;
        long increment = 1;
        long join = 1;
        int width = 6;
        if (o.has("v")) {
            Long v = number(o.last("v"), true);
            if (v == null) return c.usageError("nl: invalid starting line number: " + c.quoteLocale(o.last("v")), 1);
            start = v;
        }
        if (o.has("i")) {
            Long v = number(o.last("i"), true);
            if (v == null) return c.usageError("nl: invalid line number increment: " + c.quoteLocale(o.last("i")), 1);
            increment = v;
        }
        if (o.has("l")) {
            Long v = number(o.last("l"), false);
            if (v == null || v == 0) {
                c.error("invalid line number of blank lines: " + c.quoteLocale(o.last("l")) + (v == null ? "" : ": Numerical result out of range"));
                return c.exit(1);
            }
            join = v;
        }
        if (o.has("w")) {
            Long v = number(o.last("w"), false);
            if (v == null || v == 0 || v > Integer.MAX_VALUE) {
                c.error("invalid line number field width: " + c.quoteLocale(o.last("w")) + (v == null ? "" : ": Numerical result out of range"));
                return c.exit(1);
            }
            width = (int) (long) v;
        }
        String format = o.has("n") ? o.last("n") : "rn";
        if (!List.of("ln", "rn", "rz").contains(format)) return c.usageError("nl: invalid line numbering format: " + c.quoteLocale(format), 1);
        String sep = o.has("s") ? o.last("s") : "\t";
        boolean renumber = !o.has("p");
        State s = new State();
        s.number = start;
        s.section = 1;
        byte[] d = delim.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long first = start;
        long step = increment;
        long joinBlank = join;
        int w = width;
        int[] status = {0};
        return Libc.forEach(Inputs.orStdin(o.operands()), (file, next) -> Inputs.open(c, file, (err, fd) -> {
            if (err != null) {
                c.error(Quote.f(file, c.utf8()), err);
                status[0] = 1;
                return next.get();
            }
            return LineReader.each(c, fd, (byte) '\n', "nl: number lines", (buf, from, to, ended) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int section = sectionLine(buf, from, to, d);
                if (section >= 0) {
                    s.section = section;
                    if (renumber) s.number = first;
                    s.blankRun = 0;
                    out.write('\n');
                } else {
                    Style st = styles[s.section];
                    boolean empty = to == from;
                    boolean numbered = switch (st.kind()) {
                        case 'a' -> {
                            if (!empty) {
                                s.blankRun = 0;
                                yield true;
                            }
                            s.blankRun++;
                            if (s.blankRun >= joinBlank) {
                                s.blankRun = 0;
                                yield true;
                            }
                            yield false;
                        }
                        case 't' -> !empty;
                        case 'p' -> st.regex().find(buf, from, to);
                        default -> false;
                    };
                    if (numbered) {
                        String n = switch (format) {
                            case "ln" -> String.format("%-" + w + "d", s.number);
                            case "rz" -> zeroPad(s.number, w);
                            default -> String.format("%" + w + "d", s.number);
                        };
                        out.writeBytes((n + sep).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        s.number += step;
                    } else {
                        out.writeBytes(" ".repeat(w + sep.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                    out.write(buf, from, to - from);
                    out.write('\n');
                }
                c.printBytes(out.toByteArray());
                return true;
            }, e -> {
                if (e != null) {
                    c.error(Quote.f(file, c.utf8()), e);
                    status[0] = 1;
                }
                return Inputs.close(c, file, fd, next);
            });
        }), () -> c.exit(status[0]));
    }

    /** Counters across files. */
    private static final class State {
        long number;
        int section;
        long blankRun;
    }

    private static String zeroPad(long n, int width) {
        String digits = Long.toString(Math.abs(n));
        String sign = n < 0 ? "-" : "";
        int pad = width - digits.length() - sign.length();
        return sign + (pad > 0 ? "0".repeat(pad) : "") + digits;
    }

    /** 0, 1, 2 for a header, body or footer delimiter line, -1 for an ordinary line. */
    private static int sectionLine(byte[] buf, int from, int to, byte[] d) {
        int len = to - from;
        if (len == 0 || len % d.length != 0) return -1;
        int count = len / d.length;
        if (count > 3) return -1;
        for (int i = 0; i < len; i++) if (buf[from + i] != d[i % d.length]) return -1;
        return count == 3 ? 0 : count == 2 ? 1 : 2;
    }

    private static Style style(Libc c, String v) {
        if (v.equals("a") || v.equals("t") || v.equals("n")) return new Style(v.charAt(0), null);
        if (v.startsWith("p")) {
            Regex.Result r = Regex.compile(v.substring(1), Regex.Dialect.POSIX_BASIC, c.utf8() ? Regex.UTF8 : 0);
            if (r instanceof Regex.Invalid invalid) {
                c.error(invalid.message());
                return new Style('e', null);
            }
            return new Style('p', ((Regex.Valid) r).regex());
        }
        return null;
    }

    private static Long number(String v, boolean signed) {
        if (!v.matches(signed ? "[-+]?[0-9]+" : "[0-9]+")) return null;
        try {
            return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String whatis() {
        return "number lines of files";
    }

    @Override
    public String manual() {
        return "nl [OPTION]... [FILE]...\n  Write each FILE to standard output, with line numbers added.\n"
                + "  -b, --body-numbering=STYLE      use STYLE for numbering body lines\n"
                + "  -d, --section-delimiter=CC      use CC for logical page delimiters\n"
                + "  -f, --footer-numbering=STYLE    use STYLE for numbering footer lines\n"
                + "  -h, --header-numbering=STYLE    use STYLE for numbering header lines\n"
                + "  -i, --line-increment=NUMBER     line number increment at each line\n"
                + "  -l, --join-blank-lines=NUMBER   group of NUMBER empty lines counted as one\n"
                + "  -n, --number-format=FORMAT      insert line numbers according to FORMAT: ln, rn, rz\n"
                + "  -p, --no-renumber               do not reset line numbers for each section\n"
                + "  -s, --number-separator=STRING   add STRING after (possible) line number\n"
                + "  -v, --starting-line-number=NUMBER  first line number for each section\n"
                + "  -w, --number-width=NUMBER       use NUMBER columns for line numbers\n"
                + "  STYLE is a (all lines), t (non-empty lines), n (no lines), pBRE (lines matching BRE).";
    }
}
