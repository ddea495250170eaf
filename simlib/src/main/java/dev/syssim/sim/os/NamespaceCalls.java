package dev.syssim.sim.os;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;

/**
 * The namespace syscalls (Linux's kernel/nsproxy.c and the CLONE_NEW* part of fork): unshare(2)
 * gives the caller new namespaces, setns(2) moves it into another process's, and clone with
 * CLONE_NEW* flags makes the child's. The rules, as namespaces(7), unshare(2) and
 * pid_namespaces(7) give them:
 * <ul>
 *   <li>every kind but the user namespace needs CAP_SYS_ADMIN — in the caller's user namespace, so
 *   a process that has just made its own user namespace (where it is root) may make the others;
 *   without it, EPERM;</li>
 *   <li>unshare(CLONE_NEWPID) does not move the caller: its next child is the new namespace's
 *   PID 1; when that init exits, the namespace takes no one (fork fails with ENOMEM);</li>
 *   <li>a new network namespace has only {@code lo}, down; a new mount namespace starts as a copy;
 *   a new UTS namespace starts with the current names.</li>
 * </ul>
 */
public final class NamespaceCalls {

    public static final long CLONE_NEWNS = 0x00020000;
    public static final long CLONE_NEWCGROUP = 0x02000000;
    public static final long CLONE_NEWUTS = 0x04000000;
    public static final long CLONE_NEWIPC = 0x08000000;
    public static final long CLONE_NEWUSER = 0x10000000;
    public static final long CLONE_NEWPID = 0x20000000;
    public static final long CLONE_NEWNET = 0x40000000;
    /** The flags unshare(2) knows (the simulation has no cgroup or time namespaces to make). */
    static final long KNOWN = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET;

    private final Kernel kernel;

    NamespaceCalls(Kernel kernel) {
        this.kernel = kernel;
    }

    /** The flag names strace prints, in the kernel's bit order. */
    public static String flagNames(long flags) {
        StringBuilder b = new StringBuilder();
        if ((flags & CLONE_NEWNS) != 0) b.append("CLONE_NEWNS|");
        if ((flags & CLONE_NEWCGROUP) != 0) b.append("CLONE_NEWCGROUP|");
        if ((flags & CLONE_NEWUTS) != 0) b.append("CLONE_NEWUTS|");
        if ((flags & CLONE_NEWIPC) != 0) b.append("CLONE_NEWIPC|");
        if ((flags & CLONE_NEWUSER) != 0) b.append("CLONE_NEWUSER|");
        if ((flags & CLONE_NEWPID) != 0) b.append("CLONE_NEWPID|");
        if ((flags & CLONE_NEWNET) != 0) b.append("CLONE_NEWNET|");
        return b.length() == 0 ? "0" : b.substring(0, b.length() - 1);
    }

    /**
     * Whether {@code p} holds {@code capability} over a namespace owned by {@code owner}: with the
     * capability in the machine's first user namespace, or as root (mapped uid 0) inside a user
     * namespace that is the owner or one of its ancestors (capabilities(7), user_namespaces(7)).
     */
    public boolean capable(Process p, Capability capability, UserNamespace owner) {
        UserNamespace mine = p.namespaces().user();
        if (mine.isInitial()) return p.credentials().has(capability);
        return mine.isAncestorOf(owner) && mine.uidInside(p.credentials().euid()) == 0;
    }

    /** EPERM if the caller may not make the namespaces {@code flags} ask for, else null. */
    Errno mayCreate(Process p, long flags) {
        long others = flags & KNOWN & ~CLONE_NEWUSER;
        if (others == 0) return null;
        if ((flags & CLONE_NEWUSER) != 0) return null; // root in the new user namespace it also makes
        return capable(p, Capability.CAP_SYS_ADMIN, p.namespaces().user()) ? null : Errno.EPERM;
    }

    PidNamespace newPidNamespace(PidNamespace parent) {
        PidNamespace ns = new PidNamespace(parent, kernel.limits().pidMax());
        kernel.namespaceInodes().of(ns);
        return ns;
    }

