package dev.syssim.sim.container;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/** A container's writable root: a deep copy of an image's tree (hard links kept), made with a work list, not recursion. */
final class TreeCopy {

    private TreeCopy() {
    }

    static FileSystem of(FileSystem from, int device) {
        FileSystem to = new FileSystem("overlay", "overlay", device, false, 1);
        to.root().setPermissions(from.root().permissions());
        Map<Inode, Inode> copies = new IdentityHashMap<>();
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
                made.setPermissions(src.permissions());
                copies.put(src, made);
                if (src.type() == FileType.DIRECTORY) work.addLast(new Inode[] {src, made});
            }
        }
        return to;
    }
}
