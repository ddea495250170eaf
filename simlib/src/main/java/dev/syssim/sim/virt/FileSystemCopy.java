package dev.syssim.sim.virt;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.FsStats;
import dev.syssim.sim.fs.Inode;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A deep copy of a file tree: every directory, file (its bytes), symlink and device node, with
 * their modes, owners and times, hard links kept as links. An internal snapshot of a disk keeps
 * one; reverting to it gives the guest a copy again, so the snapshot survives the guest's changes.
 */
final class FileSystemCopy {

    private FileSystemCopy() {
    }

    static FileSystem of(FileSystem from) {
        FileSystem to = new FileSystem(from.type(), from.source(), from.deviceNumber(), from.diskBacked(), from.root().number());
        Map<Inode, Inode> copies = new IdentityHashMap<>();
        copies.put(from.root(), to.root());
        copyAttributes(from.root(), to.root());
        long dataSectors = 0;
        // iterate with a work list of directories: a deep tree never meets Java's stack
        ArrayDeque<Inode[]> work = new ArrayDeque<>();
        work.add(new Inode[] {from.root(), to.root()});
        while (!work.isEmpty()) {
            Inode[] pair = work.removeFirst();
            for (Map.Entry<String, Inode> e : pair[0].entries().entrySet()) {
                Inode src = e.getValue();
                Inode seen = copies.get(src);
                if (seen != null && !src.isDirectory()) {
                    to.link(pair[1], e.getKey(), seen);
                    continue;
                }
                Inode made = switch (src.type()) {
                    case DIRECTORY -> to.mkdir(pair[1], e.getKey(), src.permissions(), src.uid(), src.gid());
                    case REGULAR -> to.createFile(pair[1], e.getKey(), src.permissions(), src.uid(), src.gid(), from.contentOf(src));
                    case SYMLINK -> to.symlink(pair[1], e.getKey(), src.symlinkTarget(), src.uid(), src.gid());
                    default -> to.mknod(pair[1], e.getKey(), src.type(), src.permissions(), src.deviceMajor(), src.deviceMinor(), src.uid(), src.gid());
                };
                copyAttributes(src, made);
                copies.put(src, made);
                if (src.type() == FileType.REGULAR) dataSectors += made.sectors();
                if (src.isDirectory()) work.addLast(new Inode[] {src, made});
            }
        }
        FsStats s = from.stats();
        long used = (s.blocks() - s.freeBlocks()) * s.blockSize();
        to.setCapacity(s.blocks() * s.blockSize(), Math.max(0, used - dataSectors * 512), s.inodes());
        return to;
    }

    private static void copyAttributes(Inode from, Inode to) {
        to.setPermissions(from.permissions());
        to.setOwner(from.uid(), from.gid());
        to.setTimes(from.atime(), from.mtime(), from.ctime());
        to.setCached(from.cached());
    }
}
