/**
 * The isolation tools: {@code chroot} (coreutils), {@code unshare}, {@code nsenter}, {@code lsns},
 * {@code setpriv} (util-linux), {@code ldd} (glibc) — each a program of the simulated Debian that
 * drives the kernel's chroot, namespace and cgroup mechanisms ({@code dev.syssim.sim.os}) through
 * syscalls, with the real tools' messages and exit statuses; and {@code debootstrap}, which builds
 * Debian roots from the simulated offline mirror ({@code Packages}: what each package installs),
 * with GNU {@code hello} from trixie for the loader's GLIBC version story ({@code MinbaseTree} writes
 * bookworm's minbase straight into a tree: the container engine's {@code debian} image). Registered by
 * {@code Installed}.
 */
package dev.syssim.sim.prog.tools.isolation;
