package dev.syssim.kernel.protocol;

import java.util.OptionalLong;

/**
 * The process that launched the kernel: jupyter_client names it in {@code JPY_PARENT_PID}. If it
 * dies without a shutdown request (a crashed or killed server), nobody will ever stop the kernel,
 * so it stops itself, as ipykernel does; on a JupyterHub an orphan would hold a student's memory.
 */
public final class ParentProcess {

    private ParentProcess() {
    }

    /**
     * Runs {@code onExit} when the parent named in the environment exits, or at once if it is
     * already gone (it may die while the JVM starts); nothing if no parent is named.
     */
    public static void whenGone(Runnable onExit) {
        OptionalLong pid = namedParent();
        if (pid.isEmpty()) return;
        ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> exit(pid.getAsLong(), onExit)),
                () -> exit(pid.getAsLong(), onExit));
    }

    private static void exit(long pid, Runnable onExit) {
        Log.warn("the process that started the kernel (pid " + pid + ") is gone: exiting");
        onExit.run();
    }

    private static OptionalLong namedParent() {
        String pid = System.getenv("JPY_PARENT_PID");
        if (pid == null || pid.isBlank()) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(pid.strip()));
        } catch (NumberFormatException e) {
            Log.warn("JPY_PARENT_PID is not a process id: " + pid);
            return OptionalLong.empty();
        }
    }
}
