package dev.syssim.sim.virt.device;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.hw.Disk;
import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.virt.DiskImage;
import dev.syssim.sim.virt.Qcow2;
import dev.syssim.sim.virt.QemuWork;
import dev.syssim.sim.virt.Vcpu;
import dev.syssim.sim.virt.VirtualMachine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A disk QEMU emulates for a guest, backed by an image file on the host. To the guest's kernel it is
 * the controller of its disk ({@link Disk.Controller}): a read becomes the VM exits its driver's
 * register accesses cause, work for QEMU (a {@code pread64} of the image — a host syscall, with the
 * host disk's own interrupt), and an interrupt injected back into the guest, whose handler completes
 * the request. Subclasses say which exits and which interrupt.
 *
 * <p>Requests are served one at a time, in order (a queue depth of one, as the simulation's guests
 * only ever have one read outstanding per device).
 */
public abstract class BlockDevice implements Disk.Controller {

    /** One read in flight: how many bytes, of what, and the guest's interrupt handler for it. */
    protected record Request(int bytes, String what, Runnable onComplete) {
    }

    protected final VirtualMachine vm;
    private final DiskImage image;
    private final int imageFd;
    private final int backingFd;
    private final long backingLength;
    private final Disk disk;
    private final String model;
    /** Requests whose data QEMU has placed in guest memory, for the guest's interrupt handler. */
    protected final ArrayDeque<Request> completed = new ArrayDeque<>();

    protected BlockDevice(VirtualMachine vm, DiskImage image, int imageFd, int backingFd, String guestName, int major,
                          Irq irq, String model) {
        this.vm = vm;
        this.image = image;
        this.imageFd = imageFd;
        this.backingFd = backingFd;
        this.backingLength = image.backing() == null ? image.file().size() : image.backing().file().size();
        this.disk = new Disk(guestName, major, 0, 0, irq);
        this.disk.setController(this);
        this.model = model;
    }

    /** The disk as the guest's kernel sees it ({@code sda} on IDE and AHCI, {@code vda} on virtio). */
    public Disk guestDisk() {
        return disk;
    }

    /** QEMU's device model name: {@code ide-hd}, {@code ahci}, {@code virtio-blk-pci}. */
    public String model() {
        return model;
    }

    public DiskImage image() {
        return image;
    }

    /** Whether the firmware finds a boot loader on the disk. */
    public boolean bootable() {
        return image.bootable();
    }

    /** The guest's file system on this disk, for a guest called {@code hostname}. */
    public FileSystem rootFileSystem(String hostname) {
        return image.contents(vm.kvm().guests(), hostname);
    }

    /** A read by the firmware (its own driver for this device), before any kernel runs. */
    public void firmwareRead(int bytes, String what, Runnable then) {
        read(disk, bytes, what, then);
    }

    protected Vcpu vcpu() {
        return vm.vcpu(0);
    }

    /** The guest syscall that caused what the guest's driver does now, for the trace's arrows. */
    protected long guestCause() {
        Kernel guest = vm.guest();
        if (guest == null) return TraceEvent.NO_CAUSE;
        for (int c = 0; c < guest.scheduler().coreCount(); c++) {
            Process p = guest.scheduler().runningOn(c);
            if (p != null) return p.syscallEventSeq();
        }
        return TraceEvent.NO_CAUSE;
    }

    /**
     * QEMU's host-side work to fetch {@code bytes} of the guest's {@code what}: the qcow2 driver finds
     * the cluster — in the overlay if written, else in the backing file — and QEMU reads it with
     * {@code pread64} (the image is open with O_DIRECT: cache=none, so every read reaches the host's
     * disk). A cluster that is not allocated anywhere reads as zeros without any I/O.
     */
    protected List<QemuWork> imageRead(int bytes, String what) {
        List<QemuWork> work = new ArrayList<>();
        if (!image.bootable() && image.backing() == null && image.format() == DiskImage.Format.QCOW2) {
            work.add(new QemuWork.Compute("qcow2: cluster not allocated, no backing file: the guest reads zeros", 800));
            return work;
        }
        int fd = image.backing() != null ? backingFd : imageFd;
        int count = (int) Math.min(1 << 20, Math.max(4096, (bytes + 4095L) / 4096 * 4096));
        long clusters = Math.max(1, backingLength / Qcow2.CLUSTER - 4);
        long offset = 4L * Qcow2.CLUSTER + Math.floorMod(what.hashCode(), clusters) * Qcow2.CLUSTER;
        work.add(new QemuWork.Compute("qcow2: find the cluster of " + what + (image.backing() != null ? " (in the backing file)" : ""), 1_500));
        work.add(new QemuWork.ReadImage(fd, offset, count, what));
        return work;
    }

    /** Completes the reads QEMU has finished: the guest's handler for each (its interrupt's end). */
    protected void completeAll() {
        while (!completed.isEmpty()) completed.removeFirst().onComplete().run();
    }

    @Override
    public String toString() {
        return model + " " + disk.name();
    }
}
