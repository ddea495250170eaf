package dev.syssim.sim.os;

import dev.syssim.sim.fs.Location;

/**
 * An open file description (Linux's {@code struct file}): what is open, how (flags), where reads
 * continue (offset), and how many descriptors share it. fork and dup share descriptions; open
 * makes a new one.
 */
public final class OpenFile {

    private final FileOps ops;
    private final Location location;
    private final String path;
    private final int flags;
    private long offset;
    private int references;
    /** For a terminal: the front-end stream its writes go to, {@code stdout} or {@code stderr}. */
    private final String stream;

    public OpenFile(FileOps ops, Location location, String path, int flags, String stream) {
        this.ops = ops;
        this.location = location;
        this.path = path;
        this.flags = flags;
        this.stream = stream;
    }

    public FileOps ops() {
        return ops;
    }

    /** The file's place in the tree, or null for a pipe or socket. */
    public Location location() {
        return location;
    }

    /** The path it was opened by (what /proc/PID/fd shows). */
    public String path() {
        return path;
    }

    public int flags() {
        return flags;
    }

    public boolean readable() {
        return (flags & OpenFlags.ACCMODE) != OpenFlags.O_WRONLY;
    }

    public boolean writable() {
        return (flags & OpenFlags.ACCMODE) != OpenFlags.O_RDONLY;
    }

    public long offset() {
        return offset;
    }

    public void setOffset(long offset) {
        this.offset = offset;
    }

    public String stream() {
        return stream;
    }

    void retain() {
        references++;
    }

    /** Drops one reference; true when it was the last. */
    boolean release() {
        return --references == 0;
    }
}
