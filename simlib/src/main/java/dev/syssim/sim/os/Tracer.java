package dev.syssim.sim.os;

/**
 * Something that watches a process's syscalls the way ptrace lets strace: told at each entry and
 * return, and when the process exits. The simulation lets the kernel report to it directly instead
 * of stopping the tracee and waking the tracer at every call, which would only add scheduling noise.
 */
public interface Tracer {

    void syscallEntered(Process process, Syscall call);

    void syscallReturned(Process process, Syscall call, SysResult result);

    /** The process forked; return true to trace the child too (strace -f). */
    boolean followFork(Process parent, Process child);

    void exited(Process process, int waitStatus);
}
