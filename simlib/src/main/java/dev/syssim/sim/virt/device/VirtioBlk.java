package dev.syssim.sim.virt.device;

import dev.syssim.sim.hw.ExitReason;
import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.virt.DiskImage;
import dev.syssim.sim.virt.EventFd;
import dev.syssim.sim.virt.QemuWork;
import dev.syssim.sim.virt.VirtualMachine;
import dev.syssim.sim.virt.VmExit;
import java.util.ArrayList;
import java.util.List;

/**
 * A paravirtual disk ({@code virtio-blk-pci}): the guest's {@code virtio_blk} driver knows it runs
 * in a VM. It puts the request in a ring shared with QEMU and notifies once — one exit, which KVM
 * answers itself by signalling an ioeventfd (KVM_IOEVENTFD) and re-entering at once. QEMU's main
 * loop reads the image and signals an irqfd (KVM_IRQFD); KVM injects the MSI-X vector, and the
 * guest's handler finds the answer in the shared ring without a single register access.
 */
public final class VirtioBlk extends BlockDevice {

    public static final int GSI = 25;
    public static final Irq IRQ = new Irq("25", 35, "PCI-MSIX-0000:00:04.0   1-edge", "virtio2-req.0", "");

    private final EventFd notify;
    private final int irqfd;

    /** {@code notify} is the ioeventfd KVM signals on the queue's notification; {@code irqfd} QEMU's fd that raises the interrupt. */
    public VirtioBlk(VirtualMachine vm, DiskImage image, int imageFd, int backingFd, EventFd notify, int irqfd) {
        super(vm, image, imageFd, backingFd, "vda", 254, IRQ, "virtio-blk-pci");
        this.notify = notify;
        this.irqfd = irqfd;
        vm.route(GSI, IRQ, "MSI-X", this::completeAll);
    }

    @Override
    public void read(dev.syssim.sim.hw.Disk d, int bytes, String what, Runnable onComplete) {
        Request r = new Request(bytes, what, onComplete);
        vcpu().exit(VmExit.inKernel(ExitReason.EPT_MISCONFIG, "write to the notify register of virtqueue 0",
                "KVM: an ioeventfd is registered for this address: signal it and re-enter at once", () -> {
                    submit(r);
                    notify.signal(1);
                }, guestCause()));
    }

    private void submit(Request r) {
        List<QemuWork> work = new ArrayList<>();
        work.add(new QemuWork.Compute("virtio_blk_handle_vq: take the request from the virtqueue", 800));
        work.addAll(imageRead(r.bytes(), r.what()));
        work.add(new QemuWork.Effect(() -> completed.addLast(r)));
        work.add(new QemuWork.Compute("virtio_blk_req_complete: put it on the used ring", 600));
        work.add(new QemuWork.SignalIrqfd(irqfd));
        vm.submit(new QemuWork.Job("virtio-blk read of " + r.what(), work));
    }
}
