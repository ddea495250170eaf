package dev.syssim.sim.prog.net;

import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code systemctl start|stop|restart|status|is-active UNIT} for the services the simulation has:
 * {@code ssh}, {@code apache2}, {@code postfix}, {@code cups}. There is no systemd in the simulated
 * machines: this systemctl finds a service's main process through its pid file in {@code /run},
 * stops it with SIGTERM, and starts it by running its program (which detaches itself). Only root
 * may start and stop; others get "Interactive authentication required." (no polkit agent here).
 */
public final class Systemctl extends Tool {

    /** A unit: its description, program and arguments, pid file. */
    record Unit(String name, String description, String path, List<String> argv, String pidFile) {
    }

    static final Map<String, Unit> UNITS = Map.of(
            "ssh", new Unit("ssh", "OpenBSD Secure Shell server", "/usr/sbin/sshd",
                    List.of("sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"), "/run/sshd.pid"),
            "apache2", new Unit("apache2", "The Apache HTTP Server", "/usr/sbin/apache2", List.of("/usr/sbin/apache2", "-k", "start"), "/run/apache2.pid"),
            "postfix", new Unit("postfix", "Postfix Mail Transport Agent", "/usr/lib/postfix/sbin/master",
                    List.of("/usr/lib/postfix/sbin/master", "-w"), "/run/postfix.pid"),
            "cups", new Unit("cups", "CUPS Scheduler", "/usr/sbin/cupsd", List.of("/usr/sbin/cupsd", "-l"), "/run/cupsd.pid"));

