package dev.syssim.sim.os;

import dev.syssim.sim.fs.Access;
import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.Location;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.fs.Stat;
import java.util.ArrayList;
import java.util.List;

/**
 * The file syscalls (xv6's sysfile.c): open, read, write, close, stat, directory listing, creating,
 * removing and renaming names, permissions and ownership, the working directory, pipes and
 * descriptor juggling. Permission checks follow Linux's generic_permission; errors are errno values.
 */
public final class FileCalls {

    private final Kernel kernel;
    private final RegularFile regularFile;
    private final ProcFile procFile = new ProcFile();
    /** The pipe behind each FIFO that has been opened (a FIFO's data lives in the kernel, not on disk). */
    private final java.util.Map<Inode, Pipe> fifos = new java.util.IdentityHashMap<>();
    private final FileOps directory = new FileOps() {
        @Override
        public Outcome read(Kernel k, Process p, OpenFile f, int count) {
            return Outcome.error(Errno.EISDIR, Costs.SYSCALL);
        }

        @Override
        public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
            return Outcome.error(Errno.EISDIR, Costs.SYSCALL);
        }
    };

    FileCalls(Kernel kernel) {
        this.kernel = kernel;
        this.regularFile = new RegularFile(kernel);
    }

    // ---- open, read, write, close ----

    Outcome openat(Process p, Syscall.OpenAt call) {
        Location start = startOf(p, call.dirfd());
        if (start == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        int flags = call.flags();
        boolean create = (flags & OpenFlags.O_CREAT) != 0;
        boolean follow = (flags & OpenFlags.O_NOFOLLOW) == 0;
        if (follow) {
            OpenFile magic = magicLink(p, start, call.path());
            if (magic != null) {
                int fd = p.fds().install(magic, (flags & OpenFlags.O_CLOEXEC) != 0, p.fdLimit());
                if (fd < 0) return Outcome.error(Errno.EMFILE, Costs.SYSCALL);
                return Outcome.ok(fd, Costs.SYSCALL);
            }
        }
        PathWalker.Result found = PathWalker.resolveFrom(p, start, call.path(), follow);
        Location location;
        if (!found.ok()) {
            if (found.error() != Errno.ENOENT || !create) return Outcome.error(found.error(), Costs.SYSCALL);
            PathWalker.ParentResult parent = PathWalker.resolveParent(p, call.path());
            if (!parent.ok()) return Outcome.error(parent.error(), Costs.SYSCALL);
            Errno denied = mayCreateIn(p, parent.directory());
            if (denied != null) return Outcome.error(denied, Costs.SYSCALL);
            FileSystem fs = parent.directory().mount().fs();
            Inode dir = parent.directory().inode();
            Inode file = fs.createFile(dir, parent.name(), call.mode() & ~p.umask(), p.credentials().euid(), groupForNew(p, dir), new byte[0]);
            file.setCached(true);
            file.created(kernel.now());
            dir.setMtime(kernel.now());
            location = new Location(parent.directory().mount(), file);
        } else {
            location = found.location();
            Inode inode = location.inode();
            if (create && (flags & OpenFlags.O_EXCL) != 0) return Outcome.error(Errno.EEXIST, Costs.SYSCALL);
            if (inode.type() == FileType.SYMLINK) return Outcome.error(Errno.ELOOP, Costs.SYSCALL);
            if ((flags & OpenFlags.O_DIRECTORY) != 0 && !inode.isDirectory()) return Outcome.error(Errno.ENOTDIR, Costs.SYSCALL);
            boolean wantsWrite = (flags & OpenFlags.ACCMODE) != OpenFlags.O_RDONLY;
            if (inode.isDirectory() && wantsWrite) return Outcome.error(Errno.EISDIR, Costs.SYSCALL);
            if ((flags & OpenFlags.ACCMODE) != OpenFlags.O_WRONLY && !Access.READ.allowed(inode, p.credentials())) {
                return Outcome.error(Errno.EACCES, Costs.SYSCALL);
            }
            if (wantsWrite && !Access.WRITE.allowed(inode, p.credentials())) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
            if (wantsWrite && isReadOnly(location)) return Outcome.error(Errno.EROFS, Costs.SYSCALL);
            if ((flags & OpenFlags.O_TRUNC) != 0 && wantsWrite && inode.type() == FileType.REGULAR) {
                inode.fs().truncate(inode, 0);
                inode.setMtime(kernel.now());
            }
        }
        if (location.inode().type() == FileType.FIFO) return openFifo(p, call, location);
        FileOps ops = opsFor(p, location.inode());
        if (ops == null) return Outcome.error(Errno.ENXIO, Costs.SYSCALL);
        if (ops instanceof Devices.Denied) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        OpenFile file = new OpenFile(ops, location, PathWalker.absolute(p, call.path(), location), flags, null);
        int fd = p.fds().install(file, (flags & OpenFlags.O_CLOEXEC) != 0, p.fdLimit());
        if (fd < 0) return Outcome.error(Errno.EMFILE, Costs.SYSCALL);
        return Outcome.ok(fd, Costs.SYSCALL);
    }

    /** Opening a FIFO by name: its pipe's end, once the other end is open too (see {@link Pipe}). */
    private Outcome openFifo(Process p, Syscall.OpenAt call, Location location) {
        Inode inode = location.inode();
        Pipe pipe = fifos.get(inode);
        if (pipe == null || pipe.unused()) {
            pipe = new Pipe(inode.number());
            fifos.put(inode, pipe);
        }
        String path = PathWalker.absolute(p, call.path(), location);
        return pipe.openFifo(kernel, call.flags(), ops -> {
            OpenFile file = new OpenFile(ops, location, path, call.flags(), null);
            int fd = p.fds().install(file, (call.flags() & OpenFlags.O_CLOEXEC) != 0, p.fdLimit());
            if (fd < 0) {
                ops.release(kernel, file);
                return Outcome.error(Errno.EMFILE, Costs.SYSCALL);
            }
            return Outcome.ok(fd, Costs.SYSCALL);
        });
    }

    private FileOps opsFor(Process p, Inode inode) {
        if (inode.fs() instanceof NsFs nsfs) return nsfs.file(); // a namespace bound on a file (ip netns)
        return switch (inode.type()) {
            case REGULAR -> inode.fs() instanceof CgroupFs cgroupFs ? cgroupFs.ops(inode) : inode.fs() instanceof ProcFs ? procFile : regularFile;
            case DIRECTORY -> directory;
            case CHAR_DEVICE, BLOCK_DEVICE -> kernel.devices().open(p, inode);
            default -> null;
        };
    }

    private Location startOf(Process p, int dirfd) {
        if (dirfd == OpenFlags.AT_FDCWD) return p.cwd();
        OpenFile f = p.fds().get(dirfd);
        return f == null ? null : f.location();
    }

    Outcome read(Process p, Syscall.Read call) {
        OpenFile f = p.fds().get(call.fd());
        if (f == null || !f.readable()) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        return f.ops().read(kernel, p, f, call.count());
    }

    Outcome readCommand(Process p, Syscall.ReadCommand call) {
        Terminal terminal = p.terminal();
        if (terminal == null) return Outcome.error(Errno.ENOTTY, Costs.SYSCALL);
        return terminal.readCommand(kernel, p);
    }

    Outcome write(Process p, Syscall.Write call) {
        OpenFile f = p.fds().get(call.fd());
        if (f == null || !f.writable()) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        return f.ops().write(kernel, p, f, call.data());
    }

    Outcome close(Process p, Syscall.Close call) {
        OpenFile f = p.fds().remove(call.fd());
        if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        release(f);
        return Outcome.ok(0, Costs.SYSCALL);
    }

    /**
     * Drops one descriptor's reference; the last one lets the file's owner clean up (a pipe end).
     * Public for code outside a process that lends it a descriptor and takes it back (the API's
     * capture of a shell's output, {@code dev.syssim.sim.api}).
     */
    public void release(OpenFile f) {
        if (f != null && f.release()) f.ops().release(kernel, f);
    }

    /** Installs an already open file at the lowest free descriptor (for sockets and pipes). */
    public int install(Process p, OpenFile file, boolean cloexec) {
        return p.fds().install(file, cloexec, p.fdLimit());
    }

    // ---- metadata ----

    Outcome newfstatat(Process p, Syscall.NewFstatAt call) {
        if ((call.flags() & OpenFlags.AT_EMPTY_PATH) != 0 && call.path().isEmpty()) {
            OpenFile f = p.fds().get(call.dirfd());
            if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
            return Outcome.done(SysResult.ok(0, statOf(f)), Costs.SYSCALL);
        }
        Location start = startOf(p, call.dirfd());
        if (start == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        boolean follow = (call.flags() & OpenFlags.AT_SYMLINK_NOFOLLOW) == 0;
        PathWalker.Result found = PathWalker.resolveFrom(p, start, call.path(), follow);
        if (!found.ok()) return Outcome.error(found.error(), Costs.SYSCALL);
        return Outcome.done(SysResult.ok(0, Stat.of(found.inode())), Costs.SYSCALL);
    }

    private Stat statOf(OpenFile f) {
        if (f.location() != null) return Stat.of(f.location().inode());
        if (f.ops() instanceof Terminal t) {
            return Stat.special(25, 3 + t.index(), FileType.CHAR_DEVICE, 0620, 0, 5, 136, t.index(), 0);
        }
        return Stat.special(14, 0, FileType.FIFO, 0600, 0, 0, 0, 0, 0);
    }

    Outcome getdents64(Process p, Syscall.Getdents64 call) {
        OpenFile f = p.fds().get(call.fd());
        if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        if (f.location() == null || !f.location().inode().isDirectory()) return Outcome.error(Errno.ENOTDIR, Costs.SYSCALL);
        if (f.offset() > 0) return Outcome.done(SysResult.ok(0, List.of()), Costs.SYSCALL);
        f.setOffset(1);
        Inode dir = f.location().inode();
        List<Dirent> entries = new ArrayList<>();
        entries.add(new Dirent(".", dir.number(), FileType.DIRECTORY));
        Location parent = PathWalker.up(p, f.location());
        entries.add(new Dirent("..", parent.inode().number(), FileType.DIRECTORY));
        entries.addAll(f.location().mount().fs().list(dir));
        int bytes = 0;
        for (Dirent d : entries) bytes += (19 + d.name().length() + 1 + 7) / 8 * 8;
        return Outcome.done(SysResult.ok(bytes, entries), Costs.SYSCALL + entries.size() * 20L);
    }

    Outcome access(Process p, Syscall.Access call) {
        PathWalker.Result found = PathWalker.resolve(p, call.path(), true);
        if (!found.ok()) return Outcome.error(found.error(), Costs.SYSCALL);
        Inode inode = found.inode();
        if ((call.mode() & 4) != 0 && !Access.READ.allowed(inode, p.credentials())) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        if ((call.mode() & 2) != 0 && !Access.WRITE.allowed(inode, p.credentials())) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        if ((call.mode() & 1) != 0 && !Access.EXECUTE.allowed(inode, p.credentials())) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome ioctl(Process p, Syscall.Ioctl call) {
        OpenFile f = p.fds().get(call.fd());
        if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        return f.ops().isTerminal() ? Outcome.ok(0, Costs.SYSCALL) : Outcome.error(Errno.ENOTTY, Costs.SYSCALL);
    }

    // ---- names ----

    Outcome mkdir(Process p, Syscall.Mkdir call) {
        PathWalker.ParentResult parent = PathWalker.resolveParent(p, call.path());
        if (!parent.ok()) return Outcome.error(parent.error(), Costs.SYSCALL);
        if (existsIn(p, parent)) return Outcome.error(Errno.EEXIST, Costs.SYSCALL);
        Errno denied = mayCreateIn(p, parent.directory());
        if (denied != null) return Outcome.error(denied, Costs.SYSCALL);
        Inode dir = parent.directory().inode();
        Inode made = parent.directory().mount().fs().mkdir(dir, parent.name(), call.mode() & ~p.umask() & 07777,
                p.credentials().euid(), groupForNew(p, dir));
        made.created(kernel.now());
        dir.setMtime(kernel.now());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome unlinkat(Process p, Syscall.Unlinkat call) {
        boolean rmdir = (call.flags() & OpenFlags.AT_REMOVEDIR) != 0;
        PathWalker.ParentResult parent = PathWalker.resolveParent(p, call.path());
        if (!parent.ok()) return Outcome.error(parent.error(), Costs.SYSCALL);
        if (parent.name().equals(".")) return Outcome.error(rmdir ? Errno.EINVAL : Errno.EISDIR, Costs.SYSCALL);
        if (parent.name().equals("..")) return Outcome.error(rmdir ? Errno.ENOTEMPTY : Errno.EISDIR, Costs.SYSCALL);
        Inode dir = parent.directory().inode();
        FileSystem fs = parent.directory().mount().fs();
        Inode victim = fs.lookup(p, dir, parent.name());
        if (victim == null) return Outcome.error(Errno.ENOENT, Costs.SYSCALL);
        if (rmdir && !victim.isDirectory()) return Outcome.error(Errno.ENOTDIR, Costs.SYSCALL);
        if (!rmdir && victim.isDirectory()) return Outcome.error(Errno.EISDIR, Costs.SYSCALL);
        Errno denied = mayRemoveFrom(p, parent.directory(), victim);
        if (denied != null) return Outcome.error(denied, Costs.SYSCALL);
        if (rmdir) {
            Errno busy = fs.rmdirError(victim);
            if (busy != null) return Outcome.error(busy, Costs.SYSCALL);
            if (p.mounts().mountedOn(parent.directory().mount(), victim) != null) return Outcome.error(Errno.EBUSY, Costs.SYSCALL);
        }
        fs.unlink(dir, parent.name());
        dir.setMtime(kernel.now());
        victim.changed(kernel.now());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome rename(Process p, Syscall.Rename call) {
        PathWalker.ParentResult from = PathWalker.resolveParent(p, call.from());
        if (!from.ok()) return Outcome.error(from.error(), Costs.SYSCALL);
        PathWalker.ParentResult to = PathWalker.resolveParent(p, call.to());
        if (!to.ok()) return Outcome.error(to.error(), Costs.SYSCALL);
        FileSystem fs = from.directory().mount().fs();
        Inode moving = fs.lookup(p, from.directory().inode(), from.name());
        if (moving == null) return Outcome.error(Errno.ENOENT, Costs.SYSCALL);
        if (from.directory().mount() != to.directory().mount()) return Outcome.error(Errno.EXDEV, Costs.SYSCALL);
        Errno denied = mayRemoveFrom(p, from.directory(), moving);
        if (denied == null) denied = mayCreateIn(p, to.directory());
        if (denied != null) return Outcome.error(denied, Costs.SYSCALL);
        if (moving.isDirectory() && isInside(to.directory().inode(), moving)) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        Inode existing = fs.lookup(p, to.directory().inode(), to.name());
        if (existing == moving) return Outcome.ok(0, Costs.SYSCALL);
        if (existing != null) {
            if (existing.isDirectory() && !moving.isDirectory()) return Outcome.error(Errno.EISDIR, Costs.SYSCALL);
            if (!existing.isDirectory() && moving.isDirectory()) return Outcome.error(Errno.ENOTDIR, Costs.SYSCALL);
            if (existing.isDirectory() && !fs.list(existing).isEmpty()) return Outcome.error(Errno.ENOTEMPTY, Costs.SYSCALL);
            fs.unlink(to.directory().inode(), to.name());
        }
        fs.unlink(from.directory().inode(), from.name());
        fs.link(to.directory().inode(), to.name(), moving);
        from.directory().inode().setMtime(kernel.now());
        to.directory().inode().setMtime(kernel.now());
        moving.changed(kernel.now());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    private static boolean isInside(Inode dir, Inode ancestor) {
        for (Inode d = dir; ; d = d.parentDirectory()) {
            if (d == ancestor) return true;
            if (d.parentDirectory() == d || d.parentDirectory() == null) return false;
        }
    }

    Outcome symlink(Process p, Syscall.Symlink call) {
        PathWalker.ParentResult parent = PathWalker.resolveParent(p, call.linkPath());
        if (!parent.ok()) return Outcome.error(parent.error(), Costs.SYSCALL);
        if (existsIn(p, parent)) return Outcome.error(Errno.EEXIST, Costs.SYSCALL);
        Errno denied = mayCreateIn(p, parent.directory());
        if (denied != null) return Outcome.error(denied, Costs.SYSCALL);
        parent.directory().mount().fs().symlink(parent.directory().inode(), parent.name(), call.target(),
                p.credentials().euid(), p.credentials().egid()).created(kernel.now());
        parent.directory().inode().setMtime(kernel.now());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome readlink(Process p, Syscall.Readlink call) {
        PathWalker.Result found = PathWalker.resolve(p, call.path(), false);
        if (!found.ok()) return Outcome.error(found.error(), Costs.SYSCALL);
        if (found.inode().type() != FileType.SYMLINK) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        String target = found.location().mount().fs().readlink(p, found.inode());
        return Outcome.done(SysResult.ok(target.length(), target), Costs.SYSCALL);
    }

    Outcome mknod(Process p, Syscall.Mknod call) {
        FileType type = switch (call.mode() & 0170000) {
            case 0020000 -> FileType.CHAR_DEVICE;
            case 0060000 -> FileType.BLOCK_DEVICE;
            case 0010000 -> FileType.FIFO;
            default -> FileType.REGULAR;
        };
        boolean device = type == FileType.CHAR_DEVICE || type == FileType.BLOCK_DEVICE;
        if (device && !p.credentials().has(Capability.CAP_MKNOD)) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        if (device && !kernel.cgroups().deviceAllowed(p, type, call.major(), call.minor(), "mknod")) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        PathWalker.ParentResult parent = PathWalker.resolveParent(p, call.path());
        if (!parent.ok()) return Outcome.error(parent.error(), Costs.SYSCALL);
        if (existsIn(p, parent)) return Outcome.error(Errno.EEXIST, Costs.SYSCALL);
        Errno denied = mayCreateIn(p, parent.directory());
        if (denied != null) return Outcome.error(denied, Costs.SYSCALL);
        parent.directory().mount().fs().mknod(parent.directory().inode(), parent.name(), type,
                call.mode() & 07777 & ~p.umask(), call.major(), call.minor(), p.credentials().euid(), p.credentials().egid())
                .created(kernel.now());
        parent.directory().inode().setMtime(kernel.now());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    // ---- permissions, ownership, where we are ----

    Outcome chmod(Process p, Syscall.Chmod call) {
        PathWalker.Result found = PathWalker.resolve(p, call.path(), true);
        if (!found.ok()) return Outcome.error(found.error(), Costs.SYSCALL);
        Inode inode = found.inode();
        if (inode.uid() != p.credentials().euid() && !p.credentials().actsAsOwner()) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        if (isReadOnly(found.location())) return Outcome.error(Errno.EROFS, Costs.SYSCALL);
        inode.setPermissions(call.mode());
        inode.changed(kernel.now());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome chown(Process p, Syscall.Chown call) {
        PathWalker.Result found = PathWalker.resolve(p, call.path(), call.follow());
        if (!found.ok()) return Outcome.error(found.error(), Costs.SYSCALL);
        Inode inode = found.inode();
        Credentials c = p.credentials();
        // the ids are the caller's user namespace's: one its maps lack is EINVAL (chown(2))
        UserNamespace ns = p.namespaces().user();
        int newUid = call.uid() == -1 ? inode.uid() : ns.uidOutside(call.uid());
        int newGid = call.gid() == -1 ? inode.gid() : ns.gidOutside(call.gid());
        if (newUid < 0 || newGid < 0) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        boolean changesOwner = newUid != inode.uid();
        boolean groupAllowed = inode.uid() == c.euid() && c.inGroup(newGid);
        if (!c.has(Capability.CAP_CHOWN) && (changesOwner || (newGid != inode.gid() && !groupAllowed))) {
            return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        }
        inode.setOwner(newUid, newGid);
        inode.changed(kernel.now());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome chdir(Process p, Syscall.Chdir call) {
        PathWalker.Result found = PathWalker.resolve(p, call.path(), true);
        if (!found.ok()) return Outcome.error(found.error(), Costs.SYSCALL);
        if (!found.inode().isDirectory()) return Outcome.error(Errno.ENOTDIR, Costs.SYSCALL);
        if (!Access.EXECUTE.allowed(found.inode(), p.credentials())) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        p.setCwd(found.location());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome getcwd(Process p) {
        String path = PathWalker.pathOf(p, p.cwd());
        return Outcome.done(SysResult.ok(path.length() + 1, path), Costs.SYSCALL);
    }

    // ---- pipes and descriptors ----

    Outcome pipe2(Process p, Syscall.Pipe2 call) {
        Pipe pipe = new Pipe(kernel.nextPipeInode());
        boolean cloexec = (call.flags() & OpenFlags.O_CLOEXEC) != 0;
        OpenFile readEnd = new OpenFile(pipe.readEnd(), null, pipe.name(), OpenFlags.O_RDONLY, null);
        OpenFile writeEnd = new OpenFile(pipe.writeEnd(), null, pipe.name(), OpenFlags.O_WRONLY, null);
        pipe.openReader();
        pipe.openWriter();
        int r = p.fds().install(readEnd, cloexec, p.fdLimit());
        int w = r < 0 ? -1 : p.fds().install(writeEnd, cloexec, p.fdLimit());
        if (w < 0) {
            if (r >= 0) release(p.fds().remove(r));
            return Outcome.error(Errno.EMFILE, Costs.SYSCALL);
        }
        return Outcome.done(SysResult.ok(0, new int[] {r, w}), Costs.SYSCALL);
    }

    Outcome dup2(Process p, Syscall.Dup2 call) {
        OpenFile f = p.fds().get(call.oldFd());
        if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        if (call.oldFd() == call.newFd()) return Outcome.ok(call.newFd(), Costs.SYSCALL);
        if (call.newFd() < 0 || call.newFd() >= p.fdLimit()) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        release(p.fds().installAt(call.newFd(), f, false));
        return Outcome.ok(call.newFd(), Costs.SYSCALL);
    }

    Outcome dupfd(Process p, Syscall.DupFd call) {
        OpenFile f = p.fds().get(call.fd());
        if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        int limit = p.fdLimit();
        for (int fd = Math.max(0, call.min()); fd < limit; fd++) {
            if (p.fds().get(fd) == null) {
                p.fds().installAt(fd, f, true);
                return Outcome.ok(fd, Costs.SYSCALL);
            }
        }
        return Outcome.error(Errno.EMFILE, Costs.SYSCALL);
    }

    /**
     * The open file a path reaches through a {@code /proc/PID/fd/N} link (following the symbolic
     * links before it, as {@code /dev/stdout} -> {@code /proc/self/fd/1}), or null if it reaches none.
     */
    private OpenFile magicLink(Process p, Location start, String path) {
        String current = path;
        Location from = start;
        for (int hops = 0; hops < 40; hops++) {
            PathWalker.Result link = PathWalker.resolveFrom(p, from, current, false);
            if (!link.ok() || link.inode().type() != FileType.SYMLINK) return null;
            if (link.inode().fs() instanceof ProcFs proc) {
                OpenFile target = proc.openFileOf(link.inode());
                if (target != null) return target;
            }
            String target = link.inode().fs().readlink(p, link.inode());
            if (target == null || target.isEmpty()) return null;
            if (!target.startsWith("/")) {
                int slash = current.lastIndexOf('/');
                target = (slash >= 0 ? current.substring(0, slash + 1) : "") + target;
            }
            current = target;
        }
        return null;
    }

    Outcome fcntl(Process p, Syscall.Fcntl call) {
        OpenFile f = p.fds().get(call.fd());
        if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        switch (call.cmd()) {
            case Syscall.Fcntl.F_DUPFD, Syscall.Fcntl.F_DUPFD_CLOEXEC -> {
                int limit = p.fdLimit();
                if (call.arg() < 0 || call.arg() >= limit) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
                for (int fd = call.arg(); fd < limit; fd++) {
                    if (p.fds().get(fd) == null) {
                        p.fds().installAt(fd, f, call.cmd() == Syscall.Fcntl.F_DUPFD_CLOEXEC);
                        return Outcome.ok(fd, Costs.SYSCALL);
                    }
                }
                return Outcome.error(Errno.EMFILE, Costs.SYSCALL);
            }
            case Syscall.Fcntl.F_GETFD -> {
                return Outcome.ok(p.fds().isCloseOnExec(call.fd()) ? Syscall.Fcntl.FD_CLOEXEC : 0, Costs.SYSCALL / 3);
            }
            case Syscall.Fcntl.F_SETFD -> {
                p.fds().setCloseOnExec(call.fd(), (call.arg() & Syscall.Fcntl.FD_CLOEXEC) != 0);
                return Outcome.ok(0, Costs.SYSCALL / 3);
            }
            default -> {
                return Outcome.ok(f.flags(), Costs.SYSCALL / 3);
            }
        }
    }

    Outcome setEcho(Process p, Syscall.TcsetattrEcho call) {
        OpenFile f = p.fds().get(call.fd());
        if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        if (!(f.ops() instanceof Terminal t)) return Outcome.error(Errno.ENOTTY, Costs.SYSCALL);
        t.setEcho(call.echo());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome tcsetpgrp(Process p, Syscall.Tcsetpgrp call) {
        OpenFile f = p.fds().get(call.fd());
        if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        if (!(f.ops() instanceof Terminal t)) return Outcome.error(Errno.ENOTTY, Costs.SYSCALL);
        t.setForegroundGroup(call.pgid());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    // ---- checks ----

    private boolean existsIn(Process p, PathWalker.ParentResult parent) {
        if (parent.name().equals(".") || parent.name().equals("..")) return true;
        return parent.directory().mount().fs().lookup(p, parent.directory().inode(), parent.name()) != null;
    }

    private Errno mayCreateIn(Process p, Location dir) {
        if (!Access.WRITE.allowed(dir.inode(), p.credentials()) || !Access.EXECUTE.allowed(dir.inode(), p.credentials())) {
            return Errno.EACCES;
        }
        if (isReadOnly(dir)) return Errno.EROFS;
        return null;
    }

    /** Removing a name needs write on the directory; in a sticky one (/tmp) also ownership. */
    private Errno mayRemoveFrom(Process p, Location dir, Inode victim) {
        Errno denied = mayCreateIn(p, dir);
        if (denied != null) return denied;
        Credentials c = p.credentials();
        boolean sticky = (dir.inode().permissions() & 01000) != 0;
        if (sticky && victim.uid() != c.euid() && dir.inode().uid() != c.euid() && !c.actsAsOwner()) return Errno.EPERM;
        return null;
    }

    private static boolean isReadOnly(Location location) {
        return !location.mount().fs().writable() || location.mount().options().startsWith("ro");
    }

    /** New files take the directory's group if it is setgid, else the creator's. */
    private static int groupForNew(Process p, Inode dir) {
        return (dir.permissions() & 02000) != 0 ? dir.gid() : p.credentials().egid();
    }
}
