package dev.syssim.sim.os;

import dev.syssim.sim.fs.FileType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A control group of the unified (v2) hierarchy: a directory under {@code /sys/fs/cgroup} with its
 * member processes, its child groups, and the limits its controllers enforce on the whole subtree —
 * checked by the kernel on the paths where Linux checks them: {@code pids.max} on fork (EAGAIN),
 * {@code memory.max} when memory is charged (the OOM killer), {@code cpu.max} in the scheduler
 * (throttling), and the device allow-list on every open and mknod of a device node (EPERM).
 *
 * <p>Simplification: cgroup v2's device controller is an eBPF program (runc and systemd attach
 * one); a cell cannot type BPF, so the simulation keeps cgroup v1's interface for it:
 * {@code devices.allow}, {@code devices.deny}, {@code devices.list} with their syntax
 * ({@code c 1:3 rwm}, {@code a}).
 */
public final class Cgroup {

    /** The largest value a limit can have: written and shown as {@code max}. */
    public static final long MAX = -1;
    /** cpu.max's default period: 100 ms. */
    public static final long DEFAULT_PERIOD_MICROS = 100_000;

    /** One line of a device allow-list: {@code c 1:3 rwm}; -1 is the wildcard {@code *}. */
    public record DeviceRule(char type, int major, int minor) {

        boolean matches(FileType fileType, int devMajor, int devMinor) {
            char t = fileType == FileType.BLOCK_DEVICE ? 'b' : 'c';
            return (type == 'a' || type == t) && (major == -1 || major == devMajor) && (minor == -1 || minor == devMinor);
        }

        /** As devices.list shows it: {@code c 1:3 rwm}, {@code a *:* rwm}. */
        public String text() {
            return type + " " + (major < 0 ? "*" : Integer.toString(major)) + ":" + (minor < 0 ? "*" : Integer.toString(minor)) + " rwm";
        }
    }

    /** runc's default allow-list: null, zero, full, random, urandom, tty, console, ptmx, pts/*. */
    public static final List<DeviceRule> RUNC_DEFAULT = List.of(
            new DeviceRule('c', 1, 3), new DeviceRule('c', 1, 5), new DeviceRule('c', 1, 7),
            new DeviceRule('c', 1, 8), new DeviceRule('c', 1, 9), new DeviceRule('c', 5, 0),
            new DeviceRule('c', 5, 1), new DeviceRule('c', 5, 2), new DeviceRule('c', 136, -1));

    /** The controllers of the simulated kernel, in cgroup.controllers order. */
    public static final List<String> CONTROLLERS = List.of("cpu", "memory", "pids");

    private final String name;
    private final Cgroup parent;
    private final Map<String, Cgroup> children = new TreeMap<>();
    private final List<Process> members = new ArrayList<>();
    private final Set<String> subtreeControl = new LinkedHashSet<>();
    private List<DeviceRule> allowedDevices;
    private long pidsMax = MAX;
    private long pidsEventsMax;
    private long memoryMax = MAX;
    private long memoryHigh = MAX;
    private long memoryEventsMax;
    private long memoryEventsOom;
    private long memoryEventsOomKill;
    private long memoryPeak;
    private long cpuQuotaMicros = MAX;
    private long cpuPeriodMicros = DEFAULT_PERIOD_MICROS;
    private long periodStart = -1;
    private long usedInPeriod;
    private long periods;
    private long throttledPeriods;
    private long throttledNanos;
    private long usageNanos;

    private Cgroup(String name, Cgroup parent) {
        this.name = name;
        this.parent = parent;
    }

    /** The hierarchy's root: every device allowed, no limits, its controllers on for the children. */
    public static Cgroup root() {
        Cgroup root = new Cgroup("", null);
        root.subtreeControl.addAll(CONTROLLERS);
        return root;
    }

    /** A fresh child group (mkdir); null if the name is taken. */
    public Cgroup mkdir(String childName) {
        if (children.containsKey(childName)) return null;
        Cgroup child = new Cgroup(childName, this);
        children.put(childName, child);
        return child;
    }

    /** rmdir: only an empty group (no members, no children) goes; false means EBUSY. */
    public boolean remove() {
        if (parent == null || !members.isEmpty() || !children.isEmpty()) return false;
        parent.children.remove(name);
        return true;
    }

    /** The path as /proc/PID/cgroup shows it: {@code /}, {@code /demo}, {@code /demo/inner}. */
    public String path() {
        if (parent == null) return "/";
        String above = parent.path();
        return (above.equals("/") ? "" : above) + "/" + name;
    }

    public String name() {
        return name;
    }

    public Cgroup parent() {
        return parent;
    }

