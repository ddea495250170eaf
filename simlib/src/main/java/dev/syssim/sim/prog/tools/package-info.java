/**
 * The tools of the simulated Debian machine, one class per command, each printing the real tool's
 * messages and returning its exit codes (coreutils 9.1, procps-ng 4.0.2, util-linux 2.38, bash 5.2).
 * They use {@link dev.syssim.sim.prog.Libc} and nothing of the kernel.
 */
package dev.syssim.sim.prog.tools;
