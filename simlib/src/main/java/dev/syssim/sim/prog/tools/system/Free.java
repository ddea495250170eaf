package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * free (procps-ng 4.0.2): memory in use and free, read from /proc/meminfo. Used is total minus
 * available; buff/cache is Buffers plus Cached. {@code -h} human-readable, {@code -m}/{@code -g}
 * MiB/GiB (KiB by default).
 */
public final class Free extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("free", c.args().operands(), "hkmgbw", "", Set.of("help", "human", "kibi", "mebi", "gibi", "bytes", "wide"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        return c.readFile("/proc/meminfo", (err, bytes) -> {
            if (err != null) {
                c.eprint("free: Unable to create meminfo structure\n");
                return c.exit(1);
            }
            Map<String, Long> m = new HashMap<>();
            for (String line : Libc.text(bytes).split("\n")) {
                String[] f = line.split(":\\s*");
                if (f.length == 2) m.put(f[0], Long.parseLong(f[1].replace(" kB", "").strip()));
            }
            long total = m.getOrDefault("MemTotal", 0L);
            long free = m.getOrDefault("MemFree", 0L);
            long available = m.getOrDefault("MemAvailable", free);
            long cache = m.getOrDefault("Buffers", 0L) + m.getOrDefault("Cached", 0L);
            long shared = m.getOrDefault("Shmem", 0L);
            long used = Math.max(0, total - available);
            long swapTotal = m.getOrDefault("SwapTotal", 0L);
            long swapFree = m.getOrDefault("SwapFree", 0L);
            char unit = o.hasAny("h", "human") ? 'h' : o.hasAny("g", "gibi") ? 'g' : o.hasAny("m", "mebi") ? 'm' : o.hasAny("b", "bytes") ? 'b' : 'k';
            StringBuilder out = new StringBuilder();
            out.append("               total        used        free      shared  buff/cache   available\n");
            out.append(String.format("%-7s %11s %11s %11s %11s %11s %11s%n", "Mem:", size(total, unit), size(used, unit), size(free, unit),
                    size(shared, unit), size(cache, unit), size(available, unit)));
            out.append(String.format("%-7s %11s %11s %11s%n", "Swap:", size(swapTotal, unit), size(swapTotal - swapFree, unit), size(swapFree, unit)));
            c.print(out.toString());
            return c.exit(0);
        });
    }

    private static String size(long kib, char unit) {
        return switch (unit) {
            case 'm' -> Long.toString(kib / 1024);
            case 'g' -> Long.toString(kib / (1024 * 1024));
            case 'b' -> Long.toString(kib * 1024);
            case 'h' -> human(kib);
            default -> Long.toString(kib);
        };
    }

    /** -h: three significant digits at most, with the binary unit letter (Ki, Mi, Gi). */
    private static String human(long kib) {
        if (kib == 0) return "0B";
        String[] units = {"Ki", "Mi", "Gi", "Ti"};
        double v = kib;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return v < 10 ? String.format(java.util.Locale.ROOT, "%.1f%s", v, units[u]) : Math.round(v) + units[u];
    }

    @Override
    public String whatis() {
        return "Display amount of free and used memory in the system";
    }

    @Override
    public String manual() {
        return "free [options]\n  Display the total amount of free and used physical and swap memory in the system, from /proc/meminfo.\n"
                + "  -h, --human   show human-readable output\n  -k, --kibi    show output in kibibytes (the default)\n"
                + "  -m, --mebi    show output in mebibytes\n  -g, --gibi    show output in gibibytes";
    }
}
