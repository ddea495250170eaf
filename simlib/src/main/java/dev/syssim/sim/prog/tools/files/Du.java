package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Human;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Sizes;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * du (coreutils 9.1): the disk space each directory uses, its contents included, in 1 KiB blocks
 * (st_blocks, so a sparse file counts only what is allocated; see {@link dev.syssim.sim.fs.FileData});
 * {@code -a} every file, {@code -s} totals only, {@code -c} a grand total, {@code -d N} depth, {@code
 * -h}/{@code -k}/{@code -m}/{@code -B}, {@code -b} and {@code --apparent-size} for sizes instead of
 * blocks, {@code --inodes}, {@code -l} hard links counted again, {@code -0}. A file with several
 * links counts once. Directory order is the file system's.
 */
public final class Du extends Tool {

    private static final List<String> LONG = List.of("null>0", "all>a", "apparent-size", "block-size=>B", "bytes>b", "total>c",
            "dereference-args>D", "max-depth=>d", "human-readable>h", "inodes", "count-links>l", "dereference>L", "no-dereference>P",
            "separate-dirs>S", "si", "summarize>s", "one-file-system>x", "exclude=", "time=?", "help", "version");

    /** One run's settings and state. */
    private static final class Run {
        boolean all;
        boolean apparent;
        long blockSize = 1024;
        int humanOpts;
        boolean total;
        int maxDepth = Integer.MAX_VALUE;
        boolean inodes;
        boolean countLinks;
        boolean dereference;
        boolean dereferenceArgs;
        boolean separate;
        String end = "\n";
        final List<String> excludes = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        long grand;
        int status;
    }

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("du", c.args().operands(), "0abB:cd:DhHklLmPsSxX:", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        Run run = new Run();
        boolean summarize = false;
        for (Getopt.Opt o : g.options()) {
            switch (o.key()) {
                case "0" -> run.end = "\0";
                case "a" -> run.all = true;
                case "apparent-size" -> run.apparent = true;
                case "b" -> {
                    run.apparent = true;
                    run.blockSize = 1;
                    run.humanOpts = 0;
                }
                case "B" -> {
                    Sizes.Parsed p = Sizes.parse(o.value(), 0, "eEgGkKmMpPtTyYzZ0");
                    if (!p.ok() || p.value() == 0) {
                        c.error("invalid -B argument '" + o.value() + "'");
                        return c.exit(1);
                    }
                    run.blockSize = p.value();
                    run.humanOpts = 0;
                }
                case "c" -> run.total = true;
                case "d" -> {
                    if (!o.value().matches("\\d+")) {
                        c.error("invalid maximum depth " + Quote.locale(o.value(), c.utf8()));
                        return c.exit(1);
                    }
                    run.maxDepth = Integer.parseInt(o.value());
                }
                case "h" -> run.humanOpts = Human.AUTOSCALE | Human.SI | Human.BASE_1024;
                case "si" -> run.humanOpts = Human.AUTOSCALE | Human.SI;
                case "k" -> {
                    run.blockSize = 1024;
                    run.humanOpts = 0;
                }
                case "m" -> {
                    run.blockSize = 1 << 20;
                    run.humanOpts = 0;
                }
                case "inodes" -> run.inodes = true;
                case "l" -> run.countLinks = true;
                case "L" -> run.dereference = true;
                case "D" -> run.dereferenceArgs = true;
                case "s" -> summarize = true;
                case "S" -> run.separate = true;
                case "exclude" -> run.excludes.add(o.value());
                default -> { }
            }
        }
        if (summarize) run.maxDepth = 0;
        if (summarize && run.all) {
            c.error("cannot both summarize and show all entries");
            c.eprint("Try 'du --help' for more information.\n");
            return c.exit(1);
        }
        List<String> operands = g.operands().isEmpty() ? List.of(".") : g.operands();
        return Libc.forEach(operands, (path, next) -> walk(c, run, path, 0, true, (size, dir) -> run.grand += size, next), () -> {
            if (run.total) c.print(amount(run, run.grand) + "\ttotal" + run.end);
            return c.exit(run.status);
        });
    }

