package dev.syssim.sim.hw;

/**
 * A block device: a name ({@code sda}), a device number, and how long a read takes. A request
 * completes after {@link #latency()} on the timeline and then raises the disk's IRQ; the driver
 * (in {@code os}) handles the rest. A guest's disk has a {@link Controller} instead of a medium:
 * the host's emulation of the device decides when the request completes.
 */
public final class Disk {

    /**
     * What carries a read to the medium and back: by default the disk itself (its latency, then its
     * interrupt); for a virtual machine's disk, the emulated controller, whose requests exit to the
     * host.
     */
    public interface Controller {
        /** Starts a read of {@code bytes} for {@code what} (a path, for traces); {@code onComplete} is the interrupt handler. */
        void read(Disk disk, int bytes, String what, Runnable onComplete);
    }

    private final String name;
    private final int major;
    private final int minor;
    private final long latency;
    private final Irq irq;
    private long reads;
    private long sectorsRead;
    private Controller controller;

    public Disk(String name, int major, int minor, long latency, Irq irq) {
        this.name = name;
        this.major = major;
        this.minor = minor;
        this.latency = latency;
        this.irq = irq;
    }

    /** Puts an emulated controller between the driver and the medium (a guest's disk). */
    public void setController(Controller controller) {
        this.controller = controller;
    }

    /** True when requests go through an emulated controller (the disk of a virtual machine). */
    public boolean isVirtual() {
        return controller != null;
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
        read(timeline, bytes, "", onComplete);
    }

    /** As {@link #read(Timeline, int, Runnable)}, naming what is read ({@code /etc/motd}) for an emulated controller's trace. */
    public void read(Timeline timeline, int bytes, String what, Runnable onComplete) {
        reads++;
        sectorsRead += (bytes + 511) / 512;
        if (controller != null) controller.read(this, bytes, what, onComplete);
        else timeline.after(latency, onComplete);
    }

    /** Completed read requests, as /proc/diskstats counts them. */
    public long reads() {
        return reads;
    }

    public long sectorsRead() {
        return sectorsRead;
    }
}
