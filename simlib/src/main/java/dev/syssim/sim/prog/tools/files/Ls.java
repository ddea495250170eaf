package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Human;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import dev.syssim.sim.prog.tools.text.VersionOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * ls: list files and directories. Columns on a terminal (80 wide), one per line otherwise;
 * {@code -l} long format, {@code -a}/{@code -A} hidden files, {@code -d} directories themselves,
 * {@code -n} numeric owners, {@code -1} one per line, {@code -i} inode numbers. Exit 2 when an
 * operand cannot be accessed, as GNU ls.
 */
public final class Ls extends Tool {

    /** One name to print, with its stat (null if the entry vanished) and symlink target. */
    private record Entry(String name, String path, Stat stat, String linkTarget, boolean directory) {
    }

    private final long bootEpochSeconds;

    public Ls(long bootEpochSeconds) {
        this.bootEpochSeconds = bootEpochSeconds;
    }

    private static final List<String> LONG = List.of("all>a", "almost-all>A", "directory>d", "numeric-uid-gid>n", "inode>i",
            "reverse>r", "recursive>R", "human-readable>h", "size>s", "classify>F", "file-type", "indicator-style=", "color=?",
            "time-style=", "full-time", "dereference>L", "dereference-command-line>H", "no-group>G", "si", "sort=", "time=",
            "quote-name>Q", "literal>N", "width=>w", "help", "version");

    /** ls's options, as the short letters they stand for (long ones mapped onto them). */
    private static final class Flags {
        final Set<String> set = new java.util.HashSet<>();
        char format = 0;
        String timeStyle = "locale";
        /** The line width for columns (-w; 80 without a terminal to ask). */
        int width = 80;
        char time = 'm';
        char sort = 0;

