package dev.syssim.kernel.java;

/**
 * Which Java cell the running thread belongs to. A JVM has one {@code System.out}, and the only
 * thing a write to it can tell about its cell is the thread that writes; so the cell travels with
 * its threads: the snippet thread inherits it from the kernel's Java thread when JShell starts
 * it, and every thread a cell starts inherits it from its starter. The key is a constant; the
 * state it finds lives in the threads.
 */
final class CellContext {

    private static final InheritableThreadLocal<JavaCell> CELL = new InheritableThreadLocal<>();

    private CellContext() {
    }

    /** The cell of the calling thread, or null for a thread no Java cell started. */
    static JavaCell current() {
        return CELL.get();
    }

    /** Makes the calling thread (and the threads it starts from now on) belong to {@code cell}; null for none. */
    static void enter(JavaCell cell) {
        if (cell == null) CELL.remove();
        else CELL.set(cell);
    }
}