    public Map<String, Cgroup> children() {
        return children;
    }

    public Cgroup child(String childName) {
        return children.get(childName);
    }

    /** The processes directly in this group (cgroup.procs), in the order they joined. */
    public List<Process> members() {
        return List.copyOf(members);
    }

    void add(Process p) {
        members.add(p);
    }

    void remove(Process p) {
        members.remove(p);
    }

    /** The controllers available here: the parent's subtree_control (the root has all). */
    public List<String> controllers() {
        if (parent == null) return CONTROLLERS;
        List<String> out = new ArrayList<>();
        for (String c : CONTROLLERS) if (parent.subtreeControl.contains(c)) out.add(c);
        return out;
    }

    public Set<String> subtreeControl() {
        return subtreeControl;
    }

    public boolean hasController(String controller) {
        return controllers().contains(controller);
    }

    // ---- pids ----

    /** Tasks in this group and below (pids.current). */
    public long pidsCurrent() {
        long n = members.size();
        for (Cgroup c : children.values()) n += c.pidsCurrent();
        return n;
    }

    public long pidsMax() {
        return pidsMax;
    }

    public void setPidsMax(long max) {
        this.pidsMax = max;
    }

    public long pidsEventsMax() {
        return pidsEventsMax;
    }

    /**
     * The group whose pids.max a new task here would exceed (this or an ancestor), or null: the
     * check fork makes (Linux's pids_can_fork). The refusing group counts the event.
     */
    Cgroup forkRefusedBy() {
        for (Cgroup g = this; g != null; g = g.parent) {
            if (g.pidsMax != MAX && g.pidsCurrent() + 1 > g.pidsMax) {
                g.pidsEventsMax++;
                return g;
            }
        }
        return null;
    }

    // ---- memory ----

    /** Bytes charged to this group and below (memory.current): its processes' resident memory. */
    public long memoryCurrent() {
        long bytes = 0;
        for (Process p : members) bytes += (long) p.memoryKiB() * 1024;
        for (Cgroup c : children.values()) bytes += c.memoryCurrent();
        return bytes;
    }

    public long memoryMax() {
        return memoryMax;
    }

    public void setMemoryMax(long max) {
        this.memoryMax = max;
    }

    public long memoryHigh() {
        return memoryHigh;
    }

    public void setMemoryHigh(long high) {
        this.memoryHigh = high;
    }

    public long memoryPeak() {
        return memoryPeak;
    }

    /** How often the limit was hit (memory.events' max). */
    public long memoryFailures() {
        return memoryEventsMax;
    }

    /** memory.events: low, high, max, oom, oom_kill, oom_group_kill. */
    public String memoryEvents() {
        return "low 0\nhigh 0\nmax " + memoryEventsMax + "\noom " + memoryEventsOom + "\noom_kill " + memoryEventsOomKill + "\noom_group_kill 0\n";
    }

    /** The group (this or an ancestor) whose memory.max the current charge exceeds, or null. */
    Cgroup overMemoryLimit() {
        for (Cgroup g = this; g != null; g = g.parent) {
            long current = g.memoryCurrent();
            if (current > g.memoryPeak) g.memoryPeak = current;
            if (g.memoryMax != MAX && current > g.memoryMax) return g;
        }
        return null;
    }

    void countOomKill() {
        memoryEventsMax++;
        memoryEventsOom++;
        memoryEventsOomKill++;
    }

    // ---- cpu ----

    public long cpuQuotaMicros() {
        return cpuQuotaMicros;
    }

    public long cpuPeriodMicros() {
        return cpuPeriodMicros;
    }

    public void setCpuMax(long quotaMicros, long periodMicros) {
        this.cpuQuotaMicros = quotaMicros;
        this.cpuPeriodMicros = periodMicros;
        this.periodStart = -1;
        this.usedInPeriod = 0;
    }

    /** cpu.stat: usage and, with a quota, the bandwidth counters. */
    public String cpuStat() {
        long usage = subtreeUsageNanos() / 1000;
        return "usage_usec " + usage + "\nuser_usec " + usage + "\nsystem_usec 0\n"
                + "nr_periods " + periods + "\nnr_throttled " + throttledPeriods + "\nthrottled_usec " + throttledNanos / 1000 + "\n";
    }

    private long subtreeUsageNanos() {
        long n = usageNanos;
        for (Cgroup c : children.values()) n += c.subtreeUsageNanos();
        return n;
    }

