package dev.syssim.sim.os;

import dev.syssim.sim.fs.Subject;
import java.util.Arrays;

/**
 * Who a process is: real, effective and saved user and group ids, supplementary groups, and the
 * effective capability set. Immutable; a setuid call gives the process a new one. As on Linux, a
 * process whose effective uid becomes nonzero loses its capabilities, and uid 0 regains them.
 */
public record Credentials(int uid, int euid, int suid, int gid, int egid, int sgid, int[] groups, long capabilities)
        implements Subject {

    public Credentials {
        groups = groups.clone();
    }

    public static Credentials root() {
        return new Credentials(0, 0, 0, 0, 0, 0, new int[] {0}, Capability.FULL_SET);
    }

    public static Credentials user(int uid, int gid, int... groups) {
        return new Credentials(uid, uid, uid, gid, gid, gid, groups, uid == 0 ? Capability.FULL_SET : 0);
    }

    public boolean has(Capability capability) {
        return (capabilities & capability.bit()) != 0;
    }

    /** setuid(2): root may become anyone (all three ids); others may only set the effective uid to real or saved. */
    public Credentials withUid(int newUid) {
        if (has(Capability.CAP_SETUID)) return new Credentials(newUid, newUid, newUid, gid, egid, sgid, groups, capsFor(newUid));
        return new Credentials(uid, newUid, suid, gid, egid, sgid, groups, capsFor(newUid));
    }

    /** exec of a set-user-ID file: the effective (and saved) uid become the file's owner. */
    public Credentials execSetuid(int owner) {
        return new Credentials(uid, owner, owner, gid, egid, sgid, groups, capsFor(owner));
    }

    public Credentials withGid(int newGid) {
        if (has(Capability.CAP_SETGID)) return new Credentials(uid, euid, suid, newGid, newGid, newGid, groups, capabilities);
        return new Credentials(uid, euid, suid, gid, newGid, sgid, groups, capabilities);
    }

    public Credentials withGroups(int[] newGroups) {
        return new Credentials(uid, euid, suid, gid, egid, sgid, newGroups, capabilities);
    }

    public Credentials withCapabilities(long caps) {
        return new Credentials(uid, euid, suid, gid, egid, sgid, groups, caps);
    }

    /** Linux's rule without file capabilities: effective uid 0 has every capability, others none. */
    private static long capsFor(int newEuid) {
        return newEuid == 0 ? Capability.FULL_SET : 0;
    }

    @Override
    public int fsuid() {
        return euid;
    }

    @Override
    public int fsgid() {
        return egid;
    }

    @Override
    public boolean inGroup(int gid) {
        if (egid == gid) return true;
        for (int g : groups) if (g == gid) return true;
        return false;
    }

    @Override
    public boolean overridesPermissions() {
        return has(Capability.CAP_DAC_OVERRIDE);
    }

    @Override
    public boolean actsAsOwner() {
        return has(Capability.CAP_FOWNER);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && c.uid == uid && c.euid == euid && c.suid == suid && c.gid == gid
                && c.egid == egid && c.sgid == sgid && Arrays.equals(c.groups, groups) && c.capabilities == capabilities;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new long[] {uid, euid, gid, egid, capabilities}) ^ Arrays.hashCode(groups);
    }

    @Override
    public String toString() {
        return "Credentials[uid=" + uid + ", euid=" + euid + ", gid=" + gid + ", groups=" + Arrays.toString(groups) + "]";
    }
}
