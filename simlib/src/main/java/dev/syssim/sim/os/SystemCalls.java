package dev.syssim.sim.os;

import dev.syssim.sim.fs.Access;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Location;
import dev.syssim.sim.fs.Mount;
import dev.syssim.sim.fs.PathWalker;

/**
 * The syscalls about the system rather than one file or process: names (uname, sethostname),
 * mounts, chroot, and the memory calls the dynamic loader makes. chroot changes only where path
 * resolution starts for the calling process — not its working directory, not its privileges.
 */
public final class SystemCalls {

    private final Kernel kernel;
    private long nextMapping = 0x7f3c5a000000L;

    SystemCalls(Kernel kernel) {
        this.kernel = kernel;
    }

    Outcome uname(Process p) {
        Utsname u = new Utsname(kernel.identity().sysname(), p.uts().hostname(), kernel.identity().release(), kernel.identity().version(), kernel.identity().machine());
        return Outcome.done(SysResult.ok(0, u), Costs.SYSCALL);
    }

    Outcome sethostname(Process p, Syscall.Sethostname call) {
        // CAP_SYS_ADMIN over the UTS namespace: root inside a user namespace may rename its own
        if (!kernel.namespaceCalls().capable(p, Capability.CAP_SYS_ADMIN, p.namespaces().user())) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        if (call.hostname().length() > 64) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        p.uts().setHostname(call.hostname());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    /** chroot(2): look the directory up, check search permission, then CAP_SYS_CHROOT — Linux's order. */
    Outcome chroot(Process p, Syscall.Chroot call) {
        PathWalker.Result found = PathWalker.resolve(p, call.path(), true);
        if (!found.ok()) return Outcome.error(found.error(), Costs.SYSCALL);
        if (!found.inode().isDirectory()) return Outcome.error(Errno.ENOTDIR, Costs.SYSCALL);
        if (!Access.EXECUTE.allowed(found.inode(), p.credentials())) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
        if (!p.credentials().has(Capability.CAP_SYS_CHROOT)) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        p.setRoot(found.location());
        return Outcome.ok(0, Costs.SYSCALL);
    }

    Outcome mount(Process p, Syscall.Mount call) {
        if (!kernel.namespaceCalls().capable(p, Capability.CAP_SYS_ADMIN, p.namespaces().user())) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        PathWalker.Result target = PathWalker.resolve(p, call.target(), true);
        if (!target.ok()) return Outcome.error(target.error(), Costs.SYSCALL);
        if (!target.inode().isDirectory() && (call.flags() & Syscall.Mount.MS_BIND) == 0) {
            return Outcome.error(Errno.ENOTDIR, Costs.SYSCALL);
        }
        String ro = (call.flags() & Syscall.Mount.MS_RDONLY) != 0 ? "ro" : "rw";
        if ((call.flags() & Syscall.Mount.MS_BIND) != 0) {
            NamespaceFile ns = namespaceLink(p, call.source());
            if (ns != null) {
                // binding /proc/PID/ns/KIND: the target holds the namespace (nsfs), with no process in it
                NsFs nsfs = new NsFs(ns, kernel.namespaceInodes().of(ns.namespace()));
                p.mounts().mount(nsfs, nsfs.root(), target.location(), "rw");
                return Outcome.ok(0, Costs.SYSCALL);
            }
            PathWalker.Result source = PathWalker.resolve(p, call.source(), true);
            if (!source.ok()) return Outcome.error(source.error(), Costs.SYSCALL);
            Location src = source.location();
            p.mounts().mount(src.mount().fs(), src.inode(), target.location(), ro + ",relatime");
            return Outcome.ok(0, Costs.SYSCALL);
        }
        if ((call.flags() & Syscall.Mount.MS_PRIVATE) != 0 && call.fsType() == null) {
            return Outcome.ok(0, Costs.SYSCALL); // propagation flags: nothing propagates in the simulation anyway
        }
        FileSystem fs = newFileSystem(p, call.fsType(), call.source(), call.data());
        if (fs == null) return Outcome.error(Errno.ENODEV, Costs.SYSCALL);
        String options = switch (fs.type()) {
            case "proc", "sysfs", "cgroup2" -> ro + ",nosuid,nodev,noexec,relatime";
            case "tmpfs" -> ro + ",nosuid,nodev,relatime";
            default -> ro + ",relatime";
        };
        p.mounts().mount(fs, fs.root(), target.location(), options);
        return Outcome.ok(0, Costs.SYSCALL);
    }

    /** The namespace a path names if it is a /proc/PID/ns/KIND link (followed through /proc/self), else null. */
    private static NamespaceFile namespaceLink(Process p, String path) {
        String current = path;
        for (int hops = 0; hops < 8; hops++) {
            PathWalker.Result link = PathWalker.resolve(p, current, false);
            if (!link.ok() || link.inode().type() != dev.syssim.sim.fs.FileType.SYMLINK) return null;
            if (link.inode().fs() instanceof ProcFs proc) {
                OpenFile f = proc.openFileOf(link.inode());
                if (f != null && f.ops() instanceof NamespaceFile ns) return ns;
            }
            String target = link.inode().fs().readlink(p, link.inode());
            if (target == null || target.isEmpty() || target.contains(":[")) return null;
            current = target.startsWith("/") ? target : current.substring(0, current.lastIndexOf('/') + 1) + target;
        }
        return null;
    }

    private FileSystem newFileSystem(Process p, String type, String source, String data) {
        if (type == null) return null;
        return switch (type) {
            case "proc" -> new ProcFs(kernel, p.pidNamespace(), kernel.nextAnonymousDevice(), kernel.procSysFiles());
            case "tmpfs" -> {
                FileSystem tmp = new FileSystem("tmpfs", source == null ? "tmpfs" : source, kernel.nextAnonymousDevice(), false, 1);
                tmp.root().setPermissions(01777);
                long size = tmpfsSize(data, kernel.memoryKiB() * 1024 / 2);
                tmp.setCapacity(size, 0, Math.max(1, kernel.memoryKiB() / 8));
                tmp.setBudget(kernel.rootFs().budget());
                yield tmp;
            }
            case "sysfs" -> new FileSystem("sysfs", "sysfs", kernel.nextAnonymousDevice(), false, 1);
            case "cgroup2" -> new CgroupFs(kernel, kernel.rootCgroup(), kernel.nextAnonymousDevice());
            default -> null;
        };
    }

    /** tmpfs's {@code size=} mount option (bytes, with k, m or g), else its default: half the memory. */
    static long tmpfsSize(String data, long fallback) {
        if (data == null) return fallback;
        for (String option : data.split(",")) {
            if (!option.startsWith("size=")) continue;
            String v = option.substring(5).toLowerCase(java.util.Locale.ROOT);
            long unit = 1;
            if (v.endsWith("k")) unit = 1L << 10;
            else if (v.endsWith("m")) unit = 1L << 20;
            else if (v.endsWith("g")) unit = 1L << 30;
            if (unit > 1) v = v.substring(0, v.length() - 1);
            try {
                return Long.parseLong(v) * unit;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    Outcome umount(Process p, Syscall.Umount2 call) {
        if (!p.credentials().has(Capability.CAP_SYS_ADMIN)) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        PathWalker.Result target = PathWalker.resolve(p, call.target(), true);
        if (!target.ok()) return Outcome.error(target.error(), Costs.SYSCALL);
        Mount mount = target.location().mount();
        if (target.inode() != mount.root() || mount.isNamespaceRoot()) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        return p.mounts().unmount(mount) ? Outcome.ok(0, Costs.SYSCALL) : Outcome.error(Errno.EBUSY, Costs.SYSCALL);
    }

    /**
     * mmap: an address; an anonymous mapping (a program's heap) is charged to the process's memory
     * at once — Linux charges each page when it is first touched — so memory.max can end it.
     */
    Outcome mmap(Process p, Syscall.Mmap call) {
        long address = nextMapping;
        nextMapping += (call.length() + 0xfff) & ~0xfffL;
        if (call.fd() >= 0) {
            // a file's mapping: the caller (the dynamic loader) can read the file's headers from it
            OpenFile f = p.fds().get(call.fd());
            if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
            byte[] mapped = f.location() == null ? new byte[0] : f.location().inode().fs().contentOf(f.location().inode());
            return Outcome.done(SysResult.ok(address, mapped), Costs.SYSCALL);
        }
        if (call.fd() < 0) {
            p.setMemoryKiB((int) Math.min(Integer.MAX_VALUE, p.memoryKiB() + (call.length() + 1023) / 1024));
            if (kernel.cgroups().chargeMemory(p)) return Outcome.error(Errno.ENOMEM, Costs.SYSCALL);
        }
        return Outcome.ok(address, Costs.SYSCALL);
    }

    Outcome brk(Process p, Syscall.Brk call) {
        long base = 0x55d0c6b2e000L;
        return Outcome.ok(call.address() == 0 ? base : call.address(), Costs.SYSCALL);
    }
}
