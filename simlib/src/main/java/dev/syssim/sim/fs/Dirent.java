package dev.syssim.sim.fs;

/** One entry getdents64 returns: name, inode number, and d_type. */
public record Dirent(String name, long inode, FileType type) {
}
