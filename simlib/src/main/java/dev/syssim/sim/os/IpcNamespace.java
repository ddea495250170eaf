package dev.syssim.sim.os;

/**
 * An IPC namespace: System V message queues, semaphores and shared memory, and POSIX message
 * queues, each namespace its own set. The simulation has no System V IPC objects, so a namespace
 * is only its identity ({@code /proc/PID/ns/ipc}, {@code lsns}).
 */
public final class IpcNamespace {
}
