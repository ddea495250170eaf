package dev.syssim.sim.os;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.Stat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A syscall as a process makes it: the name and arguments of the Linux call, how the kernel handles
 * it ({@link #enter}), and how strace prints it. The family is open — the network room adds the
 * socket calls — so this is an interface; the calls of the machine core are the records below,
 * each handled by the kernel room named after its subsystem ({@link FileCalls}, {@link ProcessCalls},
 * {@link SystemCalls}), as xv6 splits sysfile.c from sysproc.c.
 */
public interface Syscall {

    /** The Linux name, e.g. {@code openat}. */
    String name();

    /** The kernel's handler for this call, run in kernel mode on the caller's core. */
    Outcome enter(Kernel kernel, Process process);

    /** The arguments as strace prints them once the call has returned (a read shows the data read). */
    String straceArgs(SysResult result);

    /** The result as strace prints it: {@code 3}, or {@code -1 ENOENT (No such file or directory)}. */
    default String straceResult(SysResult result) {
        return result.failed() ? result.errno().straceResult() : Long.toString(result.value());
    }

    /**
     * True for calls the trace leaves out: an interactive shell's read of its next command line,
     * which is the user typing, not part of the story the cell tells.
     */
    default boolean quiet() {
        return false;
    }

    /** The one-line form for traces and strace: {@code openat(AT_FDCWD, "/etc/motd", O_RDONLY)}. */
    default String describe(SysResult result) {
        return name() + "(" + straceArgs(result) + ")";
    }

    private static String q(String s) {
        return StraceText.quote(s);
    }

    static String octal(int mode) {
        return String.format("0%o", mode);
    }

    // ---- files (FileCalls) ----

    record Read(int fd, int count) implements Syscall {
        public String name() { return "read"; }
        public Outcome enter(Kernel k, Process p) { return k.files().read(p, this); }
        public String straceArgs(SysResult r) {
            String buffer = r == null || r.failed() ? "0x7ffd5a0c1e10" : StraceText.quote(r.bytes());
            return fd + ", " + buffer + ", " + count;
        }
    }

    record Write(int fd, byte[] data) implements Syscall {
        public String name() { return "write"; }
        public Outcome enter(Kernel k, Process p) { return k.files().write(p, this); }
        public String straceArgs(SysResult r) { return fd + ", " + StraceText.quote(data) + ", " + data.length; }
    }

    record OpenAt(int dirfd, String path, int flags, int mode) implements Syscall {
        public OpenAt(String path, int flags) { this(OpenFlags.AT_FDCWD, path, flags, 0); }
        public String name() { return "openat"; }
        public Outcome enter(Kernel k, Process p) { return k.files().openat(p, this); }
        public String straceArgs(SysResult r) {
            String base = OpenFlags.dirfd(dirfd) + ", " + q(path) + ", " + OpenFlags.describe(flags);
            return (flags & OpenFlags.O_CREAT) != 0 ? base + ", " + octal(mode) : base;
        }
    }

    /** An interactive shell reading its next command line from its terminal. */
    record ReadCommand(int fd) implements Syscall {
        public String name() { return "read"; }
        public Outcome enter(Kernel k, Process p) { return k.files().readCommand(p, this); }
        public String straceArgs(SysResult r) { return fd + ", " + (r == null ? "0x7ffd5a0c1e10" : StraceText.quote(r.bytes())) + ", 1024"; }
        public boolean quiet() { return true; }
    }

    record Close(int fd) implements Syscall {
        public String name() { return "close"; }
        public Outcome enter(Kernel k, Process p) { return k.files().close(p, this); }
        public String straceArgs(SysResult r) { return Integer.toString(fd); }
    }

    /** stat, lstat and fstat are all newfstatat on x86-64 glibc. */
    record NewFstatAt(int dirfd, String path, int flags) implements Syscall {
        public static NewFstatAt stat(String path) { return new NewFstatAt(OpenFlags.AT_FDCWD, path, 0); }
        public static NewFstatAt lstat(String path) { return new NewFstatAt(OpenFlags.AT_FDCWD, path, OpenFlags.AT_SYMLINK_NOFOLLOW); }
        public static NewFstatAt fstat(int fd) { return new NewFstatAt(fd, "", OpenFlags.AT_EMPTY_PATH); }
        public String name() { return "newfstatat"; }
        public Outcome enter(Kernel k, Process p) { return k.files().newfstatat(p, this); }
        public String straceArgs(SysResult r) {
            String buf = r != null && r.data() instanceof Stat st
                    ? "{st_mode=" + modeText(st.mode()) + ", st_size=" + st.size() + ", ...}" : "0x7ffd5a0c1d60";
            String flagText = flags == 0 ? "0" : (flags & OpenFlags.AT_EMPTY_PATH) != 0 ? "AT_EMPTY_PATH" : "AT_SYMLINK_NOFOLLOW";
            return OpenFlags.dirfd(dirfd) + ", " + q(path) + ", " + buf + ", " + flagText;
        }
    }

    static String modeText(int mode) {
        String type = switch (mode & 0170000) {
            case 0040000 -> "S_IFDIR";
            case 0120000 -> "S_IFLNK";
            case 0020000 -> "S_IFCHR";
            case 0060000 -> "S_IFBLK";
            case 0010000 -> "S_IFIFO";
            case 0140000 -> "S_IFSOCK";
            default -> "S_IFREG";
        };
        return type + "|" + octal(mode & 07777);
    }

    record Getdents64(int fd, int count) implements Syscall {
        public String name() { return "getdents64"; }
        public Outcome enter(Kernel k, Process p) { return k.files().getdents64(p, this); }
        public String straceArgs(SysResult r) {
            int n = r != null && r.data() instanceof List<?> l ? l.size() : 0;
            return fd + ", 0x55d0c6b2e2f0 /* " + n + " entries */, " + count;
        }
        @SuppressWarnings("unchecked")
        public static List<Dirent> entries(SysResult r) {
            return r.data() instanceof List<?> l ? (List<Dirent>) l : List.of();
        }
    }

    record Mkdir(String path, int mode) implements Syscall {
        public String name() { return "mkdir"; }
        public Outcome enter(Kernel k, Process p) { return k.files().mkdir(p, this); }
        public String straceArgs(SysResult r) { return q(path) + ", " + octal(mode); }
    }

    record Unlinkat(int dirfd, String path, int flags) implements Syscall {
        public static Unlinkat unlink(String path) { return new Unlinkat(OpenFlags.AT_FDCWD, path, 0); }
        public static Unlinkat rmdir(String path) { return new Unlinkat(OpenFlags.AT_FDCWD, path, OpenFlags.AT_REMOVEDIR); }
        public String name() { return "unlinkat"; }
        public Outcome enter(Kernel k, Process p) { return k.files().unlinkat(p, this); }
        public String straceArgs(SysResult r) {
            return OpenFlags.dirfd(dirfd) + ", " + q(path) + ", " + ((flags & OpenFlags.AT_REMOVEDIR) != 0 ? "AT_REMOVEDIR" : "0");
        }
    }

    record Rename(String from, String to) implements Syscall {
        public String name() { return "rename"; }
        public Outcome enter(Kernel k, Process p) { return k.files().rename(p, this); }
        public String straceArgs(SysResult r) { return q(from) + ", " + q(to); }
    }

    record Chmod(String path, int mode) implements Syscall {
        public String name() { return "fchmodat"; }
        public Outcome enter(Kernel k, Process p) { return k.files().chmod(p, this); }
        public String straceArgs(SysResult r) { return "AT_FDCWD, " + q(path) + ", " + octal(mode); }
    }

    record Chown(String path, int uid, int gid, boolean follow) implements Syscall {
        public String name() { return "fchownat"; }
        public Outcome enter(Kernel k, Process p) { return k.files().chown(p, this); }
        public String straceArgs(SysResult r) {
            return "AT_FDCWD, " + q(path) + ", " + uid + ", " + gid + ", " + (follow ? "0" : "AT_SYMLINK_NOFOLLOW");
        }
    }

    record Chdir(String path) implements Syscall {
        public String name() { return "chdir"; }
        public Outcome enter(Kernel k, Process p) { return k.files().chdir(p, this); }
        public String straceArgs(SysResult r) { return q(path); }
    }

    record Getcwd() implements Syscall {
        public String name() { return "getcwd"; }
        public Outcome enter(Kernel k, Process p) { return k.files().getcwd(p); }
        public String straceArgs(SysResult r) {
            return (r != null && r.data() instanceof String s ? q(s) : "0x7ffd5a0c1c00") + ", 4096";
        }
    }

    record Pipe2(int flags) implements Syscall {
        public String name() { return "pipe2"; }
        public Outcome enter(Kernel k, Process p) { return k.files().pipe2(p, this); }
        public String straceArgs(SysResult r) {
            String fds = r != null && r.data() instanceof int[] f ? "[" + f[0] + ", " + f[1] + "]" : "0x7ffd5a0c1b28";
            return fds + ", " + (flags == 0 ? "0" : OpenFlags.describe(flags).replace("O_RDONLY|", ""));
        }
        public static int[] fds(SysResult r) {
            return (int[]) r.data();
        }
    }

    record Dup2(int oldFd, int newFd) implements Syscall {
        public String name() { return "dup2"; }
        public Outcome enter(Kernel k, Process p) { return k.files().dup2(p, this); }
        public String straceArgs(SysResult r) { return oldFd + ", " + newFd; }
    }

    /** fcntl(fd, F_DUPFD_CLOEXEC, min): a copy at the lowest free descriptor >= min (how a shell saves fds). */
    record DupFd(int fd, int min) implements Syscall {
        public String name() { return "fcntl"; }
        public Outcome enter(Kernel k, Process p) { return k.files().dupfd(p, this); }
        public String straceArgs(SysResult r) { return fd + ", F_DUPFD_CLOEXEC, " + min; }
    }

    /**
     * fcntl(2)'s descriptor commands: {@code F_DUPFD} and {@code F_DUPFD_CLOEXEC} (a copy at the lowest
     * free descriptor >= arg), {@code F_GETFD} / {@code F_SETFD} (the close-on-exec flag), {@code F_GETFL}.
     */
    record Fcntl(int fd, int cmd, int arg) implements Syscall {
        public static final int F_DUPFD = 0;
        public static final int F_GETFD = 1;
        public static final int F_SETFD = 2;
        public static final int F_GETFL = 3;
        public static final int F_DUPFD_CLOEXEC = 1030;
        public static final int FD_CLOEXEC = 1;

        public String name() { return "fcntl"; }
        public Outcome enter(Kernel k, Process p) { return k.files().fcntl(p, this); }
        public String straceArgs(SysResult r) {
            return switch (cmd) {
                case F_DUPFD -> fd + ", F_DUPFD, " + arg;
                case F_DUPFD_CLOEXEC -> fd + ", F_DUPFD_CLOEXEC, " + arg;
                case F_GETFD -> fd + ", F_GETFD";
                case F_SETFD -> fd + ", F_SETFD, " + (arg == FD_CLOEXEC ? "FD_CLOEXEC" : "0");
                default -> fd + ", F_GETFL";
            };
        }
    }

    /** tcsetattr turning echo off or on (how sudo and su hide a password as it is typed). */
    record TcsetattrEcho(int fd, boolean echo) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) { return k.files().setEcho(p, this); }
        public String straceArgs(SysResult r) {
            return fd + ", TCSETSW, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|" + (echo ? "ECHO|" : "") + "ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}";
        }
    }

    /** tcsetpgrp: ioctl(fd, TIOCSPGRP, [pgid]) — which process group the terminal's Ctrl-C goes to. */
    record Tcsetpgrp(int fd, int pgid) implements Syscall {
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) { return k.files().tcsetpgrp(p, this); }
        public String straceArgs(SysResult r) { return fd + ", TIOCSPGRP, [" + pgid + "]"; }
    }

    record Symlink(String target, String linkPath) implements Syscall {
        public String name() { return "symlinkat"; }
        public Outcome enter(Kernel k, Process p) { return k.files().symlink(p, this); }
        public String straceArgs(SysResult r) { return q(target) + ", AT_FDCWD, " + q(linkPath); }
    }

    record Readlink(String path) implements Syscall {
        public String name() { return "readlink"; }
        public Outcome enter(Kernel k, Process p) { return k.files().readlink(p, this); }
        public String straceArgs(SysResult r) {
            return q(path) + ", " + (r != null && r.data() instanceof String s ? q(s) : "0x7ffd5a0c1a00") + ", 4096";
        }
    }

    record Mknod(String path, int mode, int major, int minor) implements Syscall {
        public String name() { return "mknodat"; }
        public Outcome enter(Kernel k, Process p) { return k.files().mknod(p, this); }
        public String straceArgs(SysResult r) {
            return "AT_FDCWD, " + q(path) + ", " + modeText(mode) + ", makedev(0x" + Integer.toHexString(major) + ", 0x" + Integer.toHexString(minor) + ")";
        }
    }

    record Access(String path, int mode) implements Syscall {
        public String name() { return "access"; }
        public Outcome enter(Kernel k, Process p) { return k.files().access(p, this); }
        public String straceArgs(SysResult r) {
            String m = mode == 0 ? "F_OK" : ((mode & 4) != 0 ? "R_OK" : "") + ((mode & 2) != 0 ? "|W_OK" : "") + ((mode & 1) != 0 ? "|X_OK" : "");
            return q(path) + ", " + (m.startsWith("|") ? m.substring(1) : m);
        }
    }

    /** The two ioctls tools make on their output: is it a terminal (TCGETS), how wide (TIOCGWINSZ). */
    record Ioctl(int fd, String request) implements Syscall {
        public static final String TCGETS = "TCGETS";
        public static final String TIOCGWINSZ = "TIOCGWINSZ";
        public String name() { return "ioctl"; }
        public Outcome enter(Kernel k, Process p) { return k.files().ioctl(p, this); }
        public String straceArgs(SysResult r) {
            String arg = r != null && !r.failed()
                    ? (request.equals(TIOCGWINSZ) ? "{ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}" : "{c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, ...}")
                    : "0x7ffd5a0c1a70";
            return fd + ", " + request + ", " + arg;
        }
    }

    // ---- processes (ProcessCalls) ----

    /**
     * fork as glibc makes it: clone with SIGCHLD; the child starts at {@code child} with its own pid
     * (the tid CLONE_CHILD_SETTID stores in the child's memory, which glibc keeps), the parent gets
     * the child's pid.
     */
    record Clone(long flags, java.util.function.IntFunction<Step> child) implements Syscall {
        public static final long CLONE_NEWNS = 0x00020000;
        public static final long CLONE_NEWUTS = 0x04000000;
        public static final long CLONE_NEWPID = 0x20000000;
        public static final long CLONE_NEWNET = 0x40000000;
        public static final long CLONE_NEWIPC = 0x08000000;
        public static final long CLONE_NEWUSER = 0x10000000;
        public static Clone fork(Supplier<Step> child) { return new Clone(0, pid -> child.get()); }
        /** fork whose child needs its own pid (bash's $BASHPID) without asking getpid. */
        public static Clone forkKnowingPid(java.util.function.IntFunction<Step> child) { return new Clone(0, child); }
        public String name() { return "clone"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().clone(p, this); }
        public String straceArgs(SysResult r) {
            long namespaces = flags & NamespaceCalls.KNOWN;
            String f = namespaces == 0 ? "" : NamespaceCalls.flagNames(namespaces) + "|";
            return "child_stack=NULL, flags=" + f + "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f8e3c9a7a10";
        }
    }

    record Execve(String path, List<String> argv, Map<String, String> env) implements Syscall {
        public Execve {
            argv = List.copyOf(argv);
            env = Environment.copyOf(env);
        }
        public String name() { return "execve"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().execve(p, this); }
        public String straceArgs(SysResult r) {
            StringBuilder a = new StringBuilder("[");
            for (int i = 0; i < argv.size(); i++) {
                if (i > 0) a.append(", ");
                // arguments are strings of the -s size (32), the path is a path (printpath: whole)
                a.append(StraceText.quote(argv.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            return q(path) + ", " + a.append("]") + ", 0x7ffd5a0c2f48 /* " + env.size() + " vars */";
        }
    }

    record Wait4(int pid, int options) implements Syscall {
        public static final int WNOHANG = 1;
        public String name() { return "wait4"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().wait4(p, this); }
        public String straceArgs(SysResult r) {
            String status = r != null && !r.failed() && r.data() instanceof Integer s ? "[" + WaitStatus.describe(s) + "]" : "0x7ffd5a0c1b7c";
            return pid + ", " + status + ", " + (options == WNOHANG ? "WNOHANG" : "0") + ", NULL";
        }
        public static int status(SysResult r) {
            return r.data() instanceof Integer s ? s : 0;
        }
    }

    record ExitGroup(int status) implements Syscall {
        public String name() { return "exit_group"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().exitGroup(p, this); }
        public String straceArgs(SysResult r) { return Integer.toString(status); }
        public String straceResult(SysResult r) { return "?"; }
    }

    record Kill(int pid, Signal signal) implements Syscall {
        public String name() { return "kill"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().kill(p, this); }
        public String straceArgs(SysResult r) { return pid + ", " + (signal == null ? "0" : signal.name()); }
    }

    /** The calls that only read an id of the caller: getpid, getppid, getuid, geteuid, getgid, getegid. */
    record GetId(String name) implements Syscall {
        public Outcome enter(Kernel k, Process p) { return k.processes().getId(p, this); }
        public String straceArgs(SysResult r) { return ""; }
    }

    /**
     * ptrace(PTRACE_TRACEME): the caller asks to be traced by its parent, which is strace: from now
     * on its syscalls are reported to the parent's output {@code outputFd}, limited to {@code only}
     * (all if empty), following forks if asked.
     */
    record PtraceTraceme(int outputFd, java.util.Set<String> only, boolean followForks) implements Syscall {
        public String name() { return "ptrace"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().traceme(p, this); }
        public String straceArgs(SysResult r) { return "PTRACE_TRACEME"; }
    }

    /** pause(2): sleep until a signal arrives (what init does between orphans). */
    record Pause() implements Syscall {
        public String name() { return "pause"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().pause(p); }
        public String straceArgs(SysResult r) { return ""; }
    }

    /** rt_sigaction with SIG_IGN or SIG_DFL: the only dispositions the simulation's programs use. */
    record RtSigaction(Signal signal, boolean ignore) implements Syscall {
        public String name() { return "rt_sigaction"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().sigaction(p, this); }
        public String straceArgs(SysResult r) {
            return signal.name() + ", {sa_handler=" + (ignore ? "SIG_IGN" : "SIG_DFL") + ", sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=0x7f8e3c842520}, NULL, 8";
        }
    }

    /**
     * rt_sigaction installing a handler: the process catches {@code signal}. The handler is the
     * program's own user-space code, run when the signal is delivered (a shell's only notes that
     * the signal came, as bash's trap handler does, and runs the trap's command later). A null
     * handler restores the default action.
     */
    record Sigaction(Signal signal, Runnable handler) implements Syscall {
        public String name() { return "rt_sigaction"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().sigaction(p, this); }
        public String straceArgs(SysResult r) {
            return signal.name() + ", {sa_handler=" + (handler == null ? "SIG_DFL" : "0x55d5c3a6b2e0") + ", sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=0x7f8e3c842520}, NULL, 8";
        }
    }

    record Setuid(int uid) implements Syscall {
        public String name() { return "setuid"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().setuid(p, this); }
        public String straceArgs(SysResult r) { return Integer.toString(uid); }
    }

    record Setgid(int gid) implements Syscall {
        public String name() { return "setgid"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().setgid(p, this); }
        public String straceArgs(SysResult r) { return Integer.toString(gid); }
    }

    record Setgroups(int[] groups) implements Syscall {
        public String name() { return "setgroups"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().setgroups(p, this); }
        public String straceArgs(SysResult r) {
            StringBuilder b = new StringBuilder().append(groups.length).append(", [");
            for (int i = 0; i < groups.length; i++) b.append(i > 0 ? ", " : "").append(groups[i]);
            return b.append("]").toString();
        }
    }

    record Setpgid(int pid, int pgid) implements Syscall {
        public String name() { return "setpgid"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().setpgid(p, this); }
        public String straceArgs(SysResult r) { return pid + ", " + pgid; }
    }

    record ClockNanosleep(long nanos) implements Syscall {
        public String name() { return "clock_nanosleep"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().nanosleep(p, this); }
        public String straceArgs(SysResult r) {
            return "CLOCK_REALTIME, 0, {tv_sec=" + nanos / 1_000_000_000L + ", tv_nsec=" + nanos % 1_000_000_000L + "}, 0x7ffd5a0c1c50";
        }
    }

    record SchedSetaffinity(int pid, long mask) implements Syscall {
        public String name() { return "sched_setaffinity"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().setAffinity(p, this); }
        public String straceArgs(SysResult r) {
            StringBuilder cpus = new StringBuilder("[");
            for (int c = 0; c < 64; c++) if ((mask & (1L << c)) != 0) cpus.append(cpus.length() > 1 ? " " : "").append(c);
            return pid + ", 8, " + cpus.append("]");
        }
    }

    /** prlimit64(pid, resource, new, old): {@code limit} null only reads; the result's data is the old {@link Rlimit}. */
    record Prlimit64(int pid, Resource resource, Rlimit limit) implements Syscall {
        public String name() { return "prlimit64"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().prlimit(p, this); }
        public String straceArgs(SysResult r) {
            String old = r == null || r.failed() ? "0x7ffd5a0c1e20" : r.dataAs(Rlimit.class).strace();
            return pid + ", " + resource.constant() + ", " + (limit == null ? "NULL" : limit.strace()) + ", " + old;
        }
        public static Rlimit old(SysResult r) { return r.dataAs(Rlimit.class); }
    }

    record Umask(int mask) implements Syscall {
        public String name() { return "umask"; }
        public Outcome enter(Kernel k, Process p) { return k.processes().umask(p, this); }
        public String straceArgs(SysResult r) { return octal(mask); }
        public String straceResult(SysResult r) { return octal((int) r.value()); }
    }

    // ---- the system (SystemCalls) ----

    record Uname() implements Syscall {
        public String name() { return "uname"; }
        public Outcome enter(Kernel k, Process p) { return k.system().uname(p); }
        public String straceArgs(SysResult r) {
            return r != null && r.data() instanceof Utsname u ? "{sysname=\"Linux\", nodename=" + q(u.nodename()) + ", ...}" : "0x7ffd5a0c1a10";
        }
    }

    record Sethostname(String hostname) implements Syscall {
        public String name() { return "sethostname"; }
        public Outcome enter(Kernel k, Process p) { return k.system().sethostname(p, this); }
        public String straceArgs(SysResult r) { return q(hostname) + ", " + hostname.length(); }
    }

    record Mount(String source, String target, String fsType, long flags, String data) implements Syscall {
        public static final long MS_RDONLY = 1;
        public static final long MS_BIND = 4096;
        public static final long MS_REC = 16384;
        public static final long MS_PRIVATE = 1 << 18;
        public String name() { return "mount"; }
        public Outcome enter(Kernel k, Process p) { return k.system().mount(p, this); }
        public String straceArgs(SysResult r) {
            return q(source) + ", " + q(target) + ", " + (fsType == null ? "NULL" : q(fsType)) + ", "
                    + flagsText() + ", " + (data == null ? "NULL" : q(data));
        }
        private String flagsText() {
            if (flags == 0) return "0";
            StringBuilder b = new StringBuilder();
            if ((flags & MS_RDONLY) != 0) b.append("MS_RDONLY|");
            if ((flags & MS_BIND) != 0) b.append("MS_BIND|");
            if ((flags & MS_REC) != 0) b.append("MS_REC|");
            if ((flags & MS_PRIVATE) != 0) b.append("MS_PRIVATE|");
            return b.substring(0, b.length() - 1);
        }
    }

    record Umount2(String target, int flags) implements Syscall {
        public String name() { return "umount2"; }
        public Outcome enter(Kernel k, Process p) { return k.system().umount(p, this); }
        public String straceArgs(SysResult r) { return q(target) + ", " + flags; }
    }

    record Chroot(String path) implements Syscall {
        public String name() { return "chroot"; }
        public Outcome enter(Kernel k, Process p) { return k.system().chroot(p, this); }
        public String straceArgs(SysResult r) { return q(path); }
    }

    /** The dynamic loader's mappings: shown so strace looks like strace; memory is only accounted. */
    record Mmap(long length, String prot, int fd) implements Syscall {
        public String name() { return "mmap"; }
        public Outcome enter(Kernel k, Process p) { return k.system().mmap(p, this); }
        public String straceArgs(SysResult r) {
            return "NULL, " + length + ", " + prot + ", " + (fd < 0 ? "MAP_PRIVATE|MAP_ANONYMOUS" : "MAP_PRIVATE|MAP_DENYWRITE") + ", " + fd + ", 0";
        }
        public String straceResult(SysResult r) {
            return r.failed() ? r.errno().straceResult() : "0x" + Long.toHexString(r.value());
        }
    }

    record Brk(long address) implements Syscall {
        public String name() { return "brk"; }
        public Outcome enter(Kernel k, Process p) { return k.system().brk(p, this); }
        public String straceArgs(SysResult r) { return address == 0 ? "NULL" : "0x" + Long.toHexString(address); }
        public String straceResult(SysResult r) { return "0x" + Long.toHexString(r.value()); }
    }
}
