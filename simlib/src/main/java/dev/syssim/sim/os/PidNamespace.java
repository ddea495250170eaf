package dev.syssim.sim.os;

import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A numbering of processes. The machine's first namespace numbers every process; a new one
 * (unshare --pid, a container) numbers only its own, starting again at 1, while its processes keep
 * their numbers in every ancestor namespace too.
 */
public final class PidNamespace {

    private final PidNamespace parent;
    private final int level;
    private final TreeMap<Integer, Process> members = new TreeMap<>();
    private int lastPid;
    /** False once the namespace's init has exited: no process can join it any more (Linux: ENOMEM on fork). */
    private boolean adding = true;
    private final int pidMax;

    public PidNamespace(PidNamespace parent, int pidMax) {
        this.parent = parent;
        this.level = parent == null ? 0 : parent.level + 1;
        this.pidMax = pidMax;
    }

    public PidNamespace parent() {
        return parent;
    }

    public int level() {
        return level;
    }

    /** The next free number, counting up from the last one handed out, as Linux does. */
    int allocate(Process process) {
        int pid = lastPid;
        for (int tries = 0; tries < pidMax; tries++) {
            pid = pid >= pidMax ? 1 : pid + 1;
            if (!members.containsKey(pid)) {
                members.put(pid, process);
                lastPid = pid;
                return pid;
            }
        }
        return -1;
    }

    /**
     * Makes the next pid handed out {@code pid + 1}: a booted system has used a few hundred pids by
     * the time anyone logs in (kernel threads, services), and the simulation starts sessions there.
     */
    public void skipTo(int pid) {
        if (pid > lastPid) lastPid = pid;
    }

    void release(int pid) {
        members.remove(pid);
    }

    public Process find(int pid) {
        return members.get(pid);
    }

    /** Members by number, ascending (how /proc lists them). */
    public NavigableMap<Integer, Process> members() {
        return members;
    }

    /** The namespace's init (its PID 1), or null once it has exited. */
    public Process init() {
        return members.get(1);
    }

    /** Whether new processes may still be numbered here (not after its init has exited). */
    public boolean acceptsNew() {
        return adding;
    }

    /** Its init exited: the namespace is dying (Linux's disable_pid_allocation). */
    void stopAdding() {
        adding = false;
    }

    public boolean isAncestorOf(PidNamespace other) {
        for (PidNamespace ns = other; ns != null; ns = ns.parent) if (ns == this) return true;
        return false;
    }
}
