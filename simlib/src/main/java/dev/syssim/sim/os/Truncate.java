package dev.syssim.sim.os;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.Location;
import dev.syssim.sim.fs.PathWalker;

/**
 * truncate(path, length) and ftruncate(fd, length): cut a regular file to {@code length} bytes or
 * extend it with a hole (what {@code truncate -s} and {@code dd}'s output do). As on Linux: a
 * directory is EISDIR, another non-regular file EINVAL, a negative length EINVAL, a descriptor not
 * open for writing EINVAL (EBADF if not open at all), a path needs write permission (EACCES), and
 * a read-only mount refuses (EROFS).
 *
 * @param path the file, or null for ftruncate on {@code fd}
 */
public record Truncate(String path, int fd, long length) implements Syscall {

    public static Truncate path(String path, long length) {
        return new Truncate(path, -1, length);
    }

    public static Truncate fd(int fd, long length) {
        return new Truncate(null, fd, length);
    }

    @Override
    public String name() {
        return path == null ? "ftruncate" : "truncate";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        Location location;
        if (path == null) {
            OpenFile f = p.fds().get(fd);
            if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
            if (f.location() == null || !f.writable()) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
            location = f.location();
        } else {
            PathWalker.Result found = PathWalker.resolve(p, path, true);
            if (!found.ok()) return Outcome.error(found.error(), Costs.SYSCALL);
            location = found.location();
            if (location.inode().isDirectory()) return Outcome.error(Errno.EISDIR, Costs.SYSCALL);
            if (!dev.syssim.sim.fs.Access.WRITE.allowed(location.inode(), p.credentials())) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        }
        Inode inode = location.inode();
        if (length < 0) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        if (inode.isDirectory()) return Outcome.error(Errno.EISDIR, Costs.SYSCALL);
        if (inode.type() != FileType.REGULAR) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        if (length > RegularFile.MAX_FILE_SIZE) return Outcome.error(Errno.EFBIG, Costs.SYSCALL);
        // growing a file past RLIMIT_FSIZE is SIGXFSZ and EFBIG, as a write would be (inode_newsize_ok)
        if (length > inode.size() && length > p.rlimits().get(Resource.FSIZE).soft()) return RegularFile.fileSizeLimitExceeded(k, p);
        if (!location.mount().fs().writable() || location.mount().options().startsWith("ro")) return Outcome.error(Errno.EROFS, Costs.SYSCALL);
        if (!inode.fs().truncate(inode, length)) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        inode.setMtime(k.now());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    @Override
    public String straceArgs(SysResult r) {
        return (path == null ? Integer.toString(fd) : StraceText.quote(path)) + ", " + length;
    }
}
