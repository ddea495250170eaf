package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Sizes;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * split (GNU coreutils 9.1): an input cut into files PREFIXaa, PREFIXab ... — by lines (-l, 1000),
 * bytes (-b), lines of at most some bytes (-C), or into N chunks (-n N, l/N, r/N, K/N to print only
 * chunk K). Suffixes are letters (-d digits, -x hex), -a long, widening by themselves past
 * {@code yz} when -a is not given, as split.c does. The input is read whole, then written file by
 * file (simplification: GNU streams it).
 */
public final class Split extends Tool {

    private static final List<String> LONG = List.of("bytes=>b", "line-bytes=>C", "lines=>l", "number=>n", "suffix-length=>a",
            "additional-suffix=", "numeric-suffixes=?>d", "hex-suffixes=?>x", "elide-empty-files>e", "unbuffered>u", "verbose",
            "separator=>t", "filter=", "help", "version");

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("split", c.args().operands(), "a:b:C:del:n:t:ux", LONG, true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        char mode = 'l';
        long size = 1000;
        String chunks = null;
        int ways = 0;
        for (Getopt.Opt opt : o.options()) {
            String v = opt.value();
            switch (opt.key()) {
                case "l", "b", "C" -> {
                    if (ways++ > 0 && mode != opt.key().charAt(0)) return c.usageError("split: cannot split in more than one way", 1);
                    mode = opt.key().charAt(0);
                    Sizes.Parsed p = Sizes.parse(v, 10, mode == 'l' ? "" : "bEGKkMmPTYZ0");
                    String what = mode == 'l' ? "lines" : "bytes";
                    if (!p.ok() || p.value() == 0) {
                        c.error("invalid number of " + what + ": " + c.quoteLocale(v) + (p.ok() ? ": Numerical result out of range" : ""));
                        return c.exit(1);
                    }
                    size = p.value();
                }
                case "n" -> {
                    if (ways++ > 0 && mode != 'n') return c.usageError("split: cannot split in more than one way", 1);
                    mode = 'n';
                    chunks = v;
                }
                default -> {
                }
            }
        }
        int suffixLength = 2;
        boolean auto = true;
        if (o.has("a")) {
            String a = o.last("a");
            if (!a.matches("[0-9]+")) {
                c.error("invalid suffix length: " + c.quoteLocale(a));
                return c.exit(1);
            }
            suffixLength = Integer.parseInt(a);
            auto = false;
        }
        String alphabet = o.has("d") ? "0123456789" : o.has("x") ? "0123456789abcdef" : "abcdefghijklmnopqrstuvwxyz";
        String additional = o.has("additional-suffix") ? o.last("additional-suffix") : "";
        List<String> ops = o.operands();
        if (ops.size() > 2) return c.usageError("split: extra operand " + c.quoteLocale(ops.get(2)), 1);
        String input = ops.isEmpty() ? "-" : ops.get(0);
        String prefix = ops.size() > 1 ? ops.get(1) : "x";
        long[] nk = {0, 0};
        char sub = 0;
        if (mode == 'n') {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:([lr])/)?(?:([0-9]+)/)?([0-9]+)").matcher(chunks);
            if (!m.matches()) {
                c.error("invalid number of chunks: " + c.quoteLocale(chunks));
                return c.exit(1);
            }
            sub = m.group(1) == null ? 0 : m.group(1).charAt(0);
            nk[0] = Long.parseLong(m.group(3));
            nk[1] = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            if (nk[0] == 0) {
                c.error("invalid number of chunks: " + c.quoteLocale(m.group(3)) + ": Numerical result out of range");
                return c.exit(1);
            }
            if (nk[1] > nk[0]) {
                c.error("invalid chunk number: " + c.quoteLocale(m.group(2)));
                return c.exit(1);
            }
            if (!o.has("a")) {
                auto = false;
                while (Math.pow(alphabet.length(), suffixLength) < nk[0]) suffixLength++;
            }
            if (input.equals("-")) {
                c.error("-: cannot determine file size");
                return c.exit(1);
            }
        }
        char m0 = mode;
        long sz = size;
        char sub0 = sub;
        boolean verbose = o.has("verbose");
        boolean elide = o.has("e");
        Names names = new Names(prefix, alphabet, suffixLength, auto, additional);
        return Inputs.read(c, input, (err, content) -> {
            if (err != null) {
                if (err == dev.syssim.sim.os.Errno.EISDIR) c.error("read error on " + Quote.af(input, c.utf8()), err);
                else c.error("cannot open " + Quote.af(input, c.utf8()) + " for reading", err);
                return c.exit(1);
            }
            List<byte[]> pieces = switch (m0) {
                case 'l' -> byLines(content, sz);
                case 'b' -> byBytes(content, sz);
                case 'C' -> byLineBytes(content, sz);
                default -> sub0 == 'l' ? linesChunks(content, nk[0]) : sub0 == 'r' ? roundRobin(content, nk[0]) : bytesChunks(content, nk[0]);
            };
            if (m0 == 'n' && nk[1] > 0) {
                c.printBytes(pieces.get((int) nk[1] - 1));
                return c.exit(0);
            }
            return write(c, pieces, 0, names, verbose, elide && m0 == 'n');
        });
    }

    private Step write(Libc c, List<byte[]> pieces, int i, Names names, boolean verbose, boolean elide) {
        if (i == pieces.size()) return c.exit(0);
        byte[] data = pieces.get(i);
        if (elide && data.length == 0) return write(c, pieces, i + 1, names, verbose, elide);
        String name = names.next();
        if (name == null) {
            c.error("output file suffixes exhausted");
            return c.exit(1);
        }
        if (verbose) c.print("creating file " + Quote.af(name, c.utf8()) + "\n");
        return c.create(name, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0666, r -> {
            if (r.failed()) {
                c.error(Quote.f(name, c.utf8()), r.errno());
                return c.exit(1);
            }
            int fd = r.intValue();
            return c.writeAll(fd, data, e -> c.close(fd, () -> write(c, pieces, i + 1, names, verbose, elide)));
        });
    }

    /** split.c's next_file_name: the suffix counts up; with automatic length it widens past the last letter. */
    private static final class Names {
        private String base;
        private final String alphabet;
        private int length;
        private final boolean auto;
        private final String additional;
        private int[] index;

        Names(String base, String alphabet, int length, boolean auto, String additional) {
            this.base = base;
            this.alphabet = alphabet;
            this.length = length;
            this.auto = auto;
            this.additional = additional;
        }

        String next() {
            if (index == null) {
                index = new int[length];
                return name();
            }
            for (int i = length - 1; i >= 0; i--) {
                index[i]++;
                if (auto && i == 0 && index[0] + 1 == alphabet.length()) {
                    base = base + alphabet.charAt(index[0]);
                    length++;
                    index = new int[length];
                    return name();
                }
                if (index[i] < alphabet.length()) return name();
                index[i] = 0;
            }
            return null;
        }

        private String name() {
            StringBuilder b = new StringBuilder(base);
            for (int i : index) b.append(alphabet.charAt(i));
            return b.append(additional).toString();
        }
    }

    private static List<byte[]> byLines(byte[] content, long lines) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        long count = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n' && ++count == lines) {
                out.add(java.util.Arrays.copyOfRange(content, start, i + 1));
                start = i + 1;
                count = 0;
            }
        }
        if (start < content.length) out.add(java.util.Arrays.copyOfRange(content, start, content.length));
        return out;
    }

    private static List<byte[]> byBytes(byte[] content, long size) {
        List<byte[]> out = new ArrayList<>();
        for (long at = 0; at < content.length; at += size) out.add(java.util.Arrays.copyOfRange(content, (int) at, (int) Math.min(content.length, at + size)));
        return out;
    }

    /** -C: as many whole lines as fit in SIZE bytes; a longer line is cut by bytes. */
    private static List<byte[]> byLineBytes(byte[] content, long size) {
        List<byte[]> out = new ArrayList<>();
        ByteArrayOutputStream cur = new ByteArrayOutputStream();
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i < content.length && content[i] != '\n') continue;
            int end = Math.min(content.length, i + 1);
            if (end == start) break;
            int len = end - start;
            if (cur.size() + len > size && cur.size() > 0) {
                out.add(cur.toByteArray());
                cur.reset();
            }
            int at = start;
            while (end - at > size) {
                int take = (int) (size - cur.size());
                cur.write(content, at, take);
                out.add(cur.toByteArray());
                cur.reset();
                at += take;
            }
            cur.write(content, at, end - at);
            start = end;
        }
        if (cur.size() > 0) out.add(cur.toByteArray());
        return out;
    }

    private static List<byte[]> bytesChunks(byte[] content, long n) {
        List<byte[]> out = new ArrayList<>();
        long chunk = content.length / n;
        for (long k = 0; k < n; k++) {
            long start = k * chunk;
            long end = k == n - 1 ? content.length : (k + 1) * chunk;
            out.add(java.util.Arrays.copyOfRange(content, (int) start, (int) end));
        }
        return out;
    }

    private static List<byte[]> linesChunks(byte[] content, long n) {
        List<byte[]> out = new ArrayList<>();
        long chunk = content.length / n;
        int start = 0;
        for (long k = 1; k <= n; k++) {
            int end;
            if (k == n) {
                end = content.length;
            } else {
                long target = k * chunk - 1;
                end = Math.max(start, (int) Math.min(content.length, target));
                while (end < content.length && content[end] != '\n') end++;
                end = Math.min(content.length, end + 1);
                if (target < start) end = start;
            }
            out.add(java.util.Arrays.copyOfRange(content, start, Math.max(start, end)));
            start = Math.max(start, end);
        }
        return out;
    }

    private static List<byte[]> roundRobin(byte[] content, long n) {
        List<ByteArrayOutputStream> files = new ArrayList<>();
        for (int k = 0; k < n; k++) files.add(new ByteArrayOutputStream());
        int start = 0;
        int line = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n' || i == content.length - 1) {
                files.get((int) (line++ % n)).write(content, start, i + 1 - start);
                start = i + 1;
            }
        }
        List<byte[]> out = new ArrayList<>();
        for (ByteArrayOutputStream f : files) out.add(f.toByteArray());
        return out;
    }

    @Override
    public String whatis() {
        return "split a file into pieces";
    }

    @Override
    public String manual() {
        return "split [OPTION]... [FILE [PREFIX]]\n  Output pieces of FILE to PREFIXaa, PREFIXab, ...; default size is 1000 lines, and default PREFIX is 'x'.\n"
                + "  -a, --suffix-length=N   generate suffixes of length N (default 2)\n"
                + "      --additional-suffix=SUFFIX  append an additional SUFFIX to file names\n"
                + "  -b, --bytes=SIZE        put SIZE bytes per output file\n"
                + "  -C, --line-bytes=SIZE   put at most SIZE bytes of records per output file\n"
                + "  -d                      use numeric suffixes starting at 0, not alphabetic\n"
                + "  -x                      use hex suffixes starting at 0, not alphabetic\n"
                + "  -e, --elide-empty-files  do not generate empty output files with '-n'\n"
                + "  -l, --lines=NUMBER      put NUMBER lines/records per output file\n"
                + "  -n, --number=CHUNKS     generate CHUNKS output files: N, K/N, l/N, l/K/N, r/N, r/K/N\n"
                + "      --verbose           print a diagnostic just before each output file is opened";
    }
}
