package dev.syssim.sim.virt;

import dev.syssim.sim.hw.Core;
import dev.syssim.sim.hw.ExitReason;
import dev.syssim.sim.hw.VmxMode;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.FileOps;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.KernelLog;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * KVM, the hypervisor in a host's kernel ({@code kvm} and {@code kvm_intel}): the driver of
 * {@code /dev/kvm} (misc device 10:232), the virtual machines its users created, and the exits
 * they take. A VMM opens {@code /dev/kvm}, asks for a VM (KVM_CREATE_VM: an anonymous file), gives
 * it memory and vCPUs, and runs each vCPU with KVM_RUN ({@link KvmCalls}). Loaded on a machine whose
 * CPU has VMX; {@code nested} says whether its own guests may use VMX in turn (kvm_intel's
 * {@code nested} parameter).
 */
public final class Kvm {

    public static final int MISC_MAJOR = 10;
    public static final int MINOR = 232;
    /** KVM_GET_API_VERSION's answer: 12 since Linux 2.6.22. */
    public static final int API_VERSION = 12;

    /** A running {@code perf kvm stat record}: the exits of the VMs it watches, each with its handling time. */
    public static final class Recording {
        private final Process vmmFilter;
        private final List<Sample> samples = new ArrayList<>();
        private boolean active = true;

        Recording(Process vmmFilter) {
            this.vmmFilter = vmmFilter;
        }

        public List<Sample> samples() {
            return samples;
        }

        public void stop() {
            active = false;
        }
    }

    /** One exit as perf's kvm_exit/kvm_entry pair gives it: the VMM's pid, the vCPU, the reason, the time from exit to entry. */
    public record Sample(int pid, int vcpu, ExitReason reason, long nanos) {
    }

    private static final Map<ExitReason, Long> HANDLING = new EnumMap<>(ExitReason.class);

    static {
        HANDLING.put(ExitReason.EXTERNAL_INTERRUPT, 650L);
        HANDLING.put(ExitReason.PREEMPTION_TIMER, 520L);
        HANDLING.put(ExitReason.MSR_WRITE, 880L);
        HANDLING.put(ExitReason.MSR_READ, 610L);
        HANDLING.put(ExitReason.CPUID, 410L);
        HANDLING.put(ExitReason.CR_ACCESS, 560L);
        HANDLING.put(ExitReason.EPT_VIOLATION, 2_450L);
        HANDLING.put(ExitReason.EPT_MISCONFIG, 1_350L);
        HANDLING.put(ExitReason.IO_INSTRUCTION, 1_200L);
        HANDLING.put(ExitReason.VMRESUME, 1_900L);
        HANDLING.put(ExitReason.VMLAUNCH, 2_600L);
        HANDLING.put(ExitReason.VMCALL, 790L);
        HANDLING.put(ExitReason.HLT, 1_000L);
    }

    private final Kernel host;
    private final Guests guests;
    private final boolean nested;
    private final List<VirtualMachine> vms = new ArrayList<>();
    private final List<Recording> recordings = new ArrayList<>();
    private int nextVm = 1;
    private long exits;

    private Kvm(Kernel host, Guests guests, boolean nested) {
        this.host = host;
        this.guests = guests;
        this.nested = nested;
    }

    /**
     * Loads KVM on {@code host} (its CPU has VMX): /dev/kvm answers from now on, and the cores do
     * VMXON. {@code nested}: whether guests may be given VMX themselves.
     */
    public static Kvm load(Kernel host, Guests guests, boolean nested) {
        Kvm kvm = new Kvm(host, guests, nested);
        host.attachRoom(Kvm.class, kvm);
        host.devices().register(MISC_MAJOR, MINOR, (kernel, p) -> new SystemFile(kvm));
        for (int c = 0; c < host.scheduler().coreCount(); c++) {
            Core core = host.scheduler().core(c);
            if (!core.isVcpu()) core.setVmxMode(VmxMode.ROOT);
        }
        host.log().log(KernelLog.KERN_INFO, 36_000_000 , "kvm: VMX enabled on " + host.scheduler().coreCount()
                + " CPU(s); /dev/kvm (misc 10:232)" + (nested ? "; nested virtualization allowed" : ""));
        return kvm;
    }

