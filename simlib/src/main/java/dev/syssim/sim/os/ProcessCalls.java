package dev.syssim.sim.os;

import dev.syssim.sim.fs.Access;
import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The process syscalls (xv6's sysproc.c): fork, exec, wait, exit, kill, the id calls, sleeping, and
 * the exit path every ending process takes — close its files, free its memory, hand its children to
 * init, and leave a zombie for its parent to reap.
 */
public final class ProcessCalls {

    /** How many {@code #!} interpreters exec follows before giving up (Linux's BINPRM_MAX_RECURSION). */
    private static final int MAX_INTERPRETER_DEPTH = 4;

    private final Kernel kernel;

    ProcessCalls(Kernel kernel) {
        this.kernel = kernel;
    }

    // ---- fork ----

    Outcome clone(Process parent, Syscall.Clone call) {
        if (kernel.processCount() >= kernel.limits().maxProcesses()) {
            return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        }
        NamespaceCalls namespaces = kernel.namespaceCalls();
        Errno denied = namespaces.mayCreate(parent, call.flags());
        if (denied != null) return Outcome.error(denied, Costs.SYSCALL);
        PidNamespace ns = parent.namespaces().pidForChildren();
        if ((call.flags() & Syscall.Clone.CLONE_NEWPID) != 0) ns = namespaces.newPidNamespace(ns);
        // the namespace's init has exited: nobody may join it (pid_namespaces(7): ENOMEM)
        if (!ns.acceptsNew()) return Outcome.error(Errno.ENOMEM, Costs.SYSCALL);
        if (kernel.cgroups().forkRefused(parent) != null) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        if (overProcessLimit(parent)) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        Process child = kernel.newProcess(ns, parent);
        if (child == null) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        copyInto(parent, child);
        child.setNamespaces(parent.namespaces().withPidForChildren(ns));
        namespaces.applyNew(child, call.flags());
        if (parent.tracer != null && parent.tracer.followFork(parent, child)) child.tracer = parent.tracer;
        child.pendingCall = call;
        child.pendingResult = SysResult.ZERO;
        child.pendingThen = result -> call.child().apply(child.ownPid());
        if (kernel.trace().wants(EventKind.PROCESS)) {
            kernel.event(parent.lane(), CpuMode.KERNEL, EventKind.PROCESS, "fork: new process " + child,
                    "copy of " + parent + ": memory, open files, credentials", parent.syscallEventSeq);
        }
        kernel.scheduler().makeReady(child);
        return Outcome.ok(child.pidIn(parent.pidNamespace()) == 0 ? child.ownPid() : child.pidIn(parent.pidNamespace()), Costs.FORK);
    }

    private void copyInto(Process parent, Process child) {
        child.setComm(parent.comm());
        child.setCmdline(parent.cmdline());
        child.setEnvironment(parent.environment());
        child.setExecutable(parent.executable());
        child.setCredentials(parent.credentials());
        child.setRoot(parent.root());
        child.setCwd(parent.cwd());
        child.setMounts(parent.mounts());
        child.setUts(parent.uts());
        child.setCgroup(parent.cgroup());
        child.setNamespaces(parent.namespaces());
        child.setUmask(parent.umask());
        child.setFds(parent.fds().copy());
        child.setRlimits(parent.rlimits().copy());
        child.setMemoryKiB(parent.memoryKiB());
        child.setTerminal(parent.terminal());
        child.setCpuMask(parent.cpuMask());
        child.setNice(parent.nice());
        child.ignoredSignals = parent.ignoredSignals;
        for (Signal s : parent.handlers.keySet()) child.handlers.put(s, null);
        child.setPgid(parent.pgid());
        child.setSid(parent.sid());
    }

    // ---- exec ----

    Outcome execve(Process p, Syscall.Execve call) {
        return exec(p, call.path(), call.argv(), call.env(), 0);
    }

    private Outcome exec(Process p, String path, List<String> argv, Map<String, String> env, int depth) {
        PathWalker.Result found = PathWalker.resolve(p, path, true);
        if (!found.ok()) return Outcome.error(found.error(), Costs.SYSCALL);
        Inode inode = found.inode();
        if (inode.type() != FileType.REGULAR) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        if (!Access.EXECUTE.allowed(inode, p.credentials())) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        if (found.location().mount().options().contains("noexec")) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        byte[] content = inode.fs().contentOf(inode);
        if (content.length > 2 && content[0] == '#' && content[1] == '!') {
            if (depth >= MAX_INTERPRETER_DEPTH) return Outcome.error(Errno.ELOOP, Costs.SYSCALL);
            List<String> shebang = shebang(content);
            if (shebang.isEmpty()) return Outcome.error(Errno.ENOEXEC, Costs.SYSCALL);
            List<String> newArgv = new ArrayList<>(shebang);
            newArgv.add(path);
            if (argv.size() > 1) newArgv.addAll(argv.subList(1, argv.size()));
            return exec(p, shebang.get(0), newArgv, env, depth + 1);
        }
        ExecImage image = ExecImage.parse(content);
        if (image == null || image.program().equals("lib")) return Outcome.error(Errno.ENOEXEC, Costs.SYSCALL);
        if (!image.isStatic()) {
            PathWalker.Result loader = PathWalker.resolve(p, image.interpreter(), true);
            if (!loader.ok()) return Outcome.error(Errno.ENOENT, Costs.SYSCALL);
        }
        Program program = kernel.programs().find(image.program());
        if (program == null) return Outcome.error(Errno.ENOEXEC, Costs.SYSCALL);
        boolean nosuid = found.location().mount().options().contains("nosuid");
        // a traced process does not gain privileges from a set-user-ID file (Linux: ptrace blocks it)
        if ((inode.permissions() & 04000) != 0 && !nosuid && p.tracer == null) p.setCredentials(p.credentials().execSetuid(inode.uid()));
        return replaceProgram(p, path, PathWalker.absolute(p, path, found.location()), argv, env, image, program);
    }

    /** The point of no return: the old program is gone, the new one is mapped. */
    private Outcome replaceProgram(Process p, String path, String absolutePath, List<String> argv, Map<String, String> env, ExecImage image, Program program) {
        FdTable fds = p.fds();
        p.handlers.clear(); // caught signals go back to their default action: the handlers' code is gone
        for (int fd = 0; fd < fds.limit(); fd++) {
            if (fds.isCloseOnExec(fd)) kernel.files().release(fds.remove(fd));
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        p.setComm(name);
        p.setCmdline(argv);
        p.setEnvironment(env);
        p.setExecutable(absolutePath);
        p.setMemoryKiB(image.memoryKiB());
        kernel.cgroups().chargeMemory(p);
        if (kernel.trace().wants(EventKind.MEMORY)) {
            kernel.event(p.lane(), CpuMode.KERNEL, EventKind.MEMORY, "exec: load " + path + " (" + image.memoryKiB() + " KiB)",
                    "the old program's memory is replaced by the new one's", p.syscallEventSeq);
        }
        if (kernel.trace().wants(EventKind.PROCESS)) {
            kernel.event(p.lane(), CpuMode.KERNEL, EventKind.PROCESS, "execve: " + p + " now runs " + path,
                    String.join(" ", argv), p.syscallEventSeq);
        }
        OpenFile stdout = p.fds().get(1);
        boolean tty = stdout != null && stdout.ops().isTerminal();
        ProgramArgs args = new ProgramArgs(path, argv, env, image.payload(), tty,
                () -> kernel.bootEpochSeconds() * 1_000_000_000L + kernel.now());
        Program start = image.isStatic() ? program : kernel.programs().dynamicLoader(image, program);
        return new Outcome.Replaced(start.start(args), Costs.EXEC);
    }

    private static List<String> shebang(byte[] content) {
        int end = 2;
        while (end < content.length && content[end] != '\n') end++;
        String line = new String(content, 2, end - 2, StandardCharsets.UTF_8).strip();
        if (line.isEmpty()) return List.of();
        int space = line.indexOf(' ');
        if (space < 0) return List.of(line);
        return List.of(line.substring(0, space), line.substring(space + 1).strip());
    }

    // ---- wait, exit ----

    Outcome wait4(Process p, Syscall.Wait4 call) {
        boolean any = false;
        for (Process child : List.copyOf(p.children())) {
            if (!matches(p, child, call.pid())) continue;
            any = true;
            if (child.state == ProcessState.ZOMBIE) {
                int status = child.waitStatus();
                int pid = child.pidIn(p.pidNamespace());
                reap(child);
                return Outcome.done(SysResult.ok(pid, status), Costs.SYSCALL);
            }
        }
        if (!any) return Outcome.error(Errno.ECHILD, Costs.SYSCALL);
        if ((call.options() & Syscall.Wait4.WNOHANG) != 0) return Outcome.ok(0, Costs.SYSCALL);
        return new Outcome.Blocked(p.childExited, "wait4", () -> wait4(p, call));
    }

    private static boolean matches(Process parent, Process child, int pid) {
        if (pid == -1) return true;
        if (pid == 0) return child.pgid() == parent.pgid();
        if (pid < -1) return child.pgid() == -pid;
        return child.pidIn(parent.pidNamespace()) == pid;
    }

    Outcome exitGroup(Process p, Syscall.ExitGroup call) {
        terminate(p.threadGroupLeader(), WaitStatus.exited(call.status()));
        return Outcome.GONE;
    }

    /**
     * The exit path: files closed, memory freed, children handed to init, and a zombie left with
     * the status until the parent collects it (init collects its children at once).
     */
    public void terminate(Process p, int status) {
        if (p.state == ProcessState.ZOMBIE || p.state == ProcessState.DEAD) return;
        if (p.isThread()) {
            terminate(p.threadGroupLeader(), status); // a fatal signal or exit_group ends the whole group
            return;
        }
        for (Process thread : p.threads()) Threads.end(kernel, thread, status);
        if (kernel.trace().wants(EventKind.PROCESS)) {
            String how = WaitStatus.isExited(status) ? "exit(" + WaitStatus.exitCode(status) + ")"
                    : "killed by " + WaitStatus.termSignal(status).name();
            kernel.event(p.lane(), CpuMode.KERNEL, EventKind.PROCESS, how + ": the kernel takes the result",
                    "status " + WaitStatus.describe(status), p.syscallEventSeq);
        }
        if (p.tracer != null) p.tracer.exited(p, status);
        FdTable fds = p.fds();
        for (int fd = 0; fd < fds.limit(); fd++) {
            OpenFile f = fds.remove(fd);
            if (f != null) kernel.files().release(f);
        }
        if (kernel.trace().wants(EventKind.MEMORY) && p.memoryKiB() > 0) {
            kernel.event(p.lane(), CpuMode.KERNEL, EventKind.MEMORY, "free " + p.memoryKiB() + " KiB: clear the process's memory",
                    "pages return to the kernel, zeroed before reuse", TraceEvent.NO_CAUSE);
        }
        p.setMemoryKiB(0);
        kernel.scheduler().forget(p);
        if (p.sleepingOn != null) {
            p.sleepingOn.remove(p);
            p.sleepingOn = null;
        }
        p.retry = null;
        p.pendingThen = null;
        p.state = ProcessState.ZOMBIE;
        p.setWaitStatus(status);
        p.cgroup().remove(p); // a task leaves its cgroup (and pids.current) when it exits
        adoptOrphans(p);
        Process parent = p.parent();
        if (p.ownPid() == 1 && p.pidNamespace().parent() != null) {
            p.pidNamespace().stopAdding();
            killNamespace(p.pidNamespace());
        }
        if (parent == null || parent.state == ProcessState.ZOMBIE || isAutoReaper(parent)) {
            reap(p);
        } else {
            kernel.scheduler().wakeAll(parent.childExited);
            kernel.signals().send(parent, Signal.SIGCHLD, p);
        }
    }

    /** init reaps every child as it exits; the simulation does it in the kernel. */
    private boolean isAutoReaper(Process parent) {
        return parent.ownPid() == 1 && parent.pidNamespace() == kernel.rootPidNamespace();
    }

    private void adoptOrphans(Process dying) {
        Process init = dying.pidNamespace().init();
        if (init == null || init == dying) init = kernel.init();
        for (Process child : List.copyOf(dying.children())) {
            dying.children().remove(child);
            child.setParent(init);
            init.children().add(child);
            if (child.state == ProcessState.ZOMBIE && isAutoReaper(init)) reap(child);
        }
    }

    private void killNamespace(PidNamespace ns) {
        for (Process member : List.copyOf(ns.members().values())) {
            if (member.state != ProcessState.ZOMBIE) kernel.signals().send(member, Signal.SIGKILL, null);
        }
    }

    /** Removes a zombie for good: its numbers are free again. */
    void reap(Process p) {
        p.state = ProcessState.DEAD;
        if (p.parent() != null) p.parent().children().remove(p);
        kernel.release(p);
    }

    // ---- signals, ids, sleeping ----

    Outcome kill(Process p, Syscall.Kill call) {
        List<Process> targets = new ArrayList<>();
        if (call.pid() > 0) {
            Process t = p.pidNamespace().find(call.pid());
            if (t != null) targets.add(t);
        } else {
            int group = call.pid() == 0 ? p.pgid() : -call.pid();
            for (Process q : p.pidNamespace().members().values()) {
                if (call.pid() == -1 ? q.ownPid() != 1 && q != p : q.pgid() == group) targets.add(q);
            }
        }
        targets.removeIf(t -> t.state == ProcessState.DEAD);
        if (targets.isEmpty()) return Outcome.error(Errno.ESRCH, Costs.SYSCALL);
        boolean permitted = false;
        for (Process t : targets) {
            if (!mayKill(p, t)) continue;
            permitted = true;
            if (call.signal() != null && !unkillableInit(p, t, call.signal())) kernel.signals().send(t, call.signal(), p);
        }
        return permitted ? Outcome.ok(0, Costs.SYSCALL) : Outcome.error(Errno.EPERM, Costs.SYSCALL);
    }

    /**
     * A namespace's init gets only the signals it has a handler for from inside its namespace —
     * not even SIGKILL (pid_namespaces(7)); from an ancestor namespace SIGKILL and SIGSTOP do arrive.
     */
    private static boolean unkillableInit(Process sender, Process target, Signal signal) {
        if (target.ownPid() != 1 || target.catches(signal)) return false;
        if (sender.pidNamespace() == target.pidNamespace()) return true;
        return !(signal == Signal.SIGKILL || signal == Signal.SIGSTOP) && sender.pidNamespace().isAncestorOf(target.pidNamespace());
    }

    private static boolean mayKill(Process sender, Process target) {
        Credentials s = sender.credentials();
        Credentials t = target.credentials();
        return s.has(Capability.CAP_KILL) || s.uid() == t.uid() || s.euid() == t.uid() || s.uid() == t.suid() || s.euid() == t.suid();
    }

    Outcome getId(Process p, Syscall.GetId call) {
        Credentials c = p.credentials();
        long value = switch (call.name()) {
            case "getpid" -> p.ownPid();
            case "getppid" -> p.parent() == null ? 0 : Math.max(0, p.parent().pidIn(p.pidNamespace()));
            // the ids as the caller's user namespace maps them (nobody when unmapped)
            case "getuid" -> p.namespaces().user().uidInside(c.uid());
            case "geteuid" -> p.namespaces().user().uidInside(c.euid());
            case "getgid" -> p.namespaces().user().gidInside(c.gid());
            case "getegid" -> p.namespaces().user().gidInside(c.egid());
            case "getpgrp" -> p.pgid();
            default -> throw new IllegalArgumentException("no id call " + call.name());
        };
        return Outcome.ok(value, Costs.SYSCALL / 3);
    }

    Outcome setuid(Process p, Syscall.Setuid call) {
        Credentials c = p.credentials();
        if (!c.has(Capability.CAP_SETUID) && call.uid() != c.uid() && call.uid() != c.suid()) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        p.setCredentials(c.withUid(call.uid()));
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome setgid(Process p, Syscall.Setgid call) {
        Credentials c = p.credentials();
        if (!c.has(Capability.CAP_SETGID) && call.gid() != c.gid() && call.gid() != c.sgid()) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        p.setCredentials(c.withGid(call.gid()));
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome setgroups(Process p, Syscall.Setgroups call) {
        if (!p.credentials().has(Capability.CAP_SETGID)) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        p.setCredentials(p.credentials().withGroups(Arrays.copyOf(call.groups(), call.groups().length)));
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome setpgid(Process p, Syscall.Setpgid call) {
        Process target = call.pid() == 0 ? p : p.pidNamespace().find(call.pid());
        if (target == null || (target != p && target.parent() != p)) return Outcome.error(Errno.ESRCH, Costs.SYSCALL);
        target.setPgid(call.pgid() == 0 ? target.ownPid() : call.pgid());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome nanosleep(Process p, Syscall.ClockNanosleep call) {
        WaitQueue timer = new WaitQueue("hrtimer_nanosleep");
        long wakeAt = kernel.now() + call.nanos();
        kernel.timeline().at(wakeAt, () -> kernel.scheduler().wakeAll(timer));
        return new Outcome.Blocked(timer, "hrtimer_nanosleep", () -> kernel.now() >= wakeAt
                ? Outcome.ok(0, Costs.SYSCALL) : Outcome.error(Errno.EINTR, Costs.SYSCALL));
    }

    Outcome pause(Process p) {
        return new Outcome.Blocked(new WaitQueue("pause"), "pause", () -> Outcome.error(Errno.EINTR, Costs.SYSCALL));
    }

    Outcome setAffinity(Process p, Syscall.SchedSetaffinity call) {
        Process target = call.pid() == 0 ? p : p.pidNamespace().find(call.pid());
        if (target == null) return Outcome.error(Errno.ESRCH, Costs.SYSCALL);
        long valid = call.mask() & ((1L << kernel.scheduler().coreCount()) - 1);
        if (valid == 0) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        target.setCpuMask(valid);
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome traceme(Process p, Syscall.PtraceTraceme call) {
        Process tracer = p.parent();
        OpenFile out = tracer == null ? null : tracer.fds().get(call.outputFd());
        if (out == null) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        p.tracer = new StraceTracer(kernel, tracer, out, call.only(), call.followForks(), p);
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome sigaction(Process p, Syscall.Sigaction call) {
        if (call.signal() == Signal.SIGKILL || call.signal() == Signal.SIGSTOP) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        p.ignore(call.signal(), false);
        p.setHandler(call.signal(), call.handler(), call.handler() != null);
        return Outcome.ok(0, Costs.SYSCALL / 3);
    }

    Outcome sigaction(Process p, Syscall.RtSigaction call) {
        if (call.signal() == Signal.SIGKILL || call.signal() == Signal.SIGSTOP) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        p.setHandler(call.signal(), null, false);
        p.ignore(call.signal(), call.ignore());
        return Outcome.ok(0, Costs.SYSCALL / 3);
    }

    Outcome umask(Process p, Syscall.Umask call) {
        int old = p.umask();
        p.setUmask(call.mask());
        return Outcome.ok(old, Costs.SYSCALL / 3);
    }

    /**
     * RLIMIT_NPROC: the caller's real user already has as many processes as its soft limit allows
     * (kernel/fork.c; root and CAP_SYS_RESOURCE/CAP_SYS_ADMIN are exempt). Simplification: Linux
     * counts per user namespace's ucounts; this counts the processes with the same real uid.
     */
    private boolean overProcessLimit(Process parent) {
        long limit = parent.rlimits().get(Resource.NPROC).soft();
        if (limit == Rlimit.INFINITY) return false;
        Credentials c = parent.credentials();
        if (c.uid() == 0 || c.has(Capability.CAP_SYS_RESOURCE) || c.has(Capability.CAP_SYS_ADMIN)) return false;
        long count = 0;
        for (Process q : kernel.rootPidNamespace().members().values()) {
            if (q.credentials() != null && q.credentials().uid() == c.uid() && ++count >= limit) return true;
        }
        return false;
    }

    // ---- resource limits ----

    /**
     * prlimit64(pid, resource, new, old): reads the limit of the caller (pid 0) or of the process
     * {@code pid} names in the caller's pid namespace (none, or one that has exited: ESRCH) and, with
     * a new one, sets it. Another process's limits need the caller's uid and gid to be all of its
     * real, effective and saved ones, or CAP_SYS_RESOURCE (EPERM) — kernel/sys.c's
     * check_prlimit_permission. A soft limit above the hard one is EINVAL; raising the hard limit
     * needs CAP_SYS_RESOURCE (EPERM), and RLIMIT_NOFILE never goes past nr_open (EPERM).
     */
    Outcome prlimit(Process p, Syscall.Prlimit64 call) {
        Process target = call.pid() == 0 ? p : p.pidNamespace().find(call.pid());
        if (target == null || target.state() == ProcessState.ZOMBIE || target.state() == ProcessState.DEAD) {
            return Outcome.error(Errno.ESRCH, Costs.SYSCALL);
        }
        if (target != p && !mayChangeLimitsOf(p.credentials(), target.credentials())) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        Rlimit old = target.rlimits().get(call.resource());
        Rlimit set = call.limit();
        if (set != null) {
            if (set.soft() > set.hard()) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
            if (call.resource() == Resource.NOFILE && set.hard() > Rlimits.NR_OPEN) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
            if (set.hard() > old.hard() && !p.credentials().has(Capability.CAP_SYS_RESOURCE)) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
            target.rlimits().set(call.resource(), set);
        }
        return Outcome.done(SysResult.ok(0, old), Costs.SYSCALL / 3);
    }

    private static boolean mayChangeLimitsOf(Credentials caller, Credentials t) {
        boolean idMatch = caller.uid() == t.euid() && caller.uid() == t.suid() && caller.uid() == t.uid()
                && caller.gid() == t.egid() && caller.gid() == t.sgid() && caller.gid() == t.gid();
        return idMatch || caller.has(Capability.CAP_SYS_RESOURCE);
    }
}
