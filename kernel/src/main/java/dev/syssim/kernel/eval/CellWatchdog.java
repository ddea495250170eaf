package dev.syssim.kernel.eval;

/**
 * Times the cell that is running, by the wall clock, and once it passes the cell's time limit asks
 * the world to stop (which it does at its next step, as for an interrupt). The world has no clock of
 * its own; this is the kernel's. One daemon thread per interpreter, started at the first cell, asleep
 * while no cell runs.
 *
 * <p>Wall time, not the cell thread's CPU time, because what a student waits for is the clock: on a
 * hub where thirty kernels share two cores an endless loop gets a fifteenth of a core, and 4 CPU
 * seconds took a minute to come. Time the cell spends waiting for the student to answer an
 * {@code input_request} is not counted ({@link #waiting}): that wait is the student's, not the cell's.
 * The clock only decides when a cell stops, never what it prints (the limit's message names the
 * limit, not the time measured), so traces and saved notebooks stay deterministic.
 */
final class CellWatchdog {

    /** How often a running cell's time is looked at. */
    private static final long POLL_MILLIS = 50;

    /**
     * A cell being watched: the clock's reading its counted time began at (moved on by each wait
     * for input), the reading a wait for input began at (0: none), its limit, and what to do at it.
     */
    private record Watch(long startNanos, long waitingSince, long limitNanos, Runnable onLimit) {

        Watch waitBegins(long now) {
            return new Watch(startNanos, now, limitNanos, onLimit);
        }

        Watch waitEnds(long now) {
            return new Watch(startNanos + (now - waitingSince), 0, limitNanos, onLimit);
        }

        boolean over(long now) {
            return waitingSince == 0 && now - startNanos >= limitNanos;
        }
    }

    private final Object lock = new Object();
    private Watch watch;
    private Thread watcher;
    private volatile boolean fired;

    /** Starts timing a cell that may run {@code seconds} of wall time. */
    void arm(double seconds, Runnable onLimit) {
        Watch w = new Watch(System.nanoTime(), 0, (long) (seconds * 1e9), onLimit);
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

    /**
     * Runs {@code wait} (the cell asking its student for input) without counting its time against
     * the cell's limit.
     */
    <T> T waiting(java.util.function.Supplier<T> wait) {
        synchronized (lock) {
            if (watch != null && watch.waitingSince() == 0) watch = watch.waitBegins(nonZeroNow());
        }
        try {
            return wait.get();
        } finally {
            synchronized (lock) {
                if (watch != null && watch.waitingSince() != 0) watch = watch.waitEnds(System.nanoTime());
            }
        }
    }

    /** The clock's reading, never 0 (which {@link Watch} reads as "not waiting"). */
    private static long nonZeroNow() {
        long now = System.nanoTime();
        return now == 0 ? 1 : now;
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
                if (w == null || !w.over(System.nanoTime())) continue;
                watch = null;
                fired = true;
            }
            w.onLimit().run();
        }
    }
}
