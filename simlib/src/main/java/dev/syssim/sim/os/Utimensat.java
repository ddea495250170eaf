package dev.syssim.sim.os;

import dev.syssim.sim.fs.PathWalker;

/**
 * utimensat(AT_FDCWD, path, NULL, 0): set a file's times to now, what {@code touch} does to a file
 * that exists. With NULL times Linux lets the owner, anyone who may write the file, or CAP_FOWNER do
 * it (EACCES otherwise); a read-only mount refuses with EROFS. The simulation keeps one time per
 * inode (mtime), so atime and ctime move with it.
 */
public record Utimensat(String path, boolean follow) implements Syscall {

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
        if (!owner && !dev.syssim.sim.fs.Access.WRITE.allowed(found.inode(), c)) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        if (!found.location().mount().fs().writable() || found.location().mount().options().startsWith("ro")) {
            return Outcome.error(Errno.EROFS, Costs.SYSCALL);
        }
        found.inode().setMtime(k.now());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    @Override
    public String straceArgs(SysResult r) {
        return "AT_FDCWD, " + StraceText.quote(path) + ", NULL, " + (follow ? "0" : "AT_SYMLINK_NOFOLLOW");
    }
}
