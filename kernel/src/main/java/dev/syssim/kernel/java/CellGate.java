package dev.syssim.kernel.java;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The door between one Java cell's threads and the notebook's world. The world is not
 * thread-safe, so the cell's threads enter one at a time; once the cell is over none enters (the
 * next cell owns the world); and while the cell is being interrupted no thread enters, and one
 * leaving is stopped there. The cell's Java code is thus only ever stopped
 * outside the simulation, never in the middle of one of its steps. A new gate per cell: a lock a
 * stopped thread left held cannot block the next cell.
 */
final class CellGate {

    /** How often a stop is repeated while the cell goes on. */
    private static final long STOP_AGAIN_MS = 50;
    /** How long interrupted threads get to end before Java 20's {@code Thread.stop}. */
    private static final long GRACE_MS = 300;
    /** Whether JShell's stop is a check in the cell's code (Java 20 and later) rather than {@code Thread.stop}. */
    private static final boolean COOPERATIVE_STOP = Runtime.version().feature() >= 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final Runnable stopJava;
    private final Runnable interruptThreads;
    private volatile boolean open = true;
    private volatile boolean stopping;

    /**
     * @param stopJava         stops the cell's Java code (JShell's stop); called outside the simulation
     * @param interruptThreads interrupts the threads running Java cells' code
     */
    CellGate(Runnable stopJava, Runnable interruptThreads) {
        this.stopJava = stopJava;
        this.interruptThreads = interruptThreads;
    }

    void enter() {
        if (!open) throw new IllegalStateException(JavaGate.NOT_NOW);
        if (stopping) throw new CellStopped();
        lock.lock();
        if (stopping) {
            lock.unlock();
            throw new CellStopped();
        }
    }

    void exit() {
        lock.unlock();
        if (stopping) {
            stopJava.run();
            throw new CellStopped();
        }
    }

    /**
     * Interrupts the cell: no thread may enter from now on; its Java code is stopped whenever none
     * of its threads is inside the simulation, and one inside is stopped as it leaves (the world's
     * own interrupt makes it leave at its next step). JShell's stop reaches only code running at
     * that moment, so it is repeated until the cell is over: a snippet starting just after one
     * stop meets the next.
     *
     * <p>Before Java 20 JShell's stop is {@code Thread.stop}, which can strike a thread anywhere,
     * even while a JDK class initialises (that class is then broken for the kernel's life). So
     * there the cell's threads are first only interrupted, which ends a sleep, a wait or a read,
     * and stopped only if they are still running a moment later (a busy loop). From Java 20 on,
     * JShell stops at loop back edges of the cell's own code only, and is safe at once.
     */
    void stop() {
        if (stopping) return;
        stopping = true;
        Thread stopper = new Thread(() -> {
            try {
                if (!COOPERATIVE_STOP) {
                    interruptThreads.run();
                    Thread.sleep(GRACE_MS);
                }
                while (open) {
                    if (lock.tryLock()) {
                        try {
                            stopJava.run();
                        } finally {
                            lock.unlock();
                        }
                    }
                    Thread.sleep(STOP_AGAIN_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "syssim-java-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    boolean stopping() {
        return stopping;
    }

    /** The cell is over: its threads may not run the world any more. */
    void close() {
        open = false;
    }
}
