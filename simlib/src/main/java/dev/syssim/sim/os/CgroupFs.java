package dev.syssim.sim.os;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cgroup2} file system at {@code /sys/fs/cgroup}: a directory per control group with
 * the interface files of its controllers (cgroup-v2.rst's names), generated when read. {@code mkdir}
 * makes a group, {@code rmdir} removes an empty one (EBUSY otherwise), and writing to a file
 * changes the group: {@code echo PID > cgroup.procs} moves a process, {@code echo 20 > pids.max}
 * limits it. A write the kernel refuses fails as Linux's does (EINVAL, ESRCH, EBUSY, ENOENT).
 *
 * <p>Simplifications: no systemd slices (every process starts in the root group); the io, cpuset,
 * hugetlb and rdma controllers are absent; the device allow-list uses cgroup v1's files (see
 * {@link Cgroup}); a pid written to cgroup.procs is read in the writer's pid namespace, and the
 * list shows pids as the reader's namespace numbers them.
 */
public final class CgroupFs extends FileSystem {

    private static final List<String> CORE = List.of("cgroup.controllers", "cgroup.events", "cgroup.kill", "cgroup.max.depth",
            "cgroup.max.descendants", "cgroup.pressure", "cgroup.procs", "cgroup.stat", "cgroup.subtree_control", "cgroup.threads",
            "cgroup.type", "devices.allow", "devices.deny", "devices.list", "io.pressure");
    private static final List<String> ROOT = List.of("cgroup.controllers", "cgroup.max.depth", "cgroup.max.descendants",
            "cgroup.pressure", "cgroup.procs", "cgroup.stat", "cgroup.subtree_control", "cgroup.threads", "cpu.pressure", "cpu.stat",
            "devices.allow", "devices.deny", "devices.list", "io.pressure", "memory.numa_stat", "memory.pressure", "memory.stat");
    private static final List<String> CPU = List.of("cpu.idle", "cpu.max", "cpu.max.burst", "cpu.pressure", "cpu.stat", "cpu.weight",
            "cpu.weight.nice");
    private static final List<String> MEMORY = List.of("memory.current", "memory.events", "memory.events.local", "memory.high",
            "memory.low", "memory.max", "memory.min", "memory.numa_stat", "memory.oom.group", "memory.peak", "memory.pressure",
            "memory.stat", "memory.swap.current", "memory.swap.events", "memory.swap.high", "memory.swap.max");
    private static final List<String> PIDS = List.of("pids.current", "pids.events", "pids.max");
    private static final String PRESSURE = "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n";

    private record Entry(Cgroup group, String file) {
    }

    private final Kernel kernel;
    private final Cgroup top;
    private final Map<Inode, Entry> entries = new IdentityHashMap<>();
    private final Map<Cgroup, Inode> directories = new IdentityHashMap<>();
    private final Map<Cgroup, Map<String, Inode>> files = new IdentityHashMap<>();

    public CgroupFs(Kernel kernel, Cgroup top, int deviceNumber) {
        super("cgroup2", "cgroup2", deviceNumber, false, 1);
        this.kernel = kernel;
        this.top = top;
        entries.put(root(), new Entry(top, null));
        directories.put(top, root());
    }

    /** The interface files of a group, by name. */
    static List<String> filesOf(Cgroup g) {
        if (g.parent() == null) return ROOT;
        List<String> names = new ArrayList<>(CORE);
        if (g.hasController("cpu")) names.addAll(CPU);
        if (g.hasController("memory")) names.addAll(MEMORY);
        if (g.hasController("pids")) names.addAll(PIDS);
        names.sort(null);
        return names;
    }

    private Inode directory(Cgroup g) {
        Inode dir = directories.get(g);
        if (dir != null) return dir;
        dir = newInode(FileType.DIRECTORY, 0755, 0, 0);
        setParentOf(dir, directory(g.parent()));
        directories.put(g, dir);
        entries.put(dir, new Entry(g, null));
        return dir;
    }

