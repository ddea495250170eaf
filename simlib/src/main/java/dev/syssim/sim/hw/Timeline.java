package dev.syssim.sim.hw;

import java.util.Arrays;

/**
 * Simulated time and the queue of things due at a time: the one scheduler of the whole world.
 * Actions due at the same time run in the order they were scheduled, so the order of events is
 * decided by the simulation alone and the same inputs always give the same run. Time is a count of
 * nanoseconds since the world booted; it never reads a wall clock.
 */
public final class Timeline {

    private long now;
    private long nextOrder;
    private long[] times = new long[64];
    private long[] orders = new long[64];
    private Runnable[] actions = new Runnable[64];
    private int size;

    /** The current simulated time in nanoseconds. */
    public long now() {
        return now;
    }

    /** Schedules {@code action} at {@code time} (never earlier than now). */
    public void at(long time, Runnable action) {
        if (time < now) time = now;
        if (size == times.length) grow();
        int i = size++;
        long order = nextOrder++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, order, times[parent], orders[parent])) break;
            times[i] = times[parent];
            orders[i] = orders[parent];
            actions[i] = actions[parent];
            i = parent;
        }
        times[i] = time;
        orders[i] = order;
        actions[i] = action;
    }

    public void after(long delay, Runnable action) {
        at(now + delay, action);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The time of the next due action; Long.MAX_VALUE if none. */
    public long nextTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    /** Advances time to the next due action and runs it; false if nothing is due ever. */
    public boolean runNext() {
        if (size == 0) return false;
        long time = times[0];
        Runnable action = actions[0];
        removeTop();
        now = time;
        action.run();
        return true;
    }

    /** Moves time forward with nothing happening (an idle world waiting for a timeout). */
    public void advanceTo(long time) {
        if (time > now) now = time;
    }

    private void removeTop() {
        int last = --size;
        long time = times[last];
        long order = orders[last];
        Runnable action = actions[last];
        actions[last] = null;
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(times[right], orders[right], times[child], orders[child])) child = right;
            if (!before(times[child], orders[child], time, order)) break;
            times[i] = times[child];
            orders[i] = orders[child];
            actions[i] = actions[child];
            i = child;
        }
        if (size > 0) {
            times[i] = time;
            orders[i] = order;
            actions[i] = action;
        }
    }

    private static boolean before(long t1, long o1, long t2, long o2) {
        return t1 < t2 || (t1 == t2 && o1 < o2);
    }

    private void grow() {
        int n = times.length * 2;
        times = Arrays.copyOf(times, n);
        orders = Arrays.copyOf(orders, n);
        actions = Arrays.copyOf(actions, n);
    }
}
