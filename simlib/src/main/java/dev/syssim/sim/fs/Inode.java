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
    private long mtime;

    private byte[] data = new byte[0];
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

    public long mtime() {
        return mtime;
    }

    public void setMtime(long mtime) {
        this.mtime = mtime;
    }

    public long size() {
        return switch (type) {
            case REGULAR -> fs.sizeOf(this);
            case DIRECTORY -> 4096;
            case SYMLINK -> symlinkTarget.length();
            default -> 0;
        };
    }

    /** A directory's parent; a file system's root is its own parent. Null for other types. */
    public Inode parentDirectory() {
        return parent;
    }

    /** The stored bytes of a regular file (a dynamic file system may compute them instead). */
    public byte[] data() {
        return data;
    }

    public void setData(byte[] data) {
        this.data = data;
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
