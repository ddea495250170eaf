/**
 * The container engine (Docker 20.10 as Debian 12 packages it): images in a local store, fetched
 * from a simulated offline registry; containers and their life cycle; and the calls its processes
 * make — the client's connect to {@code /var/run/docker.sock}, dockerd's requests, the shim's and
 * runc's reports. Nothing here is magic: runc (in {@code container.tools}) builds a container from
 * the kernel's own pieces — clone with CLONE_NEW* flags, a cgroup v2 directory with the limits, the
 * image's root mounted and entered with chroot, then execve — with ordinary system calls, so the
 * trace of {@code docker run} reads as that composition. Images carry their Dockerfile metadata
 * ({@code ImageConfig}), containers the capability set ({@code Capabilities}) and host devices
 * ({@code Device}) runc gives them. Uses {@code os}, {@code fs} and
 * {@code prog}; the tools {@code docker}, {@code dockerd}, {@code containerd},
 * {@code containerd-shim-runc-v2} and {@code runc} are in {@code container.tools}.
 */
package dev.syssim.sim.container;
