package dev.syssim.sim.api;

import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.world.Session;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's interactive bash on a machine's terminal, as a notebook's cells type into it: a
 * command line run here changes the shell ({@code cd}, variables, functions, {@code %machine}'s
 * ssh logins) for the next one, as the next cell would find it. {@link #run} captures what the
 * line writes to stdout and stderr, separately and as bytes, through pipes: so {@code isatty(1)}
 * is false for it, and tools print as into a pipe ({@code ls} one name per line). What a program
 * writes to {@code /dev/tty}, and a program reading the terminal, still meet the terminal.
 */
public final class Shell {

    /** The front end of a login nobody watches: terminal output is dropped, reads get end of file. */
    static final Session.Frontend HEADLESS = new Session.Frontend() {
        @Override
        public void stdout(String text) {
        }

        @Override
        public void stderr(String text) {
        }

        @Override
        public void clear() {
        }

        @Override
        public Optional<String> input(String prompt, boolean password) {
            return Optional.empty();
        }

        @Override
        public boolean inputAllowed() {
            return false;
        }
    };

    private final World world;
    private final Session session;
    private TraceLevel traceLevel = TraceLevel.OFF;

    Shell(World world, Session session) {
        this.world = world;
        this.session = session;
    }

    /**
     * The API over a session built elsewhere (a notebook kernel's).
     *
     * @param world   the API's view of the session's world
     * @param session the session
     * @return the API's view of {@code session}
     * @throws IllegalArgumentException if the session belongs to another world
     */
    public static Shell of(World world, Session session) {
        if (session.world() != world.internal()) throw new IllegalArgumentException("the session belongs to another world");
        return new Shell(world, session);
    }

    /**
     * Types a command line into this shell and runs the world until the shell waits for the next
     * line, as a cell does.
     *
     * @param commandLine the line, in bash's language (several lines are fine)
     * @return its status ({@code $?}), its stdout and stderr, and its trace at {@link #traceLevel()}
     */
    public CommandResult run(String commandLine) {
        Objects.requireNonNull(commandLine, "commandLine");
        world.enter();
        try {
            return runInside(commandLine);
        } finally {
            world.exit();
        }
    }

    private CommandResult runInside(String line) {
        Process shell = session.shell();
        Capture.Budget budget = new Capture.Budget(world.internal().limits().outputBytesPerCell());
        Capture out = new Capture(budget);
        Capture err = new Capture(budget);
        boolean outCloexec = shell.fds().isCloseOnExec(1);
        boolean errCloexec = shell.fds().isCloseOnExec(2);
        OpenFile savedOut = Runs.lend(shell, 1, out.open(Runs.pipeName(shell, 1)));
        OpenFile savedErr = Runs.lend(shell, 2, err.open(Runs.pipeName(shell, 2)));
        Runs.Recording recording = new Runs.Recording(world.internal(), traceLevel);
        Session.Result result;
        Trace trace;
        try {
            result = session.run(line);
        } finally {
            trace = recording.finish();
            Runs.giveBack(shell, 1, savedOut, outCloexec);
            Runs.giveBack(shell, 2, savedErr, errCloexec);
        }
        String limit = result.limit();
        if (limit == null && budget.exceeded()) {
            limit = "output limit: the line wrote more than " + world.internal().limits().outputBytesPerCell()
                    + " bytes; later writes failed with EPIPE (SIGPIPE)";
        }
        return new CommandResult(session.lastStatus(), out.bytes(), err.bytes(), trace, result.interrupted(), limit);
    }

    /**
     * Where the shell runs.
     *
     * @return the machine this shell runs on now (an ssh login moves it)
     */
    public Machine machine() {
        return new Machine(world, session.machine());
    }

    /**
     * Who the shell runs as.
     *
     * @return the user's name
     */
    public String user() {
        return session.user();
    }

    /**
     * How much {@link #run} traces.
     *
     * @return the level it records traces at; {@link TraceLevel#OFF} (nothing) unless set
     */
    public TraceLevel traceLevel() {
        return traceLevel;
    }

    /**
     * Sets how much {@link #run} traces.
     *
     * @param level the level it records traces at from now on
     */
    public void setTraceLevel(TraceLevel level) {
        this.traceLevel = Objects.requireNonNull(level, "level");
    }

    /**
     * The session underneath, for code that needs more than this API (the kernel).
     *
     * @return the simulation's own session object
     */
    public Session internal() {
        return session;
    }

    /**
     * Names the login.
     *
     * @return user and machine
     */
    @Override
    public String toString() {
        return "Shell(" + session.user() + "@" + session.machine().name() + ")";
    }
}
