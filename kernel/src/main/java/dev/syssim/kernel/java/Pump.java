package dev.syssim.kernel.java;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The kernel's thread that carries Java cells' output to the front end. A cell's own threads
 * never touch ZeroMQ: JShell stops a cell by interrupting its threads, and an interrupted thread
 * that writes to a ZeroMQ socket's NIO pipe closes it for good, which would silence the kernel. So
 * they queue what they print and display, and this thread, which nobody interrupts, sends it.
 */
final class Pump {

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    Pump() {
        Thread thread = new Thread(this::serve, "syssim-java-output");
        thread.setDaemon(true);
        thread.start();
    }

    void submit(Runnable action) {
        queue.add(action);
    }

    /** Sends what is queued, then ends the thread. */
    void close() {
        queue.add(() -> closed = true);
    }

    private void serve() {
        while (!closed) {
            Runnable action;
            try {
                action = queue.take();
            } catch (InterruptedException e) {
                continue; // nobody should interrupt this thread; if someone does, it keeps serving
            }
            try {
                action.run();
            } catch (RuntimeException e) {
                dev.syssim.kernel.protocol.Log.warn("Java cell output failed: " + e);
            }
        }
    }
}
