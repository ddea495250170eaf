package dev.syssim.sim.fs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file as the kernel knows it: type, permission bits, owner, link count, and its contents — bytes
 * for a regular file, named entries for a directory, a target for a symlink, a device number for a
 * device node. Names live in directories, not here; a directory also remembers its parent for
 * {@code ..} and {@code getcwd}.
 */
public final class Inode {

    private final FileSystem fs;
    private final long number;
    private final FileType type;
    private int permissions;
    private int uid;
    private int gid;
    private int links;
    private long atime;
    private long mtime;
    private long ctime;

    /** A regular file's bytes (null for other types). */
    private FileData data;
    private final Map<String, Inode> entries;
    private Inode parent;
    private String symlinkTarget;
    private int deviceMajor;
    private int deviceMinor;
    /** True while the file's data is in the page cache, so a read needs no disk I/O. */
    private boolean cached;

    Inode(FileSystem fs, long number, FileType type, int permissions, int uid, int gid) {
        this.fs = fs;
        this.number = number;
        this.type = type;
        this.permissions = permissions & 07777;
        this.uid = uid;
        this.gid = gid;
        this.entries = type == FileType.DIRECTORY ? new LinkedHashMap<>() : Map.of();
        if (type == FileType.REGULAR) setData(new FileData());
    }

    public FileSystem fs() {
        return fs;
    }

    public long number() {
        return number;
    }

    public FileType type() {
        return type;
    }

    public boolean isDirectory() {
        return type == FileType.DIRECTORY;
    }

    public int permissions() {
        return permissions;
    }

    public void setPermissions(int permissions) {
        this.permissions = permissions & 07777;
    }

    /** The full st_mode: type bits and permission bits. */
    public int mode() {
        return type.modeBits() | permissions;
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    public void setOwner(int uid, int gid) {
        this.uid = uid;
        this.gid = gid;
    }

    public int links() {
        return links;
    }

    void addLink(int delta) {
        links += delta;
    }

    /**
     * Times are simulated nanoseconds since the machine booted (negative before it), as the kernel
     * keeps them; tools add the boot date. Last read (atime), last change of the bytes (mtime), last
     * change of the inode (ctime).
     */
    public long atime() {
        return atime;
    }

    public long mtime() {
        return mtime;
    }

    public long ctime() {
        return ctime;
    }

    /** The bytes changed at {@code time}: mtime and ctime move. */
    public void setMtime(long time) {
        this.mtime = time;
        this.ctime = time;
    }

    /** A new inode made at {@code time}: all three times. */
    public void created(long time) {
        this.atime = time;
        this.mtime = time;
        this.ctime = time;
    }

    /** utimensat(2): set access and modification times; the inode changed now. */
    public void setTimes(long atime, long mtime, long now) {
        this.atime = atime;
        this.mtime = mtime;
        this.ctime = now;
    }

    /** The inode's metadata changed (chmod, chown, link count, rename). */
    public void changed(long time) {
        this.ctime = time;
    }

    /**
     * A read at {@code time}, with Linux's default relatime: atime moves only when it is not newer
     * than mtime or ctime, or a day old.
     */
    public void accessed(long time) {
        if (atime <= mtime || atime <= ctime || time - atime >= 86_400_000_000_000L) atime = time;
    }

    public long size() {
        return switch (type) {
            case REGULAR -> fs.sizeOf(this);
            case DIRECTORY -> 4096;
            case SYMLINK -> symlinkTarget == null ? 64 : symlinkTarget.length(); // /proc's links are made on reading: Linux says 64
            default -> 0;
        };
    }

    /** A directory's parent; a file system's root is its own parent. Null for other types. */
    public Inode parentDirectory() {
        return parent;
    }

    /** The stored bytes of a regular file (a dynamic file system may compute them instead); null for other types. */
    public FileData data() {
        return data;
    }

    /** Gives a regular file new contents, its sectors counted by its file system. */
    public void setData(FileData data) {
        if (this.data != null) this.data.setUsage(null);
        this.data = data;
        data.setUsage(fs.usage());
    }

    /** st_blocks in 512-byte units: what the file allocates (directories one 4 KiB block; fast symlinks none). */
    public long sectors() {
        return switch (type) {
            case REGULAR -> fs.sectorsOf(this);
            case DIRECTORY -> 8;
            default -> 0;
        };
    }

    /** Directory entries in creation order (getdents order); empty for non-directories. */
    public Map<String, Inode> entries() {
        return entries;
    }

    void setParent(Inode parent) {
        this.parent = parent;
    }

    public String symlinkTarget() {
        return symlinkTarget;
    }

    void setSymlinkTarget(String target) {
        this.symlinkTarget = target;
    }

    public int deviceMajor() {
        return deviceMajor;
    }

    public int deviceMinor() {
        return deviceMinor;
    }

    void setDevice(int major, int minor) {
        this.deviceMajor = major;
        this.deviceMinor = minor;
    }

    public boolean cached() {
        return cached;
    }

    public void setCached(boolean cached) {
        this.cached = cached;
    }

    @Override
    public String toString() {
        return fs.type() + ":" + number + "(" + type + ")";
    }
}
