/**
 * What executables do: the tools of a Debian machine ({@code cat}, {@code ls}, {@code ps},
 * {@code strace} ...), the dynamic loader, the {@code %%program} language, and {@link
 * dev.syssim.sim.prog.Libc}, the C library they are written against. Everything here is user-space
 * code: it reaches the kernel only through syscalls (steps of {@code os}), never by calling into it.
 */
package dev.syssim.sim.prog;
