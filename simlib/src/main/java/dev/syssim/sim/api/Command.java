package dev.syssim.sim.api;

import dev.syssim.sim.trace.TraceLevel;
import java.util.Objects;

/**
 * A command line to run on a machine, and how: as which user, with what on stdin, whether its
 * stdout is a terminal, and how much of it to trace. By default it runs as root with empty stdin
 * ({@code /dev/null}), writes into pipes (so tools print as they do into a pipe: {@code ls} one
 * name per line, no colours) and is not traced.
 *
 * @param line     the command line, in bash's language
 * @param user     who runs it (a user of the machine's {@code /etc/passwd})
 * @param input    what it reads from stdin before end of file
 * @param terminal whether stdin, stdout and stderr are a new terminal ({@code /dev/pts/N}) instead
 * @param trace    the level its trace is recorded at
 */
public record Command(String line, String user, String input, boolean terminal, TraceLevel trace) {

    /**
     * A command; every part must be given.
     *
     * @param line     the command line
     * @param user     who runs it
     * @param input    what it reads from stdin
     * @param terminal whether it runs on a new terminal
     * @param trace    the level its trace is recorded at
     */
    public Command {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(trace, "trace");
    }

    /**
     * A command run as root, stdin empty, output into pipes, untraced.
     *
     * @param line the command line
     * @return the command
     */
    public static Command of(String line) {
        return new Command(line, "root", "", false, TraceLevel.OFF);
    }

    /**
     * The same command run by another user.
     *
     * @param name the user's name
     * @return the changed command
     */
    public Command as(String name) {
        return new Command(line, name, input, terminal, trace);
    }

    /**
     * The same command with something to read on stdin.
     *
     * @param text what stdin holds, as UTF-8, before end of file
     * @return the changed command
     */
    public Command withInput(String text) {
        return new Command(line, user, text, terminal, trace);
    }

    /**
     * The same command on a terminal: {@code isatty(1)} is true and tools print for a person.
     *
     * @return the changed command
     */
    public Command onTerminal() {
        return new Command(line, user, input, true, trace);
    }

    /**
     * The same command, traced.
     *
     * @param level the level its trace is recorded at
     * @return the changed command
     */
    public Command traced(TraceLevel level) {
        return new Command(line, user, input, terminal, level);
    }
}
