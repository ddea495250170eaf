package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syslog;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * dmesg (util-linux 2.38): print the kernel's ring buffer. It opens /dev/kmsg non-blocking and
 * reads one record per read until EAGAIN; each record ({@code 6,42,1234567,-;text}) becomes
 * {@code [    1.234567] text}. With kernel.dmesg_restrict=1 (Debian's default) only CAP_SYSLOG may
 * read it: the open fails, the fallback syslog(2) fails too, and dmesg says
 * {@code read kernel buffer failed: Operation not permitted}.
 */
public final class Dmesg extends Tool {

    private record Record(int level, long micros, String text) {
    }

    private static final List<String> LEVELS = List.of("emerg", "alert", "crit", "err", "warn", "notice", "info", "debug");

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("dmesg", c.args().operands(), "tTrkxP", "l",
                Set.of("help", "notime", "ctime", "raw", "kernel", "decode", "nopager"), Set.of("level"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        List<Integer> levels = new ArrayList<>();
        String levelText = o.value("l", o.value("level"));
        if (levelText != null) {
            for (String l : levelText.split(",")) {
                int i = LEVELS.indexOf(l);
                if (i < 0) {
                    c.error("unknown level '" + l + "'");
                    return c.exit(1);
                }
                levels.add(i);
            }
        }
        return c.open("/dev/kmsg", OpenFlags.O_RDONLY | OpenFlags.O_NONBLOCK, r -> {
            if (r.failed()) {
                // the old interface, syslog(2), is what dmesg falls back to; restricted the same way
                return c.sys(new Syslog(Syslog.SYSLOG_ACTION_SIZE_BUFFER), s -> {
                    c.error("read kernel buffer failed", s.failed() ? s.errno() : r.errno());
                    return c.exit(1);
                });
            }
            int fd = r.intValue();
            List<Record> records = new ArrayList<>();
            return readRecords(c, fd, records, () -> c.close(fd, () -> c.clock(ClockGettime.CLOCK_REALTIME, now ->
                    c.clock(ClockGettime.CLOCK_MONOTONIC, uptime -> {
                        long bootSeconds = (now - uptime) / 1_000_000_000L;
                        StringBuilder out = new StringBuilder();
                        for (Record rec : records) {
                            if (!levels.isEmpty() && !levels.contains(rec.level())) continue;
                            out.append(line(rec, o, bootSeconds)).append('\n');
                        }
                        c.print(out.toString());
                        return c.exit(0);
                    }))));
        });
    }

    private static Step readRecords(Libc c, int fd, List<Record> into, java.util.function.Supplier<Step> done) {
        return c.read(fd, 8192, r -> {
            if (r.failed()) {
                if (r.errno() == Errno.EPIPE) return readRecords(c, fd, into, done);
                return done.get();
            }
            if (r.value() == 0) return done.get();
            Record rec = parse(Libc.text(r.bytes()));
            if (rec != null) into.add(rec);
            return readRecords(c, fd, into, done);
        });
    }

    /** {@code level,sequence,microseconds,flags;text}, the /dev/kmsg record format. */
    private static Record parse(String record) {
        int semi = record.indexOf(';');
        if (semi < 0) return null;
        String[] head = record.substring(0, semi).split(",");
        String text = record.substring(semi + 1);
        int nl = text.indexOf('\n');
        if (nl >= 0) text = text.substring(0, nl);
        try {
            return new Record(Integer.parseInt(head[0]) & 7, Long.parseLong(head[2]), text);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static String line(Record r, Options o, long bootSeconds) {
        String prefix = "";
        if (o.hasAny("x", "decode")) prefix = String.format("%-6s", "kern") + ":" + String.format("%-6s", LEVELS.get(r.level())) + ": ";
        if (o.hasAny("r", "raw")) return "<" + r.level() + ">" + String.format("[%5d.%06d] ", r.micros() / 1_000_000, r.micros() % 1_000_000) + r.text();
        if (o.hasAny("t", "notime")) return prefix + r.text();
        if (o.hasAny("T", "ctime")) {
            Instant at = Instant.ofEpochSecond(bootSeconds + r.micros() / 1_000_000);
            return prefix + "[" + Date.format("%a %b %e %H:%M:%S %Y", at.atZone(ZoneOffset.UTC)) + "] " + r.text();
        }
        return prefix + String.format("[%5d.%06d] ", r.micros() / 1_000_000, r.micros() % 1_000_000) + r.text();
    }

    @Override
    public String whatis() {
        return "print or control the kernel ring buffer";
    }

    @Override
    public String manual() {
        return "dmesg [options]\n  Display the messages of the kernel ring buffer (read from /dev/kmsg). With kernel.dmesg_restrict=1 only root may.\n"
                + "  -l, --level <list>  restrict output to defined levels (emerg, alert, crit, err, warn, notice, info, debug)\n"
                + "  -r, --raw           print the raw message buffer\n"
                + "  -t, --notime        don't show any timestamp with messages\n"
                + "  -T, --ctime         show human-readable timestamp\n"
                + "  -x, --decode        decode facility and level to readable string";
    }
}
