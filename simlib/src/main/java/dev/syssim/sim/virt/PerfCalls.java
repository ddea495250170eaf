package dev.syssim.sim.virt;

import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;

/**
 * The calls of {@code perf kvm stat record}: opening the kvm:kvm_exit and kvm:kvm_entry
 * tracepoints (perf_event_open, one pair per CPU on Linux; one call here, whose result carries the
 * {@link Kvm.Recording}) and closing them. Only root may trace the whole system (Debian's
 * kernel.perf_event_paranoid is 3 for everyone else).
 */
public final class PerfCalls {

    private PerfCalls() {
    }

    /** perf_event_open of KVM's exit tracepoints, system-wide ({@code pid} 0) or for one VMM. */
    public record OpenKvmTracepoints(int pid) implements Syscall {
        public String name() { return "perf_event_open"; }

        public Outcome enter(Kernel k, Process p) {
            if (p.credentials().euid() != 0) return Outcome.error(Errno.EACCES, Costs.SYSCALL);
            Kvm kvm = Kvm.of(k);
            if (kvm == null) return Outcome.error(Errno.ENOENT, Costs.SYSCALL);
            Process vmm = null;
            if (pid > 0) {
                vmm = k.process(pid);
                if (vmm == null) return Outcome.error(Errno.ESRCH, Costs.SYSCALL);
            }
            return Outcome.done(SysResult.ok(3, kvm.startRecording(vmm)), Costs.SYSCALL * 4);
        }

        public String straceArgs(SysResult r) {
            return "{type=PERF_TYPE_TRACEPOINT, size=PERF_ATTR_SIZE_VER7, config=/* kvm:kvm_exit */, sample_period=1, sample_type=PERF_SAMPLE_IP|PERF_SAMPLE_TID|PERF_SAMPLE_TIME|PERF_SAMPLE_CPU|PERF_SAMPLE_RAW, ...}, "
                    + (pid > 0 ? pid : -1) + ", " + (pid > 0 ? -1 : 0) + ", -1, PERF_FLAG_FD_CLOEXEC";
        }
    }

    /** close of the tracepoints: the recording ends; its samples are what was read from the ring buffers. */
    public record CloseKvmTracepoints(Kvm.Recording recording) implements Syscall {
        public String name() { return "close"; }

        public Outcome enter(Kernel k, Process p) {
            Kvm kvm = Kvm.of(k);
            if (kvm != null) kvm.stopRecording(recording);
            return Outcome.ok(0, Costs.SYSCALL);
        }

        public String straceArgs(SysResult r) { return "3"; }
    }
}
