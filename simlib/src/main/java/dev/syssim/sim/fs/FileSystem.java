package dev.syssim.sim.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * One mounted-able file system (a superblock): its type as {@code mount} prints it ({@code ext4},
 * {@code proc}, {@code devtmpfs}, {@code tmpfs}), its source, its inodes and root directory. A file
 * system whose files live on a disk makes reads of uncached data go through the disk driver; the
 * dynamic ones ({@code proc}) override {@link #lookup}, {@link #list} and {@link #contentOf}.
 */
public class FileSystem {

    private final String type;
    private final String source;
    private final int deviceNumber;
    private final boolean diskBacked;
    private long nextInode;
    private final Inode root;

    public FileSystem(String type, String source, int deviceNumber, boolean diskBacked, long firstInode) {
        this.type = type;
        this.source = source;
        this.deviceNumber = deviceNumber;
        this.diskBacked = diskBacked;
        this.nextInode = firstInode;
        this.root = new Inode(this, nextInode++, FileType.DIRECTORY, 0755, 0, 0);
        root.setParent(root);
        root.addLink(2);
    }

    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    /** st_dev of every inode here. */
    public int deviceNumber() {
        return deviceNumber;
    }

    /** True when file data is read from a disk (so an uncached read blocks on the disk's IRQ). */
    public boolean diskBacked() {
        return diskBacked;
    }

    public Inode root() {
        return root;
    }

    /** The entry {@code name} of directory {@code dir} as {@code caller} sees it, or null. */
    public Inode lookup(PathContext caller, Inode dir, String name) {
        return dir.entries().get(name);
    }

    /** Where a symlink points, as {@code caller} sees it ({@code /proc/self} differs per caller). */
    public String readlink(PathContext caller, Inode link) {
        return link.symlinkTarget();
    }

    /** The entries of a directory, without {@code .} and {@code ..}. */
    public List<Dirent> list(Inode dir) {
        List<Dirent> out = new ArrayList<>(dir.entries().size());
        dir.entries().forEach((name, inode) -> out.add(new Dirent(name, inode.number(), inode.type())));
        return out;
    }

    /** The bytes of a regular file. */
    public byte[] contentOf(Inode file) {
        return file.data();
    }

    /** st_size of a regular file (procfs files report 0, though reading them yields text). */
    public long sizeOf(Inode file) {
        return contentOf(file).length;
    }

    /** Replaces a regular file's bytes after a write; false if the file refuses (EACCES/EINVAL). */
    public boolean writeContent(Inode file, byte[] content) {
        file.setData(content);
        return true;
    }

    /** Whether the file system accepts new files, writes and renames. */
    public boolean writable() {
        return true;
    }

    /** Records {@code parent} as the {@code ..} of a directory made outside {@link #link} (dynamic trees). */
    protected final void setParentOf(Inode dir, Inode parent) {
        dir.setParent(parent);
    }

    public Inode newInode(FileType type, int permissions, int uid, int gid) {
        return new Inode(this, nextInode++, type, permissions, uid, gid);
    }

    /** Links {@code child} into {@code dir} under {@code name}. */
    public void link(Inode dir, String name, Inode child) {
        dir.entries().put(name, child);
        child.addLink(1);
        if (child.isDirectory()) {
            child.setParent(dir);
            child.addLink(1); // its own "."
            dir.addLink(1);   // the child's ".."
        }
    }

    /** Removes the entry; the inode lives on while open files refer to it. */
    public Inode unlink(Inode dir, String name) {
        Inode removed = dir.entries().remove(name);
        if (removed != null) {
            removed.addLink(-1);
            if (removed.isDirectory()) {
                removed.addLink(-1);
                dir.addLink(-1);
            }
        }
        return removed;
    }

    public Inode mkdir(Inode dir, String name, int permissions, int uid, int gid) {
        Inode child = newInode(FileType.DIRECTORY, permissions, uid, gid);
        link(dir, name, child);
        return child;
    }

    public Inode createFile(Inode dir, String name, int permissions, int uid, int gid, byte[] data) {
        Inode child = newInode(FileType.REGULAR, permissions, uid, gid);
        child.setData(data);
        link(dir, name, child);
        return child;
    }

    public Inode symlink(Inode dir, String name, String target, int uid, int gid) {
        Inode child = newInode(FileType.SYMLINK, 0777, uid, gid);
        child.setSymlinkTarget(target);
        link(dir, name, child);
        return child;
    }

    public Inode mknod(Inode dir, String name, FileType type, int permissions, int major, int minor, int uid, int gid) {
        Inode child = newInode(type, permissions, uid, gid);
        child.setDevice(major, minor);
        link(dir, name, child);
        return child;
    }
}
