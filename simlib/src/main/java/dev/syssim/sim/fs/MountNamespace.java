package dev.syssim.sim.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * The set of mounts a group of processes sees. A new mount namespace (unshare -m, a container) starts
 * as a copy, so mounts made inside it are invisible outside.
 */
public final class MountNamespace {

    private final List<Mount> mounts = new ArrayList<>();
    private int nextId;

    public MountNamespace(FileSystem rootFs, String options, int firstId) {
        this.nextId = firstId;
        mounts.add(new Mount(nextId++, rootFs, rootFs.root(), null, rootFs.root(), options));
    }

    private MountNamespace(List<Mount> copied, int nextId) {
        this.mounts.addAll(copied);
        this.nextId = nextId;
    }

    public Mount rootMount() {
        return mounts.get(0);
    }

    public Location root() {
        Mount root = rootMount();
        return new Location(root, root.root());
    }

    /** Mounts in the order they were made, as /proc/mounts lists them. */
    public List<Mount> mounts() {
        return List.copyOf(mounts);
    }

    /** Mounts {@code fs} (or its subtree {@code fsRoot}) on top of {@code where}. */
    public Mount mount(FileSystem fs, Inode fsRoot, Location where, String options) {
        Mount mount = new Mount(nextId++, fs, fsRoot, where.mount(), where.inode(), options);
        mounts.add(mount);
        return mount;
    }

    /** Detaches the mount; false if other mounts sit on it (EBUSY). */
    public boolean unmount(Mount mount) {
        for (Mount m : mounts) {
            if (m.parent() == mount) return false;
        }
        return mounts.remove(mount);
    }

    /** The topmost mount covering directory {@code inode} of {@code parent}, or null. */
    public Mount mountedOn(Mount parent, Inode inode) {
        Mount found = null;
        for (Mount m : mounts) {
            if (m.parent() == parent && m.mountpoint() == inode) found = m;
        }
        return found;
    }

    /** Follows mounts stacked on a location down to what is visible there. */
    public Location crossMounts(Location at) {
        Location current = at;
        Mount over = mountedOn(current.mount(), current.inode());
        while (over != null) {
            current = new Location(over, over.root());
            over = mountedOn(current.mount(), current.inode());
        }
        return current;
    }

    /** A copy for a new mount namespace (CLONE_NEWNS): same mounts, separate from now on. */
    public MountNamespace copy() {
        return new MountNamespace(mounts, nextId);
    }
}
