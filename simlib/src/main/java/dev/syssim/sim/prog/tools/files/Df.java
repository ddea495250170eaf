package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FsStats;
import dev.syssim.sim.os.Statfs;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Human;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Sizes;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * df (coreutils 9.1): the size, use and free space of each mounted file system — the mounts of
 * {@code /proc/self/mounts}, each asked with statfs — or of the ones holding the given files. Sizes
 * in 1 KiB blocks, {@code -h}/{@code -H} human-readable, {@code -B SIZE}, {@code -T} with the type,
 * {@code -i} inodes, {@code -P} POSIX columns, {@code -t}/{@code -x} type filters, {@code -a} the
 * pseudo file systems too, {@code --total}, {@code --output}. The simulated root is a 32 GiB disk;
 * what files are written there shows in Used at once.
 */
public final class Df extends Tool {

    private static final List<String> LONG = List.of("all>a", "block-size=>B", "human-readable>h", "si>H", "inodes>i", "local>l",
            "output=?", "portability>P", "print-type>T", "type=>t", "exclude-type=>x", "total", "sync", "no-sync", "help", "version");

    /** One mount line of /proc/self/mounts. */
    private record MountLine(String source, String target, String type) {
    }

    /** A row: the mount and its sizes. */
    private record Row(MountLine mount, FsStats stats) {
    }

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("df", c.args().operands(), "aB:hHiklmPTt:vx:", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        long blockSize = 1024;
        int human = 0;
        for (Getopt.Opt o : g.options()) {
            switch (o.key()) {
                case "B" -> {
                    Sizes.Parsed p = Sizes.parse(o.value(), 0, "eEgGkKmMpPtTyYzZ0");
                    if (!p.ok() || p.value() == 0) {
                        c.error("invalid -B argument '" + o.value() + "'");
                        return c.exit(1);
                    }
                    blockSize = p.value();
                    human = 0;
                }
                case "h" -> human = Human.AUTOSCALE | Human.SI | Human.BASE_1024;
                case "H" -> human = Human.AUTOSCALE | Human.SI;
                case "k" -> {
                    blockSize = 1024;
                    human = 0;
                }
                case "m" -> {
                    blockSize = 1 << 20;
                    human = 0;
                }
                default -> { }
            }
        }
        long unit = blockSize;
        int humanOpts = human;
        return c.readFile("/proc/self/mounts", (err, bytes) -> {
            List<MountLine> mounts = new ArrayList<>();
            if (bytes != null) {
                for (String line : Libc.text(bytes).split("\n")) {
                    String[] f = line.split(" ");
                    if (f.length >= 3) mounts.add(new MountLine(f[0], f[1], f[2]));
                }
            }
            List<Row> rows = new ArrayList<>();
            int[] status = {0};
            List<String> files = g.operands();
            if (files.isEmpty()) {
                return Libc.forEach(mounts, (m, next) -> c.sys(Statfs.path(m.target()), r -> {
                    if (!r.failed()) {
                        FsStats s = Statfs.stats(r);
                        boolean pseudo = s.blocks() == 0;
                        boolean wanted = (g.has("a") || !pseudo) && typeWanted(g, m.type());
                        // a file system mounted twice is listed once, at its first mount
                        boolean duplicate = rows.stream().anyMatch(x -> x.mount().source().equals(m.source()) && !pseudo && !g.has("a"));
                        if (wanted && !duplicate) rows.add(new Row(m, s));
                    }
                    return next.get();
                }), () -> print(c, g, rows, unit, humanOpts, status[0]));
            }
            return Libc.forEach(files, (file, next) -> Canonical.of(c, file, Canonical.Mode.EXISTING, true, (e, path) -> {
                if (e != null) {
                    c.error(Quote.f(file, c.utf8()), e);
                    status[0] = 1;
                    return next.get();
                }
                MountLine best = null;
                for (MountLine m : mounts) {
                    boolean under = m.target().equals("/") || path.equals(m.target()) || path.startsWith(m.target() + "/");
                    if (under && (best == null || m.target().length() >= best.target().length())) best = m;
                }
                MountLine mount = best;
                if (mount == null) return next.get();
                return c.sys(Statfs.path(file), r -> {
                    if (r.failed()) {
                        c.error(Quote.f(file, c.utf8()), r.errno());
                        status[0] = 1;
                    } else {
                        rows.add(new Row(mount, Statfs.stats(r)));
                    }
                    return next.get();
                });
            }), () -> print(c, g, rows, unit, humanOpts, status[0]));
        });
    }

    private static boolean typeWanted(Getopt g, String type) {
        List<String> only = g.all("t");
        if (!only.isEmpty() && !only.contains(type)) return false;
        return !g.all("x").contains(type);
    }

