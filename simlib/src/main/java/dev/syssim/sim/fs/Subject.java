package dev.syssim.sim.fs;

/**
 * Who is asking, as far as permission checks care: the file-system uid and gid, the groups, and
 * whether the capabilities that bypass permission bits (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH,
 * CAP_FOWNER) are in effect. The {@code os} package's credentials implement it.
 */
public interface Subject {

    int fsuid();

    int fsgid();

    boolean inGroup(int gid);

    /** CAP_DAC_OVERRIDE: read/write anything, execute anything with at least one x bit. */
    boolean overridesPermissions();

    /** CAP_FOWNER: act as the owner of any file (chmod, utime). */
    boolean actsAsOwner();
}
