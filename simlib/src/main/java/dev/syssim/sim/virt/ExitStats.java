package dev.syssim.sim.virt;

import dev.syssim.sim.hw.ExitReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * What KVM counts about one vCPU's exits: per basic exit reason the number of exits and the time
 * from exit to the next entry (what {@code perf kvm stat} reports), and the counters of KVM's own
 * statistics ({@code exits}, {@code halt_exits}, {@code io_exits}, ... as {@code virsh domstats
 * --vcpu} prints them from KVM's binary stats).
 */
public final class ExitStats {

    /** Count, total, minimum, maximum and sum of squares of the handling times of one reason. */
    public static final class Times {
        private long count;
        /** Exits whose entry has come (a HLT still halted has no handling time yet). */
        private long timed;
        private long total;
        private long min = Long.MAX_VALUE;
        private long max;
        private double sumSquares;

        void add(long nanos) {
            timed++;
            total += nanos;
            min = Math.min(min, nanos);
            max = Math.max(max, nanos);
            sumSquares += (double) nanos * nanos;
        }

        public long count() {
            return count;
        }

        public long total() {
            return total;
        }

        public long min() {
            return timed == 0 ? 0 : min;
        }

        /** Exits of this reason that have been handled (the guest re-entered). */
        public long timed() {
            return timed;
        }

        public long max() {
            return max;
        }

        /** The relative standard deviation of the mean, in percent, as perf's {@code rel_stddev_stats}. */
        public double relativeStddev() {
            if (timed < 2 || total == 0) return 0;
            double mean = (double) total / timed;
            double variance = (sumSquares - timed * mean * mean) / (timed - 1);
            double stddevOfMean = Math.sqrt(Math.max(0, variance) / timed);
            return stddevOfMean / mean * 100;
        }
    }

    private final Map<ExitReason, Times> byReason = new EnumMap<>(ExitReason.class);
    private long exits;
    private long ioExits;
    private long mmioExits;
    private long haltExits;
    private long haltWakeups;
    private long irqExits;
    private long irqInjections;
    private long requestIrqExits;
    private long signalExits;
    private long pfFixed;
    private long hypercalls;
    private long nestedRuns;
    private long insnEmulation;

    /** An exit happened: counted now, its handling time comes with the entry ({@link #handled}). */
    void exit(VmExit exit) {
        exits++;
        byReason.computeIfAbsent(exit.reason(), r -> new Times()).count++;
        switch (exit.reason()) {
            case HLT -> haltExits++;
            case EXTERNAL_INTERRUPT -> irqExits++;
            case EPT_VIOLATION -> pfFixed++;
            case VMCALL -> hypercalls++;
            case VMLAUNCH, VMRESUME -> nestedRuns++;
            case IO_INSTRUCTION, CPUID, MSR_READ, MSR_WRITE, CR_ACCESS -> insnEmulation++;
            default -> { }
        }
        if (exit.toUserspace() == KvmExitReason.KVM_EXIT_IO) ioExits++;
        if (exit.toUserspace() == KvmExitReason.KVM_EXIT_MMIO) mmioExits++;
    }

    /** The exit of {@code reason} was handled in {@code nanos}: the guest entered again. */
    void handled(dev.syssim.sim.hw.ExitReason reason, long nanos) {
        byReason.computeIfAbsent(reason, r -> new Times()).add(nanos);
    }

    void injection(boolean wokeFromHalt) {
        irqInjections++;
        if (wokeFromHalt) haltWakeups++;
    }

    void signalExit() {
        signalExits++;
    }

    /** Exits per reason (reasons never seen are absent), in exit-reason order. */
    public Map<ExitReason, Times> byReason() {
        return byReason;
    }

    public long exits() {
        return exits;
    }

    public long count(ExitReason reason) {
        Times t = byReason.get(reason);
        return t == null ? 0 : t.count();
    }

    /** Adds another vCPU's counts to these (a whole VM's view). */
    public void addAll(ExitStats other) {
        other.byReason.forEach((reason, times) -> {
            Times mine = byReason.computeIfAbsent(reason, r -> new Times());
            mine.count += times.count;
            mine.timed += times.timed;
            mine.total += times.total;
            mine.min = Math.min(mine.min, times.min);
            mine.max = Math.max(mine.max, times.max);
            mine.sumSquares += times.sumSquares;
        });
        exits += other.exits;
        ioExits += other.ioExits;
        mmioExits += other.mmioExits;
        haltExits += other.haltExits;
        haltWakeups += other.haltWakeups;
        irqExits += other.irqExits;
        irqInjections += other.irqInjections;
        requestIrqExits += other.requestIrqExits;
        signalExits += other.signalExits;
        pfFixed += other.pfFixed;
        hypercalls += other.hypercalls;
        nestedRuns += other.nestedRuns;
        insnEmulation += other.insnEmulation;
    }

    /**
     * KVM's per-vCPU statistics by the names of its binary stats interface, in the order QEMU's
     * query-stats hands them to libvirt (recorded with libvirt 9.0 / QEMU 7.2 on Linux 6.1:
     * testdata/oracle/virt/domstats-vcpu-running.txt).
     */
    public Map<String, Long> kvmCounters() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        out.put("hypercalls", hypercalls);
        out.put("signal_exits", signalExits);
        out.put("nested_run", nestedRuns);
        out.put("irq_injections", irqInjections);
        out.put("request_irq_exits", requestIrqExits);
        out.put("nmi_injections", 0L);
        out.put("directed_yield_attempted", 0L);
        out.put("preemption_reported", 0L);
        out.put("exits", exits);
        out.put("halt_poll_fail_ns", 0L);
        out.put("halt_poll_invalid", 0L);
        out.put("l1d_flush", 0L);
        out.put("preemption_other", 0L);
        out.put("pf_emulate", 0L);
        out.put("halt_exits", haltExits);
        out.put("tlb_flush", 0L);
        out.put("irq_exits", irqExits);
        out.put("directed_yield_successful", 0L);
        out.put("irq_window_exits", 0L);
        out.put("host_state_reload", ioExits + mmioExits);
        out.put("invlpg", 0L);
        out.put("pf_taken", pfFixed);
        out.put("req_event", irqInjections);
        out.put("halt_wait_ns", 0L);
        out.put("halt_attempted_poll", 0L);
        out.put("io_exits", ioExits);
        out.put("nmi_window_exits", 0L);
        out.put("halt_poll_success_ns", 0L);
        out.put("pf_parked", 0L);
        out.put("notify_window_exits", 0L);
        out.put("insn_emulation_fail", 0L);
        out.put("halt_successful_poll", 0L);
        out.put("pf_fast", 0L);
        out.put("pf_mmio_spte_created", 0L);
        out.put("pf_spurious", 0L);
        out.put("halt_wakeup", haltWakeups);
        out.put("pf_guest", 0L);
        out.put("mmio_exits", mmioExits);
        out.put("pf_fixed", pfFixed);
        out.put("insn_emulation", insnEmulation);
        out.put("fpu_reload", ioExits + mmioExits);
        out.put("pf_park_timeouts", 0L);
        return out;
    }
}