    private Step print(Libc c, Getopt g, List<Row> rows, long unit, int human, int status) {
        boolean inodes = g.has("i");
        boolean posix = g.has("P");
        List<String> fields = new ArrayList<>();
        if (g.has("output")) {
            String spec = g.last("output");
            for (String f : (spec == null ? "source,fstype,itotal,iused,iavail,ipcent,size,used,avail,pcent,file,target" : spec).split(",")) fields.add(f);
        } else {
            fields.add("source");
            if (g.has("T")) fields.add("fstype");
            if (inodes) fields.addAll(List.of("itotal", "iused", "iavail", "ipcent"));
            else fields.addAll(List.of("size", "used", "avail", "pcent"));
            fields.add("target");
        }
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (String f : fields) header.add(title(f, unit, human, posix));
        table.add(header);
        long[] totals = new long[8];
        for (Row r : rows) {
            table.add(cells(fields, r.mount(), r.stats(), unit, human));
            FsStats s = r.stats();
            long b = s.blockSize();
            totals[0] += s.blocks() * b;
            totals[1] += (s.blocks() - s.freeBlocks()) * b;
            totals[2] += s.availableBlocks() * b;
            totals[3] += s.inodes();
            totals[4] += s.inodes() - s.freeInodes();
            totals[5] += s.freeInodes();
        }
        if (g.has("total")) {
            FsStats sum = new FsStats("-", 1, totals[0], totals[0] - totals[1], totals[2], totals[3], totals[5], 255);
            table.add(cells(fields, new MountLine("total", "-", "-"), sum, unit, human));
        }
        if (rows.isEmpty() && !g.operands().isEmpty()) return c.exit(status);
        int[] widths = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) widths[i] = minimumWidth(fields.get(i));
        for (List<String> row : table) for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], row.get(i).length());
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                boolean left = fields.get(i).equals("source") || fields.get(i).equals("target") || fields.get(i).equals("fstype")
                        || fields.get(i).equals("file");
                boolean last = i == row.size() - 1;
                if (i > 0) line.append(' ');
                if (left) line.append(last ? cell : cell + " ".repeat(widths[i] - cell.length()));
                else line.append(" ".repeat(widths[i] - cell.length())).append(cell);
            }
            c.println(line.toString());
        }
        if (rows.isEmpty() && g.operands().isEmpty()) {
            c.error("no file systems processed");
            return c.exit(1);
        }
        return c.exit(status);
    }

    /** df's own minimum column widths. */
    private static int minimumWidth(String field) {
        return switch (field) {
            case "source" -> 14;
            case "fstype", "ipcent", "pcent" -> 4;
            case "itotal", "iused", "iavail", "size", "used", "avail" -> 5;
            default -> 0;
        };
    }

    private static String title(String field, long unit, int human, boolean posix) {
        return switch (field) {
            case "source" -> "Filesystem";
            case "fstype" -> "Type";
            case "itotal" -> "Inodes";
            case "iused" -> "IUsed";
            case "iavail" -> "IFree";
            case "ipcent" -> "IUse%";
            case "size" -> human != 0 ? "Size" : posix ? blockTitle(unit).replace("1K", "1024") : blockTitle(unit);
            case "used" -> "Used";
            case "avail" -> human != 0 ? "Avail" : "Available";
            case "pcent" -> posix ? "Capacity" : "Use%";
            case "file" -> "File";
            default -> "Mounted on";
        };
    }

    private static String blockTitle(long unit) {
        if (unit % (1L << 30) == 0) return unit / (1L << 30) + "G-blocks";
        if (unit % (1L << 20) == 0) return unit / (1L << 20) + "M-blocks";
        if (unit % 1024 == 0) return unit / 1024 + "K-blocks";
        return unit + "B-blocks";
    }

    private static List<String> cells(List<String> fields, MountLine m, FsStats s, long unit, int human) {
        List<String> out = new ArrayList<>();
        long b = s.blockSize();
        long total = s.blocks() * b;
        long used = (s.blocks() - s.freeBlocks()) * b;
        long avail = s.availableBlocks() * b;
        long iused = s.inodes() - s.freeInodes();
        for (String f : fields) {
            out.add(switch (f) {
                case "source" -> m.source();
                case "fstype" -> m.type();
                case "itotal" -> Long.toString(s.inodes());
                case "iused" -> Long.toString(iused);
                case "iavail" -> Long.toString(s.freeInodes());
                case "ipcent" -> percent(iused, s.freeInodes());
                case "size" -> show(total, unit, human);
                case "used" -> show(used, unit, human);
                case "avail" -> show(avail, unit, human);
                case "pcent" -> percent(used, avail);
                case "file" -> "-";
                default -> m.target();
            });
        }
        return out;
    }

    /** df's Use%: used of what a user could have (used + available), rounded up; "-" for nothing. */
    private static String percent(long used, long available) {
        long all = used + available;
        if (all == 0) return "-";
        return (used * 100 + all - 1) / all + "%";
    }

    private static String show(long bytes, long unit, int human) {
        if (human != 0) return Human.readable(bytes, human, 1, 1);
        return Human.readable(bytes, Human.CEILING, 1, unit);
    }

    @Override
    public String whatis() {
        return "report file system space usage";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return "df [OPTION]... [FILE]...\n  Show information about the file system on which each FILE resides, or all file systems by default.\n"
                + "  -a, --all             include pseudo, duplicate, inaccessible file systems\n"
                + "  -B, --block-size=SIZE scale sizes by SIZE before printing them\n"
                + "  -h, --human-readable  print sizes in powers of 1024 (e.g., 1023M)\n"
                + "  -H, --si              print sizes in powers of 1000 (e.g., 1.1G)\n"
                + "  -i, --inodes          list inode information instead of block usage\n"
                + "  -k                    like --block-size=1K\n"
                + "      --output[=FIELD_LIST]  use the output format defined by FIELD_LIST: source, fstype, itotal, iused, iavail, ipcent, size, used, avail, pcent, file, target\n"
                + "  -P, --portability     use the POSIX output format\n"
                + "  -t, --type=TYPE       limit listing to file systems of type TYPE\n"
                + "  -T, --print-type      print file system type\n"
                + "  -x, --exclude-type=TYPE  limit listing to file systems not of type TYPE\n"
                + "      --total           elide all entries insignificant to available space, and produce a grand total";
    }
}
