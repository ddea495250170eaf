package dev.syssim.sim.virt;

import dev.syssim.sim.hw.Core;
import dev.syssim.sim.hw.ExitReason;
import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.hw.VmExitHandler;
import dev.syssim.sim.hw.VmxMode;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.WaitQueue;
import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.LaneType;
import dev.syssim.sim.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One virtual CPU (KVM's {@code struct kvm_vcpu}): the guest core it is, the host thread that runs
 * it ({@code CPU 0/KVM}, sleeping in {@code ioctl(KVM_RUN)} while the guest runs), and the VMX state
 * between them. The guest's kernel drives its core like any core; what real VT-x would trap comes
 * here as a VM exit ({@link VmExit}):
 * <ul>
 *   <li>a syscall of a guest process: nothing at all — the guest kernel handles it;</li>
 *   <li>the guest going idle: {@code HLT}, the vCPU sleeps in KVM until an interrupt is injected;</li>
 *   <li>the guest's timer tick: the VMX preemption timer exits, KVM injects the timer vector, the
 *   guest re-arms its deadline with {@code wrmsr} ({@code MSR_WRITE});</li>
 *   <li>a device access: handled by KVM (a virtio notification signals an ioeventfd) or returned to
 *   QEMU ({@code KVM_EXIT_IO}/{@code KVM_EXIT_MMIO}), which emulates the device and calls
 *   KVM_RUN again — the VM entry.</li>
 * </ul>
 * While the vCPU is not in non-root mode the guest's core does not run: its next step waits for
 * the entry ({@link #inGuestMode}).
 *
 * <p>Simplifications: a vCPU does not occupy a host core while its guest runs (the host's scheduler
 * sees its thread sleeping in KVM_RUN, where Linux shows it running), and exits KVM handles itself
 * take no simulated time (their handling time, for {@code perf kvm stat}, is a typical figure).
 */
public final class Vcpu implements VmExitHandler {

    /** Where the vCPU stands. */
    public enum State {
        /** Created by KVM_CREATE_VCPU, never entered. */
        CREATED,
        /** VMX non-root: the guest runs. */
        GUEST,
        /** Exited to QEMU (KVM_RUN returned); the guest waits for QEMU's next KVM_RUN. */
        IN_QEMU,
        /** The guest executed HLT: KVM keeps the vCPU thread asleep until an interrupt. */
        HALTED,
        /** The VM is gone. */
        DEAD
    }

    /** An interrupt waiting for the next VM entry, and the guest's handler for it. */
    private record Injection(Irq irq, String how, Runnable handler) {
    }

    private final VirtualMachine vm;
    private final int index;
    private final Lane lane;
    private final WaitQueue run;
    private final ExitStats stats = new ExitStats();
    private State state = State.CREATED;
    /** The core the guest runs on: a bare one while the firmware runs, the guest kernel's once it boots. */
    private Core core;
    private Process thread;
    /** What the guest does next once in non-root mode, in order: exits ({@link VmExit}) and its own code ({@link Runnable}). */
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private final List<Runnable> resumes = new ArrayList<>();
    private final ArrayDeque<Injection> injections = new ArrayDeque<>();
    private boolean haltRequested;
    private VmExit inQemu;
    private long exitedAt;
    private long exitSeq = TraceEvent.NO_CAUSE;
    private VmExit lastExit;
    private boolean timerWakeScheduled;

    Vcpu(VirtualMachine vm, int index) {
        this.vm = vm;
        this.index = index;
        this.lane = new Lane(vm.host().machineName(), LaneType.HYPERVISOR, vm.name() + " vCPU " + index);
        this.run = new WaitQueue("kvm_vcpu_block");
        this.core = new Core(index);
    }

    public int index() {
        return index;
    }

    public State state() {
        return state;
    }

    public VirtualMachine vm() {
        return vm;
    }

    /** The host-side lane of this vCPU in traces: where its VM exits and entries are drawn. */
    public Lane lane() {
        return lane;
    }

    public ExitStats stats() {
        return stats;
    }

    /** The host thread that runs this vCPU (QEMU's {@code CPU N/KVM}), once it called KVM_CREATE_VCPU. */
    public Process thread() {
        return thread;
    }

    void setThread(Process thread) {
        this.thread = thread;
    }

    /** The guest's core this vCPU is; from now on its sensitive events come here. */
    public void attach(Core guestCore) {
        guestCore.virtualize(this);
        guestCore.setVmxMode(core.vmxMode());
        this.core = guestCore;
    }

    public Core core() {
        return core;
    }

    private Kernel host() {
        return vm.host();
    }

    private long now() {
        return host().now();
    }

    // ---- what the guest's kernel does (VmExitHandler) ----

    @Override
    public boolean inGuestMode(Core vcpu, Runnable resume) {
        if (state == State.GUEST) return true;
        if (state == State.DEAD) return false;
        if (!resumes.contains(resume)) resumes.add(resume);
        if (state == State.HALTED && !timerWakeScheduled) {
            // the guest has work without a device interrupt: a timer of its own expired. KVM emulates
            // the guest's LAPIC timer with a host timer, which wakes the halted vCPU and injects
            timerWakeScheduled = true;
            host().timeline().at(now(), () -> {
                timerWakeScheduled = false;
                if (state == State.HALTED) inject(Irq.LOCAL_TIMER, "the guest's timer expired (KVM's hrtimer)", () -> { }, false);
            });
        }
        return false;
    }

    @Override
    public void halt(Core vcpu) {
        if (state == State.GUEST) {
            exitInKernel(VmExit.inKernel(ExitReason.HLT, "hlt", "the guest is idle: KVM blocks the vCPU thread until an interrupt",
                    TraceEvent.NO_CAUSE));
        } else if (state == State.IN_QEMU || state == State.CREATED) {
            haltRequested = true;
        }
    }

    @Override
    public void interrupt(Core vcpu, Irq irq) {
        if (irq != Irq.LOCAL_TIMER || state != State.GUEST) return;
        // a tick while the guest runs: the VMX preemption timer (KVM's LAPIC timer) exits, KVM injects
        // the timer vector, and the guest's handler arms the next deadline with wrmsr
        VmExit tick = VmExit.inKernel(ExitReason.PREEMPTION_TIMER, "VMX preemption timer expired",
                "KVM: the guest's LAPIC timer is due; inject vector " + Irq.LOCAL_TIMER.vector(), TraceEvent.NO_CAUSE);
        long seq = recordExit(tick);
        handled(tick, Kvm.handlingNanos(tick.reason()));
        stats.injection(false);
        recordEntry("VM entry: inject timer interrupt (vector " + Irq.LOCAL_TIMER.vector() + ")", seq);
        exitInKernel(VmExit.inKernel(ExitReason.MSR_WRITE, "wrmsr IA32_TSC_DEADLINE (0x6e0)",
                "KVM: arm the guest's next timer deadline", TraceEvent.NO_CAUSE));
    }

    // ---- what emulated devices make the guest do ----

    /**
     * The guest touches a device: an exit KVM handles itself ({@link VmExit#handledInKernel()}),
     * or one QEMU must emulate. Exits happen in the order the guest caused them.
     */
    public void exit(VmExit exit) {
        if (state == State.DEAD) return;
        if (state != State.GUEST || !pending.isEmpty()) {
            pending.addLast(exit);
            return;
        }
        take(exit);
    }

    /**
     * Guest code that must run in non-root mode after the exits caused so far (an interrupt
     * handler's end, after its register reads were emulated): now if nothing is pending, else at
     * the entry that follows them.
     */
    public void inGuest(Runnable action) {
        if (state == State.DEAD) return;
        if (state != State.GUEST || !pending.isEmpty()) {
            pending.addLast(action);
            return;
        }
        action.run();
    }

    /** Runs what is pending while the guest stays in non-root mode. */
    private void drainPending() {
        while (state == State.GUEST && !pending.isEmpty()) {
            Object next = pending.removeFirst();
            if (next instanceof VmExit e) take(e);
            else ((Runnable) next).run();
        }
    }

    /** The guest takes an exit now (it is in non-root mode). */
    private void take(VmExit exit) {
        if (exit.handledInKernel()) {
            exitInKernel(exit);
            return;
        }
        exitSeq = recordExit(exit);
        exitedAt = now();
        lastExit = exit;
        state = State.IN_QEMU;
        core.setVmxMode(VmxMode.ROOT);
        inQemu = exit;
        host().scheduler().wakeAll(run);
    }

    private void exitInKernel(VmExit exit) {
        long seq = recordExit(exit);
        exit.emulate().run(); // KVM's own handling (signal an ioeventfd, ...)
        if (exit.reason() == ExitReason.HLT) {
            exitSeq = seq;
            exitedAt = now();
            lastExit = exit;
            state = State.HALTED;
            core.setVmxMode(VmxMode.ROOT);
            haltRequested = false;
            if (!injections.isEmpty()) host().timeline().at(now(), this::deliverPendingToHalted);
            return;
        }
        handled(exit, Kvm.handlingNanos(exit.reason()));
        vm.kvm().nestedReentry(this);
        recordEntry("VM entry (VMRESUME)", seq);
    }

    private void deliverPendingToHalted() {
        if (state != State.HALTED || injections.isEmpty()) return;
        Injection i = injections.removeFirst();
        inject(i.irq(), i.how(), i.handler(), false);
    }

    /**
     * KVM injects an interrupt ({@code irq}) into the guest: at once if the vCPU is halted (it wakes)
     * or running (a kick: the host interrupts the vCPU's core, an {@code EXTERNAL_INTERRUPT} exit),
     * else at the next VM entry. {@code handler} is the guest's interrupt handler.
     */
    public void inject(Irq irq, String how, Runnable handler) {
        inject(irq, how, handler, true);
    }

    private void inject(Irq irq, String how, Runnable handler, boolean device) {
        switch (state) {
            case DEAD -> { }
            case CREATED, IN_QEMU -> injections.addLast(new Injection(irq, how, handler));
            case HALTED -> {
                handled(lastExit, now() - exitedAt);
                stats.injection(true);
                enter("VM entry: inject " + irq.label() + ", the vCPU wakes from HLT" + (how.isEmpty() ? "" : " (" + how + ")"), exitSeq);
                handler.run();
                drainPending();
                afterEntry();
            }
            case GUEST -> {
                VmExit kick = VmExit.inKernel(ExitReason.EXTERNAL_INTERRUPT, "the host kicks the vCPU (IPI)",
                        "KVM: an interrupt is pending for the guest", TraceEvent.NO_CAUSE);
                long seq = recordExit(kick);
                handled(kick, Kvm.handlingNanos(kick.reason()));
                stats.injection(false);
                recordEntry("VM entry: inject " + irq.label(), seq);
                handler.run();
                drainPending();
            }
        }
    }

    // ---- what QEMU's vCPU thread does: ioctl(KVM_RUN) ----

    /**
     * KVM_RUN: enter the guest (VM entry) and run it until an exit QEMU must handle; meanwhile the
     * calling thread sleeps in the host kernel.
     */
    Outcome kvmRun(Process caller) {
        if (state == State.DEAD) return Outcome.error(Errno.EIO, Costs.SYSCALL);
        if (state == State.CREATED) {
            enter("VM entry: VMLAUNCH, the guest starts", TraceEvent.NO_CAUSE);
            vm.launched(this);
            afterEntry();
        } else if (state == State.IN_QEMU) {
            handled(lastExit, now() - exitedAt);
            inQemu = null;
            vm.kvm().nestedReentry(this);
            enter("VM entry (VMRESUME): QEMU emulated it", exitSeq);
            afterEntry();
        }
        return waitForExit(caller);
    }

    private Outcome waitForExit(Process caller) {
        if (state == State.IN_QEMU) return Outcome.done(SysResult.ok(0, inQemu), Costs.SYSCALL);
        if (state == State.DEAD) return Outcome.error(Errno.EIO, Costs.SYSCALL);
        return new Outcome.Blocked(run, "kvm_vcpu_block", () -> waitForExit(caller));
    }

    /** The guest just entered non-root mode: its pending exits, injections and deferred steps. */
    private void afterEntry() {
        drainPending();
        while (state == State.GUEST && !injections.isEmpty()) {
            Injection i = injections.removeFirst();
            stats.injection(false);
            recordEntry("inject " + i.irq().label() + (i.how().isEmpty() ? "" : " (" + i.how() + ")"), exitSeq);
            i.handler().run();
            drainPending();
        }
        if (state != State.GUEST) return;
        if (!resumes.isEmpty()) {
            List<Runnable> due = new ArrayList<>(resumes);
            resumes.clear();
            for (Runnable r : due) host().timeline().at(now(), r);
        } else if (haltRequested || !guestHasWork()) {
            haltRequested = false;
            halt(core);
        }
    }

    private void enter(String label, long cause) {
        state = State.GUEST;
        core.setVmxMode(VmxMode.NON_ROOT);
        recordEntry(label, cause);
    }

    /** Whether the guest's kernel has anything to run on this core (else it is idle: HLT). */
    private boolean guestHasWork() {
        Kernel guest = vm.guest();
        if (guest == null) return true; // firmware is running
        if (guest.scheduler().runningOn(core.index()) != null) return true;
        for (Process p : guest.scheduler().runQueueSnapshot()) if (p.mayRunOn(core.index())) return true;
        return false;
    }

    /** The VM is destroyed: the guest never runs again. */
    void kill() {
        state = State.DEAD;
        resumes.clear();
        pending.clear();
        injections.clear();
        if (core != null) core.setVmxMode(VmxMode.OFF);
        host().scheduler().wakeAll(run);
    }

    /** The guest re-enters after an exit handled in {@code nanos}: its time for the statistics and perf. */
    private void handled(VmExit exit, long nanos) {
        stats.handled(exit.reason(), nanos);
        vm.kvm().recorded(this, exit, nanos);
    }

    // ---- trace ----

    private long recordExit(VmExit exit) {
        vm.kvm().countExit();
        stats.exit(exit);
        if (!host().trace().wants(EventKind.VM_EXIT)) return TraceEvent.NO_CAUSE;
        String detail = exit.handledInKernel() ? exit.emulation()
                : "KVM_RUN returns " + exit.toUserspace().name() + ": QEMU emulates it (" + exit.emulation() + ")";
        return host().event(lane, CpuMode.HYPERVISOR, EventKind.VM_EXIT, exit.reason().label() + ": " + exit.what(), detail, exit.cause());
    }

    private void recordEntry(String label, long cause) {
        if (host().trace().wants(EventKind.VM_ENTRY)) host().event(lane, CpuMode.HYPERVISOR, EventKind.VM_ENTRY, label, "", cause);
    }

    @Override
    public String toString() {
        return vm.name() + " vCPU " + index;
    }
}
