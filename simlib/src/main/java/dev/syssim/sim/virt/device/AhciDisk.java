package dev.syssim.sim.virt.device;

import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.virt.DiskImage;
import dev.syssim.sim.virt.QemuWork;
import dev.syssim.sim.virt.Vcpu;
import dev.syssim.sim.virt.VirtualMachine;
import dev.syssim.sim.virt.VmExit;
import dev.syssim.sim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * QEMU's emulated AHCI (SATA) controller, the ICH9's ({@code ahci} with {@code ide-hd} on
 * {@code bus=sata}): commands are built in guest memory and issued with one register write, so a
 * read costs one MMIO exit (an EPT misconfiguration QEMU emulates in user space) plus the four
 * register accesses of the interrupt handler (ahci_single_level_irq_intr, ahci_port_intr in
 * drivers/ata/libahci.c); the interrupt is an MSI QEMU sends with KVM_SIGNAL_MSI.
 */
public final class AhciDisk extends BlockDevice {

    public static final int GSI = 24;
    public static final Irq IRQ = new Irq("24", 37, "PCI-MSI 512000-edge", "ahci[0000:00:1f.2]", "");

    private final int vmFd;

    public AhciDisk(VirtualMachine vm, DiskImage image, int imageFd, int backingFd, int vmFd) {
        super(vm, image, imageFd, backingFd, "sda", 8, IRQ, "ahci");
        this.vmFd = vmFd;
        vm.route(GSI, IRQ, "MSI", this::interrupt);
    }

    @Override
    public void read(dev.syssim.sim.hw.Disk d, int bytes, String what, Runnable onComplete) {
        Request r = new Request(bytes, what, onComplete);
        vcpu().exit(VmExit.mmio("write PxCI (port 0 command issue, slot 0)", "ahci_mem_write: run the command list",
                () -> submit(r), true, guestCause()));
    }

    private void submit(Request r) {
        List<QemuWork> work = new ArrayList<>(imageRead(r.bytes(), r.what()));
        work.add(new QemuWork.Effect(() -> completed.addLast(r)));
        work.add(new QemuWork.Compute("ahci: the command is done; send the MSI", 1_000));
        work.add(new QemuWork.SignalMsi(vmFd, GSI));
        vm.submit(new QemuWork.Job("AHCI read of " + r.what(), work));
    }

    private void interrupt() {
        Vcpu v = vcpu();
        long none = TraceEvent.NO_CAUSE;
        v.exit(VmExit.mmio("read HOST_IRQ_STAT", "ahci_mem_read", null, false, none));
        v.exit(VmExit.mmio("read PxIS (port 0 interrupt status)", "ahci_mem_read", null, false, none));
        v.exit(VmExit.mmio("write PxIS (clear)", "ahci_mem_write", null, false, none));
        v.exit(VmExit.mmio("write HOST_IRQ_STAT (clear)", "ahci_mem_write", null, false, none));
        v.inGuest(this::completeAll);
    }
}
