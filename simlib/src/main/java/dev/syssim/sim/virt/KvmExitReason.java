package dev.syssim.sim.virt;

/**
 * Why {@code ioctl(KVM_RUN)} returned to the VMM: the {@code exit_reason} of {@code struct kvm_run}
 * ({@code include/uapi/linux/kvm.h}). Most VM exits never get here — KVM handles them in the host
 * kernel and re-enters the guest; only what QEMU must emulate itself comes back to user space.
 */
public enum KvmExitReason {
    /** A port access to a device QEMU emulates (the IDE controller, the serial port). */
    KVM_EXIT_IO(2),
    /** A memory-mapped register of a device QEMU emulates (e1000, AHCI). */
    KVM_EXIT_MMIO(6),
    /** The guest reset or powered off (a triple fault, or ACPI power-off). */
    KVM_EXIT_SHUTDOWN(8),
    /** A signal interrupted KVM_RUN (QEMU kicks a vCPU thread this way). */
    KVM_EXIT_INTR(10);

    private final int number;

    KvmExitReason(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
