package dev.syssim.sim.os;

import java.util.EnumMap;
import java.util.Map;

/**
 * A process's resource limits: inherited by a forked child, kept across execve, changed with
 * prlimit64 (setrlimit). Owned by one process; a child gets a copy.
 */
public final class Rlimits {

    /** nr_open: the largest RLIMIT_NOFILE anyone may set (fs.nr_open's default, 1024 * 1024). */
    public static final long NR_OPEN = 1024 * 1024;

    private final Map<Resource, Rlimit> limits = new EnumMap<>(Resource.class);

    private Rlimits() {
    }

    /**
     * A Debian 12 login's limits on the simulated machine (its memory gives the process and
     * signal counts, as the kernel computes them at boot): systemd's 1,024 open files (hard
     * 524,288), an 8 MiB stack, no core files unless raised, the rest unlimited.
     */
    public static Rlimits debianLogin() {
        Rlimits r = new Rlimits();
        for (Resource res : Resource.values()) r.limits.put(res, Rlimit.UNLIMITED);
        r.limits.put(Resource.CORE, new Rlimit(0, Rlimit.INFINITY));
        r.limits.put(Resource.STACK, new Rlimit(8192 * 1024L, Rlimit.INFINITY));
        r.limits.put(Resource.NOFILE, new Rlimit(1024, 524288));
        r.limits.put(Resource.NPROC, new Rlimit(15388, 15388));
        r.limits.put(Resource.SIGPENDING, new Rlimit(15388, 15388));
        r.limits.put(Resource.MEMLOCK, new Rlimit(503608 * 1024L, 503608 * 1024L));
        r.limits.put(Resource.MSGQUEUE, new Rlimit(819200, 819200));
        r.limits.put(Resource.NICE, new Rlimit(0, 0));
        r.limits.put(Resource.RTPRIO, new Rlimit(0, 0));
        return r;
    }

    public Rlimit get(Resource resource) {
        return limits.get(resource);
    }

    void set(Resource resource, Rlimit limit) {
        limits.put(resource, limit);
    }

    /** A forked child's own copy. */
    Rlimits copy() {
        Rlimits c = new Rlimits();
        c.limits.putAll(limits);
        return c;
    }
}
