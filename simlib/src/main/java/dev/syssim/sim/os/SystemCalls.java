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
        Utsname u = new Utsname("Linux", p.uts().hostname(), Kernel.RELEASE, Kernel.VERSION, "x86_64");
        return Outcome.done(SysResult.ok(0, u), Costs.SYSCALL);
    }

    Outcome sethostname(Process p, Syscall.Sethostname call) {
        if (!p.credentials().has(Capability.CAP_SYS_ADMIN)) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
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
        if (!p.credentials().has(Capability.CAP_SYS_ADMIN)) return Outcome.error(Errno.EPERM, Costs.SYSCALL);
        PathWalker.Result target = PathWalker.resolve(p, call.target(), true);
        if (!target.ok()) return Outcome.error(target.error(), Costs.SYSCALL);
        if (!target.inode().isDirectory() && (call.flags() & Syscall.Mount.MS_BIND) == 0) {
            return Outcome.error(Errno.ENOTDIR, Costs.SYSCALL);
        }
        String ro = (call.flags() & Syscall.Mount.MS_RDONLY) != 0 ? "ro" : "rw";
        if ((call.flags() & Syscall.Mount.MS_BIND) != 0) {
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
            case "proc", "sysfs" -> ro + ",nosuid,nodev,noexec,relatime";
            case "tmpfs" -> ro + ",nosuid,nodev,relatime";
            default -> ro + ",relatime";
        };
        p.mounts().mount(fs, fs.root(), target.location(), options);
        return Outcome.ok(0, Costs.SYSCALL);
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
                yield tmp;
            }
            case "sysfs" -> new FileSystem("sysfs", "sysfs", kernel.nextAnonymousDevice(), false, 1);
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

    Outcome mmap(Process p, Syscall.Mmap call) {
        long address = nextMapping;
        nextMapping += (call.length() + 0xfff) & ~0xfffL;
        return Outcome.ok(address, Costs.SYSCALL);
    }

    Outcome brk(Process p, Syscall.Brk call) {
        long base = 0x55d0c6b2e000L;
        return Outcome.ok(call.address() == 0 ? base : call.address(), Costs.SYSCALL);
    }
}
