package dev.syssim.sim.os;

/**
 * An open {@code /proc/PID/ns/KIND} file (Linux's nsfs): it holds the namespace, so setns(2) on the
 * descriptor joins it, and a bind mount of it keeps the namespace alive with no process in it
 * ({@code ip netns add}). Reading it fails, as on Linux.
 */
public record NamespaceFile(Kind kind, Object namespace) implements FileOps {

    /** The kinds of namespace, as /proc/PID/ns names them, with their CLONE_NEW* flag. */
    public enum Kind {
        CGROUP("cgroup", NamespaceCalls.CLONE_NEWCGROUP),
        IPC("ipc", NamespaceCalls.CLONE_NEWIPC),
        MNT("mnt", NamespaceCalls.CLONE_NEWNS),
        NET("net", NamespaceCalls.CLONE_NEWNET),
        PID("pid", NamespaceCalls.CLONE_NEWPID),
        PID_FOR_CHILDREN("pid_for_children", NamespaceCalls.CLONE_NEWPID),
        TIME("time", 0x80),
        TIME_FOR_CHILDREN("time_for_children", 0x80),
        USER("user", NamespaceCalls.CLONE_NEWUSER),
        UTS("uts", NamespaceCalls.CLONE_NEWUTS);

        private final String file;
        private final long flag;

        Kind(String file, long flag) {
            this.file = file;
            this.flag = flag;
        }

        /** The file name under /proc/PID/ns. */
        public String file() {
            return file;
        }

        /** The name in the link's text ({@code pid} for pid_for_children too). */
        public String label() {
            return this == PID_FOR_CHILDREN ? "pid" : this == TIME_FOR_CHILDREN ? "time" : file;
        }

        public long flag() {
            return flag;
        }

        public static Kind byFile(String name) {
            for (Kind k : values()) if (k.file.equals(name)) return k;
            return null;
        }
    }

    /** The namespace of {@code kind} that {@code p} is in (the time and cgroup ones are the machine's). */
    public static Object of(Process p, Kind kind) {
        Kernel k = p.kernel();
        return switch (kind) {
            case CGROUP -> k.rootCgroup();
            case IPC -> p.namespaces().ipc();
            case MNT -> p.mounts();
            case NET -> p.namespaces().net();
            case PID -> p.pidNamespace();
            case PID_FOR_CHILDREN -> p.namespaces().pidForChildren();
            case TIME, TIME_FOR_CHILDREN -> k.rootCgroup().children(); // one fixed identity per machine
            case USER -> p.namespaces().user();
            case UTS -> p.uts();
        };
    }

    /** What readlink shows: {@code net:[4026531840]}. */
    public static String linkText(Process p, Kind kind) {
        Object ns = of(p, kind);
        long inode = kind == Kind.TIME || kind == Kind.TIME_FOR_CHILDREN ? NamespaceInodes.INIT_TIME : p.kernel().namespaceInodes().of(ns);
        return kind.label() + ":[" + inode + "]";
    }

    @Override
    public Outcome read(Kernel k, Process p, OpenFile f, int count) {
        return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
    }

    @Override
    public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
        return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
    }
}
