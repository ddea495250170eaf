package dev.syssim.sim.os;

/**
 * How reads and writes behave for one kind of open file (Linux's {@code file_operations}): a disk
 * file, a pipe, a terminal, {@code /dev/null}, a socket. Each may complete at once or put the
 * caller to sleep.
 */
public interface FileOps {

    Outcome read(Kernel kernel, Process process, OpenFile file, int count);

    Outcome write(Kernel kernel, Process process, OpenFile file, byte[] data);

    /** Called when the last descriptor referring to the open file is closed. */
    default void release(Kernel kernel, OpenFile file) {
    }

    /** Whether isatty(3) is true (ioctl TCGETS succeeds). */
    default boolean isTerminal() {
        return false;
    }
}
