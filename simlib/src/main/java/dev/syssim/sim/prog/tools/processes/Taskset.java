package dev.syssim.sim.prog.tools.processes;

import dev.syssim.sim.os.SchedGetaffinity;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.TreeMap;

/**
 * taskset (util-linux 2.38): a process's CPU affinity — the cores the scheduler may run it on.
 * {@code taskset -c 0 CMD} sets it for itself (sched_setaffinity) and then execs CMD, which keeps
 * it; {@code taskset -p PID} prints another's mask (sched_getaffinity), {@code -p MASK PID} or
 * {@code -cp LIST PID} changes it.
 */
public final class Taskset extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        boolean pid = false;
        boolean list = false;
        boolean all = false;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) return help(c);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.equals("--pid")) pid = true;
            else if (a.equals("--cpu-list")) list = true;
            else if (a.equals("--all-tasks")) all = true;
            else if (a.startsWith("--")) return c.usageError("taskset: unrecognized option '" + a + "'", 1);
            else {
                for (char ch : a.substring(1).toCharArray()) {
                    switch (ch) {
                        case 'p' -> pid = true;
                        case 'c' -> list = true;
                        case 'a' -> all = true;
                        default -> {
                            return c.usageError("taskset: invalid option -- '" + ch + "'", 1);
                        }
                    }
                }
            }
            i++;
        }
        List<String> rest = args.subList(i, args.size());
        boolean cpuList = list;
        if (pid) {
            if (rest.isEmpty()) return c.usageError("taskset: bad usage", 1);
            String pidText = rest.get(rest.size() - 1);
            int target;
            try {
                target = Integer.parseInt(pidText);
            } catch (NumberFormatException e) {
                c.error("invalid PID argument: '" + pidText + "'");
                return c.exit(1);
            }
            String newMask = rest.size() > 1 ? rest.get(0) : null;
            return show(c, target, cpuList, "current", () -> {
                if (newMask == null) return c.exit(0);
                Long mask = cpuList ? parseList(newMask) : parseMask(newMask);
                if (mask == null) {
                    c.error("failed to parse " + (cpuList ? "CPU list" : "CPU mask") + ": " + newMask);
                    return c.exit(1);
                }
                return c.sys(new Syscall.SchedSetaffinity(target, mask), r -> {
                    if (r.failed()) {
                        c.error("failed to set pid " + target + "'s affinity", r.errno());
                        return c.exit(1);
                    }
                    return show(c, target, cpuList, "new", () -> c.exit(0));
                });
            });
        }
        if (rest.size() < 2) return c.usageError("taskset: bad usage", 1);
        Long mask = cpuList ? parseList(rest.get(0)) : parseMask(rest.get(0));
        if (mask == null) {
            c.error("failed to parse " + (cpuList ? "CPU list" : "CPU mask") + ": " + rest.get(0));
            return c.exit(1);
        }
        List<String> command = rest.subList(1, rest.size());
        return c.sys(new Syscall.SchedSetaffinity(0, mask), r -> {
            if (r.failed()) {
                c.error("failed to set pid 0's affinity", r.errno());
                return c.exit(1);
            }
            return Env.execvp(c, command, new TreeMap<>(c.args().env()), (name, e) -> "taskset: failed to execute " + name + ": " + e.message());
        });
    }

    private static Step show(Libc c, int pid, boolean list, String which, java.util.function.Supplier<Step> next) {
        return c.sys(new SchedGetaffinity(pid), r -> {
            if (r.failed()) {
                c.error("failed to get pid " + pid + "'s affinity", r.errno());
                return c.exit(1);
            }
            long mask = SchedGetaffinity.mask(r);
            if (list) c.println("pid " + pid + "'s " + which + " affinity list: " + format(mask));
            else c.println("pid " + pid + "'s " + which + " affinity mask: " + Long.toHexString(mask));
            return next.get();
        });
    }

    /** The list form of a mask: {@code 0}, {@code 0,1}, {@code 0-3}. */
    static String format(long mask) {
        StringBuilder out = new StringBuilder();
        int cpu = 0;
        while (cpu < 64) {
            if ((mask & (1L << cpu)) == 0) {
                cpu++;
                continue;
            }
            int start = cpu;
            while (cpu + 1 < 64 && (mask & (1L << (cpu + 1))) != 0) cpu++;
            if (out.length() > 0) out.append(',');
            if (cpu - start >= 2) out.append(start).append('-').append(cpu);
            else if (cpu > start) out.append(start).append(',').append(cpu);
            else out.append(start);
            cpu++;
        }
        return out.toString();
    }

    private static Long parseMask(String text) {
        String hex = text.startsWith("0x") ? text.substring(2) : text;
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseList(String text) {
        long mask = 0;
        for (String part : text.split(",")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)(?:-([0-9]+))?").matcher(part);
            if (!m.matches()) return null;
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from || to > 63) return null;
            for (int cpu = from; cpu <= to; cpu++) mask |= 1L << cpu;
        }
        return mask;
    }

    @Override
    public String whatis() {
        return "set or retrieve a process's CPU affinity";
    }

    @Override
    public String manual() {
        return "taskset [options] [mask | cpu-list] [pid|cmd [args...]]\n  Show or change the CPU affinity of a process: the cores the scheduler may run it on.\n"
                + "  -c, --cpu-list  display and specify cpus in list format (0,1 or 0-3)\n"
                + "  -p, --pid       operate on existing given pid\n"
                + "  Examples: taskset -c 0 CMD, taskset -p PID, taskset -cp 1 PID";
    }
}
