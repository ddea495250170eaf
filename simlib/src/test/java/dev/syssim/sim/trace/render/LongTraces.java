package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.Trace;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;

/** Long traces recorded through the bounded {@link Trace}, as a long simulation would record them. */
final class LongTraces {

    private LongTraces() {
    }

    /**
     * {@code yes | head -c ...}-like: a process writing in a loop, each write a syscall with a device
     * request and a return, and a timer interrupt with a context switch every 100 writes.
     */
    static TraceSnapshot yes(int events, int headLimit, int tailLimit) {
        Lane yes = Lane.process("laptop", "yes", 1301);
        Lane kernel = Lane.kernel("laptop");
        Lane console = Lane.device("laptop", "console");
        Lane timer = Lane.device("laptop", "timer");
        Trace trace = new Trace(headLimit, tailLimit);
        trace.setLevel(TraceLevel.FULL);
        long t = 0;
        int writes = 0;
        while (trace.total() < events) {
            long w = trace.record(t, yes, CpuMode.USER, EventKind.SYSCALL_ENTER, "write(1, \"y\\ny\\n...\", 4096)", "", TraceEvent.NO_CAUSE);
            if (trace.total() < events) trace.record(t + 200, console, CpuMode.NONE, EventKind.DEVICE_REQUEST, "4096 bytes to the terminal", "", w);
            if (trace.total() < events) trace.record(t + 400, yes, CpuMode.USER, EventKind.SYSCALL_EXIT, "= 4096", "", w);
            if (++writes % 100 == 0 && trace.total() < events) {
                long irq = trace.record(t + 500, timer, CpuMode.NONE, EventKind.INTERRUPT, "IRQ 0 (timer): tick", "", TraceEvent.NO_CAUSE);
                if (trace.total() < events) trace.record(t + 600, kernel, CpuMode.KERNEL, EventKind.CONTEXT_SWITCH, "yes[1301] -> yes[1301]", "", irq);
            }
            t += 1_000;
        }
        return trace.snapshot();
    }
}
