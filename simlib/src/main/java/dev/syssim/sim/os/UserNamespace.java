package dev.syssim.sim.os;

import java.util.ArrayList;
import java.util.List;

/**
 * A user namespace (user_namespaces(7)): a numbering of user and group ids. A process inside sees
 * its ids through the namespace's maps ({@code /proc/PID/uid_map}: "inside outside count"); an id
 * with no mapping reads as the overflow id 65534, {@code nobody}. Whoever creates the namespace is
 * root inside it only once a map says so (unshare --map-root-user writes "0 UID 1").
 *
 * <p>Simplification: the kernel's permission checks on files still use the host ids (which is what
 * Linux does too, through the maps); {@code stat} and {@code ls -l} inside show host ids, where
 * Linux would show unmapped owners as {@code nobody}.
 */
public final class UserNamespace {

    /** The id an unmapped uid or gid reads as (/proc/sys/kernel/overflowuid). */
    public static final int OVERFLOW_ID = 65534;

    /** One line of a map: ids {@code inside .. inside+count-1} are {@code outside ..} in the parent. */
    public record Extent(int inside, int outside, int count) {
        /** The line as /proc/PID/uid_map prints it: three right-aligned columns of 10. */
        public String line() {
            return String.format("%10d %10d %10d%n", inside, outside, count);
        }
    }

    private final UserNamespace parent;
    private final int ownerUid;
    private final List<Extent> uidMap = new ArrayList<>();
    private final List<Extent> gidMap = new ArrayList<>();
    private boolean setgroupsDenied;

    private UserNamespace(UserNamespace parent, int ownerUid) {
        this.parent = parent;
        this.ownerUid = ownerUid;
    }

    /** The machine's first user namespace: every id maps to itself. */
    public static UserNamespace initial() {
        UserNamespace ns = new UserNamespace(null, 0);
        ns.uidMap.add(new Extent(0, 0, -1));
        ns.gidMap.add(new Extent(0, 0, -1));
        return ns;
    }

    /** A child namespace created by a process whose effective uid is {@code ownerUid}: no maps yet. */
    public UserNamespace child(int ownerUid) {
        return new UserNamespace(this, ownerUid);
    }

    public UserNamespace parent() {
        return parent;
    }

    public boolean isInitial() {
        return parent == null;
    }

    /** The effective uid of the process that created the namespace. */
    public int ownerUid() {
        return ownerUid;
    }

    public List<Extent> uidMap() {
        return List.copyOf(uidMap);
    }

    public List<Extent> gidMap() {
        return List.copyOf(gidMap);
    }

    /** Writes a map once, as /proc/PID/uid_map allows (a second write fails with EPERM). */
    public boolean setUidMap(Extent extent) {
        if (!uidMap.isEmpty()) return false;
        uidMap.add(extent);
        return true;
    }

    public boolean setGidMap(Extent extent) {
        if (!gidMap.isEmpty()) return false;
        gidMap.add(extent);
        return true;
    }

    /** /proc/PID/setgroups: "deny" must be written before an unprivileged gid_map. */
    public boolean setgroupsDenied() {
        return setgroupsDenied;
    }

    public void setSetgroupsDenied(boolean denied) {
        this.setgroupsDenied = denied;
    }

    /** A host uid as seen inside this namespace, or the overflow id. */
    public int uidInside(int hostUid) {
        return inside(uidMap, parent == null ? hostUid : parent.uidInside(hostUid));
    }

    public int gidInside(int hostGid) {
        return inside(gidMap, parent == null ? hostGid : parent.gidInside(hostGid));
    }

    /**
     * An id written inside this namespace (chown's arguments) as the host numbers it, or -1 when
     * a map lacks it: the kernel then refuses the call with EINVAL.
     */
    public int uidOutside(int insideUid) {
        if (parent == null) return insideUid;
        int up = outside(uidMap, insideUid);
        return up < 0 ? -1 : parent.uidOutside(up);
    }

    public int gidOutside(int insideGid) {
        if (parent == null) return insideGid;
        int up = outside(gidMap, insideGid);
        return up < 0 ? -1 : parent.gidOutside(up);
    }

    private static int outside(List<Extent> map, int inside) {
        for (Extent e : map) {
            if (inside >= e.inside() && inside - e.inside() < e.count()) return e.outside() + inside - e.inside();
        }
        return -1;
    }

    private int inside(List<Extent> map, int outside) {
        if (parent == null) return outside;
        for (Extent e : map) {
            if (outside >= e.outside() && outside - e.outside() < e.count()) return e.inside() + outside - e.outside();
        }
        return OVERFLOW_ID;
    }

    /** Whether {@code this} is {@code other} or one of its ancestors. */
    public boolean isAncestorOf(UserNamespace other) {
        for (UserNamespace ns = other; ns != null; ns = ns.parent) if (ns == this) return true;
        return false;
    }
}
