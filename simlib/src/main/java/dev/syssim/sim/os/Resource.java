package dev.syssim.sim.os;

/**
 * The resources of getrlimit(2)/prlimit(2), with Linux's numbers (asm-generic/resource.h). The
 * kernel enforces {@link #FSIZE} (a write past it: SIGXFSZ, EFBIG), {@link #NPROC} (fork:
 * EAGAIN) and {@link #NOFILE} (a new descriptor at or above it: EMFILE; dup2 to one: EBADF;
 * fcntl F_DUPFD from one: EINVAL — {@link Process#fdLimit}); the others are kept and reported.
 */
public enum Resource {
    CPU(0), FSIZE(1), DATA(2), STACK(3), CORE(4), RSS(5), NPROC(6), NOFILE(7), MEMLOCK(8), AS(9), LOCKS(10),
    SIGPENDING(11), MSGQUEUE(12), NICE(13), RTPRIO(14), RTTIME(15);

    private final int number;

    Resource(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The name strace shows, e.g. {@code RLIMIT_FSIZE}. */
    public String constant() {
        return "RLIMIT_" + name();
    }
}
