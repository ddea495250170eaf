/**
 * The operating system of a simulated machine: the {@link dev.syssim.sim.os.Kernel} with its process
 * table, {@link dev.syssim.sim.os.Scheduler} (every process's steps run here, under timer
 * preemption), {@link dev.syssim.sim.os.Traps} (syscall entry and return, exceptions, interrupts),
 * and the syscall handlers grouped by subsystem as in xv6 ({@link dev.syssim.sim.os.FileCalls},
 * {@link dev.syssim.sim.os.ProcessCalls}, {@link dev.syssim.sim.os.SystemCalls}), signals, pipes,
 * terminals, devices, resource limits ({@link dev.syssim.sim.os.Rlimits}: RLIMIT_FSIZE and
 * RLIMIT_NPROC enforced) and {@code /proc}. It uses {@code hw}, {@code fs} and {@code trace}; programs
 * ({@code prog}, {@code shell}) reach it only through {@link dev.syssim.sim.os.Step}s and
 * {@link dev.syssim.sim.os.Syscall}s.
 */
package dev.syssim.sim.os;