    private Inode file(Cgroup g, String name) {
        Map<String, Inode> mine = files.computeIfAbsent(g, x -> new java.util.HashMap<>());
        Inode f = mine.get(name);
        if (f != null) return f;
        boolean writable = name.equals("cgroup.procs") || name.equals("cgroup.threads") || name.equals("cgroup.subtree_control")
                || name.equals("cgroup.kill") || name.startsWith("devices.a") || name.startsWith("devices.d") || name.endsWith(".max")
                || name.endsWith(".high") || name.endsWith(".low") || name.endsWith(".min") || name.equals("cpu.weight")
                || name.equals("cpu.weight.nice") || name.equals("cpu.idle") || name.equals("cpu.max.burst") || name.equals("memory.oom.group")
                || name.endsWith(".pressure") || name.equals("cgroup.max.depth") || name.equals("cgroup.max.descendants");
        int mode = name.equals("cgroup.kill") || name.startsWith("devices.a") || name.startsWith("devices.d") ? 0200 : writable ? 0644 : 0444;
        f = newInode(FileType.REGULAR, mode, 0, 0);
        mine.put(name, f);
        entries.put(f, new Entry(g, name));
        return f;
    }

    @Override
    public Inode lookup(PathContext caller, Inode dir, String name) {
        Entry e = entries.get(dir);
        if (e == null || e.file() != null || !alive(e.group())) return null;
        Cgroup child = e.group().child(name);
        if (child != null) return directory(child);
        return filesOf(e.group()).contains(name) ? file(e.group(), name) : null;
    }

    private boolean alive(Cgroup g) {
        for (Cgroup x = g; x != null; x = x.parent()) {
            if (x == top) return true;
            if (x.parent() != null && x.parent().child(x.name()) != x) return false;
        }
        return false;
    }

    @Override
    public List<Dirent> list(Inode dir) {
        Entry e = entries.get(dir);
        List<Dirent> out = new ArrayList<>();
        if (e == null || e.file() != null) return out;
        for (String name : filesOf(e.group())) out.add(new Dirent(name, file(e.group(), name).number(), FileType.REGULAR));
        for (Cgroup child : e.group().children().values()) out.add(new Dirent(child.name(), directory(child).number(), FileType.DIRECTORY));
        return out;
    }

    /** mkdir makes a child group (the name is free: the caller checked). */
    @Override
    public Inode mkdir(Inode dir, String name, int permissions, int uid, int gid) {
        Entry e = entries.get(dir);
        Cgroup made = e.group().mkdir(name);
        return directory(made);
    }

    @Override
    public Errno rmdirError(Inode dir) {
        Entry e = entries.get(dir);
        if (e == null || e.file() != null) return Errno.ENOTDIR;
        Cgroup g = e.group();
        return g.members().isEmpty() && g.children().isEmpty() && g.parent() != null ? null : Errno.EBUSY;
    }

    @Override
    public Inode unlink(Inode dir, String name) {
        Entry e = entries.get(dir);
        Cgroup child = e == null ? null : e.group().child(name);
        if (child == null || !child.remove()) return null;
        Inode gone = directories.remove(child);
        files.remove(child);
        return gone;
    }

    @Override
    public long sizeOf(Inode file) {
        return 0;
    }

    @Override
    public long sectorsOf(Inode file) {
        return 0;
    }

    @Override
    public byte[] contentOf(Inode file) {
        return new byte[0];
    }

