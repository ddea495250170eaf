package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Intervals;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * free (procps-ng 4.0.2): memory in use and free, read from /proc/meminfo. Used is total minus
 * available; buff/cache is Buffers plus Cached ({@code -w} shows them apart). Units: KiB by default,
 * {@code -b -k -m -g --tebi --pebi}, {@code --kilo --mega --giga ...} and {@code --si} in powers of
 * 1000, {@code -h} human-readable. {@code -t} adds a Total line, {@code -l} Low and High, {@code -v}
 * the commit limit; {@code -s N}/{@code -c N} repeat every N seconds of simulated time.
 */
public final class Free extends Tool {

    private static final String USAGE = "\nUsage:\n free [options]\n\nOptions:\n"
            + " -b, --bytes         show output in bytes\n     --kilo          show output in kilobytes\n"
            + "     --mega          show output in megabytes\n     --giga          show output in gigabytes\n"
            + "     --tera          show output in terabytes\n     --peta          show output in petabytes\n"
            + " -k, --kibi          show output in kibibytes\n -m, --mebi          show output in mebibytes\n"
            + " -g, --gibi          show output in gibibytes\n     --tebi          show output in tebibytes\n"
            + "     --pebi          show output in pebibytes\n -h, --human         show human-readable output\n"
            + "     --si            use powers of 1000 not 1024\n -l, --lohi          show detailed low and high memory statistics\n"
            + " -t, --total         show total for RAM + swap\n -v, --committed     show committed memory and commit limit\n"
            + " -s N, --seconds N   repeat printing every N seconds\n -c N, --count N     repeat printing N times, then exit\n"
            + " -w, --wide          wide output\n\n     --help     display this help and exit\n"
            + " -V, --version  output version information and exit\n\nFor more details see free(1).\n";

