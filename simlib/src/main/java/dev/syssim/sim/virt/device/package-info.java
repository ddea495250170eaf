/**
 * The devices QEMU emulates for a guest, each as the guest's driver programs it and as QEMU serves
 * it: which VM exits a request costs (port I/O for the legacy IDE controller, register accesses for
 * AHCI and e1000, one notification for virtio), what QEMU's threads then do on the host (read the
 * image, write the tap device), and how the completion interrupt comes back. The room's mechanism
 * ({@code virt}) routes the exits and interrupts; QEMU's program ({@code virt.tools}) does the work.
 */
package dev.syssim.sim.virt.device;
