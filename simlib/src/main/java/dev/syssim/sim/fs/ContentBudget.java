package dev.syssim.sim.fs;

/**
 * How many bytes of file content a world may keep in the kernel's Java heap, over all its machines'
 * file systems: the simulated disks may say they hold gigabytes (runs of one byte, holes and
 * repeated chunks cost almost nothing), but bytes that cannot be stored smaller, such as those of
 * {@code /dev/urandom}, are real memory of the Jupyter kernel that one student's cell must not
 * exhaust. Past the cap, writes fail with EDQUOT ("Disk quota exceeded"), Linux's answer for a
 * limit that lies below the disk's size.
 *
 * <p>Simplification: the check comes before a write, so one write may take the content past the
 * cap by its own size; a real quota is exact to the block. Real quotas spare root; this one does not,
 * since it protects the kernel, not the disk.
 */
public final class ContentBudget {

    /** The default cap: 64 MiB, about 15 % of a kernel's default heap, far above what a course's cells store. */
    public static final long DEFAULT_CAP = 64L << 20;

    private final long cap;
    private long used;

    public ContentBudget(long cap) {
        if (cap <= 0) throw new IllegalArgumentException("cap must be positive: " + cap);
        this.cap = cap;
    }

    public long cap() {
        return cap;
    }

    /** Bytes of heap the world's files hold now. */
    public long used() {
        return used;
    }

    /** False once the files hold the cap or more: the next write that may store bytes is refused. */
    public boolean hasRoom() {
        return used < cap;
    }

    void add(long delta) {
        used += delta;
    }
}
