package dev.syssim.sim.os;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Location;
import dev.syssim.sim.fs.MountNamespace;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.hw.Core;
import dev.syssim.sim.hw.Disk;
import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.hw.Timeline;
import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The operating system of one machine: the process table, the scheduler, the file system tree and
 * its mounts, the devices' drivers, the kernel log — and the syscall handlers, grouped by subsystem.
 * All of a machine's mutable state hangs off its kernel (and all kernels off the world).
 */
public final class Kernel {

    public static final String RELEASE = "6.1.0-27-amd64";
    public static final String VERSION = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)";

    private final String machineName;
    /**
     * What uname(2) reports besides the host name: Debian's kernel by default; a preset may give a
     * machine another identity (Docker Desktop's LinuxKit VM, a Mac shown as Darwin).
     */
    private Utsname identity = new Utsname("Linux", "", RELEASE, VERSION, "x86_64");
    private final Timeline timeline;
    private final Trace trace;
    private final Scheduler scheduler;
    private final PidNamespace rootPidNamespace;
    private final UtsNamespace rootUts;
    private final MountNamespace rootMounts;
    private final FileSystem rootFs;
    private final Disk disk;
    private final KernelLog log = new KernelLog();
    private final ProgramRegistry programs;
    private final Limits limits;
    private final Random random;
    private final List<Terminal> terminals = new ArrayList<>();
    private final List<String> bugs = new ArrayList<>();
    private boolean contentBudgetReached;

    private final FileCalls files;
    private final ProcessCalls processes;
    private final SystemCalls system;
    private final Signals signals;
    private final Traps traps;
    private final Devices devices;
    private final Lane kernelLane;
    private final Lane timerLane;
    private Process init;
    private FileSystem devpts;
    private final List<Irq> irqLines = new ArrayList<>();
    private long memoryKiB = 4_028_860;
    private long bootEpochSeconds = 1_767_607_200L; // Monday 2026-01-05 10:00:00 UTC: the lecture's morning
    private String cpuFlags = "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx rdtscp lm constant_tsc nopl xtopology cpuid pni pclmulqdq vmx ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand lahf_lm abm fsgsbase bmi1 avx2 smep bmi2 erms invpcid rdseed adx smap clflushopt xsaveopt arat";
    private boolean dmesgRestricted = true;
    private long nextPipeInode = 20000;
    private int nextAnonymousDevice = 40;
    private final java.util.Map<String, ProcFs.ProcSysFile> procSysFiles = new java.util.LinkedHashMap<>();
    /** The directories under /proc/net that subsystems fill (xt_recent, ipt_hashlimit), by name. */
    private final java.util.Map<String, ProcFs.NetDirectory> procNet = new java.util.TreeMap<>();
    /** The machine's network stack (the net room's object); null until one is attached. */
    private Object network;
    private final NamespaceInodes namespaceInodes = new NamespaceInodes();
    private Namespaces rootNamespaces;
    private java.util.function.Supplier<NetworkNamespace> newNetworkNamespace;
    private final Cgroup rootCgroup = Cgroup.root();
    private final NamespaceCalls namespaceCalls;
    private final CgroupControllers cgroups;
    /** State other rooms keep per machine (KVM's virtual machines), by its type. */
    private final java.util.Map<Class<?>, Object> rooms = new java.util.HashMap<>();
    /** When this kernel booted on the world's timeline: 0 for the world's machines, later for a guest. */
    private long bootTime;

    public Kernel(String machineName, Timeline timeline, Trace trace, int cores, FileSystem rootFs, Disk disk,
                  ProgramRegistry programs, Limits limits, long seed) {
        this.machineName = machineName;
        this.timeline = timeline;
        this.trace = trace;
        Core[] coreArray = new Core[cores];
        for (int i = 0; i < cores; i++) coreArray[i] = new Core(i);
        this.scheduler = new Scheduler(this, timeline, coreArray);
        this.rootPidNamespace = new PidNamespace(null, limits.pidMax());
        this.rootUts = new UtsNamespace(machineName);
        this.rootFs = rootFs;
        this.rootMounts = new MountNamespace(rootFs, "rw,relatime", 21);
        this.disk = disk;
        irqLines.add(Irq.KEYBOARD);
        irqLines.add(disk.irq());
        this.programs = programs;
        this.limits = limits;
        this.random = new Random(seed);
        this.files = new FileCalls(this);
        this.processes = new ProcessCalls(this);
        this.system = new SystemCalls(this);
        this.signals = new Signals(this);
        this.traps = new Traps(this);
        this.devices = new Devices(this);
        this.namespaceCalls = new NamespaceCalls(this);
        this.cgroups = new CgroupControllers(this);
        this.rootNamespaces = new Namespaces(rootPidNamespace, null, new IpcNamespace(), UserNamespace.initial());
        namespaceInodes.fixed(rootPidNamespace, NamespaceInodes.INIT_PID);
        namespaceInodes.fixed(rootUts, NamespaceInodes.INIT_UTS);
        namespaceInodes.fixed(rootMounts, NamespaceInodes.INIT_MNT);
        namespaceInodes.fixed(rootNamespaces.ipc(), NamespaceInodes.INIT_IPC);
        namespaceInodes.fixed(rootNamespaces.user(), NamespaceInodes.INIT_USER);
        namespaceInodes.fixed(rootCgroup, NamespaceInodes.INIT_CGROUP);
        this.kernelLane = Lane.kernel(machineName);
        this.timerLane = Lane.device(machineName, "timer");
        registerTunables();
    }

    private void registerTunables() {
        procSysFiles.put("kernel/hostname", tunable(() -> rootUts.hostname(), value -> {
            rootUts.setHostname(value);
            return true;
        }));
        procSysFiles.put("kernel/ostype", tunable(() -> identity.sysname(), value -> false));
        procSysFiles.put("kernel/osrelease", tunable(() -> identity.release(), value -> false));
        procSysFiles.put("kernel/pid_max", tunable(() -> Integer.toString(limits.pidMax()), value -> false));
        procSysFiles.put("kernel/dmesg_restrict", tunable(() -> dmesgRestricted ? "1" : "0", value -> {
            if (!value.equals("0") && !value.equals("1")) return false;
            dmesgRestricted = value.equals("1");
            return true;
        }));
        procSysFiles.put("vm/drop_caches", tunable(() -> "0", value -> {
            if (!value.matches("[123]")) return false;
            dropCaches(rootFs.root());
            return true;
        }));
    }

    /** A /proc/sys file backed by a getter and a setter (false from the setter means EINVAL). */
    public static ProcFs.ProcSysFile tunable(java.util.function.Supplier<String> read, java.util.function.Predicate<String> write) {
        return new ProcFs.ProcSysFile() {
            @Override
            public String read() {
                return read.get();
            }

            @Override
            public boolean write(String value) {
                return write.test(value);
            }
        };
    }

    /** echo 3 > /proc/sys/vm/drop_caches: every file's data must come from the disk again. */
    private void dropCaches(dev.syssim.sim.fs.Inode dir) {
        for (dev.syssim.sim.fs.Inode child : dir.entries().values()) {
            child.setCached(false);
            if (child.isDirectory()) dropCaches(child);
        }
    }

    // ---- the rooms ----

    public FileCalls files() {
        return files;
    }

    public ProcessCalls processes() {
        return processes;
    }

    public SystemCalls system() {
        return system;
    }

    public Signals signals() {
        return signals;
    }

    public Traps traps() {
        return traps;
    }

    public Devices devices() {
        return devices;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public KernelLog log() {
        return log;
    }

    public ProgramRegistry programs() {
        return programs;
    }

    public Limits limits() {
        return limits;
    }

    public Random random() {
        return random;
    }

    public Disk disk() {
        return disk;
    }

    public FileSystem rootFs() {
        return rootFs;
    }

    public MountNamespace rootMounts() {
        return rootMounts;
    }

    public UtsNamespace rootUts() {
        return rootUts;
    }

    public PidNamespace rootPidNamespace() {
        return rootPidNamespace;
    }

    public String machineName() {
        return machineName;
    }

    public Timeline timeline() {
        return timeline;
    }

    public long now() {
        return timeline.now();
    }

    public Trace trace() {
        return trace;
    }

    public boolean dmesgRestricted() {
        return dmesgRestricted;
    }

    public void setDmesgRestricted(boolean restricted) {
        this.dmesgRestricted = restricted;
    }

    /** The interrupt lines this machine's devices use, in /proc/interrupts order. */
    public List<Irq> irqLines() {
        return List.copyOf(irqLines);
    }

    public void addIrqLine(Irq irq) {
        if (!irqLines.contains(irq)) {
            irqLines.add(irq);
            irqLines.sort(java.util.Comparator.comparingInt(i -> Integer.parseInt(i.number())));
        }
    }

    public long memoryKiB() {
        return memoryKiB;
    }

    public void setMemoryKiB(long kib) {
        this.memoryKiB = kib;
    }

    /** The simulated wall-clock second the machine booted at: fixed, so outputs never depend on the real date. */
    public long bootEpochSeconds() {
        return bootEpochSeconds;
    }

    public void setBootEpochSeconds(long seconds) {
        this.bootEpochSeconds = seconds;
    }

    /** The CPU's feature flags as /proc/cpuinfo lists them ({@code vmx} on a host, {@code hypervisor} in a guest). */
    public String cpuFlags() {
        return cpuFlags;
    }

    public void setCpuFlags(String flags) {
        this.cpuFlags = flags;
    }

    /** st_dev for a new virtual file system (proc, tmpfs). */
    public int nextAnonymousDevice() {
        return nextAnonymousDevice++;
    }

    /**
     * The machine's network stack if it is of {@code type}, else null. The kernel only keeps it:
     * the network room ({@code dev.syssim.sim.net}) owns its type, so this package does not depend
     * on that one.
     */
    public <T> T network(Class<T> type) {
        return type.isInstance(network) ? type.cast(network) : null;
    }

    /** Attaches the machine's network stack (once, when the machine is built). */
    public void setNetwork(Object stack) {
        this.network = stack;
    }

    /**
     * Attaches the machine's first network namespace (the network room's stack) and how to make a
     * new one for {@code unshare --net} and {@code ip netns add}.
     */
    public void setNetworkNamespaces(NetworkNamespace initial, java.util.function.Supplier<NetworkNamespace> factory) {
        this.rootNamespaces = rootNamespaces.withNet(initial);
        this.newNetworkNamespace = factory;
        namespaceInodes.fixed(initial, NamespaceInodes.INIT_NET);
    }

    /** A new, empty network namespace (only {@code lo}, down); null if the machine has no network. */
    NetworkNamespace newNetworkNamespace() {
        return newNetworkNamespace == null ? null : newNetworkNamespace.get();
    }

    /** The namespaces of processes the kernel starts itself (init, login sessions). */
    public Namespaces rootNamespaces() {
        return rootNamespaces;
    }

    /** The inode number of each namespace (/proc/PID/ns, lsns). */
    public NamespaceInodes namespaceInodes() {
        return namespaceInodes;
    }

    /** The root of the cgroup hierarchy (/sys/fs/cgroup). */
    public Cgroup rootCgroup() {
        return rootCgroup;
    }

    /** The cgroup controllers' checks on the kernel's paths. */
    public CgroupControllers cgroups() {
        return cgroups;
    }

    public NamespaceCalls namespaceCalls() {
        return namespaceCalls;
    }

    /** uname(2)'s kernel name, release, version and machine (the node name is the UTS namespace's). */
    public Utsname identity() {
        return identity;
    }

    /** Gives this machine another kernel identity (its node name is ignored: it stays the UTS namespace's). */
    public void setIdentity(Utsname identity) {
        this.identity = identity;
    }

    /** The state a room keeps on this machine, or null (the kernel only holds it, as with the network stack). */
    public <T> T room(Class<T> type) {
        return type.cast(rooms.get(type));
    }

    /** Attaches a room's state to this machine (once, when the room starts on it). */
    public <T> void attachRoom(Class<T> type, T state) {
        rooms.put(type, state);
    }

    /**
     * The time on the world's timeline this kernel booted at: 0 for a machine built with the world;
     * a virtual machine boots later, and its uptime, its log's timestamps and its processes' start
     * times count from here.
     */
    public long bootTime() {
        return bootTime;
    }

    public void setBootTime(long time) {
        this.bootTime = time;
    }

    /** The tunables under /proc/sys; rooms add theirs (net/ipv4/ip_forward). */
    public java.util.Map<String, ProcFs.NetDirectory> procNet() {
        return procNet;
    }

    public java.util.Map<String, ProcFs.ProcSysFile> procSysFiles() {
        return procSysFiles;
    }

    long nextPipeInode() {
        return nextPipeInode++;
    }

    /** printk: a line in the kernel log, and (at trace level full) in the trace. */
    public void printk(int level, String text) {
        log.log(level, now() - bootTime, text);
        if (trace.wants(EventKind.LOG)) event(kernelLane, CpuMode.KERNEL, EventKind.LOG, text, "kernel log (dmesg)", -1);
    }

    // ---- trace helpers ----

    public Lane kernelLane() {
        return kernelLane;
    }

    public Lane timerLane() {
        return timerLane;
    }

    public Lane deviceLane(Irq irq) {
        if (irq.equals(disk.irq())) return Lane.device(machineName, "disk " + disk.name());
        if (irq == Irq.KEYBOARD) return Lane.device(machineName, "keyboard");
        return Lane.device(machineName, irq.device());
    }

    /** Records a trace event at the current simulated time. */
    public long event(Lane lane, CpuMode mode, EventKind kind, String label, String detail, long cause) {
        return trace.record(timeline.now(), lane, mode, kind, label, detail, cause);
    }

    // ---- processes ----

    /** A new process numbered in {@code ns} and all its ancestors; null when out of pids. */
    Process newProcess(PidNamespace ns, Process parent) {
        Process p = new Process(this, ns, parent, timeline.now());
        List<PidNamespace> chain = new ArrayList<>();
        for (PidNamespace n = ns; n != null; n = n.parent()) chain.add(n);
        for (PidNamespace n : chain) {
            int pid = n.allocate(p);
            if (pid < 0) {
                for (Map.Entry<PidNamespace, Integer> e : p.pidsByNamespace().entrySet()) e.getKey().release(e.getValue());
                return null;
            }
            p.assignPid(n, pid);
        }
        if (parent != null) parent.children().add(p);
        return p;
    }

    void release(Process p) {
        for (Map.Entry<PidNamespace, Integer> e : p.pidsByNamespace().entrySet()) e.getKey().release(e.getValue());
    }

    public int processCount() {
        return rootPidNamespace.members().size();
    }

    public Process process(int pid) {
        return rootPidNamespace.find(pid);
    }

    /** Every process by pid, as the machine's own /proc lists them. */
    public List<Process> allProcesses() {
        return List.copyOf(rootPidNamespace.members().values());
    }

    public Process init() {
        return init;
    }

    /**
     * Starts a process from inside the kernel, as Linux starts init and user-mode helpers: a fresh
     * task that execs {@code path} and enters user mode. Used at boot and to open login sessions.
     */
    public Process spawn(Process parent, String path, List<String> argv, Map<String, String> env, Credentials credentials,
                         Location cwd, Terminal terminal) {
        OpenFile[] stdio = new OpenFile[3];
        if (terminal != null) {
            for (int fd = 0; fd < 3; fd++) {
                String stream = fd == 2 ? "stderr" : "stdout";
                stdio[fd] = new OpenFile(terminal, null, terminal.path(), OpenFlags.O_RDWR, stream);
            }
        }
        return spawn(parent, path, argv, env, credentials, cwd, terminal, stdio);
    }

    /**
     * Starts a process whose standard descriptors are {@code stdio} (an entry may be null: that
     * descriptor is closed), with no controlling terminal: how a caller outside the machine runs a
     * command with its streams in hand ({@link Capture}).
     */
    public Process spawnWithStdio(Process parent, String path, List<String> argv, Map<String, String> env,
                                  Credentials credentials, Location cwd, OpenFile[] stdio) {
        return spawn(parent, path, argv, env, credentials, cwd, null, stdio);
    }

    private Process spawn(Process parent, String path, List<String> argv, Map<String, String> env, Credentials credentials,
                          Location cwd, Terminal terminal, OpenFile[] stdio) {
        Process p = newProcess(rootPidNamespace, parent);
        if (p == null) throw new IllegalStateException("no pid left to spawn " + path);
        if (init == null) init = p;
        p.setCredentials(credentials);
        p.setMounts(rootMounts);
        p.setRoot(rootMounts.root());
        p.setCwd(cwd == null ? rootMounts.root() : cwd);
        p.setUts(parent == null ? rootUts : parent.uts());
        p.setCgroup(parent == null ? rootCgroup : parent.cgroup());
        p.setNamespaces(rootNamespaces);
        p.setComm(path.substring(path.lastIndexOf('/') + 1));
        p.setPgid(p.ownPid());
        p.setSid(p.ownPid());
        p.setTerminal(terminal);
        for (int fd = 0; fd < stdio.length; fd++) {
            if (stdio[fd] != null) p.fds().installAt(fd, stdio[fd], false);
        }
        if (terminal != null) terminal.setForegroundGroup(p.pgid());
        Outcome exec = processes.execve(p, new Syscall.Execve(path, argv, env));
        if (!(exec instanceof Outcome.Replaced replaced)) {
            throw new IllegalStateException("cannot start " + path + " on " + machineName + ": " + exec);
        }
        p.pendingCall = null;
        p.pendingResult = SysResult.ZERO;
        p.pendingThen = result -> replaced.start();
        p.jumpToEntry = true;
        scheduler.makeReady(p);
        return p;
    }

    /** Starts a kernel thread such as {@code kthreadd}: it sleeps forever, and ps shows it in brackets. */
    public Process spawnKernelThread(Process parent, String name) {
        Process p = newProcess(rootPidNamespace, parent);
        p.setCredentials(Credentials.root());
        p.setMounts(rootMounts);
        p.setRoot(rootMounts.root());
        p.setCwd(rootMounts.root());
        p.setUts(rootUts);
        p.setCgroup(rootCgroup);
        p.setNamespaces(rootNamespaces);
        p.setComm(name);
        p.markKernelThread();
        p.state = ProcessState.BLOCKED;
        p.sleepReason = "kthreadd";
        return p;
    }

    // ---- terminals ----

    /** The devpts file system, where each new terminal gets its node /dev/pts/N. */
    public void setDevpts(FileSystem devpts) {
        this.devpts = devpts;
    }

    /** Opens a new pseudo-terminal owned by {@code uid}: its node appears as /dev/pts/N. */
    public Terminal openTerminal(TerminalSink sink, int uid) {
        Terminal t = new Terminal(terminals.size(), sink);
        terminals.add(t);
        if (devpts != null) {
            devpts.mknod(devpts.root(), Integer.toString(t.index()), dev.syssim.sim.fs.FileType.CHAR_DEVICE, 0620, 136, t.index(), uid, 5);
        }
        return t;
    }

    public Terminal terminal(int index) {
        return index >= 0 && index < terminals.size() ? terminals.get(index) : null;
    }

    public List<Terminal> terminals() {
        return List.copyOf(terminals);
    }

    // ---- internal errors ----

    /**
     * A Java exception inside a handler or a program is a bug in syssim, not the student's fault; a
     * Java heap that ran out is the kernel's memory, not the simulated machine's. Either way the
     * process is killed and the front end is told ({@link #takeBugs}: an out-of-memory report starts
     * with {@value #OUT_OF_MEMORY}).
     */
    void reportBug(Process p, Throwable bug) {
        if (bug instanceof OutOfMemoryError) {
            // Linux's own words for the OOM killer's victim, then why this one was chosen
            String text = "Out of memory: Killed process " + p.pid() + " (" + p.comm() + "): the Jupyter kernel's Java heap is full";
            log.log(KernelLog.KERN_ERR, now(), text);
            bugs.add(OUT_OF_MEMORY + text);
            return;
        }
        String text = "BUG: syssim internal error in " + p + ": " + bug;
        log.log(KernelLog.KERN_ERR, now(), text);
        bugs.add(text + "\n" + stackOf(bug));
    }

    /** How a report of {@link #takeBugs} about the Java heap running out begins. */
    public static final String OUT_OF_MEMORY = "OOM: ";

    private static String stackOf(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    /**
     * A write was refused because the world keeps as much file content in memory as its budget
     * allows: said once in the kernel log, and kept for the front end to explain.
     */
    void noteContentBudgetReached() {
        if (contentBudgetReached) return;
        contentBudgetReached = true;
        log.log(KernelLog.KERN_WARNING, now(), "syssim: the world keeps at most " + (rootFs.budget().cap() >> 20)
                + " MiB of file contents in memory; writes beyond fail with EDQUOT (Disk quota exceeded)");
    }

    /** Whether a write met the content budget since the last call (the front end says why once per cell). */
    public boolean takeContentBudgetReached() {
        boolean reached = contentBudgetReached;
        contentBudgetReached = false;
        return reached;
    }

    /** Internal errors since the last call, for the front end to report. */
    public List<String> takeBugs() {
        List<String> out = List.copyOf(bugs);
        bugs.clear();
        return out;
    }

    /** The path of a location as {@code p} sees it. */
    public String pathOf(Process p, Location location) {
        return PathWalker.pathOf(p, location);
    }
}
