package dev.syssim.sim.os;

import dev.syssim.sim.fs.PathWalker;

/**
 * utimensat(AT_FDCWD, path, times, flags): set a file's access and modification times. Each time is
 * a value in simulated nanoseconds since boot, {@link #UTIME_NOW} or {@link #UTIME_OMIT}; both NOW
 * is what a NULL {@code times} means ({@code touch} of an existing file). As on Linux, setting
 * times to now needs ownership, write permission or CAP_FOWNER (EACCES otherwise); setting them to
 * a given value needs ownership or CAP_FOWNER (EPERM); a read-only mount refuses (EROFS). The
 * inode's ctime becomes now.
 */
public record Utimensat(String path, boolean follow, long atime, long mtime) implements Syscall {

    /** The kernel's UTIME_NOW and UTIME_OMIT markers, outside any time a file can have. */
    public static final long UTIME_NOW = Long.MIN_VALUE;
    public static final long UTIME_OMIT = Long.MIN_VALUE + 1;

    /** Both times now: utimensat(..., NULL, flags). */
    public Utimensat(String path, boolean follow) {
        this(path, follow, UTIME_NOW, UTIME_NOW);
    }

    @Override
    public String name() {
        return "utimensat";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        PathWalker.Result found = PathWalker.resolve(p, path, follow);
        if (!found.ok()) return Outcome.error(found.error(), Costs.SYSCALL);
        Credentials c = p.credentials();
        boolean owner = found.inode().uid() == c.euid() || c.actsAsOwner();
        boolean onlyNow = (atime == UTIME_NOW || atime == UTIME_OMIT) && (mtime == UTIME_NOW || mtime == UTIME_OMIT);
        if (!owner && !onlyNow) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        if (!owner && !dev.syssim.sim.fs.Access.WRITE.allowed(found.inode(), c)) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        if (!found.location().mount().fs().writable() || found.location().mount().options().startsWith("ro")) {
            return Outcome.error(Errno.EROFS, Costs.SYSCALL);
        }
        if (atime == UTIME_OMIT && mtime == UTIME_OMIT) return Outcome.ok(0, Costs.SYSCALL);
        long now = k.now();
        var inode = found.inode();
        inode.setTimes(pick(atime, inode.atime(), now), pick(mtime, inode.mtime(), now), now);
        return Outcome.ok(0, Costs.SYSCALL);
    }

    private static long pick(long requested, long current, long now) {
        if (requested == UTIME_NOW) return now;
        if (requested == UTIME_OMIT) return current;
        return requested;
    }

    @Override
    public String straceArgs(SysResult r) {
        String times = atime == UTIME_NOW && mtime == UTIME_NOW ? "NULL" : "[" + time(atime) + ", " + time(mtime) + "]";
        return "AT_FDCWD, " + StraceText.quote(path) + ", " + times + ", " + (follow ? "0" : "AT_SYMLINK_NOFOLLOW");
    }

    private static String time(long t) {
        if (t == UTIME_NOW) return "UTIME_NOW";
        if (t == UTIME_OMIT) return "UTIME_OMIT";
        return "{tv_sec=" + Math.floorDiv(t, 1_000_000_000L) + ", tv_nsec=" + Math.floorMod(t, 1_000_000_000L) + "}";
    }
}