    /** How to print: bytes per unit (0 for human-readable), and the powers used. */
    private record Format(long unitBytes, boolean human, boolean si, boolean wide, boolean total, boolean lohi, boolean committed) {
    }

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("free", c.args().operands(), "bkmghltvwV", "sc",
                Set.of("help", "bytes", "kilo", "mega", "giga", "tera", "peta", "kibi", "mebi", "gibi", "tebi", "pebi", "human", "si",
                        "lohi", "total", "committed", "wide", "version"), Set.of("seconds", "count"), true);
        if (o.failed()) {
            c.eprint(o.error() + "\n" + USAGE);
            return c.exit(1);
        }
        if (o.has("help")) return help(c);
        if (!o.operands().isEmpty()) {
            c.eprint(USAGE);
            return c.exit(1);
        }
        boolean si = o.has("si");
        long k = si ? 1000 : 1024;
        long unit = o.hasAny("b", "bytes") ? 1 : o.hasAny("m", "mebi") ? 1024 * 1024 : o.hasAny("g", "gibi") ? 1L << 30
                : o.has("tebi") ? 1L << 40 : o.has("pebi") ? 1L << 50 : o.has("kilo") ? 1000 : o.has("mega") ? 1_000_000
                : o.has("giga") ? 1_000_000_000 : o.has("tera") ? 1_000_000_000_000L : o.has("peta") ? 1_000_000_000_000_000L : k;
        Format f = new Format(unit, o.hasAny("h", "human"), si, o.hasAny("w", "wide"), o.hasAny("t", "total"), o.hasAny("l", "lohi"),
                o.hasAny("v", "committed"));
        String countText = o.value("c", o.value("count"));
        String secondsText = o.value("s", o.value("seconds"));
        int count = 1;
        if (countText != null) {
            if (!countText.matches("[0-9]+") || countText.length() > 9 || Integer.parseInt(countText) < 1) {
                c.eprint("free: failed to parse count argument: '" + countText + "'\n");
                return c.exit(1);
            }
            count = Integer.parseInt(countText);
        }
        long delay = 1_000_000_000L;
        if (secondsText != null) {
            Double s = Intervals.seconds(secondsText);
            if (s == null || !secondsText.matches("[0-9.]+")) {
                c.eprint("free: seconds argument failed: '" + secondsText + "': Invalid argument\n");
                return c.exit(1);
            }
            delay = Intervals.nanos(s);
            if (countText == null) count = -1;
        }
        return report(c, f, count, delay);
    }

    private Step report(Libc c, Format f, int left, long delay) {
        return c.readFile("/proc/meminfo", (err, bytes) -> {
            if (err != null) {
                c.eprint("free: Unable to create meminfo structure\n");
                return c.exit(1);
            }
            c.print(table(f, meminfo(bytes)));
            if (left == 1) return c.exit(0);
            c.print("\n");
            return c.sleep(delay, e -> report(c, f, left < 0 ? left : left - 1, delay));
        });
    }

    private static Map<String, Long> meminfo(byte[] bytes) {
        Map<String, Long> m = new HashMap<>();
        for (String line : Libc.text(bytes).split("\n")) {
            String[] f = line.split(":\\s*");
            if (f.length == 2) m.put(f[0], Long.parseLong(f[1].replace(" kB", "").strip()));
        }
        return m;
    }

    private static String table(Format f, Map<String, Long> m) {
        long total = m.getOrDefault("MemTotal", 0L);
        long free = m.getOrDefault("MemFree", 0L);
        long available = m.getOrDefault("MemAvailable", free);
        long buffers = m.getOrDefault("Buffers", 0L);
        long cached = m.getOrDefault("Cached", 0L);
        long shared = m.getOrDefault("Shmem", 0L);
        long used = Math.max(0, total - available);
        long swapTotal = m.getOrDefault("SwapTotal", 0L);
        long swapFree = m.getOrDefault("SwapFree", 0L);
        StringBuilder out = new StringBuilder();
        if (f.wide()) out.append("               total        used        free      shared     buffers       cache   available\n");
        else out.append("               total        used        free      shared  buff/cache   available\n");
        out.append(String.format("%-7s %11s %11s %11s %11s", "Mem:", size(f, total), size(f, used), size(f, free), size(f, shared)));
        if (f.wide()) out.append(String.format(" %11s %11s", size(f, buffers), size(f, cached)));
        else out.append(String.format(" %11s", size(f, buffers + cached)));
        out.append(String.format(" %11s%n", size(f, available)));
        if (f.lohi()) {
            out.append(String.format("%-7s %11s %11s %11s%n", "Low:", size(f, total), size(f, total - free), size(f, free)));
            out.append(String.format("%-7s %11s %11s %11s%n", "High:", size(f, 0), size(f, 0), size(f, 0)));
        }
        out.append(String.format("%-7s %11s %11s %11s%n", "Swap:", size(f, swapTotal), size(f, swapTotal - swapFree), size(f, swapFree)));
        if (f.total()) {
            out.append(String.format("%-7s %11s %11s %11s%n", "Total:", size(f, total + swapTotal), size(f, used + swapTotal - swapFree),
                    size(f, free + swapFree)));
        }
        if (f.committed()) {
            long limit = m.getOrDefault("CommitLimit", total / 2 + swapTotal);
            long committed = m.getOrDefault("Committed_AS", used);
            out.append(String.format("%-7s %11s %11s %11s%n", "Comm:", size(f, limit), size(f, committed), size(f, limit - committed)));
        }
        return out.toString();
    }

    private static String size(Format f, long kib) {
        long bytes = kib * 1024;
        if (f.human()) return human(bytes, f.si());
        return Long.toString(bytes / f.unitBytes());
    }

    /** -h: bytes below one unit, else one decimal under 10 and whole numbers up to the next unit (23Gi, 1.8Gi, 0B). */
    static String human(long bytes, boolean si) {
        String[] units = {"B", "K", "M", "G", "T", "P"};
        double base = si ? 1000 : 1024;
        if (bytes < base) return bytes + "B";
        double value = bytes;
        for (int i = 1; i < units.length; i++) {
            value /= base;
            String suffix = units[i] + (si ? "" : "i");
            if (value < 10) return String.format(Locale.ROOT, "%.1f%s", value, suffix);
            if (value < base) return (long) value + suffix;
        }
        return (long) value + "Pi";
    }

    @Override
    public String whatis() {
        return "Display amount of free and used memory in the system";
    }

    @Override
    public String manual() {
        return "free [options]\n  Display the total amount of free and used physical and swap memory in the system, from /proc/meminfo.\n"
                + "  -b, -k, -m, -g   show output in bytes, kibibytes (the default), mebibytes, gibibytes\n"
                + "  --kilo, --mega, --giga   show output in kilobytes, megabytes, gigabytes\n"
                + "  -h, --human      show human-readable output\n"
                + "  --si             use powers of 1000 not 1024\n"
                + "  -w, --wide       wide output: buffers and cache in separate columns\n"
                + "  -t, --total      show total for RAM + swap\n"
                + "  -l, --lohi       show detailed low and high memory statistics\n"
                + "  -v, --committed  show committed memory and commit limit\n"
                + "  -s N, --seconds N   repeat printing every N seconds\n"
                + "  -c N, --count N     repeat printing N times, then exit";
    }
}
