package dev.syssim.sim.trace;

/**
 * The privilege the CPU had while an event happened on a lane. {@code NONE} is for lanes that are
 * not code running on a core (devices, networks).
 */
public enum CpuMode {
    /** Ring 3: a process with its privileges dropped. */
    USER,
    /** Ring 0: the operating system. */
    KERNEL,
    /** VMX root mode: the hypervisor of a host running virtual machines. */
    HYPERVISOR,
    NONE
}
