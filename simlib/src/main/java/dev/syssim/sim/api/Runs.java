package dev.syssim.sim.api;

import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.ProcessState;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;
import dev.syssim.sim.world.World;

/** What the API's runs share: the trace of one run, process groups to stop, descriptors to lend. */
final class Runs {

    /** Steps a job gets to die after a signal sent by a limit or an interrupt (as a cell's). */
    static final long RESCUE_STEPS = 100_000;
    /** Where the names of the API's pipes start, so that they read like {@code pipe:[90001]}. */
    private static final long FIRST_PIPE = 90_000;

    private Runs() {
    }

    /** A name for a capture pipe, unique on its kernel's machine for the life of the process. */
    static String pipeName(Process p, int fd) {
        return "pipe:[" + (FIRST_PIPE + p.pid() * 4L + fd) + "]";
    }

    /** Records the trace of one run at {@code level}, leaving the world's trace as it found it (empty). */
    static final class Recording {
        private final World world;
        private final TraceLevel saved;

        Recording(World world, TraceLevel level) {
            this.world = world;
            this.saved = world.trace().level();
            world.trace().clear();
            world.trace().setLevel(level);
        }

        Trace finish() {
            TraceSnapshot snapshot = world.trace().snapshot();
            world.trace().clear();
            world.trace().setLevel(saved);
            return new Trace(snapshot);
        }
    }

    static boolean done(Process p) {
        return p.state() == ProcessState.ZOMBIE || p.state() == ProcessState.DEAD;
    }

    /** Sends {@code signal} to every live process of {@code p}'s process group. */
    static void signalGroup(Process p, Signal signal) {
        Kernel kernel = p.kernel();
        for (Process q : kernel.allProcesses()) {
            if (q.pgid() == p.pgid() && !done(q)) kernel.signals().send(q, signal, null);
        }
    }

    /**
     * Lends {@code p} the description {@code file} at {@code fd} (as a shell's redirection of a
     * command group does) and returns what was there, for {@link #giveBack}.
     */
    static OpenFile lend(Process p, int fd, OpenFile file) {
        return p.fds().installAt(fd, file, false);
    }

    /**
     * Puts {@code saved} back at {@code fd} and closes what the process had there: the lent file,
     * or whatever the command put in its place ({@code exec >file}), as bash restores a saved
     * descriptor after a redirected command group.
     */
    static void giveBack(Process p, int fd, OpenFile saved, boolean cloexec) {
        Kernel kernel = p.kernel();
        if (!done(p)) {
            OpenFile there = saved == null ? p.fds().remove(fd) : p.fds().installAt(fd, saved, cloexec);
            kernel.files().release(there);
        }
        kernel.files().release(saved);
    }
}
