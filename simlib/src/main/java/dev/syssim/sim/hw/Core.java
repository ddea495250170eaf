package dev.syssim.sim.hw;

import dev.syssim.sim.trace.CpuMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CPU core: its index, the privilege mode it runs in right now, and how many interrupts of each
 * line it has taken (what {@code /proc/interrupts} shows per CPU).
 */
public final class Core {

    private final int index;
    private CpuMode mode = CpuMode.KERNEL;
    private final Map<Irq, Long> interruptCounts = new LinkedHashMap<>();

    public Core(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }

    public CpuMode mode() {
        return mode;
    }

    public void setMode(CpuMode mode) {
        this.mode = mode;
    }

    public void countInterrupt(Irq irq) {
        interruptCounts.merge(irq, 1L, Long::sum);
    }

    public long interruptCount(Irq irq) {
        return interruptCounts.getOrDefault(irq, 0L);
    }

    public String name() {
        return "cpu" + index;
    }
}