    /** The operations of an interface file: reads render the group's state for the reader, writes change it. */
    public FileOps ops(Inode inode) {
        Entry e = entries.get(inode);
        if (e == null || e.file() == null) return null;
        return new FileOps() {
            @Override
            public Outcome read(Kernel k, Process p, OpenFile f, int count) {
                byte[] all = render(e.group(), e.file(), p).getBytes(StandardCharsets.UTF_8);
                long offset = f.offset();
                if (offset >= all.length) return Outcome.done(SysResult.ok(0, new byte[0]), Costs.SYSCALL);
                byte[] part = java.util.Arrays.copyOfRange(all, (int) offset, (int) Math.min(all.length, offset + count));
                f.setOffset(offset + part.length);
                return Outcome.done(SysResult.ok(part.length, part), Costs.copy(part.length));
            }

            @Override
            public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
                Errno refused = CgroupWrites.write(kernel, e.group(), e.file(), new String(data, StandardCharsets.UTF_8), p);
                if (refused != null) return Outcome.error(refused, Costs.SYSCALL);
                return Outcome.ok(data.length, Costs.SYSCALL);
            }
        };
    }

    private String render(Cgroup g, String file, Process reader) {
        return switch (file) {
            case "cgroup.controllers" -> String.join(" ", g.controllers()) + "\n";
            case "cgroup.subtree_control" -> String.join(" ", Cgroup.CONTROLLERS.stream().filter(g.subtreeControl()::contains).toList()) + "\n";
            case "cgroup.procs", "cgroup.threads" -> pids(g, reader);
            case "cgroup.events" -> "populated " + (g.pidsCurrent() > 0 ? 1 : 0) + "\nfrozen 0\n";
            case "cgroup.type" -> "domain\n";
            case "cgroup.max.depth", "cgroup.max.descendants" -> "max\n";
            case "cgroup.stat" -> "nr_descendants " + descendants(g) + "\nnr_dying_descendants 0\n";
            case "cpu.max" -> (g.cpuQuotaMicros() == Cgroup.MAX ? "max" : Long.toString(g.cpuQuotaMicros())) + " " + g.cpuPeriodMicros() + "\n";
            case "cpu.stat" -> g.cpuStat();
            case "cpu.weight" -> "100\n";
            case "cpu.weight.nice", "cpu.idle", "cpu.max.burst", "memory.min", "memory.low", "memory.oom.group", "memory.swap.current" -> "0\n";
            case "memory.current" -> g.memoryCurrent() + "\n";
            case "memory.peak" -> Math.max(g.memoryPeak(), g.memoryCurrent()) + "\n";
            case "memory.max" -> limit(g.memoryMax());
            case "memory.high", "memory.swap.high", "memory.swap.max" -> file.equals("memory.high") ? limit(g.memoryHigh()) : "max\n";
            case "memory.events", "memory.events.local" -> g.memoryEvents();
            case "memory.swap.events" -> "high 0\nmax 0\nfail 0\n";
            case "memory.stat" -> "anon " + g.memoryCurrent() + "\nfile 0\nkernel 0\nsock 0\nshmem 0\n";
            case "memory.numa_stat" -> "anon N0=" + g.memoryCurrent() + "\nfile N0=0\n";
            case "pids.current" -> g.pidsCurrent() + "\n";
            case "pids.max" -> limit(g.pidsMax());
            case "pids.events" -> "max " + g.pidsEventsMax() + "\n";
            case "devices.list" -> g.deviceList();
            default -> file.endsWith(".pressure") ? PRESSURE : "";
        };
    }

    private static String limit(long value) {
        return value == Cgroup.MAX ? "max\n" : value + "\n";
    }

    private static int descendants(Cgroup g) {
        int n = 0;
        for (Cgroup c : g.children().values()) n += 1 + descendants(c);
        return n;
    }

    private static String pids(Cgroup g, Process reader) {
        List<Integer> pids = new ArrayList<>();
        for (Process p : g.members()) {
            int pid = p.pidIn(reader.pidNamespace());
            if (pid > 0 && p.state() != ProcessState.ZOMBIE && p.state() != ProcessState.DEAD) pids.add(pid);
        }
        pids.sort(null);
        StringBuilder out = new StringBuilder();
        for (int pid : pids) out.append(pid).append('\n');
        return out.toString();
    }
}
