package dev.syssim.sim.os;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets of setpriority(2) and getpriority(2): one process, a process group, or every process
 * of a user. {@code who} 0 means the caller, its group, or its real user — so {@code renice -u root}
 * run by a user renices that user's own processes, as on Linux.
 */
public enum Priority {
    PRIO_PROCESS, PRIO_PGRP, PRIO_USER;

    /** The number of the {@code which} argument (0, 1, 2). */
    public int number() {
        return ordinal();
    }

    /** The live processes {@code who} names, seen from the caller's pid namespace. */
    List<Process> targets(Process caller, int who) {
        List<Process> out = new ArrayList<>();
        if (this == PRIO_PROCESS) {
            Process p = who == 0 ? caller : caller.pidNamespace().find(who);
            if (p != null && alive(p)) out.add(p);
            return out;
        }
        int key = who != 0 ? who : this == PRIO_PGRP ? caller.pgid() : caller.credentials().uid();
        for (Process p : caller.pidNamespace().members().values()) {
            if (!alive(p) || p.isKernelThread()) continue;
            if (this == PRIO_PGRP ? p.pgid() == key : p.credentials().uid() == key) out.add(p);
        }
        return out;
    }

    private static boolean alive(Process p) {
        return p.state() != ProcessState.ZOMBIE && p.state() != ProcessState.DEAD;
    }
}
