package dev.syssim.sim.fs;

/** What stat(2) fills in, for the fields the simulated tools print. */
public record Stat(int device, long inode, FileType type, int permissions, int links, int uid, int gid,
                   int rdevMajor, int rdevMinor, long size, long mtime) {

    public static Stat of(Inode inode) {
        return new Stat(inode.fs().deviceNumber(), inode.number(), inode.type(), inode.permissions(),
                inode.links(), inode.uid(), inode.gid(), inode.deviceMajor(), inode.deviceMinor(),
                inode.size(), inode.mtime());
    }

    public int mode() {
        return type.modeBits() | permissions;
    }

    /** st_blocks in 512-byte units, as ext4 allocates 4 KiB blocks. */
    public long blocks() {
        if (type != FileType.REGULAR && type != FileType.DIRECTORY) return 0;
        return (size + 4095) / 4096 * 8;
    }
}
