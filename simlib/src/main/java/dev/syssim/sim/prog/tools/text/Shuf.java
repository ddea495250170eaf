package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * shuf (GNU coreutils 9.1): a random permutation of the input lines, of -e's arguments or of -i's
 * range; -n takes the first COUNT of it, -r draws with replacement (endlessly without -n). Random
 * numbers are made from bytes as gnulib's randint makes them, and permutations as shuf's randperm
 * does, so with --random-source=FILE the output is the real shuf's; without it the bytes come from
 * /dev/urandom — the simulation's seeded generator, so a run is random yet reproducible.
 */
public final class Shuf extends Tool {

    private static final List<String> LONG = List.of("echo>e", "input-range=>i", "head-count=>n", "output=>o", "random-source=",
            "repeat>r", "zero-terminated>z", "help", "version");

    /** gnulib's randint over a byte source. */
    private static final class Random {
        final byte[] bytes;
        final String name;
        int at;
        long randnum;
        long randmax;
        boolean exhausted;

        Random(byte[] bytes, String name) {
            this.bytes = bytes;
            this.name = name;
        }

        /** A uniform number in [0, genmax]; unsigned 64-bit arithmetic as in randint.c. */
        long genmax(long genmax) {
            long choices = genmax + 1;
            while (true) {
                if (Long.compareUnsigned(randmax, genmax) < 0) {
                    int n = 0;
                    long rmax = randmax;
                    do {
                        rmax = shift(rmax) + 0xFF;
                        n++;
                    } while (Long.compareUnsigned(rmax, genmax) < 0);
                    if (at + n > bytes.length) {
                        exhausted = true;
                        at = bytes.length;
                        return 0;
                    }
                    int k = 0;
                    do {
                        randnum = shift(randnum) + (bytes[at + k] & 0xff);
                        randmax = shift(randmax) + 0xFF;
                        k++;
                    } while (Long.compareUnsigned(randmax, genmax) < 0);
                    at += n;
                }
                if (randmax == genmax) {
                    long r = randnum;
                    randnum = 0;
                    randmax = 0;
                    return r;
                }
                long excess = randmax - genmax;
                long unusable = Long.remainderUnsigned(excess, choices);
                long lastUsable = randmax - unusable;
                long reduced = Long.remainderUnsigned(randnum, choices);
                if (Long.compareUnsigned(randnum, lastUsable) <= 0) {
                    randnum = Long.divideUnsigned(randnum, choices);
                    randmax = Long.divideUnsigned(excess, choices);
                    return reduced;
                }
                randnum = reduced;
                randmax = unusable;
            }
        }

        private static long shift(long x) {
            return x << 8;
        }

        long choose(long n) {
            return genmax(n - 1);
        }
    }

