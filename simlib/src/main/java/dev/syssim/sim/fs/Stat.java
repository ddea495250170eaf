package dev.syssim.sim.fs;

/**
 * What stat(2) fills in. Times are simulated nanoseconds since the machine's boot (the tools add the
 * boot date); {@code blocks} counts 512-byte sectors, as st_blocks does.
 */
public record Stat(int device, long inode, FileType type, int permissions, int links, int uid, int gid,
                   int rdevMajor, int rdevMinor, long size, long blocks, long atime, long mtime, long ctime) {

    /** st_blksize: the preferred I/O size, ext4's block. */
    public static final int BLOCK_SIZE = 4096;

    public static Stat of(Inode inode) {
        return new Stat(inode.fs().deviceNumber(), inode.number(), inode.type(), inode.permissions(),
                inode.links(), inode.uid(), inode.gid(), inode.deviceMajor(), inode.deviceMinor(),
                inode.size(), inode.sectors(), inode.atime(), inode.mtime(), inode.ctime());
    }

    /** A file that is no inode of a file system (a pipe, a terminal), with all times {@code time}. */
    public static Stat special(int device, long inode, FileType type, int permissions, int uid, int gid,
                               int rdevMajor, int rdevMinor, long time) {
        return new Stat(device, inode, type, permissions, 1, uid, gid, rdevMajor, rdevMinor, 0, 0, time, time, time);
    }

    public int mode() {
        return type.modeBits() | permissions;
    }
}
