package dev.syssim.sim.os;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;

/**
 * What writing to a cgroup interface file does, with the errors Linux's handlers return: a number
 * that is not one, or a limit below what the file takes, is EINVAL; a pid nobody has is ESRCH; a
 * controller the group cannot have is ENOENT; moving a process into a group that hands its
 * controllers on to children (the "no internal processes" rule), or enabling controllers for the
 * children of a group that has processes, is EBUSY.
 */
final class CgroupWrites {

    private CgroupWrites() {
    }

    static Errno write(Kernel kernel, Cgroup g, String file, String text, Process writer) {
        String value = text.strip();
        return switch (file) {
            case "cgroup.procs", "cgroup.threads" -> move(kernel, g, value, writer);
            case "cgroup.subtree_control" -> subtreeControl(g, value);
            case "cgroup.kill" -> kill(kernel, g, value);
            case "pids.max" -> {
                long n = number(value, false);
                if (n == Long.MIN_VALUE) yield Errno.EINVAL;
                g.setPidsMax(n);
                yield null;
            }
            case "memory.max", "memory.high" -> memory(kernel, g, file, value, writer);
            case "cpu.max" -> cpuMax(g, value);
            case "devices.allow", "devices.deny" -> devices(g, file.equals("devices.allow"), value);
            default -> Errno.EINVAL;
        };
    }

    /** {@code max} (as -1), a non-negative number, or with {@code bytes} a size with K, M, G (memparse); MIN_VALUE if neither. */
    static long number(String value, boolean bytes) {
        if (value.equals("max")) return Cgroup.MAX;
        long unit = 1;
        String digits = value;
        if (bytes && !value.isEmpty()) {
            char last = Character.toUpperCase(value.charAt(value.length() - 1));
            unit = switch (last) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                case 'G' -> 1L << 30;
                default -> 1;
            };
            if (unit > 1) digits = value.substring(0, value.length() - 1);
        }
        try {
            long n = Long.parseLong(digits);
            return n < 0 ? Long.MIN_VALUE : n * unit;
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static Errno move(Kernel kernel, Cgroup g, String value, Process writer) {
        int pid;
        try {
            pid = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return Errno.EINVAL;
        }
        if (pid < 0) return Errno.EINVAL;
        Process target = pid == 0 ? writer : writer.pidNamespace().find(pid);
        if (target == null || target.state() == ProcessState.ZOMBIE || target.state() == ProcessState.DEAD) return Errno.ESRCH;
        if (g.parent() != null && !g.subtreeControl().isEmpty()) return Errno.EBUSY;
        Cgroup from = target.cgroup();
        target.setCgroup(g);
        if (kernel.trace().wants(EventKind.PROCESS)) {
            kernel.event(target.lane(), CpuMode.KERNEL, EventKind.PROCESS, "cgroup: " + target + " moves " + from.path() + " -> " + g.path(),
                    "its limits from now on are those of " + g.path(), writer.syscallEventSeq());
        }
        return null;
    }

    private static Errno subtreeControl(Cgroup g, String value) {
        for (String token : value.split("\\s+")) {
            if (token.isEmpty()) continue;
            char sign = token.charAt(0);
            String name = token.substring(1);
            if (sign != '+' && sign != '-') return Errno.EINVAL;
            if (!Cgroup.CONTROLLERS.contains(name)) return Errno.EINVAL;
            if (!g.controllers().contains(name)) return Errno.ENOENT;
        }
        for (String token : value.split("\\s+")) {
            if (token.isEmpty()) continue;
            if (token.charAt(0) == '+') {
                if (g.parent() != null && !g.members().isEmpty()) return Errno.EBUSY;
                g.subtreeControl().add(token.substring(1));
            } else {
                g.subtreeControl().remove(token.substring(1));
            }
        }
        return null;
    }

    private static Errno kill(Kernel kernel, Cgroup g, String value) {
        if (!value.equals("1")) return Errno.EINVAL;
        killAll(kernel, g);
        return null;
    }

    private static void killAll(Kernel kernel, Cgroup g) {
        for (Process p : g.members()) kernel.signals().send(p, Signal.SIGKILL, null);
        for (Cgroup c : g.children().values()) killAll(kernel, c);
    }

    private static Errno memory(Kernel kernel, Cgroup g, String file, String value, Process writer) {
        long n = number(value, true);
        if (n == Long.MIN_VALUE) return Errno.EINVAL;
        if (n != Cgroup.MAX) n = n / 4096 * 4096; // limits are whole pages
        if (file.equals("memory.high")) {
            g.setMemoryHigh(n);
            return null;
        }
        g.setMemoryMax(n);
        // a limit below the usage: reclaim finds nothing to give back, so the OOM killer runs now
        if (n != Cgroup.MAX && g.memoryCurrent() > n && !g.members().isEmpty()) {
            Process any = g.members().get(0);
            kernel.cgroups().chargeMemory(any);
        }
        return null;
    }

    private static Errno cpuMax(Cgroup g, String value) {
        String[] parts = value.split("\\s+");
        if (parts.length == 0 || parts.length > 2 || parts[0].isEmpty()) return Errno.EINVAL;
        long quota = number(parts[0], false);
        long period = parts.length == 2 ? number(parts[1], false) : g.cpuPeriodMicros();
        if (quota == Long.MIN_VALUE || period == Long.MIN_VALUE || period == Cgroup.MAX) return Errno.EINVAL;
        if (period < 1000 || period > 1_000_000) return Errno.EINVAL;
        if (quota != Cgroup.MAX && quota < 1000) return Errno.EINVAL;
        g.setCpuMax(quota, period);
        return null;
    }

    /** devices.allow / devices.deny: {@code a}, or {@code TYPE MAJOR:MINOR ACCESS} with {@code *} wildcards. */
    private static Errno devices(Cgroup g, boolean allow, String value) {
        Cgroup.DeviceRule rule = parseRule(value);
        if (rule == null) return Errno.EINVAL;
        if (allow) g.allow(rule);
        else g.deny(rule);
        return null;
    }

    static Cgroup.DeviceRule parseRule(String value) {
        if (value.equals("a") || value.startsWith("a ")) return new Cgroup.DeviceRule('a', -1, -1);
        String[] parts = value.split("\\s+");
        if (parts.length < 2 || parts[0].length() != 1 || "cb".indexOf(parts[0].charAt(0)) < 0) return null;
        String[] mm = parts[1].split(":");
        if (mm.length != 2) return null;
        try {
            int major = mm[0].equals("*") ? -1 : Integer.parseInt(mm[0]);
            int minor = mm[1].equals("*") ? -1 : Integer.parseInt(mm[1]);
            if (parts.length > 2 && !parts[2].matches("[rwm]+")) return null;
            return new Cgroup.DeviceRule(parts[0].charAt(0), major, minor);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
