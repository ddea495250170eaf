package dev.syssim.kernel.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Watches the CPU time of the thread running a cell and, once it passes the cell's time limit,
 * asks the world to stop (which it does at its next step, as for an interrupt). The world has no
 * clock of its own; this is the kernel's. One daemon thread per interpreter, started at the first
 * cell, asleep while no cell runs.
 */
final class CellWatchdog {

    /** How often a running cell's CPU time is looked at. */
    private static final long POLL_MILLIS = 50;

    /** A cell being watched: its thread, that thread's CPU time when it began, and what to do at the limit. */
    private record Watch(Thread thread, long startNanos, long limitNanos, Runnable onLimit) {
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
    private final Object lock = new Object();
    private Watch watch;
    private Thread watcher;
    private volatile boolean fired;

    /** Starts watching the calling thread for {@code seconds} of CPU time. */
    void arm(double seconds, Runnable onLimit) {
        Watch w = new Watch(Thread.currentThread(), now(Thread.currentThread()), (long) (seconds * 1e9), onLimit);
        synchronized (lock) {
            fired = false;
            watch = w;
            if (watcher == null) {
                watcher = new Thread(this::loop, "syssim-cell-watchdog");
                watcher.setDaemon(true);
                watcher.start();
            }
            lock.notifyAll();
        }
    }

    /** The cell is over. */
    void disarm() {
        synchronized (lock) {
            watch = null;
        }
    }

    /** Whether the last armed cell reached its limit. */
    boolean fired() {
        return fired;
    }

    private long now(Thread t) {
        // CPU time where the JVM measures it per thread (Linux does), else wall time
        if (!cpuTime) return System.nanoTime();
        return t == Thread.currentThread() ? threads.getCurrentThreadCpuTime() : threads.getThreadCpuTime(t.getId());
    }

    private void loop() {
        while (true) {
            Watch w;
            synchronized (lock) {
                try {
                    while (watch == null) lock.wait();
                    lock.wait(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                w = watch;
            }
            if (w == null || now(w.thread()) - w.startNanos() < w.limitNanos()) continue;
            synchronized (lock) {
                if (watch != w) continue;
                watch = null;
                fired = true;
            }
            w.onLimit().run();
        }
    }
}
