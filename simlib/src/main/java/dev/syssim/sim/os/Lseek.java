package dev.syssim.sim.os;

import dev.syssim.sim.fs.FileType;

/**
 * lseek(fd, offset, whence): move an open file's offset ({@code SEEK_SET}, {@code SEEK_CUR}, {@code
 * SEEK_END}). As on Linux a pipe, FIFO, socket or terminal cannot seek (ESPIPE), a negative result
 * is EINVAL, and seeking past the end is allowed: a write there leaves a hole. Devices such as
 * {@code /dev/zero} and {@code /dev/null} accept any seek and stay at 0.
 */
public record Lseek(int fd, long offset, int whence) implements Syscall {

    public static final int SEEK_SET = 0;
    public static final int SEEK_CUR = 1;
    public static final int SEEK_END = 2;

    @Override
    public String name() {
        return "lseek";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        OpenFile f = p.fds().get(fd);
        if (f == null) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        if (f.location() == null || f.ops().isTerminal()) return Outcome.error(Errno.ESPIPE, Costs.SYSCALL);
        FileType type = f.location().inode().type();
        if (type == FileType.FIFO || type == FileType.SOCKET) return Outcome.error(Errno.ESPIPE, Costs.SYSCALL);
        if (type == FileType.CHAR_DEVICE) return Outcome.ok(0, Costs.SYSCALL);
        long base = switch (whence) {
            case SEEK_SET -> 0;
            case SEEK_CUR -> f.offset();
            case SEEK_END -> f.location().inode().size();
            default -> -1;
        };
        if (base < 0) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        long target = base + offset;
        if (target < 0) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        f.setOffset(target);
        return Outcome.ok(target, Costs.SYSCALL);
    }

    @Override
    public String straceArgs(SysResult r) {
        String w = switch (whence) {
            case SEEK_SET -> "SEEK_SET";
            case SEEK_CUR -> "SEEK_CUR";
            case SEEK_END -> "SEEK_END";
            default -> Integer.toString(whence);
        };
        return fd + ", " + offset + ", " + w;
    }
}
