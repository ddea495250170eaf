package dev.syssim.sim.prog.tools.bytes;

import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Lseek;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Truncate;
import dev.syssim.sim.prog.Human;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Sizes;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * dd (coreutils 9.1): copy in blocks — {@code if=}, {@code of=}, {@code bs=} (or {@code ibs=} and
 * {@code obs=}), {@code count=}, {@code skip=}, {@code seek=}, {@code conv=notrunc,ucase,lcase,sync,
 * excl,nocreat,fsync}, {@code iflag=fullblock,count_bytes,skip_bytes}, {@code oflag=append,seek_bytes},
 * {@code status=none|noxfer|progress} — and report {@code N+M records in/out} and the bytes copied,
 * with the time taken on the simulated clock. Reads of a whole block that come back short (a pipe)
 * count as partial records, as on Linux.
 */
public final class Dd extends Tool {

    private static final int C_UCASE = 1;
    private static final int C_LCASE = 2;
    private static final int C_SYNC = 4;
    private static final int C_NOTRUNC = 8;
    private static final int C_EXCL = 16;
    private static final int C_NOCREAT = 32;
    private static final int C_FSYNC = 64;
    private static final int C_NOERROR = 128;
    private static final int C_SPARSE = 256;
    private static final Map<String, Integer> CONVERSIONS = Map.ofEntries(Map.entry("ucase", C_UCASE), Map.entry("lcase", C_LCASE),
            Map.entry("sync", C_SYNC), Map.entry("notrunc", C_NOTRUNC), Map.entry("excl", C_EXCL), Map.entry("nocreat", C_NOCREAT),
            Map.entry("fsync", C_FSYNC), Map.entry("fdatasync", C_FSYNC), Map.entry("noerror", C_NOERROR), Map.entry("sparse", C_SPARSE));
    private static final int F_FULLBLOCK = 1;
    private static final int F_COUNT_BYTES = 2;
    private static final int F_SKIP_BYTES = 4;
    private static final int F_SEEK_BYTES = 8;
    private static final int F_APPEND = 16;
    private static final Map<String, Integer> IN_FLAGS = Map.of("fullblock", F_FULLBLOCK, "count_bytes", F_COUNT_BYTES,
            "skip_bytes", F_SKIP_BYTES, "direct", 0, "dsync", 0, "sync", 0, "nonblock", 0, "noatime", 0, "nocache", 0, "binary", 0);
    private static final Map<String, Integer> OUT_FLAGS = Map.of("seek_bytes", F_SEEK_BYTES, "append", F_APPEND, "direct", 0,
            "dsync", 0, "sync", 0, "nonblock", 0, "nocache", 0, "binary", 0, "noctty", 0);

    private enum Status { DEFAULT, NONE, NOXFER, PROGRESS }

    /** The operands and the counters of one copy. */
    private static final class Job {
        String input;
        String output;
        long ibs = 512;
        long obs = 512;
        boolean bs;
        long count = -1;
        long skip;
        long seek;
        int conv;
        int iflags;
        int oflags;
        Status status = Status.DEFAULT;
        int in = 0;
        int out = 1;
        long rFull;
        long rPartial;
        long wFull;
        long wPartial;
        long bytes;
        long start;
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    }

    @Override
    protected Step run(Libc c) {
        Job job = new Job();
        for (String operand : c.args().operands()) {
            if (operand.equals("--help")) return help(c);
            if (operand.equals("--")) continue;
            int eq = operand.indexOf('=');
            if (eq < 0) return c.usageError("dd: unrecognized operand " + Quote.locale(operand, c.utf8()), 1);
            String key = operand.substring(0, eq);
            String value = operand.substring(eq + 1);
            String error = set(c, job, key, value);
            if (error != null) return error.isEmpty() ? c.exit(1) : c.usageError(error, 1);
        }
        return c.clock(ClockGettime.CLOCK_MONOTONIC, now -> {
            job.start = now;
            return openInput(c, job, () -> openOutput(c, job, () -> skip(c, job, () -> seek(c, job, () -> copy(c, job, job.count)))));
        });
    }

