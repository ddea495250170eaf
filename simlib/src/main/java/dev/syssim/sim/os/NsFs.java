package dev.syssim.sim.os;

import dev.syssim.sim.fs.FileSystem;

/**
 * nsfs: what a bind mount of {@code /proc/PID/ns/KIND} puts on a file ({@code ip netns add}
 * binds a network namespace on {@code /run/netns/NAME}). Its one inode stands for the namespace,
 * which the mount keeps alive; opening it gives a descriptor setns(2) accepts.
 */
public final class NsFs extends FileSystem {

    private final NamespaceFile file;

    public NsFs(NamespaceFile file, long inode) {
        super("nsfs", "nsfs", 4, false, inode);
        this.file = file;
        root().setPermissions(0444);
    }

    /** The namespace the mount holds, as an open file's operations. */
    public NamespaceFile file() {
        return file;
    }
}
