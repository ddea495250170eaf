/**
 * What executables do: the tools of a Debian machine ({@code cat}, {@code ls}, {@code ps},
 * {@code strace} ...), the dynamic loader, the {@code %%program} language, and {@link
 * dev.syssim.sim.prog.Libc}, the C library they are written against. Everything here is user-space
 * code: it reaches the kernel only through syscalls (steps of {@code os}), never by calling into it.
 * The pure engines bash and the tools share live here too, touching no simulation types at all:
 * {@link dev.syssim.sim.prog.Fnmatch} (patterns), {@link dev.syssim.sim.prog.Printf} (printf and
 * echo) and {@link dev.syssim.sim.prog.TestExpression} (test and [).
 */
package dev.syssim.sim.prog;
