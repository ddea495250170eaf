package dev.syssim.sim.fs;

/**
 * What path resolution needs to know of the caller: where {@code /} is for it (its root, which
 * chroot changes), where relative paths start (its working directory), who it is (for search
 * permission on each directory) and which mounts it sees (its mount namespace).
 */
public interface PathContext {

    Location root();

    Location cwd();

    Subject subject();

    MountNamespace mounts();
}
