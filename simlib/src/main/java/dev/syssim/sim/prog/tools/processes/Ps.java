package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.tools.system.Date;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * ps (procps-ng 4.0.2): a report of the processes, read from /proc exactly as the real one does —
 * list /proc, then for each process read /proc/PID/stat, /proc/PID/status and (for the long forms)
 * /proc/PID/cmdline. Selection and format follow procps: {@code ps} alone shows the processes of
 * this user on this terminal; {@code -e}/{@code -A} all; {@code -f} full format; {@code aux} the BSD
 * user format; {@code -p PID}, {@code -u USER}, {@code -o FIELDS}. On a terminal, lines are cut at
 * its width (80 columns).
 */
public final class Ps extends Tool {

    /** A column: header, width, alignment, and how to print it for a process. */
    private record Column(String header, int width, boolean right, boolean user, Function<Row, String> value) {
    }

    /** What a column needs: the process and the report's context. */
    private record Row(ProcEntry p, Context x) {
    }

    /** Machine-wide facts ps reads once: uptime, boot time, memory, the clock, the user database. */
    private record Context(double uptime, long btime, long memTotalKiB, long now, UserDb users) {
    }

    private static final int PID_WIDTH = 7; // pid_max 4194304 has 7 digits

    @Override
    protected Step run(Libc c) {
        Selection s = new Selection();
        String error = s.parse(c.args().operands());
        if (error != null) {
            c.eprint("error: " + error + "\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n"
                    + "  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n");
            return c.exit(1);
        }
        if (s.help) return help(c);
        List<Column> columns = new ArrayList<>();
        for (String f : s.format().split(",")) {
            Column col = column(f);
            if (col == null) {
                c.eprint("error: unknown user-defined format specifier \"" + f.replaceAll("=.*", "") + "\"\n\nUsage:\n ps [options]\n\n"
                        + " Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n");
                return c.exit(1);
            }
            columns.add(col);
        }
        boolean needArgs = s.format().contains("args") || s.format().contains("cmd") || s.format().contains("command");
        return c.sys(new Syscall.Ioctl(1, Syscall.Ioctl.TIOCGWINSZ), winsize -> c.users(db ->
                c.readFile("/proc/uptime", (e1, uptime) -> c.readFile("/proc/stat", (e2, stat) -> c.readFile("/proc/meminfo", (e3, meminfo) ->
                        c.clock(ClockGettime.CLOCK_REALTIME, now -> {
                            Context x = new Context(first(uptime), field(stat, "btime"), field(meminfo, "MemTotal:"), now / 1_000_000_000L, db);
                            return self(c, me -> listProcesses(c, needArgs, processes -> {
                                List<ProcEntry> shown = new ArrayList<>();
                                for (ProcEntry p : processes) if (s.selects(p, me, db)) shown.add(p);
                                int width = winsize.failed() ? Integer.MAX_VALUE : 80;
                                StringBuilder out = new StringBuilder();
                                if (s.header(columns)) out.append(cut(line(columns, null, true), width)).append('\n');
                                for (ProcEntry p : shown) out.append(cut(line(columns, new Row(p, x), false), width)).append('\n');
                                c.print(out.toString());
                                return c.exit(shown.isEmpty() ? 1 : 0);
                            }));
                        }))))));
    }

    /** ps's own entry, for the selection of plain {@code ps} (same user, same terminal). */
    private static Step self(Libc c, Function<ProcEntry, Step> then) {
        return c.readFile("/proc/self/stat", (e, stat) -> c.readFile("/proc/self/status", (e2, status) ->
                then.apply(stat == null ? null : ProcEntry.parse(Libc.text(stat), status == null ? "" : Libc.text(status), ""))));
    }

    /** opendir("/proc"), then each numeric entry's stat, status and (if needed) cmdline, in pid order. */
    private static Step listProcesses(Libc c, boolean needArgs, Function<List<ProcEntry>, Step> then) {
        return c.listDirectory("/proc", false, (err, entries) -> {
            List<ProcEntry> out = new ArrayList<>();
            if (err != null) return then.apply(out);
            List<Dirent> pids = new ArrayList<>();
            for (Dirent d : entries) if (d.name().matches("[0-9]+")) pids.add(d);
            pids.sort(java.util.Comparator.comparingInt(d -> Integer.parseInt(d.name())));
            return Libc.forEach(pids, (d, next) -> {
                String base = "/proc/" + d.name() + "/";
                return c.readFile(base + "stat", (e1, stat) -> {
                    if (stat == null) return next.get();
                    return c.readFile(base + "status", (e2, status) -> {
                        if (!needArgs) {
                            add(out, stat, status, null);
                            return next.get();
                        }
                        return c.readFile(base + "cmdline", (e3, cmdline) -> {
                            add(out, stat, status, cmdline);
                            return next.get();
                        });
                    });
                });
            }, () -> then.apply(out));
        });
    }

