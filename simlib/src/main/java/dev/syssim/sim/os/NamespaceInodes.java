package dev.syssim.sim.os;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The inode number of every namespace of a machine: what {@code readlink /proc/PID/ns/net} shows
 * ({@code net:[4026531840]}) and how {@code lsns} tells namespaces apart. The first namespaces have
 * Linux 6.1's fixed numbers (PROC_*_INIT_INO; the first mount and network namespaces get the first
 * two dynamic ones); later ones are numbered on from 4026532160 as they are made, which keeps the
 * numbers of a run deterministic.
 */
public final class NamespaceInodes {

    public static final long INIT_TIME = 4026531834L;
    public static final long INIT_CGROUP = 4026531835L;
    public static final long INIT_PID = 4026531836L;
    public static final long INIT_USER = 4026531837L;
    public static final long INIT_UTS = 4026531838L;
    public static final long INIT_IPC = 4026531839L;
    public static final long INIT_NET = 4026531840L;
    public static final long INIT_MNT = 4026531841L;

    private final Map<Object, Long> inodes = new IdentityHashMap<>();
    private long next = 4026532160L;

    /** Gives a first namespace its fixed number. */
    void fixed(Object namespace, long inode) {
        inodes.put(namespace, inode);
    }

    /** The number of {@code namespace}, allocating the next one the first time it is asked. */
    public long of(Object namespace) {
        Long known = inodes.get(namespace);
        if (known != null) return known;
        long inode = next++;
        inodes.put(namespace, inode);
        return inode;
    }
}
