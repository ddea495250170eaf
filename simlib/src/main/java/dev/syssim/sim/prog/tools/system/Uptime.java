package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.tools.processes.ProcEntry;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * uptime (procps-ng 4.0.2): the time, how long the machine has been up (/proc/uptime), the users
 * logged in, and the load averages (/proc/loadavg). Users are counted as the sessions with a
 * terminal: the login shells ps shows as session leaders on a pts.
 */
public final class Uptime extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("uptime", c.args().operands(), "psV", "", Set.of("help", "pretty", "since", "version"), Set.of(), true);
        if (o.failed() || !o.operands().isEmpty()) {
            c.eprint((o.failed() ? o.error() + "\n" : "") + "\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n"
                    + " -h, --help     display this help and exit\n -s, --since    system up since\n -V, --version  output version information and exit\n\n"
                    + "For more details see uptime(1).\n");
            return c.exit(1);
        }
        if (o.has("help")) return help(c);
        return c.readFile("/proc/uptime", (e1, up) -> c.readFile("/proc/loadavg", (e2, load) -> c.clock(ClockGettime.CLOCK_REALTIME, now -> {
            long seconds = up == null ? 0 : (long) Double.parseDouble(Libc.text(up).split(" ")[0]);
            ZonedDateTime t = Instant.ofEpochSecond(now / 1_000_000_000L).atZone(ZoneOffset.UTC);
            if (o.hasAny("s", "since")) {
                c.println(Date.format("%Y-%m-%d %H:%M:%S", t.minusSeconds(seconds)));
                return c.exit(0);
            }
            if (o.hasAny("p", "pretty")) {
                c.println("up " + pretty(seconds));
                return c.exit(0);
            }
            String[] avg = load == null ? new String[] {"0.00", "0.00", "0.00"} : Libc.text(load).split(" ");
            return users(c, n -> {
                c.println(String.format(" %s up %s, %2d user%s,  load average: %s, %s, %s", Date.format("%H:%M:%S", t), upText(seconds), n,
                        n > 1 ? "s" : "", avg[0], avg[1], avg[2]));
                return c.exit(0);
            });
        })));
    }

    /** Login sessions: session leaders with a terminal, read from /proc/PID/stat. */
    public static Step users(Libc c, java.util.function.IntFunction<Step> then) {
        return c.listDirectory("/proc", false, (err, entries) -> {
            java.util.Set<Integer> terminals = new java.util.TreeSet<>();
            if (err != null) return then.apply(0);
            return Libc.forEach(entries, (d, next) -> {
                if (!d.name().matches("[0-9]+")) return next.get();
                return c.readFile("/proc/" + d.name() + "/stat", (e, stat) -> {
                    if (stat != null) {
                        ProcEntry p = ProcEntry.parse(Libc.text(stat), "", "");
                        if (p != null && p.pid() == p.session() && p.ttyNr() != 0) terminals.add(p.ttyNr());
                    }
                    return next.get();
                });
            }, () -> then.apply(terminals.size()));
        });
    }

    /** The "up" part of uptime's line: {@code 5 min}, {@code  1:05}, {@code 2 days,  3:04}. */
    public static String upText(long seconds) {
        long days = seconds / 86400;
        long hours = seconds / 3600 % 24;
        long minutes = seconds / 60 % 60;
        String dayText = days > 0 ? days + " day" + (days == 1 ? "" : "s") + ", " : "";
        return dayText + (hours > 0 ? String.format("%2d:%02d", hours, minutes) : String.format("%d min", minutes));
    }

    private static String pretty(long seconds) {
        long minutes = seconds / 60 % 60;
        long hours = seconds / 3600 % 24;
        long days = seconds / 86400;
        StringBuilder out = new StringBuilder();
        if (days > 0) out.append(days).append(days == 1 ? " day" : " days");
        if (hours > 0) out.append(out.length() > 0 ? ", " : "").append(hours).append(hours == 1 ? " hour" : " hours");
        if (minutes > 0 || out.length() == 0) out.append(out.length() > 0 ? ", " : "").append(minutes).append(minutes == 1 ? " minute" : " minutes");
        return out.toString();
    }

    @Override
    public String whatis() {
        return "Tell how long the system has been running.";
    }

    @Override
    public String manual() {
        return "uptime [options]\n  Print the current time, how long the system has been running, how many users are logged on,\n"
                + "  and the system load averages for the past 1, 5, and 15 minutes.\n"
                + "  -p, --pretty  show uptime in pretty format\n  -s, --since   system up since";
    }
}
