package dev.syssim.sim.virt.device;

import dev.syssim.sim.hw.ExitReason;
import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.net.link.Frame;
import dev.syssim.sim.net.link.Nic;
import dev.syssim.sim.virt.EventFd;
import dev.syssim.sim.virt.QemuWork;
import dev.syssim.sim.virt.TapFile;
import dev.syssim.sim.virt.VirtualMachine;
import dev.syssim.sim.virt.VmExit;
import java.util.List;

/**
 * A paravirtual network card ({@code virtio-net-pci}): the guest's {@code virtio_net} driver puts
 * a frame on the transmit virtqueue, shared with QEMU, and notifies once — one exit, which KVM
 * answers by signalling an ioeventfd (KVM_IOEVENTFD); QEMU's main loop writes the frame to the tap.
 * A frame from the tap goes onto the receive virtqueue and QEMU signals an irqfd (KVM_IRQFD): the
 * guest's handler finds it in the used ring without touching a register. Not simulated: vhost-net
 * (the host kernel's thread doing QEMU's part without its syscalls); interrupt suppression and
 * transmit-completion interrupts (virtio_net frees sent buffers on its next send).
 */
public final class VirtioNet extends NicDevice {

    public static final int GSI = 26;
    public static final Irq IRQ = new Irq("26", 36, "PCI-MSIX-0000:00:03.0   1-edge", "virtio0-input.0", "");

    private final EventFd notify;
    private final int irqfd;

    public VirtioNet(VirtualMachine vm, TapFile tap, int tapFd, String mac, EventFd notify, int irqfd) {
        super(vm, tap, tapFd, mac, IRQ, "virtio-net-pci");
        this.notify = notify;
        this.irqfd = irqfd;
        vm.route(GSI, IRQ, "MSI-X", () -> vcpu().inGuest(this::deliverAll));
    }

    @Override
    public void transmit(Nic nic, Frame frame, Runnable onWire) {
        List<QemuWork> work = List.of(
                new QemuWork.Compute("virtio_net_flush_tx: take the frame from the transmit virtqueue", 800),
                new QemuWork.WriteFd(tapFd, new byte[frame.bytes()]),
                new QemuWork.Effect(onWire));
        vcpu().exit(VmExit.inKernel(ExitReason.EPT_MISCONFIG, "write to the notify register of virtqueue 1 (transmit)",
                "KVM: an ioeventfd is registered for this address: signal it and re-enter at once", () -> {
                    vm.submit(new QemuWork.Job("virtio-net transmit", work));
                    notify.signal(1);
                }, guestCause()));
    }

    @Override
    public Nic.DriverInfo driverInfo() {
        return new Nic.DriverInfo("virtio_net", "1.0.0", "", "0000:00:03.0", true, false, false, false);
    }

    @Override
    protected QemuWork.Job receiveJob(Frame frame, Runnable store) {
        return new QemuWork.Job("virtio-net receive", List.of(
                new QemuWork.ReadFd(tapFd, 65_536),
                new QemuWork.Compute("virtio_net_receive: into the receive virtqueue, the used ring updated", 800),
                new QemuWork.Effect(store),
                new QemuWork.SignalIrqfd(irqfd)));
    }
}
