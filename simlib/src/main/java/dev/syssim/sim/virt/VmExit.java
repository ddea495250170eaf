package dev.syssim.sim.virt;

import dev.syssim.sim.hw.ExitReason;

/**
 * One VM exit a guest causes: the VMX basic exit reason, what the guest did ({@code out 0x1f7,
 * 0xc8}), and who handles it. KVM handles most exits in the host kernel ({@code toUserspace} null);
 * an exit for a device QEMU emulates returns from KVM_RUN with {@code toUserspace}, QEMU runs
 * {@code emulate} (the device model's reaction, in QEMU's process), and — if it started work for
 * QEMU's main loop, such as a disk read — wakes that loop.
 *
 * @param reason       the basic exit reason
 * @param what         the guest's instruction or access, for the trace and strace-like views
 * @param emulation    what QEMU's code does about it, e.g. {@code ide_ioport_write: READ DMA}
 * @param toUserspace  KVM_EXIT_IO or KVM_EXIT_MMIO when QEMU must emulate it; null for KVM itself
 * @param emulate      the device model's reaction, run by QEMU — or by KVM itself for an exit it handles,
 *                     such as signalling an ioeventfd (may be empty)
 * @param wakesMainLoop whether QEMU then notifies its main loop (an eventfd write)
 * @param cause        the trace event the exit answers (the guest's device request), or -1
 */
public record VmExit(ExitReason reason, String what, String emulation, KvmExitReason toUserspace, Runnable emulate,
                     boolean wakesMainLoop, long cause) {

    public VmExit {
        if (emulate == null) emulate = () -> { };
    }

    /** An exit KVM handles in the host kernel. */
    public static VmExit inKernel(ExitReason reason, String what, String handling, long cause) {
        return new VmExit(reason, what, handling, null, null, false, cause);
    }

    /** An exit KVM handles in the host kernel with an effect of its own (an ioeventfd it signals). */
    public static VmExit inKernel(ExitReason reason, String what, String handling, Runnable effect, long cause) {
        return new VmExit(reason, what, handling, null, effect, false, cause);
    }

    /** A port access that QEMU emulates (KVM_EXIT_IO). */
    public static VmExit portIo(String what, String emulation, Runnable emulate, boolean wakesMainLoop, long cause) {
        return new VmExit(ExitReason.IO_INSTRUCTION, what, emulation, KvmExitReason.KVM_EXIT_IO, emulate, wakesMainLoop, cause);
    }

    /** A register access that QEMU emulates (KVM_EXIT_MMIO; the exit is an EPT misconfiguration). */
    public static VmExit mmio(String what, String emulation, Runnable emulate, boolean wakesMainLoop, long cause) {
        return new VmExit(ExitReason.EPT_MISCONFIG, what, emulation, KvmExitReason.KVM_EXIT_MMIO, emulate, wakesMainLoop, cause);
    }

    public boolean handledInKernel() {
        return toUserspace == null;
    }
}
