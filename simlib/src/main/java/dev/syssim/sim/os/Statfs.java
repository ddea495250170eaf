package dev.syssim.sim.os;

import dev.syssim.sim.fs.FsStats;
import dev.syssim.sim.fs.PathWalker;

/**
 * statfs(path) and fstatfs(fd): the sizes of the file system holding a file, what {@code df} and
 * {@code stat -f} print.
 *
 * @param path the file, or null for fstatfs on {@code fd}
 */
public record Statfs(String path, int fd) implements Syscall {

    public static Statfs path(String path) {
        return new Statfs(path, -1);
    }

    @Override
    public String name() {
        return path == null ? "fstatfs" : "statfs";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        if (path == null) {
            OpenFile f = p.fds().get(fd);
            if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
            if (f.location() == null) return Outcome.done(SysResult.ok(0, new FsStats("pipefs", 4096, 0, 0, 0, 0, 0, 255)), Costs.SYSCALL);
            return Outcome.done(SysResult.ok(0, f.location().mount().fs().stats()), Costs.SYSCALL);
        }
        PathWalker.Result found = PathWalker.resolve(p, path, true);
        if (!found.ok()) return Outcome.error(found.error(), Costs.SYSCALL);
        return Outcome.done(SysResult.ok(0, found.location().mount().fs().stats()), Costs.SYSCALL);
    }

    @Override
    public String straceArgs(SysResult r) {
        String target = path == null ? Integer.toString(fd) : StraceText.quote(path);
        if (r == null || r.failed() || !(r.data() instanceof FsStats s)) return target + ", 0x7ffd5a0c1b00";
        return target + ", {f_type=0x" + Long.toHexString(s.magic()) + ", f_bsize=" + s.blockSize() + ", f_blocks=" + s.blocks()
                + ", f_bfree=" + s.freeBlocks() + ", f_bavail=" + s.availableBlocks() + ", f_files=" + s.inodes()
                + ", f_ffree=" + s.freeInodes() + ", ...}";
    }

    public static FsStats stats(SysResult r) {
        return (FsStats) r.data();
    }
}
