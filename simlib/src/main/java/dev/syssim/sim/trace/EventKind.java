package dev.syssim.sim.trace;

/**
 * The closed family of things a trace records. Each kind says from which {@link TraceLevel} on it
 * is shown, so {@code %trace syscalls} hides the device chatter that {@code %trace full} tells.
 */
public enum EventKind {
    /** A process traps into the kernel with a syscall; label in strace's form, e.g. {@code openat(AT_FDCWD, "/etc/motd", O_RDONLY)}. */
    SYSCALL_ENTER(TraceLevel.SYSCALLS),
    /** The syscall returns to the process; label {@code = 3} or {@code = -1 ENOENT (No such file or directory)}. */
    SYSCALL_EXIT(TraceLevel.SYSCALLS),
    /** A process is born, replaces its program, or ends: fork, execve, exit, reaped. */
    PROCESS(TraceLevel.SYSCALLS),
    /** A signal is delivered to a process: SIGSEGV, SIGINT, SIGCHLD, ... */
    SIGNAL(TraceLevel.SYSCALLS),
    /** A packet on a wire or through a machine's stack. */
    PACKET(TraceLevel.SYSCALLS),
    /** A netfilter decision in the kernel's TRACE form, e.g. {@code filter:FORWARD:rule:1} DROP. */
    FIREWALL(TraceLevel.SYSCALLS),
    /** A CPU exception raised by the running code: #GP (13), #PF (14), ... */
    EXCEPTION(TraceLevel.INTERRUPTS),
    /** A hardware interrupt delivered to a core: timer, disk, NIC, keyboard. */
    INTERRUPT(TraceLevel.INTERRUPTS),
    /** The scheduler switches a core from one process to another (or to idle). */
    CONTEXT_SWITCH(TraceLevel.INTERRUPTS),
    /** A guest leaves VMX non-root mode; label names the basic exit reason, e.g. {@code 30 IO_INSTRUCTION}. */
    VM_EXIT(TraceLevel.INTERRUPTS),
    /** The hypervisor resumes a guest (VMRESUME), possibly injecting an interrupt. */
    VM_ENTRY(TraceLevel.INTERRUPTS),
    /** A core changes privilege: user to kernel on entry, kernel to user ("drop privileges") on return. */
    MODE_SWITCH(TraceLevel.FULL),
    /** A process runs its own instructions in user mode for a while. */
    COMPUTE(TraceLevel.FULL),
    /** The kernel asks a device to do something (read a disk block, send a frame). */
    DEVICE_REQUEST(TraceLevel.FULL),
    /** A process is put to sleep until something happens (disk, pipe, child, timer, packet). */
    BLOCK(TraceLevel.FULL),
    /** A sleeping process is made runnable again. */
    WAKE(TraceLevel.FULL),
    /** The kernel touches a process's memory: loads a program, copies bytes in, frees it at exit. */
    MEMORY(TraceLevel.FULL),
    /** A line the kernel writes to its log (what {@code dmesg} shows). */
    LOG(TraceLevel.FULL);

    private final TraceLevel minLevel;

    EventKind(TraceLevel minLevel) {
        this.minLevel = minLevel;
    }

    /** The lowest level at which this kind is shown. */
    public TraceLevel minLevel() {
        return minLevel;
    }
}
