package dev.syssim.sim.virt;

import dev.syssim.sim.hw.ExitReason;
import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.virt.device.BlockDevice;
import dev.syssim.sim.virt.device.NicDevice;
import dev.syssim.sim.virt.device.SerialPort;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One virtual machine (KVM's {@code struct kvm}, what KVM_CREATE_VM makes): its memory slots and
 * vCPUs, its interrupt routing (which guest interrupt a GSI or an irqfd raises), the devices QEMU
 * emulates for it, the work they leave for QEMU's main loop, and — once the firmware has loaded it —
 * the guest's own kernel. It lives as long as its file descriptor: when QEMU exits (or is killed),
 * the last close destroys it, and the guest machine is gone with it.
 */
public final class VirtualMachine {

    /** Where the machine is in its life. */
    public enum State { CREATED, RUNNING, SHUT_DOWN, DESTROYED }

    /** A guest-physical memory slot (KVM_SET_USER_MEMORY_REGION). */
    public record MemorySlot(int slot, long guestPhysical, long size, long userspaceAddress) {
    }

    /** Which guest interrupt a GSI raises, and the guest's handler for it (its device's driver). */
    private record Route(Irq irq, String how, Runnable handler) {
    }

    /** How long the guest kernel takes from the boot loader to starting init. */
    public static final long KERNEL_BOOT = 1_500_000_000L;

    private final Kvm kvm;
    private final Kernel host;
    private final Process owner;
    private final int number;
    private String name;
    private State state = State.CREATED;
    private final List<MemorySlot> slots = new ArrayList<>();
    private final List<Vcpu> vcpus = new ArrayList<>();
    private final Map<Integer, Route> routes = new HashMap<>();
    private final ArrayDeque<QemuWork.Job> jobs = new ArrayDeque<>();
    private final Map<Long, EventFd> ioeventfds = new HashMap<>();
    private EventFd notifier;
    private final List<BlockDevice> disks = new ArrayList<>();
    private final List<NicDevice> nics = new ArrayList<>();
    private final SerialPort serial;
    private final List<Consumer<VirtualMachine>> onEnd = new ArrayList<>();
    private GuestSetup setup;
    private Kernel guest;
    private boolean shutdownRequested;

    /** What QEMU was told to make of the guest: its name, CPU model, memory, and the OS on its disk. */
    public record GuestSetup(String name, int vcpus, long memoryKiB, String cpuFlags, boolean nestedVmx) {
    }

    VirtualMachine(Kvm kvm, Process owner, int number) {
        this.kvm = kvm;
        this.host = kvm.host();
        this.owner = owner;
        this.number = number;
        this.name = "vm" + number;
        this.serial = new SerialPort(this);
    }

    public Kvm kvm() {
        return kvm;
    }

    public Kernel host() {
        return host;
    }

    /** The VMM process (QEMU's main thread) that created the VM. */
    public Process owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public int number() {
        return number;
    }

    public State state() {
        return state;
    }

    /** The guest's kernel once it booted; null before (firmware) and after (powered off). */
    public Kernel guest() {
        return guest;
    }

    public List<Vcpu> vcpus() {
        return List.copyOf(vcpus);
    }

    public Vcpu vcpu(int index) {
        return index >= 0 && index < vcpus.size() ? vcpus.get(index) : null;
    }

    public List<MemorySlot> slots() {
        return List.copyOf(slots);
    }

    /** Guest RAM in KiB: the sum of the memory slots QEMU gave the VM. */
    public long memoryKiB() {
        long bytes = 0;
        for (MemorySlot s : slots) bytes += s.size();
        return bytes / 1024;
    }

    public SerialPort serial() {
        return serial;
    }

    public List<BlockDevice> disks() {
        return List.copyOf(disks);
    }

    public List<NicDevice> nics() {
        return List.copyOf(nics);
    }

    /** All exits of all vCPUs. */
    public ExitStats stats() {
        ExitStats all = new ExitStats();
        for (Vcpu v : vcpus) all.addAll(v.stats());
        return all;
    }

    // ---- what QEMU sets up ----

    /** QEMU's description of the machine (from its command line), before the first VM entry. */
    public void configure(GuestSetup setup) {
        this.setup = setup;
        this.name = setup.name();
    }

    public GuestSetup setup() {
        return setup;
    }

    void setMemory(MemorySlot slot) {
        slots.removeIf(s -> s.slot() == slot.slot());
        if (slot.size() > 0) slots.add(slot);
    }

    Vcpu createVcpu(int id) {
        Vcpu v = new Vcpu(this, id);
        vcpus.add(v);
        return v;
    }

    public void addDisk(BlockDevice disk) {
        disks.add(disk);
    }

    public void addNic(NicDevice nic) {
        nics.add(nic);
    }

    /** The guest's interrupt {@code irq} is raised by GSI {@code gsi}; {@code handler} is the guest driver's handler. */
    public void route(int gsi, Irq irq, String how, Runnable handler) {
        routes.put(gsi, new Route(irq, how, handler));
    }

    /** KVM_IOEVENTFD: a guest write to {@code address} signals {@code fd} (KVM answers it without leaving the kernel). */
    void ioeventfd(long address, EventFd fd) {
        ioeventfds.put(address, fd);
    }

    /** The ioeventfd registered for a notification address, or null. */
    public EventFd ioeventfd(long address) {
        return ioeventfds.get(address);
    }

    /** KVM_IRQFD: a write to {@code fd} raises GSI {@code gsi} in the guest, without QEMU's help. */
    void irqfd(EventFd fd, int gsi) {
        fd.setOnSignal(() -> raise(gsi));
    }

    /** The interrupt on GSI {@code gsi} reaches the guest (KVM_IRQ_LINE_STATUS, or an irqfd). */
    void raise(int gsi) {
        Route r = routes.get(gsi);
        if (r == null || vcpus.isEmpty() || state != State.RUNNING) return;
        vcpus.get(0).inject(r.irq(), r.how(), r.handler());
    }

    /** A job for QEMU's main loop (a device's request); the device wakes the loop itself (ioeventfd or QEMU's notifier). */
    public void submit(QemuWork.Job job) {
        jobs.addLast(job);
    }

    /** Takes the main loop's pending jobs. */
    public List<QemuWork.Job> takeJobs() {
        List<QemuWork.Job> out = new ArrayList<>(jobs);
        jobs.clear();
        return out;
    }

    /** The eventfd QEMU's own threads wake its main loop with (its AioContext notifier). */
    public void setNotifier(EventFd notifier) {
        this.notifier = notifier;
    }

    /** Wakes QEMU's main loop for a job no exit announced (a frame arriving on a tap). */
    public void wakeMainLoop() {
        if (notifier != null) notifier.signal(1);
    }

    /** The guest asked to power off (ACPI S5): QEMU's main loop sees it and exits. */
    public void requestShutdown() {
        shutdownRequested = true;
        if (notifier != null) notifier.signal(1);
    }

    public boolean shutdownRequested() {
        return shutdownRequested;
    }

    /** Runs {@code action} when the VM ends (its guest shut down, or it was destroyed). */
    public void onEnd(Consumer<VirtualMachine> action) {
        onEnd.add(action);
    }

    // ---- boot ----

    /** A vCPU entered the guest for the first time: vCPU 0 runs the firmware, which boots the disk. */
    void launched(Vcpu vcpu) {
        if (vcpu.index() != 0 || state != State.CREATED) return;
        state = State.RUNNING;
        firmware(vcpu);
    }

    /**
     * SeaBIOS: it asks the CPU what it is (CPUID always exits), sets up protected mode and paging
     * (control registers), probes the devices (ports), touches memory for the first time (EPT
     * violations: the host maps guest pages on first touch), then reads the boot sector.
     */
    private void firmware(Vcpu v) {
        serial.write("SeaBIOS (version 1.16.2-debian-1.16.2-1)\r\n");
        for (int i = 0; i < 6; i++) v.exit(VmExit.inKernel(ExitReason.CPUID, "cpuid (leaf " + i + ")", "KVM answers with the CPU model QEMU chose", TraceEvent.NO_CAUSE));
        v.exit(VmExit.inKernel(ExitReason.CR_ACCESS, "mov cr0 (protected mode)", "KVM updates the guest's CR0", TraceEvent.NO_CAUSE));
        v.exit(VmExit.inKernel(ExitReason.EPT_VIOLATION, "first touch of guest RAM", "KVM maps a host page into the guest's EPT", TraceEvent.NO_CAUSE));
        for (int port : new int[] {0x70, 0x71}) {
            v.exit(VmExit.portIo(String.format("in 0x%x (CMOS RTC)", port), "mc146818rtc: read the clock", null, false, TraceEvent.NO_CAUSE));
        }
        BlockDevice boot = disks.isEmpty() ? null : disks.get(0);
        if (boot == null) {
            v.inGuest(() -> noBootableDevice(v));
            return;
        }
        v.inGuest(() -> {
            serial.write("Booting from Hard Disk...\r\n");
            boot.firmwareRead(512, "the boot sector (MBR)", () -> {
                if (!boot.bootable()) {
                    serial.write("Boot failed: not a bootable disk\r\n\r\n");
                    noBootableDevice(v);
                    return;
                }
                boot.firmwareRead(8 << 20, "GRUB, the kernel and its initrd", () -> startKernel(v, boot));
            });
        });
    }

    private void noBootableDevice(Vcpu v) {
        serial.write("No bootable device.\r\n");
        // the firmware gives up: interrupts off, HLT for ever
    }

    /** The boot loader has loaded Linux: the guest machine exists from here on. */
    private void startKernel(Vcpu v, BlockDevice boot) {
        Guests.GuestHardware hardware = new Guests.GuestHardware(name, vcpus.size(), setup.memoryKiB(), boot.guestDisk(),
                boot.rootFileSystem(name), setup.cpuFlags(), nicConfig(), this);
        for (int i = 0; i < 8; i++) {
            v.exit(VmExit.inKernel(ExitReason.EPT_VIOLATION, "the kernel touches guest RAM (2 MiB page " + i + ")",
                    "KVM maps a host page into the guest's EPT", TraceEvent.NO_CAUSE));
        }
        guest = kvm.guests().boot(hardware);
        guest.addIrqLine(ACPI_IRQ);
        for (Vcpu each : vcpus) each.attach(guest.scheduler().core(each.index()));
        serial.attachGuest(guest);
        if (host.trace().wants(EventKind.PROCESS)) {
            host.event(v.lane(), CpuMode.HYPERVISOR, EventKind.PROCESS, "the guest's kernel boots: machine " + guest.machineName(),
                    "Linux " + Kernel.RELEASE + " on " + vcpus.size() + " vCPU(s), " + setup.memoryKiB() / 1024 + " MiB", TraceEvent.NO_CAUSE);
        }
    }

    private List<Guests.Nic> nicConfig() {
        List<Guests.Nic> out = new ArrayList<>();
        for (NicDevice n : nics) out.add(n.guestNic());
        return out;
    }

    // ---- ACPI ----

    /** The ACPI SCI, the interrupt of the power button. */
    public static final Irq ACPI_IRQ = new Irq("9", 41, "IO-APIC   9-fasteoi", "acpi", "");
    /** How long the guest's init takes to stop everything after the power button. */
    static final long SHUTDOWN_TIME = 800_000_000L;

    /**
     * ACPI's power button ({@code virsh shutdown}, QEMU's system_powerdown): KVM injects the SCI, the
     * guest reads why, and its init shuts the machine down, which ends with the guest writing sleep
     * state S5 to the ACPI control port. Firmware without an OS has no handler: nothing happens.
     */
    public void powerButton() {
        if (guest == null || vcpus.isEmpty() || state != State.RUNNING) return;
        Vcpu v = vcpus.get(0);
        v.inject(ACPI_IRQ, "the ACPI power button", () -> {
            v.exit(VmExit.portIo("inw 0x600 (ACPI PM1a_STS: power button pressed)", "acpi_pm1_evt_read", null, false, TraceEvent.NO_CAUSE));
            v.inGuest(() -> host.timeline().after(SHUTDOWN_TIME, () -> {
                // init's last step runs on the guest's own timer: an idle (halted) vCPU wakes by it first
                if (v.state() == Vcpu.State.HALTED) v.inject(dev.syssim.sim.hw.Irq.LOCAL_TIMER, "the guest's timer expired (KVM's hrtimer)", this::guestPowerOff);
                else guestPowerOff();
            }));
        });
    }

    /** The guest's last act (poweroff, or init after the power button): S5 to the ACPI control port; QEMU stops the machine. */
    public void guestPowerOff() {
        if (vcpus.isEmpty() || state != State.RUNNING) return;
        vcpus.get(0).exit(VmExit.portIo("outw 0x604, 0x2000 (ACPI PM1a_CNT: sleep type S5)", "acpi_pm1_cnt_write: the guest powers off",
                this::guestPoweredOff, true, TraceEvent.NO_CAUSE));
    }

    // ---- the end ----

    /** The guest powered off: it leaves the world; QEMU exits on its own. */
    public void guestPoweredOff() {
        if (state == State.DESTROYED) return;
        state = State.SHUT_DOWN;
        for (Vcpu v : vcpus) v.kill();
        endGuest();
        requestShutdown();
    }

    /** The VM's last file descriptor closed (QEMU exited or was killed): the guest is gone for good. */
    void destroy() {
        if (state == State.DESTROYED) return;
        state = State.DESTROYED;
        for (Vcpu v : vcpus) v.kill();
        endGuest();
        for (NicDevice n : nics) n.unplug();
        kvm.forget(this);
        for (Consumer<VirtualMachine> action : List.copyOf(onEnd)) action.accept(this);
    }

    private void endGuest() {
        if (guest == null) return;
        Kernel g = guest;
        guest = null;
        kvm.guests().remove(g);
    }

    @Override
    public String toString() {
        return "VM " + name;
    }
}
