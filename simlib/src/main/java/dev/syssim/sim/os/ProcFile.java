package dev.syssim.sim.os;

import dev.syssim.sim.fs.Inode;
import java.util.Arrays;

/**
 * Reading and writing a file of {@code /proc} ({@code proc_ops} and {@code seq_file}): a read
 * returns the text the kernel generates for it at that moment; a write hands exactly the bytes
 * written to the file's own handler — a tunable of {@code /proc/sys}, a list of
 * {@code /proc/net/xt_recent} — which takes them or answers with an errno. Nothing touches a disk.
 */
final class ProcFile implements FileOps {

    @Override
    public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
        Inode inode = file.location().inode();
        byte[] content = inode.fs().contentOf(inode);
        long offset = file.offset();
        if (offset >= content.length) return Outcome.done(SysResult.ok(0, new byte[0]), Costs.SYSCALL);
        int n = (int) Math.min(count, content.length - offset);
        file.setOffset(offset + n);
        return Outcome.done(SysResult.ok(n, Arrays.copyOfRange(content, (int) offset, (int) offset + n)), Costs.copy(n));
    }

    @Override
    public Outcome write(Kernel kernel, Process process, OpenFile file, byte[] data) {
        Inode inode = file.location().inode();
        Errno refused = ((ProcFs) inode.fs()).write(inode, file.offset(), data);
        if (refused != null) return Outcome.error(refused, Costs.SYSCALL);
        file.setOffset(file.offset() + data.length);
        return Outcome.done(SysResult.ok(data.length), Costs.copy(data.length));
    }
}