    /** One operand; null if fine, "" after an error already printed, else a usage error to print. */
    private static String set(Libc c, Job job, String key, String value) {
        switch (key) {
            case "if" -> job.input = value;
            case "of" -> job.output = value;
            case "conv", "iflag", "oflag" -> {
                Map<String, Integer> table = key.equals("conv") ? CONVERSIONS : key.equals("iflag") ? IN_FLAGS : OUT_FLAGS;
                int bits = 0;
                for (String word : value.split(",", -1)) {
                    Integer bit = table.get(word);
                    if (bit == null) {
                        String what = key.equals("conv") ? "invalid conversion" : key.equals("iflag") ? "invalid input flag" : "invalid output flag";
                        return "dd: " + what + ": " + Quote.locale(word, c.utf8());
                    }
                    bits |= bit;
                }
                if (key.equals("conv")) job.conv |= bits;
                else if (key.equals("iflag")) job.iflags |= bits;
                else job.oflags |= bits;
            }
            case "status" -> {
                job.status = switch (value) {
                    case "none" -> Status.NONE;
                    case "noxfer" -> Status.NOXFER;
                    case "progress" -> Status.PROGRESS;
                    default -> null;
                };
                if (job.status == null) return "dd: invalid status level: " + Quote.locale(value, c.utf8());
            }
            case "bs", "ibs", "obs", "cbs", "count", "skip", "iseek", "seek", "oseek" -> {
                long n = number(value);
                boolean block = key.endsWith("bs");
                if (n < 0 || (block && n == 0)) {
                    c.error("invalid number: " + Quote.locale(value, c.utf8()));
                    return "";
                }
                switch (key) {
                    case "bs" -> {
                        job.ibs = n;
                        job.obs = n;
                        job.bs = true;
                    }
                    case "ibs" -> job.ibs = n;
                    case "obs" -> job.obs = n;
                    case "count" -> job.count = n;
                    case "skip", "iseek" -> job.skip = n;
                    case "seek", "oseek" -> job.seek = n;
                    default -> { }
                }
            }
            default -> {
                return "dd: unrecognized operand " + Quote.locale(key + "=" + value, c.utf8());
            }
        }
        return null;
    }

    /** dd's numbers: decimal with suffixes (c w b K M G ..., KB = 1000), and products with x ({@code 2x512}). */
    static long number(String text) {
        long product = 1;
        for (String part : text.split("x", -1)) {
            Sizes.Parsed p = Sizes.parse(part, 10, "bcEGkKMPTwYZ0");
            if (!p.ok() || part.startsWith("+") || part.startsWith(" ")) return -1;
            if (p.value() != 0 && product > Long.MAX_VALUE / p.value()) return -1;
            product *= p.value();
        }
        return product;
    }

    private static Step openInput(Libc c, Job job, Supplier<Step> then) {
        if (job.input == null) return then.get();
        return c.open(job.input, OpenFlags.O_RDONLY, r -> {
            if (r.failed()) {
                c.error("failed to open " + Quote.af(job.input, c.utf8()), r.errno());
                return c.exit(1);
            }
            job.in = r.intValue();
            return then.get();
        });
    }

    private static Step openOutput(Libc c, Job job, Supplier<Step> then) {
        if (job.output == null) return then.get();
        int flags = OpenFlags.O_WRONLY;
        if ((job.conv & C_NOCREAT) == 0) flags |= OpenFlags.O_CREAT;
        if ((job.conv & C_EXCL) != 0) flags |= OpenFlags.O_EXCL;
        if ((job.oflags & F_APPEND) != 0) flags |= OpenFlags.O_APPEND;
        long seekBytes = (job.oflags & F_SEEK_BYTES) != 0 ? job.seek : job.seek * job.obs;
        boolean truncate = (job.conv & C_NOTRUNC) == 0;
        if (truncate && seekBytes == 0) flags |= OpenFlags.O_TRUNC;
        int openFlags = flags;
        return c.sys(new dev.syssim.sim.os.Syscall.OpenAt(OpenFlags.AT_FDCWD, job.output, openFlags, 0666), r -> {
            if (r.failed()) {
                c.error("failed to open " + Quote.af(job.output, c.utf8()), r.errno());
                return c.exit(1);
            }
            job.out = r.intValue();
            if (!truncate || seekBytes == 0) return then.get();
            // seek= without notrunc: the file is cut where the output starts
            return c.sys(Truncate.fd(job.out, seekBytes), t -> then.get());
        });
    }

    private static Step skip(Libc c, Job job, Supplier<Step> then) {
        long bytes = (job.iflags & F_SKIP_BYTES) != 0 ? job.skip : job.skip * job.ibs;
        if (bytes == 0) return then.get();
        return c.sys(dev.syssim.sim.os.Syscall.NewFstatAt.fstat(job.in), f -> c.sys(new Lseek(job.in, 0, Lseek.SEEK_CUR), here -> {
            dev.syssim.sim.fs.Stat st = f.failed() ? null : f.dataAs(dev.syssim.sim.fs.Stat.class);
            if (!here.failed() && st != null && st.type() == dev.syssim.sim.fs.FileType.REGULAR) {
                long target = here.value() + bytes;
                return c.sys(new Lseek(job.in, target, Lseek.SEEK_SET), moved -> {
                    if (target > st.size()) {
                        c.error(Quote.f(job.input == null ? "standard input" : job.input, c.utf8()) + ": cannot skip to specified offset");
                    }
                    return then.get();
                });
            }
            return discard(c, job, bytes, then);
        }));
    }

