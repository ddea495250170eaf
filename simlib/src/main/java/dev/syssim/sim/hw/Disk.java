package dev.syssim.sim.hw;

/**
 * A block device: a name ({@code sda}), a device number, and how long a read takes. A request
 * completes after {@link #latency()} on the timeline and then raises the disk's IRQ; the driver
 * (in {@code os}) handles the rest.
 */
public final class Disk {

    private final String name;
    private final int major;
    private final int minor;
    private final long latency;
    private final Irq irq;
    private long reads;
    private long sectorsRead;

    public Disk(String name, int major, int minor, long latency, Irq irq) {
        this.name = name;
        this.major = major;
        this.minor = minor;
        this.latency = latency;
        this.irq = irq;
    }

    public String name() {
        return name;
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    /** Nanoseconds from request to completion interrupt. */
    public long latency() {
        return latency;
    }

    public Irq irq() {
        return irq;
    }

    /** Starts a read of {@code bytes}; {@code onComplete} runs when the disk raises its IRQ. */
    public void read(Timeline timeline, int bytes, Runnable onComplete) {
        reads++;
        sectorsRead += (bytes + 511) / 512;
        timeline.after(latency, onComplete);
    }

    /** Completed read requests, as /proc/diskstats counts them. */
    public long reads() {
        return reads;
    }

    public long sectorsRead() {
        return sectorsRead;
    }
}