    @Override
    protected Step run(Libc c) {
        Getopt o = Getopt.parse("shuf", c.args().operands(), "ei:n:o:rz", LONG, true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        boolean echo = o.has("e");
        String range = o.last("i");
        long head = Long.MAX_VALUE;
        for (String n : o.all("n")) {
            if (!n.matches("[0-9]+")) {
                c.error("invalid line count: " + c.quoteLocale(n));
                return c.exit(1);
            }
            head = Math.min(head, new java.math.BigInteger(n).min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue());
        }
        if (echo && range != null) return c.usageError("shuf: cannot combine -e and -i options", 1);
        long lo = 0;
        long hi = -1;
        if (range != null) {
            int dash = range.indexOf('-');
            String loText = dash < 0 ? null : range.substring(0, dash);
            String hiText = dash < 0 ? range : range.substring(dash + 1);
            if (loText != null && !loText.matches("[0-9]+")) {
                c.error("invalid input range: " + c.quoteLocale(loText));
                return c.exit(1);
            }
            if (!hiText.matches("[0-9]+")) {
                c.error("invalid input range: " + c.quoteLocale(hiText));
                return c.exit(1);
            }
            if (loText == null || new java.math.BigInteger(hiText).compareTo(new java.math.BigInteger(loText).subtract(java.math.BigInteger.ONE)) < 0) {
                c.error("invalid input range: " + c.quoteLocale(range));
                return c.exit(1);
            }
            lo = Long.parseLong(loText);
            hi = Long.parseLong(hiText);
            if (!o.operands().isEmpty()) return c.usageError("shuf: extra operand " + c.quoteLocale(o.operands().get(0)), 1);
        }
        if (!echo && range == null && o.operands().size() > 1) return c.usageError("shuf: extra operand " + c.quoteLocale(o.operands().get(1)), 1);
        byte eol = o.has("z") ? (byte) 0 : (byte) '\n';
        boolean repeat = o.has("r");
        String source = o.last("random-source");
        String output = o.last("o");
        long count = head;
        long first = lo;
        long last = hi;
        String input = o.operands().isEmpty() ? "-" : o.operands().get(0);
        java.util.function.Function<List<byte[]>, Step> withItems = items -> {
            long n = range != null ? last - first + 1 : items.size();
            long needed = repeat ? Math.min(count, 1 << 20) * 16L + 64 : Math.min(n, count) * 16L + 64;
            return randomBytes(c, source, needed, (src, err) -> {
                if (err != null) return c.exit(1);
                Random r = new Random(src, source);
                return produce(c, r, items, first, range != null, n, count, repeat, eol, output, input);
            });
        };
        if (echo) {
            List<byte[]> items = new ArrayList<>();
            for (String a : o.operands()) items.add(a.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return withItems.apply(items);
        }
        if (range != null) return withItems.apply(List.of());
        return Inputs.read(c, input, (err, content) -> {
            if (err != null) {
                c.error(Quote.f(input, c.utf8()), err);
                return c.exit(1);
            }
            List<byte[]> items = new ArrayList<>();
            for (TextFiles.Line l : TextFiles.lines(content, eol)) items.add(l.bytes());
            return withItems.apply(items);
        });
    }

    private interface BytesThen {
        Step apply(byte[] bytes, String error);
    }

    /** The random bytes: all of --random-source's file, or enough from /dev/urandom. */
    private static Step randomBytes(Libc c, String source, long needed, BytesThen then) {
        if (source != null) {
            return Inputs.read(c, source, (err, content) -> {
                if (err != null) {
                    c.error(Quote.f(source, c.utf8()), err);
                    return then.apply(null, "error");
                }
                return then.apply(content, null);
            });
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        return c.open("/dev/urandom", OpenFlags.O_RDONLY, r -> {
            if (r.failed()) return then.apply(new byte[0], null);
            int fd = r.intValue();
            return readSome(c, fd, all, needed, () -> c.close(fd, () -> then.apply(all.toByteArray(), null)));
        });
    }

    private static Step readSome(Libc c, int fd, ByteArrayOutputStream into, long needed, java.util.function.Supplier<Step> then) {
        if (into.size() >= needed) return then.get();
        return c.read(fd, (int) Math.min(Libc.IO_BLOCK, needed - into.size()), r -> {
            if (r.failed() || r.value() == 0) return then.get();
            into.write(r.bytes(), 0, r.bytes().length);
            return readSome(c, fd, into, needed, then);
        });
    }

    private Step produce(Libc c, Random r, List<byte[]> items, long lo, boolean isRange, long n, long head, boolean repeat, byte eol,
                         String output, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (repeat) {
            if (n == 0) {
                if (head == 0) return finish(c, out, output);
                c.error("no lines to repeat");
                return c.exit(1);
            }
            return repeatOut(c, r, items, lo, isRange, n, head, eol, output, out, 0);
        }
        long h = Math.min(head, n);
        long[] perm = permutation(r, h, n);
        if (r.exhausted) return endOfFile(c, r);
        for (long index : perm) {
            out.writeBytes(isRange ? Long.toString(lo + index).getBytes(java.nio.charset.StandardCharsets.US_ASCII) : items.get((int) index));
            out.write(eol);
        }
        return finish(c, out, output);
    }

    private Step endOfFile(Libc c, Random r) {
        c.error(c.quoteLocale(r.name == null ? "/dev/urandom" : r.name) + ": end of file");
        return c.exit(1);
    }

    /** -r: draws one at a time; without -n forever, in blocks that are each a scheduler step. */
    private Step repeatOut(Libc c, Random r, List<byte[]> items, long lo, boolean isRange, long n, long head, byte eol, String output,
                           ByteArrayOutputStream out, long done) {
        long i = done;
        for (int k = 0; k < 4096 && i < head; k++, i++) {
            long j = r.choose(n);
            if (r.exhausted) {
                c.printBytes(out.toByteArray());
                return endOfFile(c, r);
            }
            out.writeBytes(isRange ? Long.toString(lo + j).getBytes(java.nio.charset.StandardCharsets.US_ASCII) : items.get((int) j));
            out.write(eol);
        }
        if (i >= head) return finish(c, out, output);
        if (output == null) {
            c.printBytes(out.toByteArray());
            out.reset();
        }
        long next = i;
        if (r.at >= r.bytes.length - 64 && r.name == null) {
            return randomBytes(c, null, 1 << 16, (more, err) -> {
                Random fresh = new Random(more, null);
                return c.compute(4096 * 50L, "shuf: draw lines", () -> repeatOut(c, fresh, items, lo, isRange, n, head, eol, output, out, next));
            });
        }
        return c.compute(4096 * 50L, "shuf: draw lines", () -> repeatOut(c, r, items, lo, isRange, n, head, eol, output, out, next));
    }

    private static Step finish(Libc c, ByteArrayOutputStream out, String output) {
        if (output == null) {
            c.printBytes(out.toByteArray());
            return c.exit(0);
        }
        return c.create(output, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0666, res -> {
            if (res.failed()) {
                c.error(Quote.f(output, c.utf8()), res.errno());
                return c.exit(1);
            }
            return c.writeAll(res.intValue(), out.toByteArray(), e -> c.close(res.intValue(), () -> c.exit(0)));
        });
    }

    /** randperm_new: the first {@code h} of a random permutation of 0..n-1 (sparse for large n). */
    private static long[] permutation(Random r, long h, long n) {
        if (h == 0) return new long[0];
        if (h == 1) return new long[] {r.choose(n)};
        boolean sparse = n >= 128 * 1024 && n / 64 >= h;
        long[] out = new long[(int) h];
        if (!sparse) {
            long[] v = new long[(int) n];
            for (int i = 0; i < n; i++) v[i] = i;
            for (int i = 0; i < h; i++) {
                int j = (int) (r.choose(n - i) + i);
                long t = v[i];
                v[i] = v[j];
                v[j] = t;
            }
            System.arraycopy(v, 0, out, 0, (int) h);
            return out;
        }
        Map<Long, Long> swapped = new HashMap<>();
        for (long i = 0; i < h; i++) {
            long j = r.choose(n - i) + i;
            long vi = swapped.getOrDefault(i, i);
            long vj = swapped.getOrDefault(j, j);
            swapped.put(i, vj);
            swapped.put(j, vi);
            out[(int) i] = vj;
        }
        return out;
    }

    @Override
    public String whatis() {
        return "generate random permutations";
    }

    @Override
    public String manual() {
        return "shuf [OPTION]... [FILE]\n  Write a random permutation of the input lines to standard output (also: shuf -e [OPTION]... [ARG]..., shuf -i LO-HI [OPTION]...).\n"
                + "  -e, --echo                treat each ARG as an input line\n"
                + "  -i, --input-range=LO-HI   treat each number LO through HI as an input line\n"
                + "  -n, --head-count=COUNT    output at most COUNT lines\n"
                + "  -o, --output=FILE         write result to FILE instead of standard output\n"
                + "      --random-source=FILE  get random bytes from FILE\n"
                + "  -r, --repeat              output lines can be repeated\n"
                + "  -z, --zero-terminated     line delimiter is NUL, not newline";
    }
}
