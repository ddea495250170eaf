package dev.syssim.sim.os;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.hw.Disk;
import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceEvent;

/**
 * Reading and writing a regular file. Data not in the page cache comes from the disk: the handler
 * asks the disk for the blocks and the process sleeps; the disk's interrupt wakes it; then the
 * bytes are copied into its memory and the call returns — the middle of the lecture's process
 * flow. Writes land in the page cache (written back to disk later, which the simulation skips).
 * The bytes are kept by the file system in chunks ({@link dev.syssim.sim.fs.FileData}): a read or
 * write copies only the bytes it moves.
 */
final class RegularFile implements FileOps {

    /** ext4's largest file with 4 KiB blocks: 16 TiB. */
    static final long MAX_FILE_SIZE = 16L << 40;

    private final Kernel kernel;

    RegularFile(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public Outcome read(Kernel k, Process p, OpenFile file, int count) {
        Inode inode = file.location().inode();
        // O_DIRECT bypasses the page cache: every read goes to the disk (QEMU's cache=none)
        boolean direct = (file.flags() & OpenFlags.O_DIRECT) != 0;
        boolean fromDisk = inode.fs().diskBacked() && (direct || !inode.cached());
        if (!fromDisk) return copyOut(p, file, count);
        Disk disk = kernel.disk();
        WaitQueue request = new WaitQueue("disk " + disk.name());
        long length = direct ? count : inode.size();
        int bytes = (int) Math.max(512, Math.min(count, length));
        long seq = TraceEvent.NO_CAUSE;
        if (kernel.trace().wants(EventKind.DEVICE_REQUEST)) {
            seq = kernel.event(kernel.deviceLane(disk.irq()), CpuMode.NONE, EventKind.DEVICE_REQUEST,
                    "read " + (bytes + 511) / 512 * 512 + " bytes of " + file.path(),
                    "the kernel's read handler asks the disk; " + p + " must wait", p.syscallEventSeq);
        }
        disk.read(kernel.timeline(), bytes, file.path(), () -> {
            kernel.traps().interrupt(0, disk.irq(), "read of " + file.path() + " complete");
            if (!direct) inode.setCached(true);
            kernel.scheduler().wakeAll(request);
        });
        return new Outcome.Blocked(request, "disk I/O", () -> copyOut(p, file, count));
    }

    private Outcome copyOut(Process p, OpenFile file, int count) {
        Inode inode = file.location().inode();
        long offset = file.offset();
        byte[] data = inode.fs().readContent(inode, offset, count);
        inode.accessed(kernel.now());
        if (data.length == 0) return Outcome.done(SysResult.ok(0, data), Costs.SYSCALL);
        int n = data.length;
        file.setOffset(offset + n);
        if (kernel.trace().wants(EventKind.MEMORY)) {
            kernel.event(kernel.kernelLane(), CpuMode.KERNEL, EventKind.MEMORY, "copy " + n + " bytes into " + p + "'s memory",
                    "copy_to_user from the page cache", p.syscallEventSeq);
        }
        return Outcome.done(SysResult.ok(n, data), Costs.copy(n));
    }

    @Override
    public Outcome write(Kernel k, Process p, OpenFile file, byte[] data) {
        Inode inode = file.location().inode();
        long offset = (file.flags() & OpenFlags.O_APPEND) != 0 ? inode.size() : file.offset();
        // RLIMIT_FSIZE (generic_write_check_limits): a write starting at or past the limit gets
        // SIGXFSZ (default action: end with a core) and EFBIG; one crossing it is cut short there
        long limit = p.rlimits().get(Resource.FSIZE).soft();
        if (limit != Rlimit.INFINITY && offset + data.length > limit && data.length > 0) {
            if (offset >= limit) return fileSizeLimitExceeded(k, p);
            data = java.util.Arrays.copyOf(data, (int) (limit - offset));
        }
        long end = offset + data.length;
        if (end > MAX_FILE_SIZE) return Outcome.error(Errno.EFBIG, Costs.SYSCALL);
        FileSystem.Written written = inode.fs().writeContent(inode, offset, data, p.credentials().has(Capability.CAP_SYS_RESOURCE));
        if (written.bytes() == 0 && data.length > 0) {
            return switch (written.shortfall()) {
                case NO_SPACE -> Outcome.error(Errno.ENOSPC, Costs.SYSCALL);
                case BUDGET -> {
                    kernel.noteContentBudgetReached();
                    yield Outcome.error(Errno.EDQUOT, Costs.SYSCALL);
                }
                default -> Outcome.error(Errno.EINVAL, Costs.SYSCALL);
            };
        }
        inode.setCached(true);
        inode.setMtime(kernel.now());
        file.setOffset(offset + written.bytes());
        return Outcome.done(SysResult.ok(written.bytes()), Costs.copy(written.bytes()));
    }

    /** SIGXFSZ to the writer and EFBIG: the file would grow past the process's RLIMIT_FSIZE. */
    static Outcome fileSizeLimitExceeded(Kernel k, Process p) {
        k.signals().send(p, Signal.SIGXFSZ, null);
        return Outcome.error(Errno.EFBIG, Costs.SYSCALL);
    }
}
