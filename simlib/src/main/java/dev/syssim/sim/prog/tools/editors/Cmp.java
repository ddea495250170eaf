package dev.syssim.sim.prog.tools.editors;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * cmp, as GNU diffutils 3.8: the first differing byte and its line ({@code a b differ: byte 3, line
 * 1}; "char" in the C locale), {@code -l} every differing byte in octal, {@code -b} the bytes
 * themselves, {@code -s} only the status, {@code -n} a limit, {@code -i} bytes to skip; {@code cmp:
 * EOF on a after byte 2, line 1} on standard error when one file is a prefix of the other.
 */
public final class Cmp extends Tool {

    private static final List<String> LONG = List.of("print-bytes>b", "print-chars>c", "ignore-initial=>i",
            "verbose>l", "bytes=>n", "silent>s", "quiet>s", "version>v", "help");

    private enum Mode { FIRST, ALL, STATUS }

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        Getopt g = Getopt.parse("cmp", args, "bci:ln:sv", LONG, true);
        if (g.failed()) return tryHelp(c, g.error().substring("cmp: ".length()));
        boolean printBytes = false;
        Mode mode = Mode.FIRST;
        long limit = -1;
        long[] skip = {0, 0};
        for (Getopt.Opt o : g.options()) {
            switch (o.key()) {
                case "b":
                case "c":
                    printBytes = true;
                    break;
                case "l":
                case "s": {
                    Mode m = o.is("l") ? Mode.ALL : Mode.STATUS;
                    if (mode != Mode.FIRST && mode != m) return tryHelp(c, "options -l and -s are incompatible");
                    mode = m;
                    break;
                }
                case "n": {
                    Long n = size(o.value());
                    if (n == null || n < 0) return tryHelp(c, "invalid --bytes value '" + o.value() + "'");
                    if (!(0 <= limit && limit < n)) limit = n;
                    break;
                }
                case "i": {
                    String v = o.value();
                    int colon = v.indexOf(':');
                    Long a = size(colon < 0 ? v : v.substring(0, colon));
                    if (a == null || a < 0) return tryHelp(c, "invalid --ignore-initial value '" + v + "'");
                    skip[0] = Math.max(skip[0], a);
                    if (colon >= 0) {
                        Long b = size(v.substring(colon + 1));
                        if (b == null || b < 0) return tryHelp(c, "invalid --ignore-initial value '" + v.substring(colon + 1) + "'");
                        skip[1] = Math.max(skip[1], b);
                    } else if (skip[1] < skip[0]) {
                        skip[1] = skip[0];
                    }
                    break;
                }
                case "v":
                    c.print("cmp (GNU diffutils) 3.8\nCopyright (C) 2021 Free Software Foundation, Inc.\n"
                            + "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
                            + "This is free software: you are free to change and redistribute it.\n"
                            + "There is NO WARRANTY, to the extent permitted by law.\n\n"
                            + "Written by Torbjorn Granlund and David MacKenzie.\n");
                    return c.exit(0);
                default:
                    return help(c);
            }
        }
        List<String> ops = g.operands();
        if (ops.isEmpty()) return tryHelp(c, "missing operand after '" + (args.isEmpty() ? "cmp" : args.get(args.size() - 1)) + "'");
        String[] file = {ops.get(0), ops.size() > 1 ? ops.get(1) : "-"};
        for (int k = 2; k < ops.size() && k < 4; k++) {
            Long v = size(ops.get(k));
            if (v == null || v < 0) return tryHelp(c, "invalid --ignore-initial value '" + ops.get(k) + "'");
            skip[k - 2] = Math.max(skip[k - 2], v);
        }
        if (ops.size() > 4) return tryHelp(c, "extra operand '" + ops.get(4) + "'");
        if (skip[0] == skip[1] && file[0].equals(file[1])) return c.exit(0);
        Mode m = mode;
        boolean pb = printBytes;
        long lim = limit;
        return open(c, file[0], m, (st0, b0) -> open(c, file[1], m, (st1, b1) -> {
            if (st0 != null && st1 != null && !file[0].equals("-") && !file[1].equals("-")
                    && st0.device() == st1.device() && st0.inode() == st1.inode() && skip[0] == skip[1]) {
                return c.exit(0);
            }
            byte[] x = slice(b0, skip[0]);
            byte[] y = slice(b1, skip[1]);
            return c.exit(compare(c, file, x, y, m, pb, lim, st0, st1, skip));
        }));
    }

    /** Reads a whole file ({@code -}: standard input); on an error prints it (unless -s) and exits 2. */
    private Step open(Libc c, String name, Mode mode, java.util.function.BiFunction<Stat, byte[], Step> then) {
        if (name.equals("-")) {
            return Inputs.read(c, "-", (e, bytes) -> e != null ? trouble(c, name, e, mode) : then.apply(null, bytes));
        }
        return c.statOf(name, true, (e, st) -> {
            if (e != null) return trouble(c, name, e, mode);
            return c.readFile(name, (e2, bytes) -> e2 != null ? trouble(c, name, e2, mode) : then.apply(st, bytes));
        });
    }

    private Step trouble(Libc c, String name, Errno e, Mode mode) {
        if (mode != Mode.STATUS || e != Errno.EISDIR) {
            if (mode != Mode.STATUS) c.error(name, e);
        }
        return c.exit(2);
    }

    private static byte[] slice(byte[] b, long skip) {
        if (skip >= b.length) return new byte[0];
        return java.util.Arrays.copyOfRange(b, (int) skip, b.length);
    }

    private int compare(Libc c, String[] file, byte[] x, byte[] y, Mode mode, boolean printBytes, long limit, Stat st0,
                        Stat st1, long[] skip) {
        int nx = x.length;
        int ny = y.length;
        if (limit >= 0) {
            nx = (int) Math.min(nx, limit);
            ny = (int) Math.min(ny, limit);
        }
        if (mode == Mode.STATUS && st0 != null && st1 != null && st0.type() == FileType.REGULAR && st1.type() == FileType.REGULAR) {
            long s0 = Math.max(0, st0.size() - skip[0]);
            long s1 = Math.max(0, st1.size() - skip[1]);
            if (s0 != s1 && (limit < 0 || Math.min(s0, s1) < limit)) return 1;
        }
        int smaller = Math.min(nx, ny);
        int first = 0;
        while (first < smaller && x[first] == y[first]) first++;
        StringBuilder out = new StringBuilder();
        boolean differing = false;
        if (first < smaller) {
            switch (mode) {
                case FIRST: {
                    int line = 1;
                    for (int i = 0; i < first; i++) if (x[i] == '\n') line++;
                    String word = c.utf8() || !"C".equals(messagesLocale(c)) ? "byte" : "char";
                    if (!printBytes) {
                        out.append(file[0]).append(' ').append(file[1]).append(" differ: ").append(word).append(' ')
                                .append(first + 1).append(", line ").append(line).append('\n');
                    } else {
                        int c0 = x[first] & 0xff;
                        int c1 = y[first] & 0xff;
                        out.append(String.format("%s %s differ: byte %d, line %d is %3o %s %3o %s\n", file[0], file[1], first + 1,
                                line, c0, printable(c0), c1, printable(c1)));
                    }
                    c.printBytes(out.toString().getBytes(StandardCharsets.UTF_8));
                    return 1;
                }
                case STATUS:
                    return 1;
                default: {
                    long max = limit >= 0 ? limit : Long.MAX_VALUE;
                    if (st0 != null && st0.type() == FileType.REGULAR) max = Math.min(max, st0.size() - skip[0]);
                    if (st1 != null && st1.type() == FileType.REGULAR) max = Math.min(max, st1.size() - skip[1]);
                    int width = 1;
                    for (long m = max; (m /= 10) != 0; ) width++;
                    for (int i = first; i < smaller; i++) {
                        int c0 = x[i] & 0xff;
                        int c1 = y[i] & 0xff;
                        if (c0 == c1) continue;
                        if (!printBytes) out.append(String.format("%" + width + "d %3o %3o\n", i + 1, c0, c1));
                        else out.append(String.format("%" + width + "d %3o %-4s %3o %s\n", i + 1, c0, printable(c0), c1, printable(c1)));
                    }
                    c.printBytes(out.toString().getBytes(StandardCharsets.UTF_8));
                    differing = true;
                }
            }
        }
        if (nx != ny) {
            if (mode != Mode.STATUS) {
                String shorter = file[ny < nx ? 1 : 0];
                if (smaller == 0) {
                    c.eprint("cmp: EOF on " + shorter + " which is empty\n");
                } else if (mode == Mode.FIRST) {
                    int line = 1;
                    for (int i = 0; i < smaller; i++) if (x[i] == '\n') line++;
                    boolean atLineStart = x[smaller - 1] == '\n';
                    c.eprint("cmp: EOF on " + shorter + " after byte " + smaller + (atLineStart ? ", line " + (line - 1) : ", in line " + line) + "\n");
                } else {
                    c.eprint("cmp: EOF on " + shorter + " after byte " + smaller + "\n");
                }
            }
            return 1;
        }
        return differing ? 1 : 0;
    }

    private static String messagesLocale(Libc c) {
        for (String n : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = c.env(n);
            if (v != null && !v.isEmpty()) return v;
        }
        return "C";
    }

    /** cmp's sprintc: M- for bytes above 127, ^ for control characters. */
    private static String printable(int c) {
        StringBuilder b = new StringBuilder();
        if (!(c >= 0x20 && c < 0x7f)) {
            if (c >= 128) {
                b.append("M-");
                c -= 128;
            }
            if (c < 32) {
                b.append('^');
                c += 64;
            } else if (c == 127) {
                b.append('^');
                c = '?';
            }
        }
        return b.append((char) c).toString();
    }

    /** A byte count with an optional suffix (kB 1000, K/KiB 1024, MB, M ...). */
    private static Long size(String s) {
        if (s == null || s.isEmpty()) return null;
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i == 0) return null;
        long v;
        try {
            v = Long.parseLong(s.substring(0, i));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
        String suffix = s.substring(i);
        if (suffix.isEmpty()) return v;
        String units = "KMGTPEZY";
        char u = Character.toUpperCase(suffix.charAt(0));
        int power = units.indexOf(u) + 1;
        if (suffix.equals("k")) power = 1;
        if (power == 0) return null;
        String rest = suffix.substring(1);
        long base = rest.equals("B") ? 1000 : rest.isEmpty() || rest.equals("iB") ? 1024 : -1;
        if (base < 0) return null;
        for (int k = 0; k < power; k++) v *= base;
        return v;
    }

    private Step tryHelp(Libc c, String message) {
        if (message != null) c.eprint("cmp: " + message + "\n");
        c.eprint("cmp: Try 'cmp --help' for more information.\n");
        return c.exit(2);
    }

    @Override
    public String whatis() {
        return "compare two files byte by byte";
    }

    @Override
    public String source() {
        return "diffutils 3.8";
    }

    @Override
    public String manual() {
        return "cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]\n"
                + "  Compare two files byte by byte. The optional SKIP1 and SKIP2 specify the number of bytes to skip at the\n"
                + "  beginning of each file (zero by default). Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.\n"
                + "  -b, --print-bytes          print differing bytes\n"
                + "  -i, --ignore-initial=SKIP  skip first SKIP bytes of both inputs\n"
                + "  -i, --ignore-initial=SKIP1:SKIP2  skip first SKIP1 bytes of FILE1 and first SKIP2 bytes of FILE2\n"
                + "  -l, --verbose              output byte numbers and differing byte values\n"
                + "  -n, --bytes=LIMIT          compare at most LIMIT bytes\n"
                + "  -s, --quiet, --silent      suppress all normal output";
    }
}
