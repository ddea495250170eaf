package dev.syssim.sim.virt.device;

import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.net.link.Frame;
import dev.syssim.sim.net.link.Nic;
import dev.syssim.sim.net.stack.Interface;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.virt.Guests;
import dev.syssim.sim.virt.TapFile;
import dev.syssim.sim.virt.Vcpu;
import dev.syssim.sim.virt.VirtualMachine;
import dev.syssim.sim.virt.VirtualNetwork;
import java.util.ArrayDeque;

/**
 * A network card QEMU emulates for a guest: its guest side (name, MAC, interrupt — the guest's
 * kernel drives it as a NIC) and its host side, a tap on a bridge whose file QEMU reads and
 * writes. As the guest NIC's {@link Nic.Device} it decides what a frame costs: a sent frame
 * becomes the exits the guest driver's register accesses cause and QEMU's {@code write} to the
 * tap; a frame arriving on the tap becomes QEMU's {@code read}, an interrupt injected into the
 * guest and its handler's exits. Subclasses say which exits.
 */
public abstract class NicDevice implements Nic.Device {

    /** The guest's name for its first NIC on the {@code pc} machine (PCI slot 3, systemd's naming). */
    public static final String GUEST_NAME = "ens3";

    protected final VirtualMachine vm;
    protected final TapFile tap;
    protected final int tapFd;
    private final String mac;
    private final Irq irq;
    private final String model;
    /** Frames QEMU has put in guest memory, for the guest's interrupt handler. */
    private final ArrayDeque<Runnable> received = new ArrayDeque<>();

    protected NicDevice(VirtualMachine vm, TapFile tap, int tapFd, String mac, Irq irq, String model) {
        this.vm = vm;
        this.tap = tap;
        this.tapFd = tapFd;
        this.mac = mac;
        this.irq = irq;
        this.model = model;
    }

    /** QEMU's device name: {@code e1000}, {@code virtio-net-pci}. */
    public String model() {
        return model;
    }

    /** The tap on the host ({@code vnet0}). */
    public Interface tapInterface() {
        return tap.tap();
    }

    public String mac() {
        return mac;
    }

    /** The guest's view of the card, for the guest machine's network stack; DHCP from libvirt's network if the tap is on its bridge. */
    public Guests.Nic guestNic() {
        Kernel host = vm.host();
        VirtualNetwork net = VirtualNetwork.of(host);
        Interface master = tap.tap().master();
        boolean managed = net.active() && master != null && master.name().equals(VirtualNetwork.BRIDGE);
        return new Guests.Nic(GUEST_NAME, mac, irq, tap.tap().nic().segment(), this, managed ? net : null);
    }

    /** The VM is gone: QEMU's tap file closes, and the tap (not persistent) leaves the bridge and the host. */
    public void unplug() {
        NetStack stack = tap.tap().owner();
        if (stack != null) stack.delete(tap.tap());
    }

    @Override
    public final void receive(Nic nic, Frame frame, Runnable deliver) {
        tap.arrived(frame.bytes());
        vm.submit(receiveJob(frame, () -> received.addLast(deliver)));
        vm.wakeMainLoop();
    }

    /** QEMU's work for an arriving frame: read it from the tap, place it in guest memory ({@code store}), interrupt the guest. */
    protected abstract dev.syssim.sim.virt.QemuWork.Job receiveJob(Frame frame, Runnable store);

    /** The guest's handler takes the frames QEMU stored: each goes up the guest's stack. */
    protected void deliverAll() {
        while (!received.isEmpty()) received.removeFirst().run();
    }

    protected boolean hasReceived() {
        return !received.isEmpty();
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

    @Override
    public String toString() {
        return model + " on " + tap.tap().name();
    }
}