    /**
     * How long a member may compute from {@code now} before this group or an ancestor has used its
     * quota for the period: Long.MAX_VALUE without a quota, 0 when it is throttled now.
     */
    long cpuAllowance(long now) {
        long allowed = Long.MAX_VALUE;
        for (Cgroup g = this; g != null; g = g.parent) {
            if (g.cpuQuotaMicros == MAX) continue;
            g.roll(now);
            allowed = Math.min(allowed, Math.max(0, g.cpuQuotaMicros * 1000 - g.usedInPeriod));
        }
        return allowed;
    }

    /** When the period of the group that throttles a member at {@code now} ends. */
    long throttledUntil(long now) {
        long until = now;
        for (Cgroup g = this; g != null; g = g.parent) {
            if (g.cpuQuotaMicros == MAX) continue;
            g.roll(now);
            if (g.usedInPeriod >= g.cpuQuotaMicros * 1000) until = Math.max(until, g.periodStart + g.cpuPeriodMicros * 1000);
        }
        return until;
    }

    /** The group that throttles a member now (this or an ancestor), for the trace. */
    Cgroup throttler(long now) {
        for (Cgroup g = this; g != null; g = g.parent) {
            if (g.cpuQuotaMicros != MAX && g.usedInPeriod >= g.cpuQuotaMicros * 1000) return g;
        }
        return this;
    }

    void countThrottle(long nanos) {
        for (Cgroup g = this; g != null; g = g.parent) {
            if (g.cpuQuotaMicros != MAX && g.usedInPeriod >= g.cpuQuotaMicros * 1000) {
                g.throttledPeriods++;
                g.throttledNanos += nanos;
            }
        }
    }

    /** Charges user-mode time run by a member. */
    void chargeCpu(long nanos, long now) {
        usageNanos += nanos;
        for (Cgroup g = this; g != null; g = g.parent) {
            if (g.cpuQuotaMicros == MAX) continue;
            g.roll(now - nanos);
            g.usedInPeriod += nanos;
        }
    }

    private void roll(long now) {
        long period = cpuPeriodMicros * 1000;
        if (periodStart < 0) {
            periodStart = now;
            periods++;
            return;
        }
        if (now >= periodStart + period) {
            long elapsed = (now - periodStart) / period;
            periodStart += elapsed * period;
            periods += elapsed;
            usedInPeriod = 0;
        }
    }

    // ---- devices ----

    /** Replaces the allow-list (null: every device), as runc does for a container's cgroup. */
    public void setAllowedDevices(List<DeviceRule> rules) {
        this.allowedDevices = rules == null ? null : new ArrayList<>(rules);
    }

    /** devices.list: {@code a *:* rwm} when everything is allowed, else the rules. */
    public String deviceList() {
        if (allowedDevices == null) return "a *:* rwm\n";
        StringBuilder out = new StringBuilder();
        for (DeviceRule r : allowedDevices) out.append(r.text()).append('\n');
        return out.toString();
    }

    /** devices.allow: adds a rule ({@code a} allows everything again). */
    public void allow(DeviceRule rule) {
        exceptions.removeIf(r -> r.equals(rule));
        if (rule.type() == 'a') {
            allowedDevices = null;
            exceptions.clear();
            return;
        }
        if (allowedDevices == null) return;
        if (!allowedDevices.contains(rule)) allowedDevices.add(rule);
    }

    /**
     * devices.deny: {@code a} empties the list; a rule removes what it names. Denying one device
     * while all are allowed keeps the rest: the list becomes everything the kernel has but that one
     * (the simulation's devices, see {@link Devices}).
     */
    public void deny(DeviceRule rule) {
        if (rule.type() == 'a') {
            allowedDevices = new ArrayList<>();
            exceptions.clear();
            return;
        }
        if (allowedDevices == null) {
            allowedDevices = new ArrayList<>(List.of(new DeviceRule('c', -1, -1), new DeviceRule('b', -1, -1)));
            exceptions.add(rule);
            return;
        }
        allowedDevices.removeIf(r -> r.equals(rule));
        exceptions.add(rule);
    }

    private final List<DeviceRule> exceptions = new ArrayList<>();

    /** Whether a member may open or create the device node: this group's list and every ancestor's. */
    public boolean allowsDevice(FileType type, int major, int minor) {
        for (Cgroup g = this; g != null; g = g.parent) {
            if (!g.allowsHere(type, major, minor)) return false;
        }
        return true;
    }

    private boolean allowsHere(FileType type, int major, int minor) {
        for (DeviceRule r : exceptions) if (r.matches(type, major, minor)) return false;
        if (allowedDevices == null) return true;
        for (DeviceRule rule : allowedDevices) if (rule.matches(type, major, minor)) return true;
        return false;
    }

    @Override
    public String toString() {
        return path();
    }
}
