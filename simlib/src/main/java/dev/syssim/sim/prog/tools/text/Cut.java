package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * cut (GNU coreutils 9.1): selected bytes (-b; -c is the same in coreutils 9.1, which does not
 * cut multibyte characters) or fields (-f, split at -d's byte, a tab by default) of each line,
 * --complement to invert the selection, --output-delimiter between the pieces, -s to drop lines
 * without a delimiter, -z for NUL-terminated lines. Read a line at a time.
 */
public final class Cut extends Tool {

    private static final List<String> LONG = List.of("bytes=>b", "characters=>c", "delimiter=>d", "fields=>f", "only-delimited>s",
            "output-delimiter=", "complement", "zero-terminated>z", "help", "version");

    /** A range of positions, 1-based and inclusive; {@code hi} MAX_VALUE for "to the end". */
    private record Range(long lo, long hi) {
    }

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("cut", c.args().operands(), "b:c:d:f:nsz", LONG, true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        String list = null;
        char mode = 0;
        for (Getopt.Opt opt : o.options()) {
            if (opt.is("b") || opt.is("c") || opt.is("f")) {
                if (mode != 0) return c.usageError("cut: only one list may be specified", 1);
                mode = opt.key().equals("c") ? 'b' : opt.key().charAt(0);
                list = opt.value();
            }
        }
        if (mode == 0) return c.usageError("cut: you must specify a list of bytes, characters, or fields", 1);
        String delim = o.last("d");
        if (delim != null && mode != 'f') return c.usageError("cut: an input delimiter may be specified only when operating on fields", 1);
        if (o.has("s") && mode != 'f') return c.usageError("cut: suppressing non-delimited lines makes sense\n\tonly when operating on fields", 1);
        byte[] d = delim == null ? new byte[] {'\t'} : delim.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (d.length > 1) return c.usageError("cut: the delimiter must be a single character", 1);
        byte tab = d.length == 0 ? 0 : d[0];
        List<Range> ranges = new ArrayList<>();
        String error = parseList(c, list, mode == 'f', ranges);
        if (error != null) return c.usageError("cut: " + error, 1);
        boolean complement = o.has("complement");
        String outDelimText = o.last("output-delimiter");
        byte[] outDelim = outDelimText != null ? outDelimText.getBytes(java.nio.charset.StandardCharsets.UTF_8) : mode == 'f' ? new byte[] {tab} : null;
        byte eol = o.has("z") ? (byte) 0 : (byte) '\n';
        boolean onlyDelimited = o.has("s");
        char m = mode;
        int[] status = {0};
        return Libc.forEach(Inputs.orStdin(o.operands()), (file, next) -> Inputs.open(c, file, (err, fd) -> {
            if (err != null) {
                c.error(Quote.f(file, c.utf8()), err);
                status[0] = 1;
                return next.get();
            }
            return LineReader.each(c, fd, eol, "cut: select parts of lines", (buf, start, end, ended) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                boolean print = m == 'f' ? fields(buf, start, end, tab, ranges, complement, outDelim, onlyDelimited, out)
                        : bytes(buf, start, end, ranges, complement, outDelim, out);
                if (print) {
                    out.write(eol);
                    c.printBytes(out.toByteArray());
                }
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

    private static boolean selected(List<Range> ranges, long pos, boolean complement) {
        boolean in = false;
        for (Range r : ranges) {
            if (pos >= r.lo() && pos <= r.hi()) {
                in = true;
                break;
            }
        }
        return in != complement;
    }

    private static boolean bytes(byte[] buf, int start, int end, List<Range> ranges, boolean complement, byte[] outDelim,
                                 ByteArrayOutputStream out) {
        long previous = -2;
        boolean any = false;
        for (int i = start; i < end; i++) {
            long pos = i - start + 1;
            if (!selected(ranges, pos, complement)) continue;
            if (outDelim != null && any && previous != pos - 1) out.writeBytes(outDelim);
            out.write(buf[i]);
            previous = pos;
            any = true;
        }
        return true;
    }

    private static boolean fields(byte[] buf, int start, int end, byte tab, List<Range> ranges, boolean complement, byte[] outDelim,
                                  boolean onlyDelimited, ByteArrayOutputStream out) {
        boolean hasDelimiter = false;
        for (int i = start; i < end; i++) {
            if (buf[i] == tab) {
                hasDelimiter = true;
                break;
            }
        }
        if (!hasDelimiter) {
            if (onlyDelimited) return false;
            out.write(buf, start, end - start);
            return true;
        }
        long field = 1;
        int fieldStart = start;
        boolean any = false;
        for (int i = start; i <= end; i++) {
            if (i == end || buf[i] == tab) {
                if (selected(ranges, field, complement)) {
                    if (any) out.writeBytes(outDelim);
                    out.write(buf, fieldStart, i - fieldStart);
                    any = true;
                }
                field++;
                fieldStart = i + 1;
            }
        }
        return true;
    }

    /** Parses LIST (N, N-M, N-, -M, separated by commas or blanks); returns cut's message or null. */
    private static String parseList(Libc c, String list, boolean fields, List<Range> out) {
        String what = fields ? "fields" : "byte/character positions";
        String[] parts = list.split("[, \t]", -1);
        for (String part : parts) {
            if (part.isEmpty()) return fields ? "fields are numbered from 1" : "byte/character positions are numbered from 1";
            int dash = part.indexOf('-');
            try {
                if (dash < 0) {
                    if (!part.matches("[0-9]+")) return "invalid " + (fields ? "field" : "byte/character position") + " value " + c.quoteLocale(part);
                    long n = parse(part);
                    if (n == 0) return what + " are numbered from 1";
                    out.add(new Range(n, n));
                    continue;
                }
                String lo = part.substring(0, dash);
                String hi = part.substring(dash + 1);
                if (hi.contains("-")) return "invalid " + (fields ? "field" : "byte or character") + " range";
                if (lo.isEmpty() && hi.isEmpty()) return "invalid range with no endpoint: -";
                if (!lo.isEmpty() && !lo.matches("[0-9]+") || !hi.isEmpty() && !hi.matches("[0-9]+")) {
                    return "invalid " + (fields ? "field" : "byte/character position") + " value " + c.quoteLocale(part);
                }
                long l = lo.isEmpty() ? 1 : parse(lo);
                long h = hi.isEmpty() ? Long.MAX_VALUE : parse(hi);
                if (l == 0) return what + " are numbered from 1";
                if (h < l) return "invalid decreasing range";
                out.add(new Range(l, h));
            } catch (NumberFormatException e) {
                return (fields ? "field number " : "byte offset ") + c.quoteLocale(part) + " is too large";
            }
        }
        return null;
    }

    private static long parse(String digits) {
        return new java.math.BigInteger(digits).min(java.math.BigInteger.valueOf(Long.MAX_VALUE - 1)).longValue();
    }

    @Override
    public String whatis() {
        return "remove sections from each line of files";
    }

    @Override
    public String manual() {
        return "cut OPTION... [FILE]...\n  Print selected parts of lines from each FILE to standard output. With no FILE, or when FILE is -, read standard input.\n"
                + "  -b, --bytes=LIST        select only these bytes\n"
                + "  -c, --characters=LIST   select only these characters\n"
                + "  -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter\n"
                + "  -f, --fields=LIST       select only these fields; also print any line that contains no delimiter character, unless -s\n"
                + "  -n                      (ignored)\n"
                + "      --complement        complement the set of selected bytes, characters or fields\n"
                + "  -s, --only-delimited    do not print lines not containing delimiters\n"
                + "      --output-delimiter=STRING  use STRING as the output delimiter; the default is to use the input delimiter\n"
                + "  -z, --zero-terminated   line delimiter is NUL, not newline\n"
                + "  LIST is N, N-, N-M or -M, several separated by commas.";
    }
}
