package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Utsname;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * lscpu (util-linux 2.38): the CPU architecture, read from /proc/cpuinfo (and uname), in lscpu's
 * indented two-column layout. The real one also reads /sys/devices/system/cpu for caches, NUMA
 * and vulnerabilities; the simulated machine has no such files there, so those sections are left
 * out, as lscpu leaves out whatever it cannot find.
 */
public final class Lscpu extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("lscpu", c.args().operands(), "", "", Set.of("help"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        return c.sys(new Syscall.Uname(), u -> c.readFile("/proc/cpuinfo", (err, bytes) -> {
            if (err != null) {
                c.error("cannot open /proc/cpuinfo", err);
                return c.exit(1);
            }
            List<Map<String, String>> cpus = parse(Libc.text(bytes));
            Map<String, String> first = cpus.isEmpty() ? Map.of() : cpus.get(0);
            int n = cpus.size();
            String flags = first.getOrDefault("flags", "");
            int cores = parseInt(first.get("cpu cores"), n);
            int siblings = parseInt(first.get("siblings"), n);
            List<String[]> rows = new ArrayList<>();
            rows.add(row("Architecture:", u.dataAs(Utsname.class).machine()));
            rows.add(row("  CPU op-mode(s):", (" " + flags + " ").contains(" lm ") ? "32-bit, 64-bit" : "32-bit"));
            if (first.containsKey("address sizes")) rows.add(row("  Address sizes:", first.get("address sizes")));
            rows.add(row("  Byte Order:", "Little Endian"));
            rows.add(row("CPU(s):", Integer.toString(n)));
            rows.add(row("  On-line CPU(s) list:", cpuList(n)));
            rows.add(row("Vendor ID:", first.getOrDefault("vendor_id", "")));
            rows.add(row("  Model name:", first.getOrDefault("model name", "")));
            rows.add(row("    CPU family:", first.getOrDefault("cpu family", "")));
            rows.add(row("    Model:", first.getOrDefault("model", "")));
            rows.add(row("    Thread(s) per core:", Integer.toString(Math.max(1, siblings / Math.max(1, cores)))));
            rows.add(row("    Core(s) per socket:", Integer.toString(cores)));
            rows.add(row("    Socket(s):", Integer.toString(Math.max(1, n / Math.max(1, siblings)))));
            rows.add(row("    Stepping:", first.getOrDefault("stepping", "")));
            rows.add(row("    BogoMIPS:", first.getOrDefault("bogomips", "")));
            rows.add(row("    Flags:", flags));
            boolean vmx = (" " + flags + " ").contains(" vmx ");
            boolean svm = (" " + flags + " ").contains(" svm ");
            boolean guest = (" " + flags + " ").contains(" hypervisor ");
            if (vmx || svm || guest) {
                rows.add(row("Virtualization features:", ""));
                if (vmx || svm) rows.add(row("  Virtualization:", vmx ? "VT-x" : "AMD-V"));
                if (guest) {
                    rows.add(row("  Hypervisor vendor:", "KVM"));
                    rows.add(row("  Virtualization type:", "full"));
                }
            }
            int width = 0;
            for (String[] r : rows) width = Math.max(width, r[0].length());
            StringBuilder out = new StringBuilder();
            for (String[] r : rows) out.append(r[0]).append(" ".repeat(width - r[0].length() + 1)).append(r[1]).append('\n');
            c.print(out.toString());
            return c.exit(0);
        }));
    }

    private static String[] row(String name, String value) {
        return new String[] {name, value};
    }

    private static int parseInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** util-linux's cpu list: single ids and pairs by commas, runs of three or more as ranges. */
    static String cpuList(int n) {
        if (n == 1) return "0";
        if (n == 2) return "0,1";
        return "0-" + (n - 1);
    }

    private static List<Map<String, String>> parse(String text) {
        List<Map<String, String>> cpus = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equals("processor")) {
                current = new LinkedHashMap<>();
                cpus.add(current);
            }
            if (current != null) current.put(key, value);
        }
        return cpus;
    }

    @Override
    public String whatis() {
        return "display information about the CPU architecture";
    }

    @Override
    public String manual() {
        return "lscpu [options]\n  Display information about the CPU architecture: number of CPUs, cores, sockets, model, flags, virtualization support.";
    }
}