        boolean has(String f) {
            return set.contains(f);
        }
    }

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse("ls", c.args().operands(), "aAbcCdfFgGhHiklLmnNopqQrRsStuUvw:xX1", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 2);
        if (g.has("help")) return help(c);
        Flags f = new Flags();
        for (Getopt.Opt o : g.options()) {
            String k = o.key();
            switch (k) {
                case "l", "n", "g", "o" -> {
                    f.format = 'l';
                    f.set.add(k);
                }
                case "1", "C", "x", "m" -> f.format = k.charAt(0);
                case "c", "u" -> f.time = k.charAt(0);
                case "t", "S", "U", "X", "v" -> f.sort = k.charAt(0);
                case "f" -> {
                    f.sort = 'U';
                    f.set.add("a");
                }
                case "full-time" -> {
                    f.format = 'l';
                    f.timeStyle = "full-iso";
                }
                case "time-style" -> {
                    String style = o.value().startsWith("posix-") ? o.value().substring(6) : o.value();
                    if (!style.startsWith("+") && !List.of("full-iso", "long-iso", "iso", "locale").contains(style)) {
                        c.eprint("ls: invalid argument " + c.quoteLocale(o.value()) + " for " + c.quoteLocale("time style") + "\n"
                                + "Valid arguments are:\n  - [posix-]full-iso\n  - [posix-]long-iso\n  - [posix-]iso\n  - [posix-]locale\n"
                                + "  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\nTry 'ls --help' for more information.\n");
                        return c.exit(2);
                    }
                    f.timeStyle = o.value();
                }
                case "w" -> {
                    if (!o.value().matches("[0-9]+")) {
                        c.error("invalid line width: " + c.quoteLocale(o.value()));
                        return c.exit(2);
                    }
                    // -w 0: no limit
                    f.width = o.value().length() > 9 || Long.parseLong(o.value()) == 0 ? Integer.MAX_VALUE : Integer.parseInt(o.value());
                }
                case "file-type" -> f.set.add("p");
                case "indicator-style" -> {
                    if (o.value().equals("classify")) f.set.add("F");
                    else if (o.value().equals("slash")) f.set.add("p");
                    else if (o.value().equals("file-type")) f.set.add("p");
                }
                case "color" -> {
                    String v = o.value() == null ? "always" : o.value();
                    if (!List.of("always", "yes", "force", "never", "no", "none", "auto", "tty", "if-tty").contains(v)) {
                        c.eprint("ls: invalid argument " + c.quoteLocale(v) + " for " + c.quoteLocale("--color") + "\nValid arguments are:\n"
                                + "  - " + c.quoteLocale("always") + ", " + c.quoteLocale("yes") + ", " + c.quoteLocale("force") + "\n"
                                + "  - " + c.quoteLocale("never") + ", " + c.quoteLocale("no") + ", " + c.quoteLocale("none") + "\n"
                                + "  - " + c.quoteLocale("auto") + ", " + c.quoteLocale("tty") + ", " + c.quoteLocale("if-tty") + "\n"
                                + "Try 'ls --help' for more information.\n");
                        // argmatch's failure, unlike ls's own usage errors, exits 1
                        return c.exit(1);
                    }
                }
                case "sort" -> f.sort = switch (o.value()) {
                    case "time" -> 't';
                    case "size" -> 'S';
                    case "none" -> 'U';
                    case "extension" -> 'X';
                    default -> 0;
                };
                default -> f.set.add(k);
            }
        }
        if (f.has("d") && f.has("R")) f.set.remove("R");
        boolean longFormat = f.format == 'l';
        Run run = new Run(c, f, g.operands(), longFormat);
        return c.clock(dev.syssim.sim.os.ClockGettime.CLOCK_REALTIME, now -> {
            run.now = now;
            if (longFormat) return c.users(db -> {
                run.users = db;
                return run.start();
            });
            return run.start();
        });
    }

    private final class Run {
        final Libc c;
        final Flags o;
        final List<String> given;
        final boolean longFormat;
        UserDb users;
        int status;
        boolean printedSomething;
        long now;

        Run(Libc c, Flags o, List<String> given, boolean longFormat) {
            this.c = c;
            this.o = o;
            this.given = given;
            this.longFormat = longFormat;
        }

        Step start() {
            List<String> operands = given.isEmpty() ? List.of(".") : given;
            List<Entry> files = new ArrayList<>();
            List<Entry> dirs = new ArrayList<>();
            boolean followArgs = !longFormat && !o.has("d") && !o.has("F") && !o.has("p") || o.has("L") || o.has("H");
            return Libc.forEach(operands, (path, next) -> c.statOf(path, followArgs || path.endsWith("/"), (err, st) -> {
                if (err != null) {
                    c.error("cannot access " + Libc.quote(path) + ": " + err.message());
                    status = 2;
                    return next.get();
                }
                if (st.type() == FileType.SYMLINK && !o.has("d")) {
                    // a link to a directory on the command line is listed as the directory, except with -l, -F, -d
                    return c.statOf(path, true, (e2, target) -> {
                        if (target != null && target.type() == FileType.DIRECTORY && !longFormat && !o.has("F") && !o.has("p")) {
                            dirs.add(new Entry(path, path, target, null, true));
                            return next.get();
                        }
                        if (!longFormat) {
                            files.add(new Entry(path, path, st, null, false));
                            return next.get();
                        }
                        return c.sys(new Syscall.Readlink(path), r -> {
                            files.add(new Entry(path, path, st, r.failed() ? null : (String) r.data(), false));
                            return next.get();
                        });
                    });
                }
                if (st.type() == FileType.SYMLINK && longFormat) {
                    return c.sys(new Syscall.Readlink(path), r -> {
                        files.add(new Entry(path, path, st, r.failed() ? null : (String) r.data(), st.type() == FileType.DIRECTORY));
                        return next.get();
                    });
                }
                boolean listAsDirectory = st.type() == FileType.DIRECTORY && !o.has("d");
                (listAsDirectory ? dirs : files).add(new Entry(path, path, st, null, st.type() == FileType.DIRECTORY));
                return next.get();
            }), () -> {
                files.sort(order());
                dirs.sort(order());
                if (!files.isEmpty()) {
                    // the widths of the long format count every command-line operand, directories too (GNU ls)
                    List<Entry> measured = new ArrayList<>(files);
                    measured.addAll(dirs);
                    widthsFrom = measured;
                    print(files, false);
                    widthsFrom = null;
                    printedSomething = true;
                }
                boolean headers = operands.size() > 1 || recursive() || status != 0 && !dirs.isEmpty();
                return Libc.forEach(dirs, (dir, next) -> listDirectory(dir, headers, next), () -> c.exit(status));
            });
        }

        boolean recursive() {
            return o.has("R");
        }

        long time(Stat st) {
            return o.time == 'c' ? st.ctime() : o.time == 'u' ? st.atime() : st.mtime();
        }

        /** Name order (the locale's: code points under C.UTF-8), newest first (-t), largest first (-S), none (-U); -r reverses. */
        Comparator<Entry> order() {
            Comparator<Entry> byName = Comparator.comparing(Entry::name);
            Comparator<Entry> order = byName;
            if (o.sort == 'U') return (a, b) -> 0;
            if (o.sort == 't') order = Comparator.comparingLong((Entry e) -> e.stat() == null ? 0 : -time(e.stat())).thenComparing(byName);
            else if (o.sort == 'S') order = Comparator.comparingLong((Entry e) -> e.stat() == null ? 0 : -e.stat().size()).thenComparing(byName);
            else if (o.sort == 'X') order = Comparator.comparing((Entry e) -> extension(e.name())).thenComparing(byName);
            // -v: filevercmp, names that compare equal then by bytes (ls.c's cmp_version)
            else if (o.sort == 'v') order = ((Comparator<Entry>) (a, b) -> VersionOrder.compare(a.name(), b.name())).thenComparing(byName);
            return o.has("r") ? order.reversed() : order;
        }

        Step listDirectory(Entry dir, boolean header, java.util.function.Supplier<Step> next) {
            boolean withDots = o.has("a");
            // (o.set holds the letters given)
            return c.listDirectory(dir.path(), withDots, (err, entries) -> {
                if (err != null) {
                    c.error("cannot open directory " + Libc.quote(dir.path()) + ": " + err.message());
                    status = 2;
                    return next.get();
                }
                if (!withDots && !o.has("A")) entries.removeIf(d -> d.name().startsWith("."));
                if (header) c.println((printedSomething ? "\n" : "") + shown(dir.name()) + ":");
                printedSomething = true;
                String base = dir.path().endsWith("/") ? dir.path() : dir.path() + "/";
                String shownBase = dir.name().endsWith("/") ? dir.name() : dir.name() + "/";
                boolean needStat = longFormat || o.has("i") || o.has("F") || o.has("p") || o.sort == 't' || o.sort == 'S' || o.has("s");
                List<Entry> described = new ArrayList<>();
                java.util.function.Supplier<Step> printed = () -> {
                    described.sort(order());
                    print(described, true);
                    if (!recursive()) return next.get();
                    List<Entry> subdirs = new ArrayList<>();
                    for (Entry e : described) {
                        if (e.name().equals(".") || e.name().equals("..")) continue;
                        if (e.directory()) subdirs.add(new Entry(shownBase + e.name(), base + e.name(), e.stat(), null, true));
                    }
                    return Libc.forEach(subdirs, (sub, more) -> listDirectory(sub, true, more), next);
                };
                if (!needStat) {
                    // getdents' d_type is all -R needs to know which entries are directories
                    for (Dirent d : entries) described.add(new Entry(d.name(), null, null, null, d.type() == FileType.DIRECTORY));
                    return printed.get();
                }
                return Libc.forEach(entries, (d, more) -> c.statOf(base + d.name(), false, (e, st) -> {
                    if (e != null) {
                        c.error("cannot access " + Libc.quote(base + d.name()) + ": " + e.message());
                        status = 1;
                        return more.get();
                    }
                    if (st.type() == FileType.SYMLINK && longFormat) {
                        return c.sys(new Syscall.Readlink(base + d.name()), r -> {
                            described.add(new Entry(d.name(), base + d.name(), st, r.failed() ? null : (String) r.data(), st.type() == FileType.DIRECTORY));
                            return more.get();
                        });
                    }
                    described.add(new Entry(d.name(), base + d.name(), st, null, st.type() == FileType.DIRECTORY));
                    return more.get();
                }), printed);
            });
        }

        void print(List<Entry> entries, boolean showTotal) {
            if (longFormat) {
                printLong(entries, showTotal);
                return;
            }
            if (o.has("s") && showTotal) c.println("total " + blocksText(totalBlocks(entries)));
            char format = o.format != 0 ? o.format : c.stdoutIsTerminal() ? 'C' : '1';
            if (format == 'm') {
                List<String> names = new ArrayList<>();
                for (Entry e : entries) names.add(prefix(e, 0, 0) + shown(e.name()) + suffix(e));
                if (!names.isEmpty()) c.println(String.join(", ", names));
            } else if (format == 'C' || format == 'x') {
                printColumns(entries, format == 'x');
            } else {
                int inodeWidth = inodeWidth(entries);
                int blockWidth = blockWidth(entries);
                for (Entry e : entries) c.println(prefix(e, inodeWidth, blockWidth) + shown(e.name()) + suffix(e));
            }
        }

        int inodeWidth(List<Entry> entries) {
            int w = 0;
            if (o.has("i") && (o.format == 'C' || o.format == 'x' || c.stdoutIsTerminal() && o.format == 0)) {
                for (Entry e : entries) if (e.stat() != null) w = Math.max(w, Long.toString(e.stat().inode()).length());
            }
            return w;
        }

        int blockWidth(List<Entry> entries) {
            int w = 0;
            if (o.has("s")) for (Entry e : entries) if (e.stat() != null) w = Math.max(w, blocksText(e.stat().blocks()).length());
            return w;
        }

        long totalBlocks(List<Entry> entries) {
            long blocks = 0;
            for (Entry e : entries) if (e.stat() != null) blocks += e.stat().blocks();
            return blocks;
        }

        /** st_blocks (512-byte units) in ls's 1 KiB blocks, or human-readable. */
        String blocksText(long sectors) {
            if (o.has("si")) return Human.readable(sectors * 512, Human.AUTOSCALE | Human.SI, 1, 1);
            if (o.has("h")) return Human.size(sectors * 512);
            return Long.toString((sectors + 1) / 2);
        }

        String prefix(Entry e, int inodeWidth, int blockWidth) {
            StringBuilder p = new StringBuilder();
            if (o.has("i") && e.stat() != null) p.append(pad(Long.toString(e.stat().inode()), inodeWidth, true)).append(' ');
            if (o.has("s") && e.stat() != null) p.append(pad(blocksText(e.stat().blocks()), blockWidth, true)).append(' ');
            return p.toString();
        }

        /** A name as printed: -Q puts it in double quotes with C escapes (ls's c quoting style). */
        String shown(String name) {
            if (!o.has("Q")) return name;
            StringBuilder out = new StringBuilder("\"");
            for (int i = 0; i < name.length(); i++) {
                char ch = name.charAt(i);
                switch (ch) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (ch < 0x20 || ch == 0x7f) out.append(String.format("\\%03o", (int) ch));
                        else out.append(ch);
                    }
                }
            }
            return out.append('"').toString();
        }

        String suffix(Entry e) {
            if (!(o.has("F") || o.has("p")) || e.stat() == null) return "";
            if (o.has("p")) return e.stat().type() == FileType.DIRECTORY ? "/" : "";
            return switch (e.stat().type()) {
                case DIRECTORY -> "/";
                case SYMLINK -> "@";
                case FIFO -> "|";
                case SOCKET -> "=";
                default -> (e.stat().permissions() & 0111) != 0 && e.stat().type() == FileType.REGULAR ? "*" : "";
            };
        }

        void printColumns(List<Entry> entries, boolean across) {
            if (entries.isEmpty()) return;
            List<String> names = new ArrayList<>();
            int inodeWidth = inodeWidth(entries);
            int blockWidth = blockWidth(entries);
            for (Entry e : entries) names.add(prefix(e, inodeWidth, blockWidth) + shown(e.name()) + suffix(e));
            c.print(across ? Columns.across(names, o.width) : Columns.layout(names, o.width));
        }

        /** Entries whose fields decide the long format's column widths, when not the ones printed. */
        List<Entry> widthsFrom;

        void printLong(List<Entry> printed, boolean showTotal) {
            List<Entry> entries = widthsFrom != null ? widthsFrom : printed;
            long blocks = 0;
            int linkWidth = 1;
            int userWidth = 1;
            int groupWidth = 1;
            int sizeWidth = 1;
            for (Entry e : entries) {
                Stat st = e.stat();
                blocks += st.blocks();
                linkWidth = Math.max(linkWidth, Integer.toString(st.links()).length());
                userWidth = Math.max(userWidth, owner(st).length());
                groupWidth = Math.max(groupWidth, group(st).length());
                sizeWidth = Math.max(sizeWidth, size(st).length());
            }
            if (showTotal) c.println("total " + blocksText(blocks));
            int inodeWidth = 0;
            if (o.has("i")) for (Entry e : entries) inodeWidth = Math.max(inodeWidth, Long.toString(e.stat().inode()).length());
            int blockWidth = blockWidth(entries);
            boolean showOwner = !o.has("g");
            boolean showGroup = !o.has("o") && !o.has("G");
            for (Entry e : printed) {
                Stat st = e.stat();
                StringBuilder line = new StringBuilder(prefix(e, inodeWidth, blockWidth));
                line.append(modeString(st)).append(' ')
                        .append(pad(Integer.toString(st.links()), linkWidth, true)).append(' ');
                if (showOwner) line.append(pad(owner(st), userWidth, false)).append(' ');
                if (showGroup) line.append(pad(group(st), groupWidth, false)).append(' ');
                line.append(pad(size(st), sizeWidth, true)).append(' ')
                        .append(date(time(st))).append(' ')
                        .append(shown(e.name())).append(suffix(e));
                if (e.linkTarget() != null) line.append(" -> ").append(shown(e.linkTarget()));
                c.println(line.toString());
            }
        }

        String owner(Stat st) {
            return o.has("n") ? Integer.toString(st.uid()) : users.userName(st.uid());
        }

        String group(Stat st) {
            return o.has("n") ? Integer.toString(st.gid()) : users.groupName(st.gid());
        }

        String size(Stat st) {
            if (st.type() == FileType.CHAR_DEVICE || st.type() == FileType.BLOCK_DEVICE) return st.rdevMajor() + ", " + st.rdevMinor();
            if (o.has("si")) return Human.readable(st.size(), Human.AUTOSCALE | Human.SI, 1, 1);
            if (o.has("h")) return Human.size(st.size());
            return Long.toString(st.size());
        }

        /** The date column: ls's locale style (time within six months, else the year), or --time-style. */
        String date(long simNanos) {
            long epoch = bootEpochSeconds + Math.floorDiv(simNanos, 1_000_000_000L);
            int nanos = (int) Math.floorMod(simNanos, 1_000_000_000L);
            java.time.ZonedDateTime t = java.time.Instant.ofEpochSecond(epoch, nanos).atZone(java.time.ZoneOffset.UTC);
            String style = o.timeStyle;
            if (style.startsWith("posix-")) style = style.substring(6);
            if (style.startsWith("+")) {
                String fmt = style.substring(1);
                int nl = fmt.indexOf('\n');
                return dev.syssim.sim.prog.tools.system.Date.format(nl >= 0 ? fmt.substring(0, nl) : fmt, t);
            }
            switch (style) {
                case "full-iso":
                    return dev.syssim.sim.prog.tools.system.Date.format("%Y-%m-%d %H:%M:%S", t) + String.format(".%09d +0000", nanos);
                case "long-iso":
                    return dev.syssim.sim.prog.tools.system.Date.format("%Y-%m-%d %H:%M", t);
                case "iso": {
                    boolean recent = Math.abs(now / 1_000_000_000L - epoch) < 15_778_476L;
                    return dev.syssim.sim.prog.tools.system.Date.format(recent ? "%m-%d %H:%M" : "%Y-%m-%d ", t);
                }
                default: {
                    long nowSeconds = now / 1_000_000_000L;
                    boolean recent = epoch <= nowSeconds + 3600 && nowSeconds - epoch < 15_778_476L;
                    return dev.syssim.sim.prog.tools.system.Date.format(recent ? "%b %e %H:%M" : "%b %e  %Y", t);
                }
            }
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot);
    }

    /** {@code drwxr-xr-x}, with s/t for setuid, setgid and sticky bits. */
    public static String modeString(Stat st) {
        int p = st.permissions();
        char[] m = new char[10];
        m[0] = st.type().letter();
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) m[i + 1] = (p & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-';
        if ((p & 04000) != 0) m[3] = m[3] == 'x' ? 's' : 'S';
        if ((p & 02000) != 0) m[6] = m[6] == 'x' ? 's' : 'S';
        if ((p & 01000) != 0) m[9] = m[9] == 'x' ? 't' : 'T';
        return new String(m);
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) return s;
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }

    @Override
    public String manual() {
        return "ls [OPTION]... [FILE]...\n  List information about the FILEs (the current directory by default).\n"
                + "  -a  do not ignore entries starting with .\n  -A  like -a, but without . and ..\n"
                + "  -d  list directories themselves, not their contents\n  -i  print the inode number of each file\n"
                + "  -l  use a long listing format\n  -n  like -l, but list numeric user and group IDs\n"
                + "  -h  with -l, print sizes like 1K 234M\n  -F  append indicator (one of */=@|) to entries\n"
                + "  -1  list one file per line\n  -r, --reverse  reverse order while sorting\n"
                + "  -R, --recursive  list subdirectories recursively\n  -S  sort by file size, largest first\n"
                + "  -t  sort by time, newest first\n"
                + "  Exit status: 0 if OK, 1 if minor problems, 2 if serious trouble (e.g. cannot access an operand).";
    }
}
