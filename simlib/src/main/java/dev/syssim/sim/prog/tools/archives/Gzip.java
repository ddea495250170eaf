package dev.syssim.sim.prog.tools.archives;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Utimensat;
import dev.syssim.sim.prog.ByteInput;
import dev.syssim.sim.prog.FileTimes;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * gzip, gunzip and zcat (gzip 1.12): compress each file to FILE.gz (same mode and time, the original
 * removed unless {@code -k}), or back ({@code -d}); {@code -c} to standard output, {@code -t} test,
 * {@code -l} list, {@code -v} ratios, {@code -r} into directories, {@code -1}..{@code -9}, {@code -n}
 * and {@code -N} for the stored name and time, {@code -S} another suffix, {@code -f} force. Exit
 * status 1 for an error, 2 for a warning (a file skipped), as gzip's. Streams are real gzip: the
 * real gunzip reads them, and this reads the real gzip's.
 */
public final class Gzip extends Tool {

    private static final List<String> LONG = List.of("stdout>c", "to-stdout>c", "decompress>d", "uncompress>d", "force>f", "help>h",
            "keep>k", "list>l", "license>L", "no-name>n", "name>N", "quiet>q", "silent>q", "recursive>r", "suffix=>S", "test>t",
            "verbose>v", "version>V", "fast>1", "best>9");
    private static final DateTimeFormatter LIST_DATE = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT);

    private static final String VERSION = """
            gzip 1.12
            Copyright (C) 2018 Free Software Foundation, Inc.
            Copyright (C) 1993 Jean-loup Gailly.
            This is free software.  You may redistribute copies of it under the terms of
            the GNU General Public License <https://www.gnu.org/licenses/gpl.html>.
            There is NO WARRANTY, to the extent permitted by law.

            Written by Jean-loup Gailly.
            """;

    private final String program;
    private final long bootEpochSeconds;

    public Gzip(String program, long bootEpochSeconds) {
        this.program = program;
        this.bootEpochSeconds = bootEpochSeconds;
    }

    /** The settings of one run, and its exit status so far. */
    private static final class Run {
        boolean decompress;
        boolean toStdout;
        boolean force;
        boolean keep;
        boolean list;
        boolean test;
        boolean recursive;
        int verbose;
        Boolean saveName;
        int level = 6;
        String suffix = ".gz";
        int status;
        boolean listedHeader;
        long totalCompressed;
        long totalUncompressed;
        int listed;
        /** gzip's totals line subtracts the last file's header and trailer only (its global header_bytes). */
        int lastHeaderBytes;

        void warn() {
            if (status == 0) status = 2;
        }
    }

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("gzip", c.args().operands(), "cdfhklLnNqrS:tvV123456789", LONG, true);
        if (g.failed()) {
            c.eprint(g.error() + "\nTry `" + "gzip" + " --help' for more information.\n");
            return c.exit(1);
        }
        Run run = new Run();
        run.decompress = !program.equals("gzip");
        run.toStdout = program.equals("zcat");
        for (Getopt.Opt o : g.options()) {
            switch (o.key()) {
                case "c" -> run.toStdout = true;
                case "d" -> run.decompress = true;
                case "f" -> run.force = true;
                case "h" -> {
                    return help(c);
                }
                case "k" -> run.keep = true;
                case "l" -> run.list = true;
                case "L", "V" -> {
                    c.print(VERSION);
                    return c.exit(0);
                }
                case "n" -> run.saveName = false;
                case "N" -> run.saveName = true;
                case "q" -> run.verbose = -1;
                case "r" -> run.recursive = true;
                case "S" -> run.suffix = o.value();
                case "t" -> run.test = true;
                case "v" -> run.verbose = Math.max(run.verbose, 0) + 1;
                default -> run.level = o.key().charAt(0) - '0';
            }
        }
        if (run.suffix.isEmpty() || run.suffix.contains("/")) {
            c.eprint("gzip: invalid suffix '" + run.suffix + "'\n");
            return c.exit(1);
        }
        if (run.test || run.list) run.decompress = true;
        List<String> files = g.operands().isEmpty() ? List.of("-") : g.operands();
        return Libc.forEach(files, (file, next) -> one(c, run, file, true, next), () -> {
            if (run.list && run.listed > 1) listTotals(c, run);
            return c.exit(run.status);
        });
    }

    private Step one(Libc c, Run run, String file, boolean operand, Supplier<Step> next) {
        if (file.equals("-")) return stdin(c, run, next);
        return c.statOf(file, false, (err, st) -> {
            if (err == Errno.ENOENT && run.decompress && !hasSuffix(file, run.suffix)) {
                // gunzip x looks for x.gz
                return c.statOf(file + run.suffix, false, (e2, st2) -> {
                    if (e2 != null) {
                        c.eprint("gzip: " + file + run.suffix + ": " + e2.message() + "\n");
                        run.status = 1;
                        return next.get();
                    }
                    return regular(c, run, file + run.suffix, st2, next);
                });
            }
            if (err != null) {
                c.eprint("gzip: " + file + ": " + err.message() + "\n");
                run.status = 1;
                return next.get();
            }
            if (st.type() == FileType.DIRECTORY) {
                if (!run.recursive) {
                    if (run.verbose >= 0) c.eprint("gzip: " + file + " is a directory -- ignored\n");
                    run.warn();
                    return next.get();
                }
                return c.listDirectory(file, false, (e, entries) -> {
                    if (e != null) {
                        c.eprint("gzip: " + file + ": " + e.message() + "\n");
                        run.status = 1;
                        return next.get();
                    }
                    List<String> names = new ArrayList<>();
                    for (var d : entries) names.add((file.endsWith("/") ? file : file + "/") + d.name());
                    return Libc.forEach(names, (n, more) -> one(c, run, n, false, more), next);
                });
            }
            if (st.type() != FileType.REGULAR) {
                if (run.verbose >= 0) c.eprint("gzip: " + file + " is not a directory or a regular file - ignored\n");
                run.warn();
                return next.get();
            }
            return regular(c, run, file, st, next);
        });
    }

    private static boolean hasSuffix(String file, String suffix) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        if (base.length() > suffix.length() && base.endsWith(suffix)) return true;
        for (String s : List.of(".gz", "-gz", ".z", "-z", "_z", ".tgz", ".taz")) if (base.length() > s.length() && base.endsWith(s)) return true;
        return false;
    }

    /** The name gunzip gives the output: the suffix off, .tgz and .taz to .tar; null if no known suffix. */
    private static String stripSuffix(String file, String suffix) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        if (base.length() > suffix.length() && base.endsWith(suffix)) return file.substring(0, file.length() - suffix.length());
        for (String s : List.of(".gz", "-gz", ".z", "-z", "_z")) if (base.length() > s.length() && base.endsWith(s)) return file.substring(0, file.length() - s.length());
        if (base.length() > 4 && (base.endsWith(".tgz") || base.endsWith(".taz"))) return file.substring(0, file.length() - 4) + ".tar";
        return null;
    }

    private Step stdin(Libc c, Run run, Supplier<Step> next) {
        ByteInput in = new ByteInput(c, List.of("-"));
        return in.readAll(data -> {
            if (!run.decompress) {
                byte[] packed = GzipFormat.compress(data, run.level, null, 0);
                c.printBytes(packed);
                if (run.verbose > 0) c.eprint(ratio(data.length, packed.length - 18) + "\n");
                return next.get();
            }
            return unpack(c, run, "stdin", data, 0, null, true, next);
        });
    }

    private Step regular(Libc c, Run run, String file, Stat st, Supplier<Step> next) {
        if (!run.decompress && hasSuffix(file, run.suffix) && !run.toStdout) {
            // a warning that, unlike the others, leaves the exit status alone (gzip 1.12)
            if (run.verbose >= 0) c.eprint("gzip: " + file + " already has " + run.suffix + " suffix -- unchanged\n");
            return next.get();
        }
        if (run.decompress && !run.toStdout && !run.test && !run.list && stripSuffix(file, run.suffix) == null) {
            if (run.verbose >= 0) c.eprint("gzip: " + file + ": unknown suffix -- ignored\n");
            run.warn();
            return next.get();
        }
        return c.readFile(file, (err, data) -> {
            if (err != null) {
                c.eprint("gzip: " + file + ": " + err.message() + "\n");
                run.status = 1;
                return next.get();
            }
            if (!run.decompress) return pack(c, run, file, st, data, next);
            return unpack(c, run, file, data, st.mtime(), st, false, next);
        });
    }

    private Step pack(Libc c, Run run, String file, Stat st, byte[] data, Supplier<Step> next) {
        boolean save = run.saveName == null || run.saveName;
        String base = file.substring(file.lastIndexOf('/') + 1);
        long epoch = bootEpochSeconds + Math.floorDiv(st.mtime(), 1_000_000_000L);
        // the header's 32-bit time cannot hold 0 (it means "none"), a time before 1970 or after 2106
        boolean outOfRange = save && (epoch <= 0 || epoch > 0xffffffffL);
        if (run.verbose > 0 && !run.toStdout) c.eprint(file + ":\t");
        if (outOfRange && run.verbose >= 0) c.eprint("gzip: " + file + ": warning: file timestamp out of range for gzip format\n");
        byte[] packed = GzipFormat.compress(data, run.level, save ? base : null, save && !outOfRange ? epoch : 0);
        int overhead = 18 + (save ? base.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1 : 0);
        String ratio = ratio(data.length, packed.length - overhead);
        if (run.toStdout) {
            c.printBytes(packed);
            if (run.verbose > 0) c.eprint(file + ":\t" + ratio + " -- replaced with stdout\n");
            return next.get();
        }
        String target = file + run.suffix;
        return write(c, run, target, packed, st, () -> {
            if (run.verbose > 0) c.eprint(ratio + " -- replaced with " + target + "\n");
            return removeOriginal(c, run, file, next);
        }, next);
    }

    private Step removeOriginal(Libc c, Run run, String file, Supplier<Step> next) {
        if (run.keep) return next.get();
        return c.sys(Syscall.Unlinkat.unlink(file), r -> next.get());
    }

    /** Creates {@code target} with the original's mode and times; an existing one only with -f. */
    private Step write(Libc c, Run run, String target, byte[] bytes, Stat original, Supplier<Step> done, Supplier<Step> skipped) {
        return c.statOf(target, false, (e, existing) -> {
            if (existing != null && !run.force) {
                c.eprint("gzip: " + target + " already exists;\tnot overwritten\n");
                run.warn();
                return skipped.get();
            }
            Supplier<Step> create = () -> c.create(target, OpenFlags.O_WRONLY | OpenFlags.O_EXCL, 0600, r -> {
                if (r.failed()) {
                    c.eprint("gzip: " + target + ": " + r.errno().message() + "\n");
                    run.status = 1;
                    return skipped.get();
                }
                int fd = r.intValue();
                return c.writeAll(fd, bytes, we -> c.close(fd, () -> {
                    if (we != null) {
                        c.eprint("gzip: " + target + ": " + we.message() + "\n");
                        run.status = 1;
                        return skipped.get();
                    }
                    return c.sys(new Syscall.Chmod(target, original.permissions()), m ->
                            c.sys(new Utimensat(target, true, original.atime(), original.mtime()), t -> done.get()));
                }));
            });
            if (existing == null) return create.get();
            return c.sys(Syscall.Unlinkat.unlink(target), u -> create.get());
        });
    }

    private Step unpack(Libc c, Run run, String file, byte[] data, long mtime, Stat st, boolean fromStdin, Supplier<Step> next) {
        GzipFormat.Unpacked u = GzipFormat.decompress(data);
        if (u.problem() == GzipFormat.Problem.NOT_GZIP && run.force && run.toStdout && !run.list && !run.test) {
            // gzip -dcf passes what is not compressed through unchanged (as zcat -f does)
            c.printBytes(data);
            return next.get();
        }
        if (u.problem() == GzipFormat.Problem.NOT_GZIP) {
            c.eprint("\ngzip: " + file + ": not in gzip format\n");
            run.status = 1;
            return next.get();
        }
        if (run.list) {
            if (u.problem() != null && u.problem().fatal) {
                c.eprint("\ngzip: " + file + ": " + u.problem().message + "\n");
                run.status = 1;
                return next.get();
            }
            // what gzip lists for standard input is the name of its output, "stdout"
            list(c, run, fromStdin ? "stdout" : file, data, u);
            return next.get();
        }
        if (run.test) {
            if (run.verbose > 0) c.eprint(file + ":\t");
            if (u.problem() != null) return problem(c, run, file, u, next);
            if (run.verbose > 0) c.eprint(" OK\n");
            return next.get();
        }
        if (run.toStdout || fromStdin) {
            c.printBytes(u.data());
            if (u.problem() != null) return problem(c, run, file, u, next);
            if (run.verbose > 0) c.eprint(file + ":\t" + ratio(u.data().length, data.length - u.headerBytes() - 8) + "\n");
            return next.get();
        }
        if (u.problem() != null && u.problem().fatal) return problem(c, run, file, u, next);
        boolean restoreName = run.saveName != null && run.saveName && u.name() != null;
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        String target = restoreName ? dir + u.name() : stripSuffix(file, run.suffix);
        // gunzip restores the stored time when there is one (gzip 1.12 does so by default)
        long restoredTime = u.mtime() != 0 && (run.saveName == null || run.saveName)
                ? (u.mtime() - bootEpochSeconds) * 1_000_000_000L : st.mtime();
        Stat timed = new Stat(st.device(), st.inode(), st.type(), st.permissions(), st.links(), st.uid(), st.gid(), 0, 0,
                st.size(), st.blocks(), st.atime(), restoredTime, st.ctime());
        return write(c, run, target, u.data(), timed, () -> {
            if (run.verbose > 0) c.eprint(file + ":\t" + ratio(u.data().length, data.length - u.headerBytes() - 8) + " -- replaced with " + target + "\n");
            Supplier<Step> after = u.problem() != null ? () -> problem(c, run, file, u, next) : next;
            return removeOriginal(c, run, file, after);
        }, next);
    }

    private Step problem(Libc c, Run run, String file, GzipFormat.Unpacked u, Supplier<Step> next) {
        GzipFormat.Problem p = u.problem();
        if (p.fatal) {
            c.eprint("\ngzip: " + file + ": " + p.message + "\n");
            if (p == GzipFormat.Problem.CRC_AND_LENGTH) c.eprint("\ngzip: " + file + ": " + GzipFormat.Problem.LENGTH.message + "\n");
            run.status = 1;
        } else {
            if (run.verbose >= 0) c.eprint("\ngzip: " + file + ": " + p.message + "\n");
            run.warn();
        }
        return next.get();
    }

    private void list(Libc c, Run run, String file, byte[] data, GzipFormat.Unpacked u) {
        if (!run.listedHeader) {
            c.println(run.verbose > 0 ? "method  crc     date  time           compressed        uncompressed  ratio uncompressed_name"
                    : "         compressed        uncompressed  ratio uncompressed_name");
            run.listedHeader = true;
        }
        long compressed = data.length;
        long uncompressed = u.lastSize();
        String name = stripSuffix(file, run.suffix);
        if (name == null) name = file;
        StringBuilder line = new StringBuilder();
        if (run.verbose > 0) {
            String date = LIST_DATE.format(FileTimes.at(0, u.mtime() * 1_000_000_000L));
            line.append(String.format("defla %08x %s ", u.lastCrc(), date));
        }
        line.append(String.format("%19d %19d ", compressed, uncompressed));
        line.append(ratio(uncompressed, compressed - u.headerBytes() - 8)).append(' ').append(name);
        c.println(line.toString());
        run.totalCompressed += compressed;
        run.totalUncompressed += uncompressed;
        run.listed++;
        run.lastHeaderBytes = u.headerBytes() + 8;
    }

    private static void listTotals(Libc c, Run run) {
        String prefix = run.verbose > 0 ? " ".repeat(25) : "";
        c.println(prefix + String.format("%19d %19d ", run.totalCompressed, run.totalUncompressed)
                + ratio(run.totalUncompressed, run.totalCompressed - run.lastHeaderBytes) + " (totals)");
    }

    /** gzip's display_ratio: how much smaller, as "%5.1f%%" of the original. */
    static String ratio(long original, long compressed) {
        double r = original == 0 ? 0 : 100.0 * (original - compressed) / original;
        return String.format(Locale.ROOT, "%5.1f%%", r);
    }

    @Override
    public String whatis() {
        return program.equals("zcat") ? "decompress files to standard output" : "compress or expand files";
    }

    @Override
    public String source() {
        return "gzip 1.12";
    }

    @Override
    public String manual() {
        return program + " [OPTION]... [FILE]...\n  " + (program.equals("gzip") ? "Compress or uncompress FILEs (by default, compress FILES in-place)."
                : program.equals("gunzip") ? "Uncompress FILEs (by default, in-place)." : "Uncompress FILEs to standard output.")
                + " With no FILE, or when FILE is -, read standard input.\n"
                + "  -c, --stdout      write on standard output, keep original files unchanged\n"
                + "  -d, --decompress  decompress\n  -f, --force       force overwrite of output file\n"
                + "  -k, --keep        keep (don't delete) input files\n  -l, --list        list compressed file contents\n"
                + "  -n, --no-name     do not save or restore the original name and timestamp\n"
                + "  -N, --name        save or restore the original name and timestamp\n  -q, --quiet       suppress all warnings\n"
                + "  -r, --recursive   operate recursively on directories\n  -S, --suffix=SUF  use suffix SUF on compressed files\n"
                + "  -t, --test        test compressed file integrity\n  -v, --verbose     verbose mode\n"
                + "  -1, --fast        compress faster\n  -9, --best        compress better";
    }
}
