package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The process table as procps's library reads it: opendir("/proc"), then for each numeric entry
 * /proc/PID/stat, /proc/PID/status and (when asked) /proc/PID/cmdline, in pid order. A process
 * that ends while it is read is skipped, as procps skips it. ps, pgrep, pkill, top and uptime use it.
 */
public final class ProcTable {

    private ProcTable() {
    }

    /** Every process whose files could be read; {@code withCmdline} also reads the command lines. */
    public static Step read(Libc c, boolean withCmdline, Function<List<ProcEntry>, Step> then) {
        return c.listDirectory("/proc", false, (err, entries) -> {
            List<ProcEntry> out = new ArrayList<>();
            if (err != null) return then.apply(out);
            List<Dirent> pids = new ArrayList<>();
            for (Dirent d : entries) if (d.name().matches("[0-9]+")) pids.add(d);
            pids.sort(Comparator.comparingInt(d -> Integer.parseInt(d.name())));
            return Libc.forEach(pids, (d, next) -> {
                String base = "/proc/" + d.name() + "/";
                return c.readFile(base + "stat", (e1, stat) -> {
                    if (stat == null) return next.get();
                    return c.readFile(base + "status", (e2, status) -> {
                        if (!withCmdline) {
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

    /** The caller's own entry (/proc/self), or null. */
    public static Step self(Libc c, Function<ProcEntry, Step> then) {
        return c.readFile("/proc/self/stat", (e, stat) -> c.readFile("/proc/self/status", (e2, status) ->
                then.apply(stat == null ? null : ProcEntry.parse(Libc.text(stat), status == null ? "" : Libc.text(status), ""))));
    }

    /**
     * The width procps gives PID columns: the number of digits of /proc/sys/kernel/pid_max (5 for
     * 32768, 7 for Debian's systemd default of 4194304).
     */
    public static Step pidWidth(Libc c, java.util.function.IntFunction<Step> then) {
        return c.readFile("/proc/sys/kernel/pid_max", (e, bytes) -> {
            int width = bytes == null ? 5 : Libc.text(bytes).strip().length();
            return then.apply(Math.max(5, width));
        });
    }

    private static void add(List<ProcEntry> out, byte[] stat, byte[] status, byte[] cmdline) {
        String args = cmdline == null ? "" : Libc.text(cmdline);
        if (args.endsWith("\0")) args = args.substring(0, args.length() - 1);
        ProcEntry p = ProcEntry.parse(Libc.text(stat), status == null ? "" : Libc.text(status), args);
        if (p != null) out.add(p);
    }
}
