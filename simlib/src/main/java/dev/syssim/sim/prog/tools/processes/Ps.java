package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import dev.syssim.sim.prog.tools.system.Date;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * ps (procps-ng 4.0.2): a report of the processes, read from /proc exactly as the real one does —
 * list /proc, then for each process read /proc/PID/stat, /proc/PID/status and (for the long forms)
 * /proc/PID/cmdline. Selection and format follow procps: {@code ps} alone shows the processes of
 * this user on this terminal; {@code -e}/{@code -A} all; {@code -f} full and {@code -l} long
 * format; {@code aux} the BSD user format; {@code -p}, {@code --ppid}, {@code -u}, {@code -U},
 * {@code -C} select; {@code -o FIELDS} chooses the columns; {@code --forest} (or {@code -H}, BSD
 * {@code f}) draws the process tree. PID columns are as wide as /proc/sys/kernel/pid_max has digits.
 * On a terminal, lines are cut at its width (80 columns).
 *
 * <p>Simplifications: WCHAN is always {@code -} (the simulation does not publish the kernel
 * function a process sleeps in), and F is 4 for processes of root, 1 for kernel threads, else 0
 * (Linux's PF_SUPERPRIV and PF_FORKNOEXEC bits, which the simulation does not keep).
 */
public final class Ps extends Tool {

    /** A column: header, width, alignment, and how to print it for a process. */
    private record Column(String header, int width, boolean right, boolean user, Function<Row, String> value) {
    }

    /** What a column needs: the process, its depth in a forest, and the report's context. */
    private record Row(ProcEntry p, int depth, Context x) {
    }

    /** Machine-wide facts ps reads once: uptime, boot time, memory, the clock, the user database. */
    private record Context(double uptime, long btime, long memTotalKiB, long now, UserDb users, boolean forest) {
    }

    private static final String USAGE = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n"
            + "  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";

    @Override
    protected Step run(Libc c) {
        Selection s = new Selection();
        String error = s.parse(c.args().operands());
        if (error != null) return fail(c, error);
        if (s.help) return help(c);
        boolean needArgs = s.format().contains("args") || s.format().contains("cmd") || s.format().contains("command") || s.commands != null;
        return c.users(db -> {
            if (s.users != null) {
                for (String u : s.users) {
                    if (db.user(u) == null && !u.matches("[0-9]+")) return fail(c, "user name does not exist");
                }
            }
            return ProcTable.pidWidth(c, pidWidth -> {
                List<Column> columns = new ArrayList<>();
                for (String f : s.format().split(",")) {
                    Column col = column(f, pidWidth);
                    if (col == null) return fail(c, "unknown user-defined format specifier \"" + f.replaceAll("=.*", "") + "\"");
                    columns.add(col);
                }
                return report(c, s, columns, db, needArgs);
            });
        });
    }

    private static Step fail(Libc c, String error) {
        c.eprint("error: " + error + "\n" + USAGE);
        return c.exit(1);
    }

    private static Step report(Libc c, Selection s, List<Column> columns, UserDb db, boolean needArgs) {
        return c.sys(new Syscall.Ioctl(1, Syscall.Ioctl.TIOCGWINSZ), winsize ->
                c.readFile("/proc/uptime", (e1, uptime) -> c.readFile("/proc/stat", (e2, stat) -> c.readFile("/proc/meminfo", (e3, meminfo) ->
                        c.clock(ClockGettime.CLOCK_REALTIME, now -> {
                            Context x = new Context(first(uptime), field(stat, "btime"), field(meminfo, "MemTotal:"), now / 1_000_000_000L, db, s.forest);
                            return ProcTable.self(c, me -> ProcTable.read(c, needArgs, processes -> {
                                List<ProcEntry> shown = new ArrayList<>();
                                for (ProcEntry p : processes) if (s.selects(p, me, db)) shown.add(p);
                                List<Row> rows = s.forest ? forest(shown, x) : shown.stream().map(p -> new Row(p, 0, x)).toList();
                                int width = winsize.failed() ? Integer.MAX_VALUE : 80;
                                StringBuilder out = new StringBuilder();
                                if (s.header(columns)) out.append(cut(line(columns, null), width)).append('\n');
                                for (Row r : rows) out.append(cut(line(columns, r), width)).append('\n');
                                c.print(out.toString());
                                return c.exit(shown.isEmpty() ? 1 : 0);
                            }));
                        })))));
    }

    /** The shown processes as trees: each root (its parent not shown) then its children, depth first, in pid order. */
    private static List<Row> forest(List<ProcEntry> shown, Context x) {
        Set<Integer> pids = new HashSet<>();
        Map<Integer, List<ProcEntry>> children = new HashMap<>();
        for (ProcEntry p : shown) pids.add(p.pid());
        List<ProcEntry> roots = new ArrayList<>();
        for (ProcEntry p : shown) {
            if (pids.contains(p.ppid()) && p.ppid() != p.pid()) children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p);
            else roots.add(p);
        }
        List<Row> out = new ArrayList<>();
        java.util.ArrayDeque<Row> stack = new java.util.ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) stack.push(new Row(roots.get(i), 0, x));
        while (!stack.isEmpty()) {
            Row r = stack.pop();
            out.add(r);
            List<ProcEntry> kids = children.getOrDefault(r.p().pid(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) stack.push(new Row(kids.get(i), r.depth() + 1, x));
        }
        return out;
    }

    private static double first(byte[] text) {
        if (text == null) return 0;
        return Double.parseDouble(Libc.text(text).strip().split("\\s+")[0]);
    }

    private static long field(byte[] text, String name) {
        if (text == null) return 0;
        for (String line : Libc.text(text).split("\n")) {
            if (line.startsWith(name)) return Long.parseLong(line.substring(name.length()).strip().split("\\s+")[0]);
        }
        return 0;
    }

    // ---- what to show ----

    /** The options: which processes, which format. */
    private static final class Selection {
        boolean all;
        boolean bsdAll;
        boolean bsdNoTty;
        boolean bsdUser;
        boolean full;
        boolean longFormat;
        boolean help;
        boolean bsd;
        boolean forest;
        String custom;
        List<Integer> pids;
        List<Integer> ppids;
        List<String> users;
        List<String> realUsers;
        List<String> commands;

        /** Parses ps's mixed syntax: {@code -ef} (UNIX), {@code aux} (BSD), {@code --pid N}; null or an error. */
        String parse(List<String> args) {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String next = i + 1 < args.size() ? args.get(i + 1) : null;
                if (a.startsWith("--")) {
                    String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                    String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
                    switch (name) {
                        case "--help" -> help = true;
                        case "--forest" -> forest = true;
                        case "--pid", "--ppid", "--format", "--user", "--User", "--cols", "--columns", "--width", "--sort" -> {
                            if (value == null) {
                                if (next == null) return name.equals("--format") ? "format specification must follow --format"
                                        : name.equals("--pid") ? "list of process IDs must follow --pid" : "unknown gnu long option";
                                value = next;
                                i++;
                            }
                            String err = switch (name) {
                                case "--pid" -> pidList(value, false);
                                case "--ppid" -> pidList(value, true);
                                case "--format" -> format(value);
                                case "--user" -> users(value, false);
                                case "--User" -> users(value, true);
                                default -> null;
                            };
                            if (err != null) return err;
                        }
                        default -> {
                            return "unknown gnu long option";
                        }
                    }
                } else if (a.startsWith("-")) {
                    for (int j = 1; j < a.length(); j++) {
                        char ch = a.charAt(j);
                        String rest = a.substring(j + 1);
                        boolean attached = !rest.isEmpty();
                        String value = attached ? rest : next;
                        switch (ch) {
                            case 'e', 'A' -> all = true;
                            case 'f' -> full = true;
                            case 'l' -> longFormat = true;
                            case 'H' -> forest = true;
                            case 'a', 'd', 'N', 'w', 'M', 'y', 'c', 'j' -> { }
                            case 'p', 'o', 'u', 'U', 'C', 'q' -> {
                                if (value == null) {
                                    return switch (ch) {
                                        case 'p', 'q' -> "list of process IDs must follow -" + ch;
                                        case 'o' -> "format specification must follow -o";
                                        case 'u', 'U' -> "list of users must follow -" + ch;
                                        default -> "list of command names must follow -C";
                                    };
                                }
                                if (!attached) i++;
                                String err = switch (ch) {
                                    case 'p', 'q' -> pidList(value, false);
                                    case 'o' -> format(value);
                                    case 'u' -> users(value, false);
                                    case 'U' -> users(value, true);
                                    default -> {
                                        commands = commands == null ? new ArrayList<>() : commands;
                                        commands.addAll(List.of(value.split(",")));
                                        yield null;
                                    }
                                };
                                if (err != null) return err;
                                j = a.length();
                            }
                            default -> {
                                return "unsupported SysV option";
                            }
                        }
                    }
                } else {
                    bsd = true;
                    for (int j = 0; j < a.length(); j++) {
                        char ch = a.charAt(j);
                        switch (ch) {
                            case 'a' -> bsdAll = true;
                            case 'x' -> bsdNoTty = true;
                            case 'u' -> bsdUser = true;
                            case 'f' -> forest = true;
                            case 'e', 'w', 'h' -> { }
                            case 'p', 'o', 'U' -> {
                                String value = j + 1 < a.length() ? a.substring(j + 1) : next;
                                if (value == null) return ch == 'o' ? "format specification must follow o" : "list of process IDs must follow " + ch;
                                if (j + 1 >= a.length()) i++;
                                String err = ch == 'p' ? pidList(value, false) : ch == 'o' ? format(value) : users(value, false);
                                if (err != null) return err;
                                j = a.length();
                            }
                            default -> {
                                return "unsupported option (BSD syntax)";
                            }
                        }
                    }
                }
            }
            return null;
        }

        private String format(String text) {
            custom = custom == null ? text : custom + "," + text;
            return null;
        }

        private String users(String text, boolean real) {
            List<String> list = List.of(text.split(","));
            if (real) realUsers = list;
            else users = list;
            return null;
        }

        private String pidList(String text, boolean parents) {
            List<Integer> into = new ArrayList<>();
            for (String p : text.split("[, ]")) {
                if (!p.matches("[0-9]+")) return "process ID list syntax error";
                long pid = p.length() > 10 ? Long.MAX_VALUE : Long.parseLong(p);
                if (pid <= 0 || pid > 0x7fffffffL) return "process ID out of range";
                into.add((int) pid);
            }
            if (parents) ppids = ppids == null ? into : concat(ppids, into);
            else pids = pids == null ? into : concat(pids, into);
            return null;
        }

        private static List<Integer> concat(List<Integer> a, List<Integer> b) {
            List<Integer> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }

        String format() {
            if (custom != null) return custom;
            if (bsdUser) return "user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args";
            if (bsd) return "pid,tname,stat,bsdtime,args";
            if (longFormat && full) return "f,s,uid_hack,pid,ppid,c,opri,ni,addr,sz,wchan,stime,tname,time,cmd";
            if (longFormat) return "f,s,uid,pid,ppid,c,opri,ni,addr,sz,wchan,tname,time,ucmd";
            if (full) return "uid_hack,pid,ppid,c,stime,tname,time,cmd";
            return "pid,tname,time,ucmd";
        }

        /** A header line unless every column was given an empty one ({@code -o pid=}). */
        boolean header(List<Column> columns) {
            for (Column c : columns) if (!c.header().isEmpty()) return true;
            return false;
        }

        boolean selects(ProcEntry p, ProcEntry me, UserDb db) {
            boolean explicit = pids != null || ppids != null || users != null || realUsers != null || commands != null;
            if (pids != null && pids.contains(p.pid())) return true;
            if (ppids != null && ppids.contains(p.ppid())) return true;
            if (users != null && matchesUser(users, p.euid(), db)) return true;
            if (realUsers != null && matchesUser(realUsers, p.ruid(), db)) return true;
            if (commands != null && matchesCommand(commands, p.comm())) return true;
            if (explicit && !all && !bsdAll && !bsdNoTty) return false;
            if (all) return true;
            if (bsd) {
                boolean mine = me != null && p.euid() == me.euid();
                if (bsdAll && bsdNoTty) return true;
                if (bsdAll) return p.ttyNr() != 0;
                if (bsdNoTty) return mine;
                return mine && me != null && p.ttyNr() == me.ttyNr();
            }
            return me != null && p.euid() == me.euid() && p.ttyNr() == me.ttyNr();
        }

        private static boolean matchesUser(List<String> names, int uid, UserDb db) {
            for (String u : names) {
                UserDb.User user = db.user(u);
                int id = user != null ? user.uid() : u.matches("[0-9]+") ? Integer.parseInt(u) : -1;
                if (id == uid) return true;
            }
            return false;
        }
    }

    // ---- columns ----

    private static Column column(String spec, int pidWidth) {
        String name = spec;
        String header = null;
        int eq = spec.indexOf('=');
        if (eq >= 0) {
            name = spec.substring(0, eq);
            header = spec.substring(eq + 1);
        }
        Column col = switch (name) {
            case "pid", "tgid" -> new Column("PID", pidWidth, true, false, r -> Integer.toString(r.p().pid()));
            case "ppid" -> new Column("PPID", pidWidth, true, false, r -> Integer.toString(r.p().ppid()));
            case "pgid", "pgrp" -> new Column("PGID", pidWidth, true, false, r -> Integer.toString(r.p().pgrp()));
            case "sid", "sess", "session" -> new Column("SID", pidWidth, true, false, r -> Integer.toString(r.p().session()));
            case "tname", "tty", "tt" -> new Column(name.equals("tname") ? "TTY" : "TT", 8, false, false, r -> r.p().tty());
            case "time", "cputime" -> new Column("TIME", 8, true, false, r -> cpuTime(r.p().cpuSeconds()));
            case "bsdtime" -> new Column("TIME", 6, true, false, r -> String.format("%d:%02d", r.p().cpuSeconds() / 60, r.p().cpuSeconds() % 60));
            case "ucmd" -> new Column("CMD", 15, false, false, r -> tree(r, r.p().ucmd()));
            case "comm", "ucomm" -> new Column("COMMAND", 15, false, false, r -> tree(r, r.p().ucmd()));
            case "cmd" -> new Column("CMD", 27, false, false, r -> tree(r, r.p().args()));
            case "args", "command" -> new Column("COMMAND", 27, false, false, r -> tree(r, r.p().args()));
            case "uid_hack" -> new Column("UID", 8, false, true, r -> r.x().users().userName(r.p().euid()));
            case "user", "euser", "uname" -> new Column("USER", 8, false, true, r -> r.x().users().userName(r.p().euid()));
            case "ruser" -> new Column("RUSER", 8, false, true, r -> r.x().users().userName(r.p().ruid()));
            case "group", "egroup" -> new Column("GROUP", 8, false, true, r -> r.x().users().groupName(r.p().egid()));
            case "uid", "euid" -> new Column(name.toUpperCase(java.util.Locale.ROOT), 5, true, false, r -> Integer.toString(r.p().euid()));
            case "ruid" -> new Column("RUID", 5, true, false, r -> Integer.toString(r.p().ruid()));
            case "gid", "egid" -> new Column(name.toUpperCase(java.util.Locale.ROOT), 5, true, false, r -> Integer.toString(r.p().egid()));
            case "c" -> new Column("C", 2, true, false, r -> Long.toString(Math.min(99, percentCpu(r) / 10)));
            case "pcpu", "%cpu" -> new Column("%CPU", 4, true, false, r -> tenths(percentCpu(r)));
            case "pmem", "%mem" -> new Column("%MEM", 4, true, false, r -> tenths(r.x().memTotalKiB() == 0 ? 0 : r.p().rssPages() * 4 * 1000 / r.x().memTotalKiB()));
            case "vsz", "vsize" -> new Column("VSZ", 6, true, false, r -> Long.toString(r.p().vsizeBytes() / 1024));
            case "sz" -> new Column("SZ", 5, true, false, r -> Long.toString(r.p().vsizeBytes() / 4096));
            case "rss", "rssize", "rsz" -> new Column("RSS", 5, true, false, r -> Long.toString(r.p().rssPages() * 4));
            case "stat" -> new Column("STAT", 4, false, false, Ps::stat);
            case "s", "state" -> new Column("S", 1, false, false, r -> String.valueOf(r.p().state()));
            case "f", "flag", "flags" -> new Column("F", 1, true, false, r -> r.p().cmdline().isEmpty() && r.p().pid() != 1 && r.p().vsizeBytes() == 0 ? "1"
                    : r.p().euid() == 0 ? "4" : "0");
            case "stime", "start_time" -> new Column(name.equals("stime") ? "STIME" : "START", 5, true, false, Ps::startTime);
            case "etime" -> new Column("ELAPSED", 11, true, false, Ps::elapsed);
            case "psr" -> new Column("PSR", 3, true, false, r -> Integer.toString(r.p().processor()));
            case "ni", "nice" -> new Column("NI", 3, true, false, r -> Integer.toString(r.p().nice()));
            case "pri" -> new Column("PRI", 3, true, false, r -> Integer.toString(19 - r.p().nice()));
            case "priority" -> new Column("PRI", 3, true, false, r -> Integer.toString(r.p().priority()));
            case "opri" -> new Column("PRI", 3, true, false, r -> Integer.toString(60 + r.p().priority()));
            case "addr" -> new Column("ADDR", 1, false, false, r -> "-");
            case "wchan" -> new Column("WCHAN", 6, false, false, r -> "-");
            default -> null;
        };
        if (col == null) return null;
        if (header != null) col = new Column(header, Math.max(col.width(), header.length()), col.right(), col.user(), col.value());
        return col;
    }

    /**
     * -C compares the first 15 characters, all the kernel keeps of a name: {@code -C qemu-system-x86_64}
     * finds {@code qemu-system-x86} (recorded with procps-ng 4.0.2: testdata/oracle/virt/libvirt.jsonl).
     */
    private static boolean matchesCommand(List<String> names, String comm) {
        for (String n : names) {
            String cut = n.length() > 15 ? n.substring(0, 15) : n;
            if (cut.equals(comm)) return true;
        }
        return false;
    }

    /** --forest: the command drawn under its parent, {@code  \_ } after four spaces per level. */
    private static String tree(Row r, String text) {
        if (!r.x().forest() || r.depth() == 0) return text;
        return "    ".repeat(r.depth() - 1) + " \\_ " + text;
    }

    /**
     * One line as procps lays it out: one space between columns; a right-aligned value ends at its
     * column's place if the line has room, so a value too wide for its column pushes the following
     * ones right only until a later right-aligned column takes the overflow back.
     */
    private static String line(List<Column> columns, Row row) {
        StringBuilder out = new StringBuilder();
        int place = 0;
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            boolean last = i == columns.size() - 1;
            String text = row == null ? col.header() : col.value().apply(row);
            if (row != null && col.user() && text.length() > col.width()) text = text.substring(0, col.width() - 1) + "+";
            if (i > 0) {
                out.append(' ');
                place++;
            }
            int end = place + col.width();
            if (col.right()) {
                out.append(" ".repeat(Math.max(0, end - out.length() - text.length()))).append(text);
            } else {
                out.append(text);
                if (!last) out.append(" ".repeat(Math.max(0, end - out.length())));
            }
            place = end;
        }
        return out.toString();
    }

    private static String cut(String line, int width) {
        return line.length() > width ? line.substring(0, width) : line;
    }

    private static String cpuTime(long seconds) {
        long days = seconds / 86400;
        String hms = String.format("%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        return days > 0 ? days + "-" + hms : hms;
    }

    /** CPU use over the process's life, in tenths of a percent (what %CPU and C print). */
    private static long percentCpu(Row r) {
        double alive = r.x().uptime() - (double) r.p().startTicks() / ProcEntry.HZ;
        long seconds = (long) alive;
        if (seconds <= 0) return 0;
        long ticks = r.p().utime() + r.p().stime();
        return Math.min(999, ticks * 1000 / ProcEntry.HZ / seconds);
    }

    private static String tenths(long value) {
        return value / 10 + "." + value % 10;
    }

    /** STAT: the state letter, then N (nice) or < (high priority), s (session leader), + (foreground group). */
    private static String stat(Row r) {
        ProcEntry p = r.p();
        StringBuilder s = new StringBuilder().append(p.state());
        if (p.nice() < 0) s.append('<');
        if (p.nice() > 0) s.append('N');
        if (p.pid() == p.session()) s.append('s');
        if (p.ttyNr() != 0 && p.pgrp() == p.tpgid()) s.append('+');
        return s.toString();
    }

    /** STIME/START: the clock time it started today, else the month and day, else the year. */
    private static String startTime(Row r) {
        long started = r.x().btime() + r.p().startTicks() / ProcEntry.HZ;
        ZonedDateTime t = Instant.ofEpochSecond(started).atZone(ZoneOffset.UTC);
        long age = r.x().now() - started;
        if (age < 24 * 3600) return String.format("%02d:%02d", t.getHour(), t.getMinute());
        if (age < 365L * 24 * 3600) return Date.format("%b%d", t);
        return Integer.toString(t.getYear());
    }

    private static String elapsed(Row r) {
        long seconds = (long) (r.x().uptime() - (double) r.p().startTicks() / ProcEntry.HZ);
        long days = seconds / 86400;
        String tail = String.format("%02d:%02d", seconds / 60 % 60, seconds % 60);
        if (days > 0) return days + "-" + String.format("%02d:", seconds / 3600 % 24) + tail;
        if (seconds >= 3600) return String.format("%02d:", seconds / 3600) + tail;
        return tail;
    }

    @Override
    public String whatis() {
        return "report a snapshot of the current processes.";
    }

    @Override
    public String manual() {
        return "ps [options]\n  Report the current processes, read from /proc. Without options: the processes of this user on this terminal.\n"
                + "  -e, -A        select all processes\n"
                + "  -f            full-format listing (UID PID PPID C STIME TTY TIME CMD)\n"
                + "  -l            long format (F S UID PID PPID C PRI NI ADDR SZ WCHAN TTY TIME CMD)\n"
                + "  -p PIDLIST    select by process ID; --ppid PIDLIST  by parent process ID\n"
                + "  -u USERLIST   select by effective user; -U USERLIST  by real user\n"
                + "  -C CMDLIST    select by command name\n"
                + "  -o FORMAT     user-defined format, e.g. -o pid,ppid,user,ni,stat,comm,args; -o pid= leaves out the header\n"
                + "  --forest, -H  show the process tree\n"
                + "  a             all processes with a terminal (BSD syntax); x  also those without; u  user-oriented format; f  forest\n"
                + "  Examples: ps -ef, ps aux, ps -l, ps -o pid,ppid,cmd, ps --forest, ps -p 1 -o pid,comm\n"
                + "  WCHAN is always - in the simulation.";
    }
}
