package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.FileTimes;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
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

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("ls", c.args().operands(), "laAdn1ihFrtSR", "", Set.of("help", "all", "almost-all", "directory",
                "numeric-uid-gid", "inode", "reverse", "recursive", "human-readable"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 2);
        if (o.has("help")) return help(c);
        boolean longFormat = o.has("l") || o.has("n");
        Run run = new Run(c, o, longFormat);
        if (longFormat) return c.users(db -> {
            run.users = db;
            return run.start();
        });
        return run.start();
    }

    private final class Run {
        final Libc c;
        final Options o;
        final boolean longFormat;
        UserDb users;
        int status;
        boolean printedSomething;

        Run(Libc c, Options o, boolean longFormat) {
            this.c = c;
            this.o = o;
            this.longFormat = longFormat;
        }

        Step start() {
            List<String> operands = o.operands().isEmpty() ? List.of(".") : o.operands();
            List<Entry> files = new ArrayList<>();
            List<Entry> dirs = new ArrayList<>();
            return Libc.forEach(operands, (path, next) -> c.statOf(path, !longFormat || path.endsWith("/"), (err, st) -> {
                if (err != null) {
                    c.error("cannot access " + Libc.quote(path) + ": " + err.message());
                    status = 2;
                    return next.get();
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
                    print(files, false);
                    printedSomething = true;
                }
                boolean headers = operands.size() > 1 || recursive();
                return Libc.forEach(dirs, (dir, next) -> listDirectory(dir, headers, next), () -> c.exit(status));
            });
        }

        boolean recursive() {
            return o.hasAny("R", "recursive");
        }

        /** Name order (the C locale's), or newest first (-t), or largest first (-S); -r reverses. */
        Comparator<Entry> order() {
            Comparator<Entry> byName = Comparator.comparing(Entry::name);
            Comparator<Entry> order = byName;
            if (o.has("t")) order = Comparator.comparingLong((Entry e) -> e.stat() == null ? 0 : -e.stat().mtime()).thenComparing(byName);
            else if (o.has("S")) order = Comparator.comparingLong((Entry e) -> e.stat() == null ? 0 : -e.stat().size()).thenComparing(byName);
            return o.hasAny("r", "reverse") ? order.reversed() : order;
        }

        Step listDirectory(Entry dir, boolean header, java.util.function.Supplier<Step> next) {
            boolean withDots = o.has("a");
            return c.listDirectory(dir.path(), withDots, (err, entries) -> {
                if (err != null) {
                    c.error("cannot open directory " + Libc.quote(dir.path()) + ": " + err.message());
                    status = 2;
                    return next.get();
                }
                if (!withDots && !o.has("A")) entries.removeIf(d -> d.name().startsWith("."));
                if (header) c.println((printedSomething ? "\n" : "") + dir.name() + ":");
                printedSomething = true;
                String base = dir.path().endsWith("/") ? dir.path() : dir.path() + "/";
                String shownBase = dir.name().endsWith("/") ? dir.name() : dir.name() + "/";
                boolean needStat = longFormat || o.has("i") || o.has("F") || o.has("t") || o.has("S");
                List<Entry> described = new ArrayList<>();
                java.util.function.Supplier<Step> printed = () -> {
                    described.sort(order());
                    print(described, longFormat);
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
            } else if (c.stdoutIsTerminal() && !o.has("1")) {
                printColumns(entries);
            } else {
                for (Entry e : entries) c.println(prefix(e) + e.name() + suffix(e));
            }
        }

        String prefix(Entry e) {
            return o.has("i") && e.stat() != null ? e.stat().inode() + " " : "";
        }

        String suffix(Entry e) {
            if (!o.has("F") || e.stat() == null) return "";
            return switch (e.stat().type()) {
                case DIRECTORY -> "/";
                case SYMLINK -> "@";
                case FIFO -> "|";
                case SOCKET -> "=";
                default -> (e.stat().permissions() & 0111) != 0 && e.stat().type() == FileType.REGULAR ? "*" : "";
            };
        }

        void printColumns(List<Entry> entries) {
            if (entries.isEmpty()) return;
            List<String> names = new ArrayList<>();
            for (Entry e : entries) names.add(prefix(e) + e.name() + suffix(e));
            c.print(Columns.layout(names, 80));
        }

        void printLong(List<Entry> entries, boolean showTotal) {
            long blocks = 0;
            int linkWidth = 1;
            int userWidth = 1;
            int groupWidth = 1;
            int sizeWidth = 1;
            for (Entry e : entries) {
                Stat st = e.stat();
                blocks += st.blocks() / 2;
                linkWidth = Math.max(linkWidth, Integer.toString(st.links()).length());
                userWidth = Math.max(userWidth, owner(st).length());
                groupWidth = Math.max(groupWidth, group(st).length());
                sizeWidth = Math.max(sizeWidth, size(st).length());
            }
            if (showTotal) c.println("total " + blocks);
            for (Entry e : entries) {
                Stat st = e.stat();
                StringBuilder line = new StringBuilder(prefix(e));
                line.append(modeString(st)).append(' ')
                        .append(pad(Integer.toString(st.links()), linkWidth, true)).append(' ')
                        .append(pad(owner(st), userWidth, false)).append(' ')
                        .append(pad(group(st), groupWidth, false)).append(' ')
                        .append(pad(size(st), sizeWidth, true)).append(' ')
                        .append(FileTimes.lsDate(bootEpochSeconds, st.mtime())).append(' ')
                        .append(e.name()).append(suffix(e));
                if (e.linkTarget() != null) line.append(" -> ").append(e.linkTarget());
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
            if (o.has("h")) return human(st.size());
            return Long.toString(st.size());
        }
    }

    static String human(long size) {
        if (size < 1024) return Long.toString(size);
        String[] units = {"K", "M", "G", "T"};
        double v = size;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return v < 10 ? String.format(java.util.Locale.ROOT, "%.1f%s", Math.ceil(v * 10) / 10, units[u]) : Math.round(Math.ceil(v)) + units[u];
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
