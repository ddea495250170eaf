package dev.syssim.sim.hw;

/**
 * The host side of a virtual CPU: where the hardware sends what a guest does that it may not do
 * alone. A core with a handler is a vCPU: the guest's kernel drives it like any core, and at the
 * moments where real VT-x would leave non-root mode (the guest goes idle, an interrupt reaches it,
 * it touches a device) the handler decides which VM exits happen and when the guest runs again.
 */
public interface VmExitHandler {

    /**
     * Whether the vCPU is in non-root mode now, so the guest's next step may run. If not (the vCPU
     * is halted, or its exit is being handled), {@code resume} is kept and run at the next VM entry.
     */
    boolean inGuestMode(Core vcpu, Runnable resume);

    /** The guest kernel has nothing to run and executes HLT. */
    void halt(Core vcpu);

    /** An interrupt on {@code irq} is about to be taken by the guest on this vCPU. */
    void interrupt(Core vcpu, Irq irq);
}
