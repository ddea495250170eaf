package dev.syssim.sim.hw;

/**
 * Where a core stands with respect to Intel VT-x: not using it, running a hypervisor (VMX root,
 * after VMXON), or running a guest (VMX non-root, after VMLAUNCH/VMRESUME until the next VM exit).
 * A guest's kernel runs at ring 0 inside non-root mode: privileged for its own processes, yet every
 * sensitive operation exits to the root-mode hypervisor.
 */
public enum VmxMode {
    /** VMX is off: a bare-metal core (or a vCPU whose guest is not running at all). */
    OFF,
    /** The hypervisor's own code runs (KVM in the host kernel, or QEMU above it). */
    ROOT,
    /** A guest runs: its code executes directly on the CPU until something sensitive exits. */
    NON_ROOT
}