    /** Gives {@code p} the namespaces {@code flags} ask for (other than the pid one, done by the caller). */
    void applyNew(Process p, long flags) {
        Namespaces ns = p.namespaces();
        if ((flags & CLONE_NEWUSER) != 0) {
            UserNamespace user = ns.user().child(p.credentials().euid());
            kernel.namespaceInodes().of(user);
            ns = ns.withUser(user);
        }
        if ((flags & CLONE_NEWIPC) != 0) {
            IpcNamespace ipc = new IpcNamespace();
            kernel.namespaceInodes().of(ipc);
            ns = ns.withIpc(ipc);
        }
        if ((flags & CLONE_NEWNET) != 0) {
            NetworkNamespace net = kernel.newNetworkNamespace();
            if (net != null) {
                kernel.namespaceInodes().of(net);
                ns = ns.withNet(net);
            }
        }
        p.setNamespaces(ns);
        if ((flags & CLONE_NEWNS) != 0) {
            p.setMounts(p.mounts().copy());
            kernel.namespaceInodes().of(p.mounts());
        }
        if ((flags & CLONE_NEWUTS) != 0) {
            p.setUts(p.uts().copy());
            kernel.namespaceInodes().of(p.uts());
        }
        if ((flags & (KNOWN & ~CLONE_NEWPID)) != 0 && kernel.trace().wants(EventKind.PROCESS)) {
            kernel.event(p.lane(), CpuMode.KERNEL, EventKind.PROCESS, "new namespaces: " + flagNames(flags & KNOWN & ~CLONE_NEWPID),
                    "the process now sees its own " + what(flags), p.syscallEventSeq);
        }
    }

    private static String what(long flags) {
        StringBuilder b = new StringBuilder();
        if ((flags & CLONE_NEWNS) != 0) b.append("mounts, ");
        if ((flags & CLONE_NEWUTS) != 0) b.append("hostname, ");
        if ((flags & CLONE_NEWIPC) != 0) b.append("IPC objects, ");
        if ((flags & CLONE_NEWNET) != 0) b.append("network (only lo, down), ");
        if ((flags & CLONE_NEWUSER) != 0) b.append("user ids, ");
        return b.length() == 0 ? "nothing new" : b.substring(0, b.length() - 2);
    }

    /** unshare(2). */
    Outcome unshare(Process p, Unshare call) {
        long flags = call.flags();
        if ((flags & ~(KNOWN | CLONE_NEWCGROUP)) != 0) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        Errno denied = mayCreate(p, flags);
        if (denied != null) return Outcome.error(denied, Costs.SYSCALL);
        if ((flags & CLONE_NEWPID) != 0) {
            PidNamespace ns = newPidNamespace(p.namespaces().pidForChildren());
            p.setNamespaces(p.namespaces().withPidForChildren(ns));
            if (kernel.trace().wants(EventKind.PROCESS)) {
                kernel.event(p.lane(), CpuMode.KERNEL, EventKind.PROCESS, "new pid namespace for the children of " + p,
                        "the caller keeps its pid; its next child will be PID 1 there", p.syscallEventSeq);
            }
        }
        applyNew(p, flags);
        return Outcome.ok(0, Costs.SYSCALL);
    }

    /** setns(2): the namespace behind {@code fd} (an open /proc/PID/ns file) becomes the caller's. */
    Outcome setns(Process p, Setns call) {
        OpenFile f = p.fds().get(call.fd());
        if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        if (!(f.ops() instanceof NamespaceFile file)) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        if (call.nstype() != 0 && call.nstype() != file.kind().flag()) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        if (!capable(p, Capability.CAP_SYS_ADMIN, p.namespaces().user())) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        Object ns = file.namespace();
        switch (file.kind()) {
            case NET -> p.setNamespaces(p.namespaces().withNet((NetworkNamespace) ns));
            case UTS -> p.setUts((UtsNamespace) ns);
            case IPC -> p.setNamespaces(p.namespaces().withIpc((IpcNamespace) ns));
            case MNT -> {
                dev.syssim.sim.fs.MountNamespace mounts = (dev.syssim.sim.fs.MountNamespace) ns;
                p.setMounts(mounts);
                p.setRoot(mounts.root());
                p.setCwd(mounts.root());
            }
            case PID -> p.setNamespaces(p.namespaces().withPidForChildren((PidNamespace) ns));
            case USER -> p.setNamespaces(p.namespaces().withUser((UserNamespace) ns));
            default -> {
                return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
            }
        }
        if (kernel.trace().wants(EventKind.PROCESS)) {
            kernel.event(p.lane(), CpuMode.KERNEL, EventKind.PROCESS, "setns: " + p + " joins " + file.kind().label() + ":["
                    + kernel.namespaceInodes().of(ns) + "]", "", p.syscallEventSeq);
        }
        return Outcome.ok(0, Costs.SYSCALL);
    }
}
