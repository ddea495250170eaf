/**
 * The container engine's programs: {@code docker} (the client), {@code dockerd}, {@code containerd},
 * {@code containerd-shim-runc-v2} and {@code runc}, as Debian 12's docker.io, containerd and runc
 * packages install them, and their registration. They drive {@code dev.syssim.sim.container} as
 * {@code netfilter.tools} drive netfilter.
 */
package dev.syssim.sim.container.tools;
