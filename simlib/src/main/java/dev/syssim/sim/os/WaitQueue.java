package dev.syssim.sim.os;

import java.util.ArrayList;
import java.util.List;

/**
 * Processes sleeping until something happens (a disk request, data in a pipe, a child's exit, a
 * timer). Waking makes them runnable; each then re-checks its condition, as in Linux.
 */
public final class WaitQueue {

    private final String name;
    private final List<Process> sleepers = new ArrayList<>(2);

    public WaitQueue(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    void add(Process process) {
        sleepers.add(process);
    }

    void remove(Process process) {
        sleepers.remove(process);
    }

    public boolean isEmpty() {
        return sleepers.isEmpty();
    }

    /** Takes all sleepers off the queue; the scheduler makes them runnable. */
    List<Process> takeAll() {
        List<Process> woken = new ArrayList<>(sleepers);
        sleepers.clear();
        return woken;
    }
}
