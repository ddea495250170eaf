/**
 * The tools of the simulated Debian machine, one class per command (like xv6's ls.c and cat.c), each
 * printing the real tool's messages and returning its exit codes: coreutils 9.1, grep 3.8, procps-ng
 * 4.0.2, util-linux 2.38.1, sudo 1.9.13p3, man-db 2.11, bash 5.2. {@link
 * dev.syssim.sim.prog.tools.Installed} says where each is installed. They use {@link
 * dev.syssim.sim.prog.Libc} and reach the kernel only through syscalls, so strace and the trace see
 * what they do.
 */
package dev.syssim.sim.prog.tools;