    /** Adds up {@code path} (and, for a directory, everything below it), printing as it goes. */
    /** Told each child's total, and whether it was a directory (for -S). */
    private interface Sizes2 {
        void add(long size, boolean directory);
    }

    private Step walk(Libc c, Run run, String path, int depth, boolean top, Sizes2 add, Supplier<Step> next) {
        return c.statOf(path, run.dereference || top && run.dereferenceArgs, (err, st) -> {
            if (err != null) {
                c.error("cannot access " + Libc.quote(path), err);
                run.status = 1;
                return next.get();
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            for (String p : run.excludes) {
                if (NamePattern.matches(p, name, false) || NamePattern.matches(p, path, false)) return next.get();
            }
            String key = st.device() + ":" + st.inode();
            if (!run.countLinks && st.links() > 1 && st.type() != FileType.DIRECTORY && !run.seen.add(key)) return next.get();
            long own = size(run, st);
            if (st.type() != FileType.DIRECTORY) {
                if (run.all && depth <= run.maxDepth || top) c.print(amount(run, own) + "\t" + path + run.end);
                add.add(own, false);
                return next.get();
            }
            long[] total = {own};
            long[] flat = {own};
            return c.listDirectory(path, false, (e, entries) -> {
                if (e != null) {
                    c.error("cannot read directory " + Libc.quote(path), e);
                    run.status = 1;
                    entries = List.of();
                }
                String base = path.endsWith("/") ? path : path + "/";
                List<Dirent> list = entries;
                return Libc.forEach(list, (d, more) -> walk(c, run, base + d.name(), depth + 1, false, (size, dir) -> {
                    total[0] += size;
                    if (!dir) flat[0] += size;
                }, more), () -> {
                    if (depth <= run.maxDepth) c.print(amount(run, run.separate ? flat[0] : total[0]) + "\t" + path + run.end);
                    add.add(run.separate ? flat[0] : total[0], true);
                    return next.get();
                });
            });
        });
    }

    private static long size(Run run, Stat st) {
        if (run.inodes) return 1;
        return run.apparent ? (st.type() == FileType.SYMLINK || st.type() == FileType.REGULAR || st.type() == FileType.DIRECTORY ? st.size() : 0)
                : st.blocks() * 512;
    }

    /** Bytes shown in the run's unit: rounded up, or human-readable. */
    private static String amount(Run run, long bytes) {
        if (run.inodes) return Long.toString(bytes);
        if (run.humanOpts != 0) return Human.readable(bytes, run.humanOpts, 1, 1);
        return Human.readable(bytes, Human.CEILING, 1, run.blockSize);
    }

    @Override
    public String whatis() {
        return "estimate file space usage";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "du [OPTION]... [FILE]...\n  Summarize device usage of the set of FILEs, recursively for directories.\n"
                + "  -0, --null            end each output line with NUL, not newline\n"
                + "  -a, --all             write counts for all files, not just directories\n"
                + "      --apparent-size   print apparent sizes rather than device usage\n"
                + "  -B, --block-size=SIZE scale sizes by SIZE before printing them\n"
                + "  -b, --bytes           equivalent to '--apparent-size --block-size=1'\n"
                + "  -c, --total           produce a grand total\n"
                + "  -d, --max-depth=N     print the total for a directory only if it is N or fewer levels below the command line argument\n"
                + "  -h, --human-readable  print sizes in human readable format (e.g., 1K 234M 2G)\n"
                + "      --inodes          list inode usage information instead of block usage\n"
                + "  -k                    like --block-size=1K\n  -m                    like --block-size=1M\n"
                + "  -l, --count-links     count sizes many times if hard linked\n"
                + "  -L, --dereference     dereference all symbolic links\n"
                + "  -S, --separate-dirs   for directories do not include size of subdirectories\n"
                + "  -s, --summarize       display only a total for each argument\n"
                + "      --exclude=PATTERN exclude files that match PATTERN";
    }
}
