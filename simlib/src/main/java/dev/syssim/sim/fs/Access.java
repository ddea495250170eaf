package dev.syssim.sim.fs;

/** The permission a syscall needs on an inode: read, write or execute/search, as access(2)'s bits. */
public enum Access {
    READ(4), WRITE(2), EXECUTE(1);

    private final int bit;

    Access(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /**
     * Linux's generic_permission(): the owner's bits if the caller owns the file, else the group's
     * if in the group, else other's; CAP_DAC_OVERRIDE bypasses all of it, except that executing a
     * regular file still needs an x bit somewhere.
     */
    public boolean allowed(Inode inode, Subject who) {
        if (who.overridesPermissions()) {
            if (this != EXECUTE || inode.type() == FileType.DIRECTORY) return true;
            return (inode.permissions() & 0111) != 0;
        }
        int perm = inode.permissions();
        int shift;
        if (who.fsuid() == inode.uid()) shift = 6;
        else if (who.inGroup(inode.gid())) shift = 3;
        else shift = 0;
        return ((perm >> shift) & bit) != 0;
    }
}
