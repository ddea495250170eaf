/**
 * The hardware of a simulated machine: the timeline that orders everything in simulated time,
 * CPU cores with their privilege mode, their VT-x mode (VMX root and non-root) and interrupt
 * counters, the VMX basic exit reasons, interrupt lines, and devices (disk, timer, console, NIC).
 * A guest's core is a vCPU whose sensitive events go to a {@link dev.syssim.sim.hw.VmExitHandler}
 * (its host's hypervisor, in {@code virt}); a guest's disk has an emulated
 * {@link dev.syssim.sim.hw.Disk.Controller}. It uses only the JDK and the {@code trace} model; the
 * {@code os} package drives it.
 */
package dev.syssim.sim.hw;
