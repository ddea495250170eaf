package dev.syssim.sim.virt.device;

import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.virt.DiskImage;
import dev.syssim.sim.virt.QemuWork;
import dev.syssim.sim.virt.Vcpu;
import dev.syssim.sim.virt.VirtualMachine;
import dev.syssim.sim.virt.VmExit;
import java.util.ArrayList;
import java.util.List;

/**
 * QEMU's emulated PIIX IDE controller with bus-master DMA ({@code ide-hd} on {@code if=ide}): the
 * disk of a 1990s PC, which Linux's {@code ata_piix} drives through I/O ports. Every port access is
 * an {@code IO_INSTRUCTION} exit that QEMU emulates in user space, so one read costs the guest
 * thirteen exits (libata's sequence for READ DMA — ata_sff_tf_load, ata_bmdma_setup,
 * ata_sff_exec_command, ata_bmdma_start — and its interrupt handler's status reads and
 * acknowledgements, drivers/ata/libata-sff.c), plus QEMU's IRQ 14 through KVM_IRQ_LINE_STATUS.
 */
public final class IdeDisk extends BlockDevice {

    /** The legacy interrupt line of the primary IDE channel. */
    public static final int GSI = 14;

    private final int vmFd;

    public IdeDisk(VirtualMachine vm, DiskImage image, int imageFd, int backingFd, int vmFd) {
        super(vm, image, imageFd, backingFd, "sda", 8, Irq.DISK, "ide-hd");
        this.vmFd = vmFd;
        vm.route(GSI, Irq.DISK, "", this::interrupt);
    }

    @Override
    public void read(dev.syssim.sim.hw.Disk d, int bytes, String what, Runnable onComplete) {
        Request r = new Request(bytes, what, onComplete);
        long cause = guestCause();
        int sectors = Math.min(256, (bytes + 511) / 512);
        long lba = Math.floorMod((long) what.hashCode(), 1L << 24) & ~7L;
        Vcpu v = vcpu();
        v.exit(port(String.format("outb 0x1f2, 0x%02x (sector count: %d)", sectors & 0xff, sectors), "ide_ioport_write: nsector", cause));
        v.exit(port(String.format("outb 0x1f3, 0x%02x (LBA bits 0-7)", lba & 0xff), "ide_ioport_write: sector", cause));
        v.exit(port(String.format("outb 0x1f4, 0x%02x (LBA bits 8-15)", (lba >> 8) & 0xff), "ide_ioport_write: lcyl", cause));
        v.exit(port(String.format("outb 0x1f5, 0x%02x (LBA bits 16-23)", (lba >> 16) & 0xff), "ide_ioport_write: hcyl", cause));
        v.exit(port("outb 0x1f6, 0xe0 (device 0, LBA mode)", "ide_ioport_write: select", cause));
        v.exit(port("outl 0xc044 (bus master: PRD table address)", "bmdma_addr_write", cause));
        v.exit(port("outb 0xc040, 0x08 (bus master: direction to memory)", "bmdma_cmd_writeb", cause));
        v.exit(port("outb 0x1f7, 0xc8 (ATA command READ DMA)", "ide_exec_cmd: READ DMA", cause));
        v.exit(VmExit.portIo("outb 0xc040, 0x09 (bus master: start)", "bmdma_cmd_writeb: start DMA, hand the read to the block layer",
                () -> submit(r), true, cause));
    }

    private static VmExit port(String what, String emulation, long cause) {
        return VmExit.portIo(what, emulation, null, false, cause);
    }

    /** QEMU's block layer reads the image; when the data is in guest memory, IRQ 14 goes up. */
    private void submit(Request r) {
        List<QemuWork> work = new ArrayList<>(imageRead(r.bytes(), r.what()));
        work.add(new QemuWork.Effect(() -> completed.addLast(r)));
        work.add(new QemuWork.Compute("ide_dma_cb: the data is in guest memory; raise IRQ 14", 1_000));
        work.add(new QemuWork.RaiseIrqLine(vmFd, GSI));
        vm.submit(new QemuWork.Job("IDE DMA read of " + r.what(), work));
    }

    /** ata_bmdma_interrupt in the guest: read and acknowledge, each access an exit; then the request completes. */
    private void interrupt() {
        Vcpu v = vcpu();
        long none = dev.syssim.sim.trace.TraceEvent.NO_CAUSE;
        v.exit(port("inb 0xc042 (bus master status)", "bmdma_readb: interrupt pending", none));
        v.exit(port("outb 0xc040, 0x08 (bus master: stop)", "bmdma_cmd_writeb: stop DMA", none));
        v.exit(port("inb 0x1f7 (ATA status: reading it clears the interrupt)", "ide_ioport_read: status", none));
        v.exit(port("outb 0xc042, 0x04 (bus master: acknowledge)", "bmdma_writeb: clear the interrupt bit", none));
        v.inGuest(this::completeAll);
    }
}
