package dev.syssim.sim.api;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How a command line ended: its exit status (the shell's {@code $?}: 128 + N for a death by
 * signal N), what it wrote to stdout and to stderr as bytes, and the trace of what it did. A run
 * cut short says so: {@link #interrupted()} for an interrupt, {@link #limit()} for a limit hit.
 */
public final class CommandResult {

    private final int status;
    private final byte[] stdout;
    private final byte[] stderr;
    private final Trace trace;
    private final boolean interrupted;
    private final String limit;

    CommandResult(int status, byte[] stdout, byte[] stderr, Trace trace, boolean interrupted, String limit) {
        this.status = status;
        this.stdout = stdout.clone();
        this.stderr = stderr.clone();
        this.trace = trace;
        this.interrupted = interrupted;
        this.limit = limit;
    }

    /**
     * The exit status.
     *
     * @return the status as {@code $?} shows it
     */
    public int status() {
        return status;
    }

    /**
     * Whether the run succeeded.
     *
     * @return true when the status is 0 and the run was neither interrupted nor stopped by a limit
     */
    public boolean ok() {
        return status == 0 && !interrupted && limit == null;
    }

    /**
     * What the command wrote to stdout, as text.
     *
     * @return stdout decoded as UTF-8 (invalid bytes become U+FFFD)
     */
    public String stdout() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /**
     * What the command wrote to stderr, as text.
     *
     * @return stderr decoded as UTF-8 (invalid bytes become U+FFFD)
     */
    public String stderr() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /**
     * What the command wrote to stdout.
     *
     * @return a copy of the bytes, exactly as written
     */
    public byte[] stdoutBytes() {
        return stdout.clone();
    }

    /**
     * What the command wrote to stderr.
     *
     * @return a copy of the bytes, exactly as written
     */
    public byte[] stderrBytes() {
        return stderr.clone();
    }

    /**
     * What happened underneath.
     *
     * @return the trace of the run (empty when it ran untraced)
     */
    public Trace trace() {
        return trace;
    }

    /**
     * Whether an interrupt stopped the run.
     *
     * @return true when an interrupt stopped it (its foreground job got SIGINT)
     */
    public boolean interrupted() {
        return interrupted;
    }

    /**
     * Why a limit stopped the run, if one did.
     *
     * @return the limit's message (steps, output), or empty
     */
    public Optional<String> limit() {
        return Optional.ofNullable(limit);
    }

    /**
     * The run as a terminal would have shown it.
     *
     * @return stdout, then stderr, then the status when it is not 0
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(stdout()).append(stderr());
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') text.append('\n');
        if (interrupted) text.append("^C (interrupted)\n");
        if (limit != null) text.append(limit).append('\n');
        if (status != 0) text.append("[exit status ").append(status).append("]\n");
        return text.toString();
    }
}
