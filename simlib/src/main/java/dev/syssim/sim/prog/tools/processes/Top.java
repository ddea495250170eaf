package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Intervals;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import dev.syssim.sim.prog.tools.system.Date;
import dev.syssim.sim.prog.tools.system.Uptime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * top (procps-ng 4.0.2) in batch mode: frames of the summary (time, uptime, users, load; tasks by
 * state; CPU shares; memory and swap in MiB) and one line per process (PID USER PR NI VIRT RES SHR
 * S %CPU %MEM TIME+ COMMAND), sorted by %CPU, cut at 80 columns ({@code -w} widens), all read from
 * /proc. {@code -n N} frames {@code -d SECS} of simulated time apart; {@code -p PID} and {@code -u USER}
 * select; {@code -c} shows command lines; {@code -E k|m|g} scales the memory lines.
 *
 * <p>Simplifications: on a terminal the simulated top draws one frame and exits (an interactive
 * full-screen top cannot run in a notebook cell); %CPU is the share since each process started,
 * as ps computes it, not over the last interval; SHR is half of RES (the simulation does not
 * count shared pages).
 */
public final class Top extends Tool {

    /** The options. */
    private static final class Request {
        boolean batch;
        int iterations = -1;
        long delayNanos = 3_000_000_000L;
        final List<Integer> pids = new ArrayList<>();
        String user;
        int width = 80;
        boolean commandLines;
        char scale = 'm';
    }

