package dev.syssim.sim.os;

import dev.syssim.sim.hw.CpuException;
import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.TraceEvent;

/**
 * Every way into the kernel and back out (x86's entry code and Linux's traps.c): the syscall trap
 * and its return to user mode, hardware interrupts, and the CPU exceptions a user program can cause
 * — #GP for a privileged instruction, #PF for memory it does not own — which end in SIGSEGV.
 */
public final class Traps {

    /** Where user programs are loaded and where their stack lives: the only memory they may touch. */
    public static final long USER_TEXT = 0x400000L;
    public static final long USER_STACK_TOP = 0x7ffffffff000L;
    public static final long USER_STACK_SIZE = 8L << 20;
    /** The start of the kernel's half of the address space. */
    public static final long KERNEL_BASE = 0xffff800000000000L;

    private final Kernel kernel;

    Traps(Kernel kernel) {
        this.kernel = kernel;
    }

    void syscallEntry(int core, Process p, Syscall call) {
        if (p.tracer != null) p.tracer.syscallEntered(p, call);
        if (!kernel.trace().wants(EventKind.SYSCALL_ENTER)) return;
        // details stay empty where they would repeat on every call: a trace's bytes are per event
        long seq = kernel.event(p.lane(), CpuMode.USER, EventKind.SYSCALL_ENTER, call.describe(null), "", TraceEvent.NO_CAUSE);
        p.syscallEventSeq = seq;
        if (kernel.trace().wants(EventKind.MODE_SWITCH)) {
            kernel.event(p.lane(), CpuMode.KERNEL, EventKind.MODE_SWITCH, "user -> kernel mode: the " + call.name() + " handler", "", seq);
        }
    }

    void syscallExit(int core, Process p, Syscall call, SysResult result, boolean jumpToEntry) {
        if (p.tracer != null) p.tracer.syscallReturned(p, call, result);
        if (!kernel.trace().wants(EventKind.SYSCALL_EXIT)) return;
        // the full strace line only when the return filled in something the entry could not show (read's data)
        String returned = call.describe(result);
        String detail = returned.equals(call.describe(null)) ? "" : returned;
        long seq = kernel.event(p.lane(), CpuMode.KERNEL, EventKind.SYSCALL_EXIT, "= " + call.straceResult(result), detail, p.syscallEventSeq);
        if (kernel.trace().wants(EventKind.MODE_SWITCH)) {
            String label = jumpToEntry ? "kernel -> user mode: drop privileges, jump to the new program's entry point"
                    : "kernel -> user mode: drop privileges";
            kernel.event(p.lane(), CpuMode.USER, EventKind.MODE_SWITCH, label, "", seq);
        }
    }

    /** A hardware interrupt taken on {@code core}; returns the event's seq for causes. */
    public long interrupt(int core, Irq irq, String what) {
        kernel.scheduler().core(core).interruptArriving(irq);
        kernel.scheduler().core(core).countInterrupt(irq);
        if (!kernel.trace().wants(EventKind.INTERRUPT)) return TraceEvent.NO_CAUSE;
        Lane lane = irq == Irq.LOCAL_TIMER ? kernel.timerLane() : kernel.deviceLane(irq);
        return kernel.event(lane, CpuMode.NONE, EventKind.INTERRUPT, irq.label() + " on cpu" + core, what, TraceEvent.NO_CAUSE);
    }

    void returnFromInterrupt(int core, Process p) {
        if (kernel.trace().wants(EventKind.MODE_SWITCH)) {
            kernel.event(p.lane(), CpuMode.USER, EventKind.MODE_SWITCH, "kernel -> user mode: resume " + p, "", TraceEvent.NO_CAUSE);
        }
    }

    /** A privileged instruction in user mode: #GP, a kernel log line, SIGSEGV. */
    void generalProtection(int core, Process p, String instruction) {
        CpuException gp = CpuException.GENERAL_PROTECTION;
        kernel.scheduler().core(core).setMode(CpuMode.KERNEL);
        if (kernel.trace().wants(EventKind.EXCEPTION)) {
            kernel.event(p.lane(), CpuMode.USER, EventKind.EXCEPTION, gp.mnemonic() + " " + gp.description() + " (vector " + gp.vector() + ")",
                    "'" + instruction + "' is privileged: the CPU refuses it in user mode", TraceEvent.NO_CAUSE);
        }
        long ip = USER_TEXT + 0x1136;
        kernel.printk(KernelLog.KERN_INFO, String.format("traps: %s[%d] general protection fault ip:%x sp:%x error:0 in %s[%x+%x]",
                p.comm(), p.ownPid(), ip, USER_STACK_TOP - 0x2f0, p.comm(), USER_TEXT, 0x1000));
        kernel.signals().force(p, Signal.SIGSEGV);
    }

    /** A memory access: fine inside the process's own mappings, else #PF and SIGSEGV. */
    boolean touch(int core, Process p, Step.Touch touch) {
        long a = touch.address();
        long textEnd = USER_TEXT + (long) Math.max(p.memoryKiB(), 4) * 1024;
        boolean mapped = (a >= USER_TEXT && a < textEnd) || (a < USER_STACK_TOP && a >= USER_STACK_TOP - USER_STACK_SIZE);
        if (mapped) return true;
        CpuException pf = CpuException.PAGE_FAULT;
        kernel.scheduler().core(core).setMode(CpuMode.KERNEL);
        boolean kernelAddress = a >= KERNEL_BASE;
        if (kernel.trace().wants(EventKind.EXCEPTION)) {
            String why = kernelAddress ? "the page belongs to the kernel: user mode may not touch it"
                    : "no page of " + p + " is mapped there";
            kernel.event(p.lane(), CpuMode.USER, EventKind.EXCEPTION, pf.mnemonic() + " " + pf.description() + " (vector " + pf.vector() + ") at 0x" + Long.toHexString(a),
                    why, TraceEvent.NO_CAUSE);
        }
        int error = (kernelAddress ? 1 : 0) | (touch.write() ? 2 : 0) | 4;
        kernel.printk(KernelLog.KERN_INFO, String.format("%s[%d]: segfault at %x ip %016x sp %016x error %d in %s[%x+%x]",
                p.comm(), p.ownPid(), a, USER_TEXT + 0x1136, USER_STACK_TOP - 0x2f0, error, p.comm(), USER_TEXT, 0x1000));
        kernel.signals().force(p, Signal.SIGSEGV);
        return false;
    }
}
