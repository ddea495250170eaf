/**
 * The tools of the simulated Debian machine, one class per command (like xv6's ls.c and cat.c), each
 * printing the real tool's messages and returning its exit codes. They are grouped by what they do,
 * as coreutils' manual and busybox's source tree group theirs: {@code text}, {@code files}, {@code
 * processes}, {@code system}, {@code users} (network tools live in {@code prog.net}). Each group's
 * registry says where its tools are installed; {@link dev.syssim.sim.prog.tools.Installed} joins
 * them. Option parsing ({@link dev.syssim.sim.prog.Options}) and the C library ({@link
 * dev.syssim.sim.prog.Libc}) are shared from {@code prog}; tools reach the kernel only through
 * syscalls, so strace and the trace see what they do.
 */
package dev.syssim.sim.prog.tools;