    @Override
    protected Step run(Libc c) {
        Request r = new Request();
        List<String> args = c.args().operands();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-h") || a.equals("--help")) return help(c);
            if (!a.startsWith("-") || a.length() < 2) continue;
            for (int j = 1; j < a.length(); j++) {
                char ch = a.charAt(j);
                if ("ndpuUwEo".indexOf(ch) >= 0) {
                    String value = a.substring(j + 1);
                    boolean optional = ch == 'w';
                    if (value.isEmpty() && i + 1 < args.size() && !(optional && args.get(i + 1).startsWith("-"))) value = args.get(++i);
                    else if (value.isEmpty() && !optional) return fail(c, "top: option requires an argument -- '" + ch + "'", 1);
                    String error = option(r, ch, value);
                    if (error != null) return fail(c, "top: " + error, 1);
                    break;
                }
                switch (ch) {
                    case 'b' -> r.batch = true;
                    case 'c' -> r.commandLines = true;
                    case 'H', 'i', 'S', 's', '1', 'e' -> { }
                    default -> {
                        return fail(c, "top: invalid option -- '" + ch + "'", 0);
                    }
                }
            }
        }
        Step start = c.users(db -> {
            if (r.user != null && db.user(r.user) == null && !r.user.matches("[0-9]+")) return fail(c, "top: Invalid user", 1);
            return ProcTable.pidWidth(c, width -> frame(c, r, db, width, 1));
        });
        if (r.batch) return start;
        return c.isatty(1, tty -> tty ? start : fail(c, "top: failed tty get", 1));
    }

    private static Step fail(Libc c, String message, int status) {
        c.eprint(message + "\n");
        return c.exit(status);
    }

    /** One option with a value; null, or the complaint. */
    private static String option(Request r, char ch, String value) {
        switch (ch) {
            case 'n' -> {
                if (!value.matches("[0-9]+") || value.length() > 9) return "bad iterations argument '" + value + "'";
                r.iterations = Integer.parseInt(value);
            }
            case 'd' -> {
                Double d = Intervals.seconds(value);
                if (d == null || !value.matches("[0-9.]+")) return "bad delay interval '" + value + "'";
                r.delayNanos = Intervals.nanos(d);
            }
            case 'p' -> {
                for (String p : value.split(",")) {
                    if (!p.matches("[0-9]+") || p.length() > 9) return "bad pid '" + p + "'";
                    r.pids.add(Integer.parseInt(p));
                }
            }
            case 'u', 'U' -> r.user = value;
            case 'w' -> {
                if (value.isEmpty()) {
                    r.width = 512;
                } else {
                    if (!value.matches("[0-9]+") || value.length() > 4) return "bad width arg '" + value + "'";
                    r.width = Math.max(80, Math.min(512, Integer.parseInt(value)));
                }
            }
            case 'E' -> {
                if (value.length() != 1 || "kmgtpe".indexOf(value.charAt(0)) < 0) return "bad memory scaling arg '" + value + "'";
                r.scale = value.charAt(0);
            }
            default -> { }
        }
        return null;
    }

    /** One frame, then (unless it was the last) the delay and the next. */
    private static Step frame(Libc c, Request r, UserDb db, int pidWidth, int number) {
        return c.readFile("/proc/uptime", (e1, uptime) -> c.readFile("/proc/loadavg", (e2, loadavg) -> c.readFile("/proc/stat", (e3, stat) ->
                c.readFile("/proc/meminfo", (e4, meminfo) -> c.clock(ClockGettime.CLOCK_REALTIME, now ->
                        Uptime.users(c, users -> ProcTable.read(c, r.commandLines, processes -> {
                            StringBuilder out = new StringBuilder();
                            if (number > 1) out.append('\n');
                            String[] up = uptime == null ? new String[] {"0", "0"} : Libc.text(uptime).strip().split("\\s+");
                            double seconds = Double.parseDouble(up[0]);
                            String[] load = loadavg == null ? new String[] {"0.00", "0.00", "0.00"} : Libc.text(loadavg).split(" ");
                            String time = Date.format("%H:%M:%S", Instant.ofEpochSecond(now / 1_000_000_000L).atZone(ZoneOffset.UTC));
                            out.append(String.format("top - %s up %s, %2d %s,  load average: %s, %s, %s%n", time, Uptime.upText((long) seconds),
                                    users, users > 1 ? "users" : "user", load[0], load[1], load[2]));
                            List<ProcEntry> shown = select(r, processes, db);
                            out.append(tasks(shown));
                            out.append(cpu(stat, seconds, up.length > 1 ? Double.parseDouble(up[1]) : 0));
                            Map<String, Long> mem = meminfo(meminfo);
                            out.append(memory(r.scale, mem));
                            out.append('\n');
                            String pid = " ".repeat(pidWidth - 3) + "PID";
                            out.append(pid).append(" USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n");
                            long total = mem.getOrDefault("MemTotal", 1L);
                            List<ProcEntry> sorted = new ArrayList<>(shown);
                            sorted.sort(Comparator.comparingLong((ProcEntry p) -> -cpuTenths(p, seconds)));
                            for (ProcEntry p : sorted) out.append(row(r, p, db, seconds, total, pidWidth)).append('\n');
                            c.print(out.toString());
                            if (number >= Math.max(1, r.iterations) || !r.batch && r.iterations < 0) return c.exit(0);
                            return c.sleep(r.delayNanos, err -> frame(c, r, db, pidWidth, number + 1));
                        })))))));
    }

    private static List<ProcEntry> select(Request r, List<ProcEntry> all, UserDb db) {
        Map<Integer, ProcEntry> byPid = new HashMap<>();
        for (ProcEntry p : all) byPid.put(p.pid(), p);
        List<ProcEntry> out = new ArrayList<>();
        if (!r.pids.isEmpty()) {
            for (int pid : r.pids) if (byPid.containsKey(pid) && !out.contains(byPid.get(pid))) out.add(byPid.get(pid));
        } else {
            out.addAll(all);
        }
        if (r.user != null) {
            UserDb.User u = db.user(r.user);
            int uid = u != null ? u.uid() : Integer.parseInt(r.user);
            out.removeIf(p -> p.euid() != uid);
        }
        return out;
    }

    private static String tasks(List<ProcEntry> shown) {
        int running = 0;
        int sleeping = 0;
        int stopped = 0;
        int zombie = 0;
        for (ProcEntry p : shown) {
            switch (p.state()) {
                case 'R' -> running++;
                case 'T', 't' -> stopped++;
                case 'Z' -> zombie++;
                default -> sleeping++;
            }
        }
        return String.format("Tasks: %3d total, %3d running, %3d sleeping, %3d stopped, %3d zombie%n", shown.size(), running, sleeping, stopped, zombie);
    }

    /** The CPU line: user and system ticks of /proc/stat against the idle time of /proc/uptime. */
    private static String cpu(byte[] stat, double uptime, double idleSeconds) {
        double user = 0;
        double system = 0;
        if (stat != null) {
            for (String line : Libc.text(stat).split("\n")) {
                if (!line.startsWith("cpu ")) continue;
                String[] f = line.substring(4).strip().split("\\s+");
                user = Double.parseDouble(f[0]);
                system = Double.parseDouble(f[2]);
            }
        }
        double idle = idleSeconds * ProcEntry.HZ;
        double total = user + system + idle;
        double us = total == 0 ? 0 : user * 100 / total;
        double sy = total == 0 ? 0 : system * 100 / total;
        double id = total == 0 ? 100 : 100 - us - sy;
        return String.format(java.util.Locale.ROOT, "%%Cpu(s):%5.1f us,%5.1f sy,%5.1f ni,%5.1f id,%5.1f wa,%5.1f hi,%5.1f si,%5.1f st %n",
                us, sy, 0.0, id, 0.0, 0.0, 0.0, 0.0);
    }

    private static Map<String, Long> meminfo(byte[] bytes) {
        Map<String, Long> m = new HashMap<>();
        if (bytes == null) return m;
        for (String line : Libc.text(bytes).split("\n")) {
            String[] f = line.split(":\\s*");
            if (f.length == 2) m.put(f[0], Long.parseLong(f[1].replace(" kB", "").strip()));
        }
        return m;
    }

    private static String memory(char scale, Map<String, Long> m) {
        long total = m.getOrDefault("MemTotal", 0L);
        long free = m.getOrDefault("MemFree", 0L);
        long available = m.getOrDefault("MemAvailable", free);
        long cache = m.getOrDefault("Buffers", 0L) + m.getOrDefault("Cached", 0L);
        long used = Math.max(0, total - available);
        long swapTotal = m.getOrDefault("SwapTotal", 0L);
        long swapFree = m.getOrDefault("SwapFree", 0L);
        String unit = switch (scale) {
            case 'k' -> "KiB";
            case 'g' -> "GiB";
            case 't' -> "TiB";
            case 'p' -> "PiB";
            case 'e' -> "EiB";
            default -> "MiB";
        };
        int shift = "kmgtpe".indexOf(scale);
        double div = Math.pow(1024, shift);
        return String.format(java.util.Locale.ROOT, "%s Mem : %8.1f total, %8.1f free, %8.1f used, %8.1f buff/cache     %n"
                        + "%s Swap: %8.1f total, %8.1f free, %8.1f used. %8.1f avail Mem %n",
                unit, total / div, free / div, used / div, cache / div,
                unit, swapTotal / div, swapFree / div, (swapTotal - swapFree) / div, available / div);
    }

    private static long cpuTenths(ProcEntry p, double uptime) {
        long seconds = (long) (uptime - (double) p.startTicks() / ProcEntry.HZ);
        if (seconds <= 0) return 0;
        return Math.min(999, (p.utime() + p.stime()) * 1000 / ProcEntry.HZ / seconds);
    }

    private static String row(Request r, ProcEntry p, UserDb db, double uptime, long memTotal, int pidWidth) {
        String user = db.userName(p.euid());
        if (user.length() > 8) user = user.substring(0, 7) + "+";
        long virt = p.vsizeBytes() / 1024;
        long res = p.rssPages() * 4;
        long ticks = p.utime() + p.stime();
        String time = String.format("%d:%02d.%02d", ticks / ProcEntry.HZ / 60, ticks / ProcEntry.HZ % 60, ticks % ProcEntry.HZ);
        long tenths = cpuTenths(p, uptime);
        String mem = memTotal == 0 ? "0.0" : String.format(java.util.Locale.ROOT, "%.1f", res * 100.0 / memTotal);
        String line = String.format("%" + pidWidth + "d %-8s %3d %3d %7d %6d %6d %c %5s %5s %9s ", p.pid(), user, p.priority(), p.nice(),
                virt, res, res / 2, p.state(), tenths / 10 + "." + tenths % 10, mem, time);
        String command = r.commandLines && !p.cmdline().isEmpty() ? String.join(" ", p.cmdline()) : p.comm();
        int room = r.width - line.length();
        if (command.length() > room) command = room <= 1 ? "+" : command.substring(0, room - 1) + "+";
        return line + command;
    }

    @Override
    public String whatis() {
        return "display Linux processes";
    }

    @Override
    public String manual() {
        return "top -b [-n number] [-d secs] [-p pid,...] [-u user] [-c] [-w [cols]] [-E k|m|g]\n"
                + "  Show the system summary and the processes, busiest first, read from /proc.\n"
                + "  -b             batch mode: print frames as text (for pipes and files)\n"
                + "  -n number      the number of frames before top ends\n"
                + "  -d secs        the delay between frames\n"
                + "  -p pid,...     only these processes; -u user  only this user's\n"
                + "  -c             show command lines instead of names\n"
                + "  -w [cols]      output width (default 80 in batch mode)\n"
                + "  -E k|m|g       scale of the memory lines (KiB, MiB, GiB)\n"
                + "  In a notebook cell, top without -b draws one frame and exits: an interactive top cannot run there.";
    }
}
