package dev.syssim.sim.virt;

import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.WaitQueue;
import java.util.ArrayList;
import java.util.List;

/** A file QEMU's main loop can wait for with ppoll: an eventfd, a tap device. */
public interface Pollable {

    int POLLIN = 0x001;

    /** Whether a read would find something now. */
    boolean readable();

    /** Registers a poll to be woken by the next change. */
    void watch(WaitQueue poll);

    /** The polls waiting on one file, each woken once by its next change (as Linux's poll wait queues). */
    final class Watchers {
        private final List<WaitQueue> polls = new ArrayList<>(1);

        public void watch(WaitQueue poll) {
            if (!polls.contains(poll)) polls.add(poll);
        }

        public void wake(Kernel kernel) {
            if (polls.isEmpty()) return;
            List<WaitQueue> woken = List.copyOf(polls);
            polls.clear();
            for (WaitQueue q : woken) kernel.scheduler().wakeAll(q);
        }
    }
}
