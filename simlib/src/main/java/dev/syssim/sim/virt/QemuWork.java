package dev.syssim.sim.virt;

import java.util.List;

/**
 * A piece of work an emulated device needs QEMU's process to do, as data: read the disk image,
 * write a frame to the tap device, tell KVM to interrupt the guest, or run the device model's own
 * code. The device models (this room) say what; QEMU's program ({@code virt.tools.Qemu}) does it
 * with real syscalls of its threads — so {@code strace -f} of QEMU shows the preads and ioctls a
 * guest's I/O costs the host.
 */
public sealed interface QemuWork {

    /** QEMU's own code for a while: {@code label} says what it emulates. */
    record Compute(String label, long nanos) implements QemuWork {
    }

    /** The device model's reaction (in QEMU's memory): no syscall. */
    record Effect(Runnable action) implements QemuWork {
    }

    /** {@code pread64(fd, buf, count, offset)} on a disk image: {@code what} names the guest's data. */
    record ReadImage(int fd, long offset, int count, String what) implements QemuWork {
    }

    /** {@code write(fd, data)}: a frame to the tap device. */
    record WriteFd(int fd, byte[] data) implements QemuWork {
    }

    /** {@code read(fd, count)}: a frame from the tap device. */
    record ReadFd(int fd, int count) implements QemuWork {
    }

    /** {@code ioctl(vmfd, KVM_IRQ_LINE_STATUS, {irq=gsi, level=1})}, then level 0: a legacy interrupt line. */
    record RaiseIrqLine(int vmFd, int gsi) implements QemuWork {
    }

    /** {@code ioctl(vmfd, KVM_SIGNAL_MSI, ...)}: a message-signalled interrupt (AHCI), GSI {@code gsi} in the guest. */
    record SignalMsi(int vmFd, int gsi) implements QemuWork {
    }

    /** {@code write(irqfd, 1)}: KVM injects the interrupt the irqfd is routed to (virtio's MSI-X vectors). */
    record SignalIrqfd(int fd) implements QemuWork {
    }

    /** A unit of work of QEMU's main loop (a disk request, a received frame). */
    record Job(String name, List<QemuWork> work) {
        public Job {
            work = List.copyOf(work);
        }
    }
}
