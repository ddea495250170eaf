package dev.syssim.sim.trace;

/** What kind of actor a lane of the diagram stands for; renderers order and colour lanes by it. */
public enum LaneType {
    /** A user process (its user-mode code; its kernel-mode work is drawn on the KERNEL lane). */
    PROCESS,
    /** A machine's operating-system kernel: syscall and interrupt handlers, the scheduler. */
    KERNEL,
    /** A hardware device: disk, NIC, timer, console, keyboard. */
    DEVICE,
    /** The hypervisor of a host that runs virtual machines (VMX root mode). */
    HYPERVISOR,
    /** A network segment a packet travels on. */
    NETWORK,
    /** A netfilter hook of a machine (INPUT, OUTPUT, FORWARD). */
    FIREWALL
}