    /** The KVM of a machine, or null where it is not loaded (no VMX). */
    public static Kvm of(Kernel host) {
        return host.room(Kvm.class);
    }

    public Kernel host() {
        return host;
    }

    public Guests guests() {
        return guests;
    }

    /** kvm_intel's {@code nested}: whether a guest may be given VMX. */
    public boolean nested() {
        return nested;
    }

    /** The VMs that exist now, oldest first. */
    public List<VirtualMachine> vms() {
        return List.copyOf(vms);
    }

    /** Exits taken by all guests of this host since KVM loaded. */
    public long exits() {
        return exits;
    }

    void countExit() {
        exits++;
    }

    void forget(VirtualMachine vm) {
        vms.remove(vm);
    }

    /** A typical time KVM needs to handle an exit of this reason in the host kernel. */
    static long handlingNanos(ExitReason reason) {
        return HANDLING.getOrDefault(reason, 1_000L);
    }

    // ---- perf kvm stat ----

    /** Starts recording exits (of the VMs of {@code vmm}'s process only, or all when null). */
    public Recording startRecording(Process vmm) {
        Recording r = new Recording(vmm);
        recordings.add(r);
        return r;
    }

    /** Ends a recording. */
    public void stopRecording(Recording r) {
        r.stop();
        recordings.remove(r);
    }

    void recorded(Vcpu vcpu, VmExit exit, long nanos) {
        if (recordings.isEmpty()) return;
        Process owner = vcpu.vm().owner();
        for (Recording r : recordings) {
            if (!r.active || (r.vmmFilter != null && r.vmmFilter != owner)) continue;
            r.samples.add(new Sample(owner.pid(), vcpu.index(), exit.reason(), nanos));
        }
    }

    /**
     * Nested virtualization: this KVM runs inside a guest (L1). Each time it resumes its own guest
     * (L2) after an exit, the VMRESUME instruction exits to the real hypervisor (L0), which emulates
     * VMX for it.
     */
    void nestedReentry(Vcpu l2) {
        Core core0 = host.scheduler().core(0);
        if (!(core0.vmExitHandler() instanceof Vcpu l1)) return;
        l1.exit(VmExit.inKernel(ExitReason.VMRESUME, "vmresume (the guest hypervisor re-enters " + l2.vm().name() + ")",
                "KVM (L0) emulates VMX for the guest's hypervisor: switch to its guest's VMCS", TraceEvent.NO_CAUSE));
    }

    // ---- the files ----

    /** {@code /dev/kvm} opened: the system ioctls (KVM_GET_API_VERSION, KVM_CREATE_VM). */
    static final class SystemFile implements FileOps {
        private final Kvm kvm;

        SystemFile(Kvm kvm) {
            this.kvm = kvm;
        }

        Kvm kvm() {
            return kvm;
        }

        VirtualMachine createVm(Process vmm) {
            VirtualMachine vm = new VirtualMachine(kvm, vmm.threadGroupLeader(), kvm.nextVm++);
            kvm.vms.add(vm);
            return vm;
        }

        @Override
        public Outcome read(Kernel k, Process p, OpenFile f, int count) {
            return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        }

        @Override
        public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
            return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        }
    }

    /** A VM's file (anon_inode:kvm-vm): its last close destroys the VM. */
    static final class VmFile implements FileOps {
        private final VirtualMachine vm;

        VmFile(VirtualMachine vm) {
            this.vm = vm;
        }

        VirtualMachine vm() {
            return vm;
        }

        @Override
        public Outcome read(Kernel k, Process p, OpenFile f, int count) {
            return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        }

        @Override
        public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
            return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        }

        @Override
        public void release(Kernel kernel, OpenFile file) {
            vm.destroy();
        }
    }

    /** A vCPU's file (anon_inode:kvm-vcpu:N). */
    static final class VcpuFile implements FileOps {
        private final Vcpu vcpu;

        VcpuFile(Vcpu vcpu) {
            this.vcpu = vcpu;
        }

        Vcpu vcpu() {
            return vcpu;
        }

        @Override
        public Outcome read(Kernel k, Process p, OpenFile f, int count) {
            return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        }

        @Override
        public Outcome write(Kernel k, Process p, OpenFile f, byte[] data) {
            return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        }
    }
}
