package dev.syssim.sim.os;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.Location;
import dev.syssim.sim.fs.Mount;
import dev.syssim.sim.fs.PathContext;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.hw.Core;
import dev.syssim.sim.hw.Irq;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code proc} file system: the kernel's state presented as files, generated when read.
 * {@code ps} is only a reader of these. A proc mount shows the processes of the pid namespace of
 * whoever mounted it — which is why, in a new pid namespace, {@code ps} shows the new view only
 * after {@code /proc} is mounted again. Writes go to each file's own handler ({@link ProcFile}).
 *
 * <p>{@code /proc/net} holds the directories subsystems register ({@link Kernel#procNet()}):
 * {@code xt_recent} and {@code ipt_hashlimit}. Simplification: on Linux {@code /proc/net} is a
 * symbolic link to {@code self/net} (the reader's network namespace) and holds many more files
 * ({@code tcp}, {@code dev}, ...); here it is a directory of the machine's own.
 */
public final class ProcFs extends FileSystem {

    private static final List<String> ROOT_FILES = List.of("cmdline", "cpuinfo", "filesystems", "interrupts",
            "loadavg", "meminfo", "mounts", "net", "self", "stat", "sys", "uptime", "version");
    private static final List<String> PID_FILES = List.of("cgroup", "cmdline", "comm", "cwd", "environ", "exe", "fd",
            "gid_map", "limits", "mounts", "ns", "root", "setgroups", "stat", "status", "uid_map");

    private final Kernel kernel;
    private final PidNamespace namespace;
    private final Map<String, Inode> inodes = new HashMap<>();
    private final Map<Inode, String> keys = new HashMap<>();
    /** Files under /proc/sys: path to value; writes to a few of them change the kernel. */
    private final Map<String, ProcSysFile> sysFiles;

    /** A tunable under /proc/sys, read as text and (for some) written to change the kernel. */
    public interface ProcSysFile {
        String read();

        /** Applies a written value; false if the value is refused (EINVAL). */
        boolean write(String value);
    }

    /**
     * A directory of {@code /proc/net} whose files a subsystem makes and answers for:
     * {@code /proc/net/xt_recent/NAME} is one file per recent list.
     */
    public interface NetDirectory {
        /** The files there now. */
        List<String> names();

        /** The text of a file, or null if there is no such file. */
        String read(String name);

        /** A write(2) of {@code data} at {@code offset}: null if taken, else the errno. */
        Errno write(String name, long offset, String data);

        /** The files' permissions (0644: root may write). */
        int mode();
    }

    public ProcFs(Kernel kernel, PidNamespace namespace, int deviceNumber, Map<String, ProcSysFile> sysFiles) {
        super("proc", "proc", deviceNumber, false, 1);
        this.kernel = kernel;
        this.namespace = namespace;
        this.sysFiles = sysFiles;
        keys.put(root(), "");
        inodes.put("", root());
        root().setPermissions(0555);
    }

    // ---- the tree ----

    @Override
    public Inode lookup(PathContext caller, Inode dir, String name) {
        String parent = keys.get(dir);
        if (parent == null) return null;
        String key = parent.isEmpty() ? name : parent + "/" + name;
        return exists(key) ? inode(key) : null;
    }

    @Override
    public List<Dirent> list(Inode dir) {
        String key = keys.get(dir);
        List<Dirent> out = new ArrayList<>();
        for (String name : childNames(key)) {
            String child = key.isEmpty() ? name : key + "/" + name;
            if (exists(child)) out.add(new Dirent(name, inode(child).number(), inode(child).type()));
        }
        return out;
    }

    private List<String> childNames(String key) {
        if (key.isEmpty()) {
            List<String> names = new ArrayList<>();
            // threads have /proc/TID too, but readdir lists only the processes (thread group leaders)
            for (Map.Entry<Integer, Process> e : namespace.members().entrySet()) if (!e.getValue().isThread()) names.add(e.getKey().toString());
            names.addAll(ROOT_FILES);
            return names;
        }
        String[] parts = key.split("/");
        if (isPid(parts[0])) {
            if (parts.length == 1) return PID_FILES;
            if (parts.length == 2 && parts[1].equals("ns")) {
                List<String> kinds = new ArrayList<>();
                for (NamespaceFile.Kind k : NamespaceFile.Kind.values()) kinds.add(k.file());
                return kinds;
            }
            if (parts.length == 2 && parts[1].equals("fd")) {
                Process p = process(parts[0]);
                List<String> fds = new ArrayList<>();
                if (p != null) for (int fd = 0; fd < p.fds().limit(); fd++) if (p.fds().get(fd) != null) fds.add(Integer.toString(fd));
                return fds;
            }
            return List.of();
        }
        if (parts[0].equals("net")) {
            if (parts.length == 1) return new ArrayList<>(kernel.procNet().keySet());
            NetDirectory dir = kernel.procNet().get(parts[1]);
            return parts.length == 2 && dir != null ? dir.names() : List.of();
        }
        List<String> names = new ArrayList<>();
        String prefix = key + "/";
        for (String path : sysFiles.keySet()) {
            if (!("sys/" + path).startsWith(prefix)) continue;
            String rest = ("sys/" + path).substring(prefix.length());
            String first = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            if (!names.contains(first)) names.add(first);
        }
        return names;
    }

    private boolean exists(String key) {
        if (key.isEmpty()) return true;
        String[] parts = key.split("/");
        if (isPid(parts[0])) {
            Process p = process(parts[0]);
            if (p == null || p.state() == ProcessState.DEAD) return false;
            if (parts.length == 1) return true;
            if (!PID_FILES.contains(parts[1])) return false;
            if (parts.length == 2) return true;
            if (parts.length == 3 && parts[1].equals("ns")) return NamespaceFile.Kind.byFile(parts[2]) != null;
            return parts.length == 3 && parts[1].equals("fd") && isPid(parts[2]) && p.fds().get(Integer.parseInt(parts[2])) != null;
        }
        if (parts.length == 1) return ROOT_FILES.contains(parts[0]);
        if (parts[0].equals("net")) {
            NetDirectory dir = kernel.procNet().get(parts[1]);
            if (dir == null) return false;
            return parts.length == 2 || (parts.length == 3 && dir.names().contains(parts[2]));
        }
        if (!parts[0].equals("sys")) return false;
        String sysPath = key.substring(4);
        if (sysFiles.containsKey(sysPath)) return true;
        for (String path : sysFiles.keySet()) if (path.startsWith(sysPath + "/")) return true;
        return false;
    }

    private Inode inode(String key) {
        if (key.isEmpty()) return root();
        Inode existing = inodes.get(key);
        FileType type = typeOf(key);
        if (existing != null && existing.type() == type) return existing;
        Inode made = newInode(type, permissionsOf(key, type), 0, 0);
        String[] parts = key.split("/");
        if (isPid(parts[0])) {
            Process p = process(parts[0]);
            made.setOwner(p.credentials().euid(), p.credentials().egid());
        }
        if (type == FileType.DIRECTORY) {
            String parentKey = key.contains("/") ? key.substring(0, key.lastIndexOf('/')) : "";
            setParentOf(made, inode(parentKey));
        }
        inodes.put(key, made);
        keys.put(made, key);
        return made;
    }

    private FileType typeOf(String key) {
        String[] parts = key.split("/");
        if (parts[0].equals("net")) return parts.length == 3 ? FileType.REGULAR : FileType.DIRECTORY;
        if (parts.length == 1) {
            if (isPid(parts[0]) || parts[0].equals("sys")) return FileType.DIRECTORY;
            if (parts[0].equals("self") || parts[0].equals("mounts")) return FileType.SYMLINK;
            return FileType.REGULAR;
        }
        if (isPid(parts[0])) {
            if (parts.length == 2) {
                return switch (parts[1]) {
                    case "fd", "ns" -> FileType.DIRECTORY;
                    case "cwd", "root", "exe" -> FileType.SYMLINK;
                    default -> FileType.REGULAR;
                };
            }
            return FileType.SYMLINK;
        }
        return sysFiles.containsKey(key.substring(4)) ? FileType.REGULAR : FileType.DIRECTORY;
    }

    private int permissionsOf(String key, FileType type) {
        if (type == FileType.SYMLINK) return 0777;
        if (key.startsWith("net/") && type == FileType.REGULAR) return kernel.procNet().get(key.split("/")[1]).mode();
        if (key.endsWith("/environ")) return 0400;
        if (key.endsWith("/fd")) return 0500;
        if (key.endsWith("/ns")) return 0511;
        if (key.endsWith("/uid_map") || key.endsWith("/gid_map") || key.endsWith("/setgroups")) return 0644;
        if (type == FileType.DIRECTORY) return 0555;
        if (key.startsWith("sys/")) return key.equals("sys/vm/drop_caches") ? 0200 : 0644;
        return 0444;
    }

    /**
     * The open file behind a {@code /proc/PID/fd/N} link, or null for any other inode: opening such a
     * link opens the file itself, not the text the link shows (Linux's "magic links"; how
     * {@code /dev/fd/63} reaches a process substitution's pipe).
     */
    public OpenFile openFileOf(Inode link) {
        String key = keys.get(link);
        if (key == null) return null;
        String[] parts = key.split("/");
        if (parts.length == 3 && parts[1].equals("ns") && isPid(parts[0])) {
            Process owner = process(parts[0]);
            NamespaceFile.Kind kind = NamespaceFile.Kind.byFile(parts[2]);
            if (owner == null || kind == null) return null;
            return new OpenFile(new NamespaceFile(kind, NamespaceFile.of(owner, kind)), null, NamespaceFile.linkText(owner, kind),
                    OpenFlags.O_RDONLY, null);
        }
        if (parts.length != 3 || !parts[1].equals("fd") || !isPid(parts[0]) || !isPid(parts[2])) return null;
        Process p = process(parts[0]);
        return p == null ? null : p.fds().get(Integer.parseInt(parts[2]));
    }

    @Override
    public String readlink(PathContext caller, Inode link) {
        String key = keys.get(link);
        if (key.equals("self")) {
            int pid = caller instanceof Process p ? p.pidIn(namespace) : 0;
            return pid == 0 ? "/proc/1" : Integer.toString(pid);
        }
        if (key.equals("mounts")) return "self/mounts";
        String[] parts = key.split("/");
        Process p = process(parts[0]);
        if (p == null) return "";
        if (parts.length == 3 && parts[1].equals("ns")) return NamespaceFile.linkText(p, NamespaceFile.Kind.byFile(parts[2]));
        if (parts.length == 3) {
            OpenFile f = p.fds().get(Integer.parseInt(parts[2]));
            return f == null ? "" : f.path();
        }
        return switch (parts[1]) {
            case "cwd" -> PathWalker.pathOf(caller, p.cwd());
            case "root" -> PathWalker.pathOf(caller, p.root());
            default -> p.executable();
        };
    }

    @Override
    public long sizeOf(Inode file) {
        return 0;
    }

    @Override
    public byte[] contentOf(Inode file) {
        String key = keys.get(file);
        if (key == null) return new byte[0];
        return render(key).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] readContent(Inode file, long offset, int count) {
        byte[] all = contentOf(file);
        if (offset >= all.length) return new byte[0];
        return java.util.Arrays.copyOfRange(all, (int) offset, (int) Math.min(all.length, offset + count));
    }

    @Override
    public long sectorsOf(Inode file) {
        return 0;
    }

    /** Opening a proc file with O_TRUNC changes nothing: its handler sees only writes. */
    @Override
    public boolean truncate(Inode file, long size) {
        return true;
    }

    /** A write through the file system's generic path: as {@link #write}, refused if that refuses. */
    @Override
    public Written writeContent(Inode file, long offset, byte[] content, boolean mayUseReserve) {
        return write(file, offset, content) == null ? new Written(content.length, Shortfall.NONE) : new Written(0, Shortfall.REFUSED);
    }

    /**
     * A write(2) to a proc file: a tunable of /proc/sys takes its value (EINVAL if refused), a
     * user namespace's uid_map, gid_map or setgroups its mapping (EINVAL if refused), a file of
     * /proc/net goes to its directory's handler; other files refuse (EIO).
     */
    Errno write(Inode file, long offset, byte[] data) {
        String key = keys.get(file);
        if (key == null) return Errno.EIO;
        String text = new String(data, StandardCharsets.UTF_8);
        if (key.endsWith("/uid_map") || key.endsWith("/gid_map") || key.endsWith("/setgroups")) {
            return writeMap(key, text.strip()) ? null : Errno.EINVAL;
        }
        if (key.startsWith("sys/")) {
            ProcSysFile f = sysFiles.get(key.substring(4));
            return f != null && f.write(text.strip()) ? null : Errno.EINVAL;
        }
        String[] parts = key.split("/");
        if (parts[0].equals("net") && parts.length == 3) {
            NetDirectory dir = kernel.procNet().get(parts[1]);
            return dir == null ? Errno.EIO : dir.write(parts[2], offset, text);
        }
        return Errno.EIO;
    }

    /**
     * /proc/PID/uid_map, gid_map (one line, once; an unprivileged creator may map only its own id,
     * and gid_map only after "deny" went to setgroups) and setgroups.
     */
    private boolean writeMap(String key, String text) {
        Process p = process(key.substring(0, key.indexOf('/')));
        if (p == null) return false;
        UserNamespace ns = p.namespaces().user();
        if (ns.isInitial()) return false;
        if (key.endsWith("/setgroups")) {
            if (!text.equals("deny") && !text.equals("allow")) return false;
            ns.setSetgroupsDenied(text.equals("deny"));
            return true;
        }
        String[] f = text.split("\\s+");
        if (f.length != 3) return false;
        UserNamespace.Extent extent;
        try {
            extent = new UserNamespace.Extent(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
        } catch (NumberFormatException e) {
            return false;
        }
        boolean uid = key.endsWith("/uid_map");
        int own = uid ? ns.ownerUid() : p.credentials().egid();
        if (ns.ownerUid() != 0 && (extent.outside() != own || extent.count() != 1)) return false;
        if (!uid && ns.ownerUid() != 0 && !ns.setgroupsDenied()) return false;
        return uid ? ns.setUidMap(extent) : ns.setGidMap(extent);
    }

    private static String map(List<UserNamespace.Extent> extents, boolean initial) {
        if (initial) return String.format("%10d %10d %10d%n", 0, 0, 4294967295L);
        StringBuilder out = new StringBuilder();
        for (UserNamespace.Extent e : extents) out.append(e.line());
        return out.toString();
    }

    // ---- contents ----

    private String render(String key) {
        String[] parts = key.split("/");
        if (isPid(parts[0])) {
            Process p = process(parts[0]);
            if (p == null) return "";
            return switch (parts[1]) {
                case "status" -> ProcessReport.status(p, namespace);
                case "stat" -> ProcessReport.stat(p, namespace, kernel);
                case "cmdline" -> p.isKernelThread() ? "" : String.join("\0", p.cmdline()) + "\0";
                case "comm" -> p.comm() + "\n";
                case "environ" -> environ(p);
                case "mounts" -> mounts(p);
                case "cgroup" -> "0::" + p.cgroup().path() + "\n";
                case "uid_map" -> map(p.namespaces().user().uidMap(), p.namespaces().user().isInitial());
                case "gid_map" -> map(p.namespaces().user().gidMap(), p.namespaces().user().isInitial());
                case "setgroups" -> p.namespaces().user().setgroupsDenied() ? "deny\n" : "allow\n";
                case "limits" -> Resource.procLimits(p.rlimits());
                default -> "";
            };
        }
        if (parts[0].equals("sys")) {
            ProcSysFile f = sysFiles.get(key.substring(4));
            return f == null ? "" : f.read() + "\n";
        }
        if (parts[0].equals("net")) {
            NetDirectory dir = parts.length == 3 ? kernel.procNet().get(parts[1]) : null;
            String text = dir == null ? null : dir.read(parts[2]);
            return text == null ? "" : text;
        }
        return switch (key) {
            case "cpuinfo" -> cpuinfo();
            case "interrupts" -> interrupts();
            case "meminfo" -> meminfo();
            case "uptime" -> uptime();
            case "version" -> "Linux version " + Kernel.RELEASE + " (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) " + Kernel.VERSION + "\n";
            case "loadavg" -> "0.00 0.00 0.00 " + running() + "/" + namespace.members().size() + " " + lastPid() + "\n";
            case "filesystems" -> "nodev\tsysfs\nnodev\ttmpfs\nnodev\tproc\nnodev\tdevtmpfs\nnodev\tdevpts\n\text4\n";
            case "cmdline" -> "BOOT_IMAGE=/boot/vmlinuz-" + Kernel.RELEASE + " root=/dev/sda1 ro quiet\n";
            case "stat" -> stat();
            default -> "";
        };
    }

    private static String environ(Process p) {
        StringBuilder out = new StringBuilder();
        p.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(e.getKey()).append('=').append(e.getValue()).append('\0'));
        return out.toString();
    }

    /** /proc/PID/mounts: the mounts of that process's namespace, with paths as it sees them. */
    private static String mounts(Process p) {
        StringBuilder out = new StringBuilder();
        for (Mount m : p.mounts().mounts()) {
            Location top = new Location(m, m.root());
            String path = PathWalker.pathOf(p, top);
            if (path.startsWith("(unreachable)")) continue;
            out.append(sourceOf(m)).append(' ').append(path).append(' ').append(m.fs().type()).append(' ')
                    .append(m.options()).append(" 0 0\n");
        }
        return out.toString();
    }

    static String sourceOf(Mount m) {
        return m.fs().source();
    }

    private String cpuinfo() {
        StringBuilder out = new StringBuilder();
        int n = kernel.scheduler().coreCount();
        for (int c = 0; c < n; c++) {
            out.append("processor\t: ").append(c).append('\n')
                    .append("vendor_id\t: GenuineIntel\n")
                    .append("cpu family\t: 6\n")
                    .append("model\t\t: 142\n")
                    .append("model name\t: Intel(R) Core(TM) i5-8265U CPU @ 1.60GHz\n")
                    .append("stepping\t: 12\n")
                    .append("cpu MHz\t\t: 1800.000\n")
                    .append("cache size\t: 6144 KB\n")
                    .append("physical id\t: 0\n")
                    .append("siblings\t: ").append(n).append('\n')
                    .append("core id\t\t: ").append(c).append('\n')
                    .append("cpu cores\t: ").append(n).append('\n')
                    .append("apicid\t\t: ").append(c).append('\n')
                    .append("fpu\t\t: yes\n")
                    .append("flags\t\t: ").append(kernel.cpuFlags()).append('\n')
                    .append("bogomips\t: 3600.00\n")
                    .append("address sizes\t: 39 bits physical, 48 bits virtual\n\n");
        }
        return out.toString();
    }

    private String interrupts() {
        int n = kernel.scheduler().coreCount();
        StringBuilder out = new StringBuilder("           ");
        for (int c = 0; c < n; c++) out.append(String.format("%-11s", "CPU" + c));
        out.append('\n');
        for (Irq irq : kernel.irqLines()) {
            out.append(String.format("%3s:", irq.number()));
            for (int c = 0; c < n; c++) out.append(String.format(" %10d", kernel.scheduler().core(c).interruptCount(irq)));
            out.append("   ").append(irq.chip()).append("      ").append(irq.device()).append('\n');
        }
        out.append("NMI:");
        for (int c = 0; c < n; c++) out.append(String.format(" %10d", 0));
        out.append("   Non-maskable interrupts\n");
        out.append("LOC:");
        for (int c = 0; c < n; c++) out.append(String.format(" %10d", kernel.scheduler().core(c).interruptCount(Irq.LOCAL_TIMER)));
        out.append("   Local timer interrupts\n");
        return out.toString();
    }

    private String meminfo() {
        long total = kernel.memoryKiB();
        long used = 180_000;
        for (Process p : namespace.members().values()) used += p.memoryKiB();
        long free = Math.max(0, total - used - 1_200_000);
        return String.format(Locale.ROOT, "MemTotal:       %8d kB%nMemFree:        %8d kB%nMemAvailable:   %8d kB%nBuffers:        %8d kB%nCached:         %8d kB%nSwapCached:     %8d kB%nSwapTotal:      %8d kB%nSwapFree:       %8d kB%n",
                total, free, free + 1_000_000, 64_000, 1_136_000, 0, 0, 0);
    }

    private String uptime() {
        long now = kernel.now() - kernel.bootTime();
        long idle = 0;
        for (int c = 0; c < kernel.scheduler().coreCount(); c++) idle += now;
        long busy = 0;
        for (Process p : kernel.allProcesses()) busy += p.userTime() + p.systemTime();
        idle = Math.max(0, idle - busy);
        return String.format(Locale.ROOT, "%.2f %.2f%n", now / 1e9, idle / 1e9);
    }

    private String stat() {
        StringBuilder out = new StringBuilder();
        long user = 0;
        long sys = 0;
        for (Process p : kernel.allProcesses()) {
            user += p.userTime() / 10_000_000;
            sys += p.systemTime() / 10_000_000;
        }
        out.append("cpu  ").append(user).append(" 0 ").append(sys).append(" 0 0 0 0 0 0 0\n");
        long interrupts = 0;
        for (int c = 0; c < kernel.scheduler().coreCount(); c++) {
            Core core = kernel.scheduler().core(c);
            interrupts += core.interruptCount(Irq.LOCAL_TIMER);
            for (Irq irq : kernel.irqLines()) interrupts += core.interruptCount(irq);
        }
        out.append("intr ").append(interrupts).append('\n');
        out.append("btime ").append(kernel.bootEpochSeconds() + kernel.bootTime() / 1_000_000_000L).append('\n');
        out.append("processes ").append(lastPid()).append('\n');
        out.append("procs_running ").append(running()).append('\n');
        return out.toString();
    }

    private int running() {
        int n = 0;
        for (Process p : namespace.members().values()) if (p.state() == ProcessState.RUNNING || p.state() == ProcessState.READY) n++;
        return n;
    }

    private int lastPid() {
        return namespace.members().isEmpty() ? 0 : namespace.members().lastKey();
    }

    private Process process(String pid) {
        return isPid(pid) ? namespace.find(Integer.parseInt(pid)) : null;
    }

    private static boolean isPid(String name) {
        if (name.isEmpty() || name.length() > 9) return false;
        for (int i = 0; i < name.length(); i++) if (!Character.isDigit(name.charAt(i))) return false;
        return true;
    }
}
