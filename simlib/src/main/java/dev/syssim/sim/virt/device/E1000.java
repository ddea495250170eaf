package dev.syssim.sim.virt.device;

import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.net.link.Frame;
import dev.syssim.sim.net.link.Nic;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.virt.QemuWork;
import dev.syssim.sim.virt.TapFile;
import dev.syssim.sim.virt.Vcpu;
import dev.syssim.sim.virt.VirtualMachine;
import dev.syssim.sim.virt.VmExit;
import java.util.List;

/**
 * QEMU's emulated Intel 82540EM ({@code e1000}): a real PCI network card that Linux's
 * {@code e1000} driver programs through memory-mapped registers, each access an MMIO exit QEMU
 * emulates. Sending a frame is a write of the transmit tail (TDT; QEMU's e1000_mmio_write starts
 * the transmission and writes the frame to the tap); the card then raises its legacy interrupt
 * (GSI 11) for the finished descriptor, and every interrupt costs the driver's e1000_intr and
 * NAPI poll three or four more: read ICR (which acknowledges it), mask with IMC, give the receive
 * ring its buffers back (RDT) after taking frames, unmask with IMS (drivers/net/ethernet/intel/e1000).
 * Simplification: the EOI to the APIC is not an exit (as with APICv on the host).
 */
public final class E1000 extends NicDevice {

    public static final int GSI = 11;
    public static final Irq IRQ = new Irq("11", 43, "IO-APIC  11-fasteoi", NicDevice.GUEST_NAME, "");

    private final int vmFd;
    private int tail;

    public E1000(VirtualMachine vm, TapFile tap, int tapFd, String mac, int vmFd) {
        super(vm, tap, tapFd, mac, IRQ, "e1000");
        this.vmFd = vmFd;
        vm.route(GSI, IRQ, "", this::interrupt);
    }

    @Override
    public void transmit(Nic nic, Frame frame, Runnable onWire) {
        tail = (tail + 1) % 256;
        List<QemuWork> work = List.of(
                new QemuWork.Compute("e1000: process_tx_desc: copy the frame out of guest memory", 1_500),
                new QemuWork.WriteFd(tapFd, new byte[frame.bytes()]),
                new QemuWork.Effect(onWire),
                new QemuWork.Compute("e1000: set_ics TXDW: the descriptor is done, raise IRQ 11", 300),
                new QemuWork.RaiseIrqLine(vmFd, GSI));
        vcpu().exit(VmExit.mmio(String.format("writel 0x%x, TDT (transmit descriptor tail)", tail),
                "e1000_mmio_write: TDT: start_xmit, send the frame to the tap",
                () -> vm.submit(new QemuWork.Job("e1000 transmit", work)), true, guestCause()));
    }

    /** Linux's in-tree e1000: its version is the kernel's release; QEMU puts the first card in PCI slot 3. */
    @Override
    public Nic.DriverInfo driverInfo() {
        return new Nic.DriverInfo("e1000", dev.syssim.sim.os.Kernel.RELEASE, "", "0000:00:03.0", true, true, true, true);
    }

    @Override
    protected QemuWork.Job receiveJob(Frame frame, Runnable store) {
        return new QemuWork.Job("e1000 receive", List.of(
                new QemuWork.ReadFd(tapFd, 65_536),
                new QemuWork.Compute("e1000_receive: DMA the frame into the guest's receive ring", 1_500),
                new QemuWork.Effect(store),
                new QemuWork.Compute("e1000: set_ics RXT0: raise IRQ 11", 300),
                new QemuWork.RaiseIrqLine(vmFd, GSI)));
    }

    /** e1000_intr and its NAPI poll in the guest: each register access an exit, the frames up the stack in between. */
    private void interrupt() {
        Vcpu v = vcpu();
        long none = TraceEvent.NO_CAUSE;
        v.exit(mmio("readl ICR (interrupt cause; reading acknowledges it)", "e1000_mmio_read: ICR"));
        v.exit(mmio("writel IMC (mask the card's interrupts while NAPI polls)", "e1000_mmio_write: IMC"));
        boolean frames = hasReceived();
        v.inGuest(this::deliverAll);
        if (frames) v.exit(mmio("writel RDT (receive descriptor tail: the buffers are free again)", "e1000_mmio_write: RDT"));
        v.exit(mmio("writel IMS (unmask the card's interrupts)", "e1000_mmio_write: IMS"));
    }

    private static VmExit mmio(String what, String emulation) {
        return VmExit.mmio(what, emulation, null, false, TraceEvent.NO_CAUSE);
    }
}