    /** Skipping on a pipe or terminal: read and drop. */
    private static Step discard(Libc c, Job job, long left, Supplier<Step> then) {
        if (left <= 0) return then.get();
        return c.read(job.in, (int) Math.min(left, job.ibs), r -> {
            if (r.failed()) {
                c.error("error reading " + Quote.af(job.input == null ? "standard input" : job.input, c.utf8()), r.errno());
                return finish(c, job, 1);
            }
            if (r.value() == 0) {
                c.error(Quote.f(job.input == null ? "standard input" : job.input, c.utf8()) + ": cannot skip to specified offset");
                return then.get();
            }
            return discard(c, job, left - r.value(), then);
        });
    }

    private static Step seek(Libc c, Job job, Supplier<Step> then) {
        long bytes = (job.oflags & F_SEEK_BYTES) != 0 ? job.seek : job.seek * job.obs;
        if (bytes == 0) return then.get();
        return c.sys(new Lseek(job.out, bytes, Lseek.SEEK_CUR), r -> {
            if (!r.failed()) return then.get();
            // not seekable: write NUL blocks instead, as dd does
            return writeAll(c, job, new byte[(int) Math.min(bytes, 1 << 20)], bytes, then);
        });
    }

    private static Step writeAll(Libc c, Job job, byte[] zeros, long left, Supplier<Step> then) {
        if (left <= 0) return then.get();
        byte[] piece = left >= zeros.length ? zeros : Arrays.copyOf(zeros, (int) left);
        return c.write(job.out, piece, w -> w.failed() ? writeError(c, job, w.errno()) : writeAll(c, job, zeros, left - piece.length, then));
    }

    // ---- the copy loop ----

    private static Step copy(Libc c, Job job, long left) {
        boolean countBytes = (job.iflags & F_COUNT_BYTES) != 0;
        if (left == 0) return flushOut(c, job, () -> finish(c, job, 0));
        int want = (int) Math.min(job.ibs, countBytes && left > 0 ? left : job.ibs);
        return readBlock(c, job, want, new ByteArrayOutputStream(), block -> {
            if (block == null) return flushOut(c, job, () -> finish(c, job, 1));
            if (block.length == 0) return flushOut(c, job, () -> finish(c, job, 0));
            if (block.length == job.ibs) job.rFull++;
            else job.rPartial++;
            byte[] data = block;
            if ((job.conv & C_SYNC) != 0 && data.length < job.ibs) data = Arrays.copyOf(data, (int) job.ibs);
            convert(job.conv, data);
            long next = left < 0 ? -1 : countBytes ? left - block.length : left - 1;
            if (job.bs && (job.conv & (C_SYNC)) == 0) {
                // bs=: each block read is written as it is, short or not
                return writeRecord(c, job, data, () -> copy(c, job, next));
            }
            job.pending.write(data, 0, data.length);
            return drainFull(c, job, () -> copy(c, job, next));
        });
    }

    /** Reads one input block: one read, or with iflag=fullblock as many as it takes; null on error. */
    private static Step readBlock(Libc c, Job job, int want, ByteArrayOutputStream have, java.util.function.Function<byte[], Step> then) {
        return c.read(job.in, want - have.size(), r -> {
            if (r.failed()) {
                c.error("error reading " + Quote.af(job.input == null ? "standard input" : job.input, c.utf8()), r.errno());
                return then.apply(null);
            }
            have.write(r.bytes(), 0, r.bytes().length);
            boolean more = (job.iflags & F_FULLBLOCK) != 0 && r.value() > 0 && have.size() < want;
            return more ? readBlock(c, job, want, have, then) : then.apply(have.toByteArray());
        });
    }

    private static void convert(int conv, byte[] data) {
        if ((conv & C_UCASE) != 0) for (int i = 0; i < data.length; i++) if (data[i] >= 'a' && data[i] <= 'z') data[i] -= 32;
        if ((conv & C_LCASE) != 0) for (int i = 0; i < data.length; i++) if (data[i] >= 'A' && data[i] <= 'Z') data[i] += 32;
    }

    private static Step drainFull(Libc c, Job job, Supplier<Step> then) {
        if (job.pending.size() < job.obs) return then.get();
        byte[] all = job.pending.toByteArray();
        job.pending.reset();
        return drainFrom(c, job, all, 0, then);
    }

