package dev.syssim.kernel.protocol;

import sun.misc.Signal;

/**
 * SIGINT handling. With {@code interrupt_mode: "message"} clients interrupt over the control channel,
 * but a Ctrl-C in the terminal that runs the Jupyter server still reaches the kernel's process group.
 * The JVM would exit on it; instead, like ipykernel, the kernel interrupts the running cell and lives
 * on. Uses sun.misc.Signal (module jdk.unsupported), the only signal API the JDK offers.
 */
public final class Signals {

    private Signals() {
    }

    /** Replaces the JVM's exit-on-SIGINT with {@code onInterrupt}. */
    public static void interruptInsteadOfExit(Runnable onInterrupt) {
        Signal.handle(new Signal("INT"), signal -> {
            Log.warn("SIGINT: interrupting the running cell (the kernel stays up)");
            onInterrupt.run();
        });
    }
}
