package dev.syssim.sim.net.stack;

import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.WaitQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * Who waits for a socket to change: processes sleeping in one of its calls (accept, connect, read)
 * and the {@code poll} calls watching it. Any change of the socket wakes them all; each re-checks
 * what it waits for, as in Linux ({@code sk_wake_async}, the socket's wait queue).
 */
public final class Waiters {

    private final WaitQueue queue;
    private final List<WaitQueue> polls = new ArrayList<>(1);

    public Waiters(String name) {
        this.queue = new WaitQueue(name);
    }

    /** The queue a call on this socket sleeps on. */
    public WaitQueue queue() {
        return queue;
    }

    /** A poll watching this socket, woken (once) by its next change. */
    public void watch(WaitQueue poll) {
        if (!polls.contains(poll)) polls.add(poll);
    }

    /** Wakes every sleeper and every poll; polls watch again if they go back to sleep. */
    public void wake(Kernel kernel) {
        kernel.scheduler().wakeAll(queue);
        if (polls.isEmpty()) return;
        List<WaitQueue> woken = List.copyOf(polls);
        polls.clear();
        for (WaitQueue q : woken) kernel.scheduler().wakeAll(q);
    }
}