    private static void add(List<ProcEntry> out, byte[] stat, byte[] status, byte[] cmdline) {
        String args = cmdline == null ? "" : Libc.text(cmdline);
        if (args.endsWith("\0")) args = args.substring(0, args.length() - 1);
        ProcEntry p = ProcEntry.parse(Libc.text(stat), status == null ? "" : Libc.text(status), args);
        if (p != null) out.add(p);
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
        boolean help;
        boolean bsd;
        String custom;
        List<Integer> pids;
        List<String> users;

        /** Parses ps's mixed syntax: {@code -ef} (UNIX), {@code aux} (BSD), {@code --pid N}; null or an error. */
        String parse(List<String> args) {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--help")) {
                    help = true;
                } else if (a.equals("--pid") || a.equals("-p") || a.equals("p")) {
                    if (i + 1 >= args.size()) return "list of process IDs must follow -p";
                    String err = pidList(args.get(++i));
                    if (err != null) return err;
                } else if (a.startsWith("--pid=")) {
                    String err = pidList(a.substring(6));
                    if (err != null) return err;
                } else if (a.equals("-o") || a.equals("o") || a.equals("--format")) {
                    if (i + 1 >= args.size()) return "improper format list";
                    custom = custom == null ? args.get(++i) : custom + "," + args.get(++i);
                } else if (a.equals("-u") || a.equals("-U") || a.equals("--user")) {
                    if (i + 1 >= args.size()) return "list of users must follow -u";
                    users = List.of(args.get(++i).split(","));
                } else if (a.startsWith("-") && !a.startsWith("--")) {
                    for (int j = 1; j < a.length(); j++) {
                        char ch = a.charAt(j);
                        switch (ch) {
                            case 'e', 'A' -> all = true;
                            case 'f' -> full = true;
                            case 'a' -> bsdAll = true;
                            case 'w', 'H', 'l' -> { }
                            case 'p' -> {
                                String rest = a.substring(j + 1);
                                if (rest.isEmpty()) {
                                    if (i + 1 >= args.size()) return "list of process IDs must follow -p";
                                    rest = args.get(++i);
                                }
                                String err = pidList(rest);
                                if (err != null) return err;
                                j = a.length();
                            }
                            case 'o' -> {
                                String rest = a.substring(j + 1);
                                if (rest.isEmpty()) {
                                    if (i + 1 >= args.size()) return "improper format list";
                                    rest = args.get(++i);
                                }
                                custom = custom == null ? rest : custom + "," + rest;
                                j = a.length();
                            }
                            default -> {
                                return "unsupported SysV option";
                            }
                        }
                    }
                } else if (!a.startsWith("-")) {
                    bsd = true;
                    for (char ch : a.toCharArray()) {
                        switch (ch) {
                            case 'a' -> bsdAll = true;
                            case 'x' -> bsdNoTty = true;
                            case 'u' -> bsdUser = true;
                            case 'e', 'w', 'f' -> { }
                            default -> {
                                return "unsupported option (BSD syntax)";
                            }
                        }
                    }
                } else {
                    return "unknown gnu long option";
                }
            }
            return null;
        }

        private String pidList(String text) {
            pids = pids == null ? new ArrayList<>() : pids;
            for (String p : text.split("[, ]")) {
                try {
                    int pid = Integer.parseInt(p);
                    if (pid <= 0) return "process ID out of range";
                    pids.add(pid);
                } catch (NumberFormatException e) {
                    return "process ID list syntax error";
                }
            }
            return null;
        }

        String format() {
            if (custom != null) return custom;
            if (bsdUser) return "user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args";
            if (bsd) return "pid,tname,stat,bsdtime,args";
            if (full) return "uid_hack,pid,ppid,c,stime,tname,time,cmd";
            return "pid,tname,time,ucmd";
        }

        /** A header line unless every column was given an empty one ({@code -o pid=}). */
        boolean header(List<Column> columns) {
            for (Column c : columns) if (!c.header().isEmpty()) return true;
            return false;
        }

        boolean selects(ProcEntry p, ProcEntry me, UserDb db) {
            boolean explicit = pids != null || users != null;
            if (pids != null && pids.contains(p.pid())) return true;
            if (users != null) {
                for (String u : users) {
                    UserDb.User user = db.user(u);
                    int uid = user != null ? user.uid() : u.matches("[0-9]+") ? Integer.parseInt(u) : -1;
                    if (uid == p.euid()) return true;
                }
            }
            if (explicit && !all && !bsdAll && !bsdNoTty) return false;
            if (all) return true;
            if (bsd) {
                boolean mine = me != null && p.euid() == me.euid();
                if (bsdAll && bsdNoTty) return true;
                if (bsdAll) return p.ttyNr() != 0;
                if (bsdNoTty) return mine;
                return mine && me != null && p.ttyNr() == me.ttyNr();
            }
            if (bsdAll) return p.ttyNr() != 0 && p.pid() != p.session();
            return me != null && p.euid() == me.euid() && p.ttyNr() == me.ttyNr();
        }
    }

    // ---- columns ----

    private static Column column(String spec) {
        String name = spec;
        String header = null;
        int eq = spec.indexOf('=');
        if (eq >= 0) {
            name = spec.substring(0, eq);
            header = spec.substring(eq + 1);
        }
        Column col = switch (name) {
            case "pid", "tgid" -> new Column("PID", PID_WIDTH, true, false, r -> Integer.toString(r.p().pid()));
            case "ppid" -> new Column("PPID", PID_WIDTH, true, false, r -> Integer.toString(r.p().ppid()));
            case "pgid", "pgrp" -> new Column("PGID", PID_WIDTH, true, false, r -> Integer.toString(r.p().pgrp()));
            case "sid", "sess", "session" -> new Column("SID", PID_WIDTH, true, false, r -> Integer.toString(r.p().session()));
            case "tname", "tty", "tt" -> new Column(name.equals("tname") ? "TTY" : "TT", 8, false, false, r -> r.p().tty());
            case "time", "cputime" -> new Column("TIME", 8, true, false, r -> cpuTime(r.p().cpuSeconds()));
            case "bsdtime" -> new Column("TIME", 6, true, false, r -> String.format("%d:%02d", r.p().cpuSeconds() / 60, r.p().cpuSeconds() % 60));
            case "ucmd" -> new Column("CMD", 15, false, false, r -> r.p().ucmd());
            case "comm", "ucomm" -> new Column("COMMAND", 15, false, false, r -> r.p().ucmd());
            case "cmd" -> new Column("CMD", 27, false, false, r -> r.p().args());
            case "args", "command" -> new Column("COMMAND", 27, false, false, r -> r.p().args());
            case "uid_hack" -> new Column("UID", 8, false, true, r -> r.x().users().userName(r.p().euid()));
            case "user", "euser", "uname" -> new Column("USER", 8, false, true, r -> r.x().users().userName(r.p().euid()));
            case "ruser" -> new Column("RUSER", 8, false, true, r -> r.x().users().userName(r.p().ruid()));
            case "uid", "euid" -> new Column(name.toUpperCase(java.util.Locale.ROOT), 5, true, false, r -> Integer.toString(r.p().euid()));
            case "ruid" -> new Column("RUID", 5, true, false, r -> Integer.toString(r.p().ruid()));
            case "c" -> new Column("C", 2, true, false, r -> Long.toString(Math.min(99, percentCpu(r) / 10)));
            case "pcpu", "%cpu" -> new Column("%CPU", 4, true, false, r -> tenths(percentCpu(r)));
            case "pmem", "%mem" -> new Column("%MEM", 4, true, false, r -> tenths(r.x().memTotalKiB() == 0 ? 0 : r.p().rssPages() * 4 * 1000 / r.x().memTotalKiB()));
            case "vsz", "vsize" -> new Column("VSZ", 6, true, false, r -> Long.toString(r.p().vsizeBytes() / 1024));
            case "rss", "rssize", "rsz" -> new Column("RSS", 5, true, false, r -> Long.toString(r.p().rssPages() * 4));
            case "stat" -> new Column("STAT", 4, false, false, Ps::stat);
            case "s", "state" -> new Column("S", 1, false, false, r -> String.valueOf(r.p().state()));
            case "stime", "start_time" -> new Column(name.equals("stime") ? "STIME" : "START", 5, true, false, Ps::startTime);
            case "etime" -> new Column("ELAPSED", 11, true, false, r -> elapsed(r));
            case "psr" -> new Column("PSR", 3, true, false, r -> Integer.toString(r.p().processor()));
            case "ni", "nice" -> new Column("NI", 3, true, false, r -> "0");
            case "pri" -> new Column("PRI", 3, true, false, r -> "19");
            default -> null;
        };
        if (col == null) return null;
        if (header != null) col = new Column(header, Math.max(col.width(), header.length()), col.right(), col.user(), col.value());
        return col;
    }

    private static String line(List<Column> columns, Row row, boolean header) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            boolean last = i == columns.size() - 1;
            String text = header ? col.header() : col.value().apply(row);
            if (!header && col.user() && text.length() > col.width()) text = text.substring(0, col.width() - 1) + "+";
            if (i > 0) out.append(' ');
            if (col.right()) out.append(" ".repeat(Math.max(0, col.width() - text.length()))).append(text);
            else out.append(text).append(last ? "" : " ".repeat(Math.max(0, col.width() - text.length())));
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

    /** STAT: the state letter, then s (session leader) and + (in the terminal's foreground group). */
    private static String stat(Row r) {
        ProcEntry p = r.p();
        StringBuilder s = new StringBuilder().append(p.state());
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
                + "  -p PIDLIST    select by process ID\n"
                + "  -u USERLIST   select by effective user\n"
                + "  -o FORMAT     user-defined format, e.g. -o pid,ppid,user,stat,comm\n"
                + "  a             all processes with a terminal (BSD syntax); x  also those without; u  user-oriented format\n"
                + "  Examples: ps -ef, ps aux, ps -p 1 -o pid,comm";
    }
}
