/**
 * The isolation tools: {@code chroot} (coreutils), {@code unshare}, {@code nsenter}, {@code lsns},
 * {@code setpriv} (util-linux), {@code ldd} (glibc) — each a program of the simulated Debian that
 * drives the kernel's chroot, namespace and cgroup mechanisms ({@code dev.syssim.sim.os}) through
 * syscalls, with the real tools' messages and exit statuses. Registered by {@code Installed}.
 */
package dev.syssim.sim.prog.tools.isolation;
