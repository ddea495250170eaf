package dev.syssim.sim.fs;

/**
 * What statfs(2) reports of a file system: its type, block size, blocks in all, free, and free to
 * unprivileged users (ext4 keeps 5% for root), inodes in all and free, and the longest name.
 */
public record FsStats(String type, long blockSize, long blocks, long freeBlocks, long availableBlocks,
                      long inodes, long freeInodes, int nameMax) {

    /** The f_type magic number statfs returns ({@code stat -f -c %t} prints it in hex). */
    public long magic() {
        return switch (type) {
            case "ext4" -> 0xEF53;
            case "tmpfs", "devtmpfs" -> 0x01021994;
            case "proc" -> 0x9fa0;
            case "sysfs" -> 0x62656572;
            case "devpts" -> 0x1cd1;
            default -> 0;
        };
    }
}
