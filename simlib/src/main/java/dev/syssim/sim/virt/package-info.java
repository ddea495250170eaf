/**
 * Virtual machines, the way Linux has them: KVM in the host kernel ({@link dev.syssim.sim.virt.Kvm},
 * the driver of {@code /dev/kvm}), a VMM process (QEMU) that drives each virtual CPU with the KVM
 * ioctls ({@link dev.syssim.sim.virt.KvmCalls}), and guests that are whole simulated machines whose
 * hardware the host provides: their cores are vCPUs ({@link dev.syssim.sim.virt.Vcpu}) whose
 * sensitive events become VM exits with the real VMX basic exit reasons, their disks and NICs are
 * emulated devices ({@code virt.device}: IDE, AHCI, e1000 — many exits — and virtio — few), backed by
 * an image file on the host ({@link dev.syssim.sim.virt.DiskImages}, qcow2). A guest's disk read is
 * the lecture's path one level down: guest syscall, guest driver, VM exit, QEMU reading the image
 * with a host syscall (and the host disk's interrupt), an interrupt injected back, the guest wakes.
 * Guests reach the network through taps on libvirt's bridge {@code virbr0}
 * ({@link dev.syssim.sim.virt.VirtualNetwork}: its NAT rules in the host's netfilter and dnsmasq's
 * leases), their packets costing the exits of their NIC's model.
 *
 * <p>This room uses {@code hw}, {@code os}, {@code fs}, {@code net} and {@code trace}; the world
 * builds the guests' machines through {@link dev.syssim.sim.virt.Guests}, so it does not depend on
 * {@code world}. Its tools ({@code qemu-system-x86_64}, {@code qemu-img}, {@code virsh},
 * {@code libvirtd}, {@code perf kvm}) are in {@code virt.tools}, as netfilter's are in
 * {@code netfilter.tools}.
 */
package dev.syssim.sim.virt;
