package dev.syssim.sim.hw;

/**
 * The VMX basic exit reasons a guest leaves non-root mode with (Intel SDM vol. 3, appendix C), by
 * the numbers and names Linux uses: {@code arch/x86/include/uapi/asm/vmx.h}, whose
 * {@code VMX_EXIT_REASONS} table is what {@code perf kvm stat report} prints. Only the reasons the
 * simulation produces are listed; their numbers are the hardware's.
 */
public enum ExitReason {
    EXCEPTION_NMI(0),
    /** An interrupt for the host arrived while the guest ran (the host's timer, a device of the host). */
    EXTERNAL_INTERRUPT(1),
    TRIPLE_FAULT(2),
    /** The guest became able to take an interrupt the host wants to inject (Linux 5.x renamed PENDING_INTERRUPT). */
    INTERRUPT_WINDOW(7),
    /** CPUID always exits: the host decides which CPU the guest believes it has. */
    CPUID(10),
    /** The guest's idle loop: nothing to run until an interrupt. */
    HLT(12),
    /** A hypercall: the guest asks the host for something on purpose. */
    VMCALL(18),
    VMCLEAR(19),
    /** A guest hypervisor (nested) starts its own guest: KVM emulates VMX for it. */
    VMLAUNCH(20),
    VMPTRLD(21),
    VMREAD(23),
    /** A guest hypervisor (nested) resumes its own guest. */
    VMRESUME(24),
    VMWRITE(25),
    VMON(27),
    /** The guest writes a control register (CR0, CR3, CR4): paging and protection set-up. */
    CR_ACCESS(28),
    /** {@code in}/{@code out} to a port: how an emulated legacy device (IDE, the PIT) is programmed. */
    IO_INSTRUCTION(30),
    MSR_READ(31),
    /** {@code wrmsr}, e.g. IA32_TSC_DEADLINE: the guest arms its next timer interrupt. */
    MSR_WRITE(32),
    /** The guest touched guest-physical memory the host has not mapped yet (first touch of a page). */
    EPT_VIOLATION(48),
    /** An access to memory-mapped device registers (KVM marks them so they fault fast): MMIO. */
    EPT_MISCONFIG(49),
    /** The VMX preemption timer expired: KVM's way of giving the guest its timer tick. */
    PREEMPTION_TIMER(52),
    XSETBV(55);

    private final int number;

    ExitReason(int number) {
        this.number = number;
    }

    /** The basic exit reason, bits 15:0 of the VMCS field. */
    public int number() {
        return number;
    }

    /** {@code 30 IO_INSTRUCTION}: how a trace labels it. */
    public String label() {
        return number + " " + name();
    }

    public static ExitReason of(int number) {
        for (ExitReason r : values()) if (r.number == number) return r;
        throw new IllegalArgumentException("no exit reason " + number);
    }
}