    /** Writes the full output blocks of {@code all} from {@code at}; the rest waits for more input. */
    private static Step drainFrom(Libc c, Job job, byte[] all, int at, Supplier<Step> then) {
        if (all.length - at < job.obs) {
            job.pending.write(all, at, all.length - at);
            return then.get();
        }
        byte[] record = Arrays.copyOfRange(all, at, at + (int) job.obs);
        return writeRecord(c, job, record, () -> drainFrom(c, job, all, at + (int) job.obs, then));
    }

    private static Step flushOut(Libc c, Job job, Supplier<Step> then) {
        if (job.pending.size() == 0) return then.get();
        byte[] rest = job.pending.toByteArray();
        job.pending.reset();
        return writeRecord(c, job, rest, then);
    }

    private static Step writeRecord(Libc c, Job job, byte[] record, Supplier<Step> then) {
        if ((job.conv & C_SPARSE) != 0 && allZero(record)) {
            return c.sys(new Lseek(job.out, record.length, Lseek.SEEK_CUR), s -> {
                if (s.failed()) return plainWrite(c, job, record, then);
                count(job, record.length);
                return then.get();
            });
        }
        return plainWrite(c, job, record, then);
    }

    private static Step plainWrite(Libc c, Job job, byte[] record, Supplier<Step> then) {
        return c.writeAll(job.out, record, e -> {
            if (e != null) return writeError(c, job, e);
            count(job, record.length);
            return then.get();
        });
    }

    private static void count(Job job, int length) {
        job.bytes += length;
        if (length == job.obs) job.wFull++;
        else job.wPartial++;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static Step writeError(Libc c, Job job, Errno e) {
        c.error("error writing " + Quote.af(job.output == null ? "standard output" : job.output, c.utf8()), e);
        return finish(c, job, 1);
    }

    private static Step finish(Libc c, Job job, int status) {
        return c.clock(ClockGettime.CLOCK_MONOTONIC, now -> {
            if (job.status != Status.NONE) {
                StringBuilder out = new StringBuilder();
                out.append(job.rFull).append('+').append(job.rPartial).append(" records in\n");
                out.append(job.wFull).append('+').append(job.wPartial).append(" records out\n");
                if (job.status != Status.NOXFER) out.append(transfer(job.bytes, now - job.start)).append('\n');
                c.eprint(out.toString());
            }
            return c.exit(status);
        });
    }

    /** "3145728 bytes (3.1 MB, 3.0 MiB) copied, 0.00142077 s, 2.2 GB/s", with the simulated time. */
    static String transfer(long bytes, long nanos) {
        int opts = Human.AUTOSCALE | Human.ROUND_TO_NEAREST | Human.SPACE_BEFORE_UNIT | Human.SI | Human.B;
        String si = Human.readable(bytes, opts, 1, 1);
        String iec = Human.readable(bytes, opts | Human.BASE_1024, 1, 1);
        String rate = nanos > 0 ? Human.readable(bytes, opts, 1_000_000_000L, nanos) + "/s" : "Infinity B/s";
        String seconds = CFloat.g(nanos / 1e9, 6) + " s";
        if (si.charAt(si.length() - 2) == ' ') return bytes + (bytes == 1 ? " byte copied, " : " bytes copied, ") + seconds + ", " + rate;
        if (iec.charAt(iec.length() - 2) == ' ') return bytes + " bytes (" + si + ") copied, " + seconds + ", " + rate;
        return bytes + " bytes (" + si + ", " + iec + ") copied, " + seconds + ", " + rate;
    }

    @Override
    public String whatis() {
        return "convert and copy a file";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "dd [OPERAND]...\n  Copy a file, converting and formatting according to the operands.\n"
                + "  bs=BYTES        read and write up to BYTES bytes at a time (default: 512); overrides ibs and obs\n"
                + "  count=N         copy only N input blocks\n"
                + "  ibs=BYTES       read up to BYTES bytes at a time (default: 512)\n"
                + "  if=FILE         read from FILE instead of stdin\n"
                + "  obs=BYTES       write BYTES bytes at a time (default: 512)\n"
                + "  of=FILE         write to FILE instead of stdout\n"
                + "  seek=N          skip N obs-sized blocks at start of output\n"
                + "  skip=N          skip N ibs-sized blocks at start of input\n"
                + "  status=LEVEL    none suppresses everything but errors, noxfer the final transfer statistics, progress shows them\n"
                + "  conv=CONVS      ucase, lcase, sync (pad every input block with NULs to ibs-size), notrunc, excl, nocreat, sparse, fsync\n"
                + "  iflag=FLAGS     fullblock, count_bytes, skip_bytes\n"
                + "  oflag=FLAGS     append, seek_bytes\n"
                + "  N and BYTES may be followed by: c=1, w=2, b=512, kB=1000, K=1024, MB=1000*1000, M=1024*1024, ... or be a product NxM.";
    }
}
