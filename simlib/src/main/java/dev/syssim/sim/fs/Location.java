package dev.syssim.sim.fs;

/** A place in the tree: an inode as seen through a mount (Linux's {@code struct path}). */
public record Location(Mount mount, Inode inode) {
}
