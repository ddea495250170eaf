package dev.syssim.sim.fs;

/**
 * A file system attached at a directory of another mount (Linux's {@code struct mount}). The root
 * mount of a namespace is its own parent.
 *
 * @param id         the mount id, as /proc/self/mountinfo numbers it
 * @param fs         the mounted file system
 * @param root       the directory of {@code fs} that appears at the mount point (its root, or a
 *                   subdirectory for a bind mount)
 * @param parent     the mount the mount point belongs to
 * @param mountpoint the directory of {@code parent} that this mount covers
 * @param options    the options {@code mount} prints, e.g. {@code rw,relatime}
 */
public record Mount(int id, FileSystem fs, Inode root, Mount parent, Inode mountpoint, String options) {

    public boolean isNamespaceRoot() {
        return parent == null;
    }
}