    private static final Map<String, String> ALIASES = Map.of("sshd", "ssh", "httpd", "apache2", "cupsd", "cups", "smtpd", "postfix");

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        if (args.size() < 2) {
            c.eprint(args.isEmpty() ? "systemctl: the simulated systemctl needs a command and a unit\n" : "Too few arguments.\n");
            return c.exit(1);
        }
        String verb = args.get(0);
        String given = args.get(1);
        String name = given.endsWith(".service") ? given.substring(0, given.length() - 8) : given;
        name = ALIASES.getOrDefault(name, name);
        Unit unit = UNITS.get(name);
        String full = (unit == null ? name : unit.name()) + ".service";
        if (unit == null) {
            if (verb.equals("is-active")) {
                c.println("inactive");
                return c.exit(3);
            }
            if (verb.equals("status")) {
                c.eprint("Unit " + full + " could not be found.\n");
                return c.exit(4);
            }
            c.eprint("Failed to " + verb + " " + full + ": Unit " + full + " not loaded.\n");
            return c.exit(5);
        }
        return switch (verb) {
            case "status" -> status(c, unit);
            case "is-active" -> mainPid(c, unit, pid -> {
                c.println(pid > 0 ? "active" : "inactive");
                return c.exit(pid > 0 ? 0 : 3);
            });
            case "start", "stop", "restart" -> asRoot(c, verb, full, () -> switch (verb) {
                case "start" -> start(c, unit, () -> c.exit(0));
                case "stop" -> stop(c, unit, () -> c.exit(0));
                default -> stop(c, unit, () -> start(c, unit, () -> c.exit(0)));
            });
            default -> {
                c.eprint("Unknown command verb " + verb + ".\n");
                yield c.exit(1);
            }
        };
    }

    private static Step asRoot(Libc c, String verb, String unit, Supplier<Step> then) {
        return c.sys(new Syscall.GetId("geteuid"), uid -> {
            if (uid.value() == 0) return then.get();
            c.eprint("Failed to " + verb + " " + unit + ": Interactive authentication required.\n");
            c.eprint("See system logs and 'systemctl status " + unit + "' for details.\n");
            return c.exit(1);
        });
    }

    /** The running main process, from the pid file if /proc says it is alive; 0 if none. */
    private static Step mainPid(Libc c, Unit unit, Function<Integer, Step> then) {
        return c.readFile(unit.pidFile(), (e, bytes) -> {
            if (bytes == null) return then.apply(0);
            int pid;
            try {
                pid = Integer.parseInt(Libc.text(bytes).trim());
            } catch (NumberFormatException nfe) {
                return then.apply(0);
            }
            return c.readFile("/proc/" + pid + "/comm", (e2, comm) -> {
                String expected = unit.path().substring(unit.path().lastIndexOf('/') + 1);
                return then.apply(comm != null && Libc.text(comm).trim().equals(expected) ? pid : 0);
            });
        });
    }

    private static Step stop(Libc c, Unit unit, Supplier<Step> then) {
        return mainPid(c, unit, pid -> {
            if (pid == 0) return then.get();
            return c.sys(new Syscall.Kill(pid, Signal.SIGTERM), k -> c.sys(Syscall.Unlinkat.unlink(unit.pidFile()), u -> waitGone(c, pid, 50, then)));
        });
    }

    /** Polls /proc/PID until the process is gone (what systemd waits for before it reports). */
    private static Step waitGone(Libc c, int pid, int tries, Supplier<Step> then) {
        return c.stat("/proc/" + pid, r -> {
            if (r.failed() || tries == 0) return then.get();
            return c.sys(new Syscall.ClockNanosleep(1_000_000), s -> waitGone(c, pid, tries - 1, then));
        });
    }

    private static Step start(Libc c, Unit unit, Supplier<Step> then) {
        return mainPid(c, unit, pid -> {
            if (pid > 0) return then.get();
            return c.sys(Syscall.Clone.fork(() -> c.sys(new Syscall.Execve(unit.path(), unit.argv(),
                    Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")), r -> c.exitQuietly(1))),
                    child -> c.sys(new Syscall.ClockNanosleep(2_000_000), s -> then.get()));
        });
    }

    private static Step status(Libc c, Unit unit) {
        return mainPid(c, unit, pid -> {
            String loaded = "     Loaded: loaded (/lib/systemd/system/" + unit.name() + ".service; enabled; preset: enabled)";
            if (pid == 0) {
                c.println("\u25cb " + unit.name() + ".service - " + unit.description());
                c.println(loaded);
                c.println("     Active: inactive (dead)");
                return c.exit(3);
            }
            return c.readFile("/proc/" + pid + "/stat", (e, stat) -> c.readFile("/proc/" + pid + "/cmdline", (e2, cmd) ->
                    Daemon.monotonic(c, now -> Daemon.wallClock(c, wall -> {
                        long bootWall = wall - now;
                        long startedAt = startTime(stat == null ? "" : Libc.text(stat));
                        long since = (bootWall + startedAt) / 1_000_000_000L;
                        String sinceText = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss 'UTC'", Locale.US)
                                .format(Instant.ofEpochSecond(since).atOffset(ZoneOffset.UTC));
                        String commandLine = cmd == null ? unit.path() : Libc.text(cmd).replace('\0', ' ').trim();
                        c.println("\u25cf " + unit.name() + ".service - " + unit.description());
                        c.println(loaded);
                        c.println("     Active: active (running) since " + sinceText + "; " + ago((now - startedAt) / 1_000_000_000L) + " ago");
                        c.println("   Main PID: " + pid + " (" + unit.path().substring(unit.path().lastIndexOf('/') + 1) + ")");
                        c.println("     CGroup: /system.slice/" + unit.name() + ".service");
                        c.println("             \u2514\u2500" + pid + " " + commandLine);
                        return c.exit(0);
                    }))));
        });
    }

    /** Field 22 of /proc/PID/stat: when the process started, in clock ticks (100 a second) since boot; in nanoseconds. */
    private static long startTime(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) return 0;
        String[] fields = stat.substring(close + 2).trim().split(" ");
        return fields.length > 19 ? Long.parseLong(fields[19]) * 10_000_000L : 0;
    }

    /** systemd's relative time: {@code 5s}, {@code 1min 3s}, {@code 2h 5min}. */
    static String ago(long seconds) {
        if (seconds < 60) return seconds + "s";
        if (seconds < 3600) return (seconds / 60) + "min " + (seconds % 60) + "s";
        return (seconds / 3600) + "h " + (seconds % 3600 / 60) + "min";
    }

    @Override
    public String source() {
        return "systemd 252";
    }

    @Override
    public String manual() {
        return "systemctl { start | stop | restart | status | is-active } UNIT\n"
                + "  Control the systemd system and service manager. Here: the services ssh, apache2, postfix and cups.\n"
                + "  Stopping a service closes its port: the right fix for a service nobody should reach, rather than hiding it behind a firewall rule.";
    }
}
