package dev.syssim.sim.os;

import dev.syssim.sim.fs.Location;
import dev.syssim.sim.fs.MountNamespace;
import dev.syssim.sim.fs.PathContext;
import dev.syssim.sim.fs.Subject;
import dev.syssim.sim.trace.Lane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A process (Linux's {@code task_struct}): its numbers, who it is, where it stands in the file tree,
 * its open files, its memory, its state, and — since programs are written as steps — the step it
 * will run next or the syscall it is sleeping in.
 */
public final class Process implements PathContext {

    private final Kernel kernel;
    /** Numbers in each pid namespace, innermost first. */
    private final Map<PidNamespace, Integer> pids = new LinkedHashMap<>();
    private final PidNamespace pidNamespace;
    private Process parent;
    private final List<Process> children = new ArrayList<>();
    private int pgid;
    private int sid;

    private String comm;
    private List<String> cmdline = List.of();
    private Map<String, String> environment = Map.of();
    private String executable = "";
    private Credentials credentials;
    private Location root;
    private Location cwd;
    private MountNamespace mounts;
    private UtsNamespace uts;
    private Cgroup cgroup;
    private Namespaces namespaces;
    private int umask = 022;
    private FdTable fds = new FdTable();
    private Rlimits rlimits = Rlimits.debianLogin();
    private int memoryKiB;
    private Terminal terminal;
    private long cpuMask = -1L;
    /** The nice value, -20 (most favoured) to 19; inherited by children and kept across exec. */
    private int nice;
    private boolean kernelThread;
    /** The leader of the thread group this task is a thread of; null for a process (its own leader). */
    private Process threadLeader;
    /** A leader's other threads (pthread_create's tasks), in creation order. */
    private final List<Process> threads = new ArrayList<>(0);

    ProcessState state = ProcessState.READY;
    private int waitStatus;
    private final long startTime;
    long userTime;
    long systemTime;

    // What the process does next, in the CPS form of Step.
    Step next;
    Supplier<Step> afterCompute;
    SysResult pendingResult;
    Function<SysResult, Step> pendingThen;
    Syscall pendingCall;
    /** The continuation of the syscall in progress, kept while the process sleeps in it. */
    Function<SysResult, Step> callThen;
    /** The syscall in progress is an execve that succeeded: its return jumps to the new entry point. */
    boolean jumpToEntry;
    int lastCore;
    Supplier<Outcome> retry;
    WaitQueue sleepingOn;
    String sleepReason = "";
    long pendingSignals;
    long ignoredSignals;
    /** Caught signals and their handlers (a null handler: caught, but the code is the parent's, left behind by fork). */
    final java.util.EnumMap<Signal, Runnable> handlers = new java.util.EnumMap<>(Signal.class);
    /** The seq of the last syscall-entry trace event, so its exit can name it as the cause. */
    long syscallEventSeq = -1;
    /** A tracer (strace) attached to this process, or null. */
    Tracer tracer;
    final WaitQueue childExited = new WaitQueue("wait4");
    private Lane lane;

    Process(Kernel kernel, PidNamespace pidNamespace, Process parent, long startTime) {
        this.kernel = kernel;
        this.pidNamespace = pidNamespace;
        this.parent = parent;
        this.startTime = startTime;
    }

    void assignPid(PidNamespace ns, int pid) {
        pids.put(ns, pid);
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The pid in the machine's first namespace (what the host's {@code ps} shows). */
    public int pid() {
        return pids.get(kernel.rootPidNamespace());
    }

    /** The pid as seen from {@code ns}; 0 if this process is not visible there. */
    public int pidIn(PidNamespace ns) {
        return pids.getOrDefault(ns, 0);
    }

    /** The pid in its own namespace (what getpid returns). */
    public int ownPid() {
        return pids.get(pidNamespace);
    }

    public PidNamespace pidNamespace() {
        return pidNamespace;
    }

    Map<PidNamespace, Integer> pidsByNamespace() {
        return pids;
    }

    public Process parent() {
        return parent;
    }

    void setParent(Process parent) {
        this.parent = parent;
    }

    public List<Process> children() {
        return children;
    }

    public int pgid() {
        return pgid;
    }

    public void setPgid(int pgid) {
        this.pgid = pgid;
    }

    public int sid() {
        return sid;
    }

    public void setSid(int sid) {
        this.sid = sid;
    }

    /** The command name (15 characters at most, as Linux keeps it). */
    public String comm() {
        return comm;
    }

    void setComm(String name) {
        this.comm = name.length() > 15 ? name.substring(0, 15) : name;
        this.lane = null;
    }

    public List<String> cmdline() {
        return cmdline;
    }

    void setCmdline(List<String> cmdline) {
        this.cmdline = List.copyOf(cmdline);
    }

    public Map<String, String> environment() {
        return environment;
    }

    void setEnvironment(Map<String, String> env) {
        this.environment = Environment.copyOf(env);
    }

    /** The path of the running executable (/proc/PID/exe). */
    public String executable() {
        return executable;
    }

    void setExecutable(String path) {
        this.executable = path;
    }

    public Credentials credentials() {
        return credentials;
    }

    public void setCredentials(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Location root() {
        return root;
    }

    public void setRoot(Location root) {
        this.root = root;
    }

    @Override
    public Location cwd() {
        return cwd;
    }

    public void setCwd(Location cwd) {
        this.cwd = cwd;
    }

    @Override
    public Subject subject() {
        return credentials;
    }

    @Override
    public MountNamespace mounts() {
        return mounts;
    }

    public void setMounts(MountNamespace mounts) {
        this.mounts = mounts;
    }

    public UtsNamespace uts() {
        return uts;
    }

    public void setUts(UtsNamespace uts) {
        this.uts = uts;
    }

    public Cgroup cgroup() {
        return cgroup;
    }

    /** Moves the process into {@code cgroup} (writing its pid to cgroup.procs does this). */
    public void setCgroup(Cgroup cgroup) {
        if (this.cgroup != null) this.cgroup.remove(this);
        this.cgroup = cgroup;
        if (cgroup != null) cgroup.add(this);
    }

    /** The namespaces beyond pid, mount and UTS: where children are numbered, network, IPC, user. */
    public Namespaces namespaces() {
        return namespaces;
    }

    public void setNamespaces(Namespaces namespaces) {
        this.namespaces = namespaces;
    }

    public int umask() {
        return umask;
    }

    void setUmask(int umask) {
        this.umask = umask & 0777;
    }

    public FdTable fds() {
        return fds;
    }

    /**
     * One more than the highest descriptor this process may have: its soft RLIMIT_NOFILE (no
     * more than nr_open). Linux checks it when a descriptor is allocated or named by dup2/fcntl;
     * descriptors already open above it stay open.
     */
    public int fdLimit() {
        return (int) Math.min(rlimits.get(Resource.NOFILE).soft(), Rlimits.NR_OPEN);
    }

    /** The resource limits (getrlimit); a forked child gets a copy. */
    public Rlimits rlimits() {
        return rlimits;
    }

    void setRlimits(Rlimits rlimits) {
        this.rlimits = rlimits;
    }

    void setFds(FdTable fds) {
        this.fds = fds;
    }

    public int memoryKiB() {
        return memoryKiB;
    }

    void setMemoryKiB(int kib) {
        this.memoryKiB = kib;
    }

    /** The controlling terminal, or null. */
    public Terminal terminal() {
        return terminal;
    }

    public void setTerminal(Terminal terminal) {
        this.terminal = terminal;
    }

    public long cpuMask() {
        return cpuMask;
    }

    public void setCpuMask(long mask) {
        this.cpuMask = mask;
    }

    /**
     * The nice value (setpriority(2)). The simulated scheduler is round-robin without priorities,
     * so the value is kept and reported (/proc/PID/stat, ps's NI, top's NI and PR) but does not
     * change how much CPU time the process gets, as CFS's weights would on Linux.
     */
    public int nice() {
        return nice;
    }

    void setNice(int nice) {
        this.nice = Math.max(-20, Math.min(19, nice));
    }

    public boolean mayRunOn(int core) {
        return (cpuMask & (1L << core)) != 0;
    }

    public ProcessState state() {
        return state;
    }

    /** The wait(2) status once a zombie: exit code << 8, or the killing signal. */
    public int waitStatus() {
        return waitStatus;
    }

    void setWaitStatus(int status) {
        this.waitStatus = status;
    }

    public long startTime() {
        return startTime;
    }

    public long userTime() {
        return userTime;
    }

    public long systemTime() {
        return systemTime;
    }

    /** What the process sleeps on ({@code wait4}, {@code disk}, {@code pipe_read} ...), for ps's WCHAN. */
    public String sleepReason() {
        return state == ProcessState.BLOCKED ? sleepReason : "";
    }

    /** Signals sent but not yet delivered, as a bit mask by number. */
    public long pendingSignalsMask() {
        return pendingSignals;
    }

    public boolean ignores(Signal signal) {
        return (ignoredSignals & (1L << signal.number())) != 0;
    }

    /** Whether the process has a handler for the signal (caught: delivery runs it instead of the default action). */
    public boolean catches(Signal signal) {
        return handlers.containsKey(signal);
    }

    /**
     * Installs (or with null removes) a handler. A handler inherited over fork is kept as "caught"
     * without code of the parent's: the child's own program installs its own.
     */
    void setHandler(Signal signal, Runnable handler, boolean caught) {
        if (caught) handlers.put(signal, handler);
        else handlers.remove(signal);
    }

    Runnable handler(Signal signal) {
        return handlers.get(signal);
    }

    /** Signals this process catches, as a bit mask (what /proc/PID/status calls SigCgt). */
    public long caughtMask() {
        long mask = 0;
        for (Signal s : handlers.keySet()) mask |= 1L << s.number();
        return mask;
    }

    public void ignore(Signal signal, boolean ignored) {
        if (ignored) ignoredSignals |= 1L << signal.number();
        else ignoredSignals &= ~(1L << signal.number());
    }

    /** True for kernel threads ({@code [kthreadd]}): no user memory, no command line, ps shows them in brackets. */
    public boolean isKernelThread() {
        return kernelThread;
    }

    void markKernelThread() {
        this.kernelThread = true;
    }

    /** The process this task belongs to: itself, or for a thread its group's leader (the process ps shows). */
    public Process threadGroupLeader() {
        return threadLeader == null ? this : threadLeader;
    }

    /** True for a thread other than its group's leader: /proc does not list it, its pid is a thread id. */
    public boolean isThread() {
        return threadLeader != null;
    }

    /** A leader's other threads, oldest first. */
    public List<Process> threads() {
        return List.copyOf(threads);
    }

    void joinThreadGroup(Process leader) {
        this.threadLeader = leader;
        leader.threads.add(this);
    }

    void leaveThreadGroup() {
        if (threadLeader != null) threadLeader.threads.remove(this);
    }

    /**
     * Memory the program maps beyond its executable's image, such as the RAM QEMU allocates for a
     * guest: it counts in the process's RSS and in the machine's used memory.
     */
    public void mapMemory(long kib) {
        this.memoryKiB = (int) Math.min(Integer.MAX_VALUE, memoryKiB + kib);
    }

    /**
     * The trace sequence number of the syscall this process entered last (or -1), so a room
     * outside this package can name it as the cause of what the call set off (a packet sent).
     */
    public long syscallEventSeq() {
        return syscallEventSeq;
    }

    /** The swimlane of this process in traces: {@code cat[1204]} on its machine. */
    public Lane lane() {
        if (lane == null) lane = Lane.process(kernel.machineName(), comm, pid());
        return lane;
    }

    @Override
    public String toString() {
        return comm + "[" + (pids.isEmpty() ? "?" : pid()) + "]";
    }
}
