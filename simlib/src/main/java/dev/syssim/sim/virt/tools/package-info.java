/**
 * The virtualization room's commands, as Debian 12 installs them: {@code qemu-system-x86_64} (the
 * VMM: its threads make the KVM ioctls), {@code qemu-img}, libvirt's daemon {@code libvirtd} and
 * client {@code virsh}, and {@code perf kvm stat}. They use the room's mechanism ({@code virt}) and
 * the C library of {@code prog}; the world installs them where a machine has the virtualization
 * packages.
 */
package dev.syssim.sim.virt.tools;
