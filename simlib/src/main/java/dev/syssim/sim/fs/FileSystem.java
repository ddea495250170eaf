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
    /** 512-byte sectors the files' data allocate (statfs: what df counts as used). */
    private long sectorsUsed;
    private final FileData.Usage usage = delta -> sectorsUsed += delta;
    /** Pseudo file systems (proc, sysfs, devpts) have no size, as df shows them: 0 blocks. */
    private long capacityBytes;
    private long baseUsedBytes;
    private long inodesUsed;
    private long inodeCapacity;

    public FileSystem(String type, String source, int deviceNumber, boolean diskBacked, long firstInode) {
        this.type = type;
        this.source = source;
        this.deviceNumber = deviceNumber;
        this.diskBacked = diskBacked;
        this.nextInode = firstInode;
        this.root = newInode(FileType.DIRECTORY, 0755, 0, 0);
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

    /** The whole bytes of a regular file, for small ones (an executable, a configuration file). */
    public byte[] contentOf(Inode file) {
        return file.data().toBytes();
    }

    /** Up to {@code count} bytes of a regular file from {@code offset}: fewer at its end, holes as zeros. */
    public byte[] readContent(Inode file, long offset, int count) {
        return file.data().read(offset, count);
    }

    /** st_size of a regular file (procfs files report 0, though reading them yields text). */
    public long sizeOf(Inode file) {
        return file.data().size();
    }

    /** st_blocks of a regular file. */
    public long sectorsOf(Inode file) {
        return file.data().sectors();
    }

    /** Writes {@code data} at {@code offset}; false if the file refuses (EINVAL), as some /proc files do. */
    public boolean writeContent(Inode file, long offset, byte[] data) {
        file.data().write(offset, data);
        return true;
    }

    /** Cuts or extends a regular file to {@code size} (extending leaves a hole); false if it refuses. */
    public boolean truncate(Inode file, long size) {
        file.data().truncate(size);
        return true;
    }

    /** The counter the files' data report their allocation to. */
    FileData.Usage usage() {
        return usage;
    }

    /**
     * The size statfs reports: {@code capacityBytes} in all, of which {@code baseUsedBytes} are used
     * by what the image does not model (the rest of a Debian installation) besides the files here.
     */
    public void setCapacity(long capacityBytes, long baseUsedBytes, long inodeCapacity) {
        this.capacityBytes = capacityBytes;
        this.baseUsedBytes = baseUsedBytes;
        this.inodeCapacity = inodeCapacity;
    }

    /** statfs(2): sizes in 4 KiB blocks and inode counts. */
    public FsStats stats() {
        long block = 4096;
        long total = capacityBytes / block;
        if (total == 0) return new FsStats(type, block, 0, 0, 0, 0, 0, NAME_MAX);
        long used = Math.min(total, (baseUsedBytes + sectorsUsed * 512 + block - 1) / block);
        // ext4 reserves 5% of the blocks for root: df's Available leaves them out.
        long reserved = type.equals("ext4") ? total / 20 : 0;
        long free = total - used;
        return new FsStats(type, block, total, free, Math.max(0, free - reserved), inodeCapacity,
                Math.max(0, inodeCapacity - inodesUsed), NAME_MAX);
    }

    private static final int NAME_MAX = 255;

    /** Whether the file system accepts new files, writes and renames. */
    public boolean writable() {
        return true;
    }

    /** Records {@code parent} as the {@code ..} of a directory made outside {@link #link} (dynamic trees). */
    protected final void setParentOf(Inode dir, Inode parent) {
        dir.setParent(parent);
    }

    public Inode newInode(FileType type, int permissions, int uid, int gid) {
        inodesUsed++;
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
            if (removed.links() <= 0) {
                // Simplification: Linux frees an unlinked file's blocks when its last open
                // descriptor closes; here they are freed at once (df shows it earlier).
                inodesUsed--;
                if (removed.data() != null) removed.data().setUsage(null);
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
        child.setData(FileData.of(data));
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
