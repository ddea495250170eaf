package dev.syssim.sim.os;

/**
 * sendfile(2): copies up to {@code count} bytes from {@code in} to {@code out} inside the kernel,
 * without a trip through the caller's memory (how busybox cat copies). Here it is the input's read
 * followed by the output's write, waiting where either would; it returns how many bytes went
 * across, 0 at the input's end.
 */
public record Sendfile(int outFd, int inFd, int count) implements Syscall {

    public String name() {
        return "sendfile";
    }

    public Outcome enter(Kernel k, Process p) {
        OpenFile in = p.fds().get(inFd);
        OpenFile out = p.fds().get(outFd);
        if (in == null || !in.readable() || out == null || !out.writable()) return Outcome.error(Errno.EBADF, Costs.SYSCALL);
        if (in.location() == null || in.location().inode().isDirectory()) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        return thenWrite(k, p, out, in.ops().read(k, p, in, count));
    }

    private static Outcome thenWrite(Kernel k, Process p, OpenFile out, Outcome read) {
        if (read instanceof Outcome.Blocked b) return new Outcome.Blocked(b.queue(), b.reason(), () -> thenWrite(k, p, out, b.retry().get()));
        if (!(read instanceof Outcome.Done done) || done.result().failed()) return read;
        byte[] data = done.result().bytes();
        if (data == null || data.length == 0) return Outcome.ok(0, Costs.SYSCALL);
        return lengthOf(out.ops().write(k, p, out, data), data.length);
    }

    private static Outcome lengthOf(Outcome write, int length) {
        if (write instanceof Outcome.Blocked b) return new Outcome.Blocked(b.queue(), b.reason(), () -> lengthOf(b.retry().get(), length));
        return write;
    }

    public String straceArgs(SysResult r) {
        return outFd + ", " + inFd + ", NULL, " + count;
    }
}
