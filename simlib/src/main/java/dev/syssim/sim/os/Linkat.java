package dev.syssim.sim.os;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;

/**
 * linkat(AT_FDCWD, old, AT_FDCWD, new, 0): a second name for the same inode (a hard link, what
 * {@code ln} without {@code -s} makes). Like Linux: directories cannot be linked (EPERM), both names
 * must be on one mount (EXDEV), the new name must not exist (EEXIST), and the caller needs write and
 * search permission on the new name's directory.
 */
public record Linkat(String oldPath, String newPath) implements Syscall {

    @Override
    public String name() {
        return "linkat";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        PathWalker.Result old = PathWalker.resolve(p, oldPath, false);
        if (!old.ok()) return Outcome.error(old.error(), Costs.SYSCALL);
        PathWalker.ParentResult parent = PathWalker.resolveParent(p, newPath);
        if (!parent.ok()) return Outcome.error(parent.error(), Costs.SYSCALL);
        FileSystem fs = parent.directory().mount().fs();
        Inode dir = parent.directory().inode();
        if (parent.name().equals(".") || parent.name().equals("..") || fs.lookup(p, dir, parent.name()) != null) {
            return Outcome.error(Errno.EEXIST, Costs.SYSCALL);
        }
        Credentials c = p.credentials();
        if (!dev.syssim.sim.fs.Access.WRITE.allowed(dir, c) || !dev.syssim.sim.fs.Access.EXECUTE.allowed(dir, c)) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        if (old.location().mount() != parent.directory().mount()) return Outcome.error(Errno.EXDEV, Costs.SYSCALL);
        if (old.inode().isDirectory()) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        if (!fs.writable() || parent.directory().mount().options().startsWith("ro")) return Outcome.error(Errno.EROFS, Costs.SYSCALL);
        fs.link(dir, parent.name(), old.inode());
        dir.setMtime(k.now());
        old.inode().changed(k.now());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    @Override
    public String straceArgs(SysResult r) {
        return "AT_FDCWD, " + StraceText.quote(oldPath) + ", AT_FDCWD, " + StraceText.quote(newPath) + ", 0";
    }
}
