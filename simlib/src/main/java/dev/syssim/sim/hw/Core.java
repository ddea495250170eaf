package dev.syssim.sim.hw;

import dev.syssim.sim.trace.CpuMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CPU core: its index, the privilege mode it runs in right now, its VT-x mode, and how many
 * interrupts of each line it has taken (what {@code /proc/interrupts} shows per CPU). A core of a
 * guest is a vCPU: it has a {@link VmExitHandler} (its host), and what would be a VM exit on real
 * hardware goes there.
 */
public final class Core {

    private final int index;
    private CpuMode mode = CpuMode.KERNEL;
    private VmxMode vmxMode = VmxMode.OFF;
    private VmExitHandler host;
    private final Map<Irq, Long> interruptCounts = new LinkedHashMap<>();

    public Core(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }

    public CpuMode mode() {
        return mode;
    }

    public void setMode(CpuMode mode) {
        this.mode = mode;
    }

    public VmxMode vmxMode() {
        return vmxMode;
    }

    public void setVmxMode(VmxMode vmxMode) {
        this.vmxMode = vmxMode;
    }

    /** Makes this core a vCPU whose sensitive events go to {@code host}; it waits for its first VM entry. */
    public void virtualize(VmExitHandler host) {
        this.host = host;
        this.vmxMode = VmxMode.OFF;
    }

    /** The host side of this vCPU, or null for a physical core. */
    public VmExitHandler vmExitHandler() {
        return host;
    }

    /** True for a guest's virtual CPU. */
    public boolean isVcpu() {
        return host != null;
    }

    /**
     * Whether the core may run its next step now. A physical core always may; a vCPU only in
     * non-root mode, else {@code resume} runs at its next VM entry.
     */
    public boolean mayRun(Runnable resume) {
        return host == null || host.inGuestMode(this, resume);
    }

    /** The kernel has nothing to run on this core: HLT (a VM exit on a vCPU). */
    public void halt() {
        if (host != null) host.halt(this);
    }

    /** An interrupt is about to be taken on this core (on a vCPU the host may have seen it first). */
    public void interruptArriving(Irq irq) {
        if (host != null) host.interrupt(this, irq);
    }

    public void countInterrupt(Irq irq) {
        interruptCounts.merge(irq, 1L, Long::sum);
    }

    public long interruptCount(Irq irq) {
        return interruptCounts.getOrDefault(irq, 0L);
    }

    public String name() {
        return "cpu" + index;
    }
}
