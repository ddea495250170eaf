package dev.syssim.kernel.homework;

import java.util.List;
import java.util.Optional;

/**
 * The world a check looks at, as the kernel offers it: commands run on a copy of the student's
 * world (so nothing a check does is left behind), files and processes are read without running
 * anything. A check's lines share one copy, in order, as the lines of a script would.
 */
public interface Probe {

    /**
     * How a command ran: status, what it wrote, its trace (one line per event, if asked for), why
     * it was cut short (a limit), and why it could not run at all because the check's own text is
     * wrong (a syntax error, an unknown magic); the last two are empty when it ran to its end.
     */
    record Ran(int status, String stdout, String stderr, List<String> trace, String cutShort, String broken) {

        public Ran {
            trace = List.copyOf(trace);
            cutShort = cutShort == null ? "" : cutShort;
            broken = broken == null ? "" : broken;
        }
    }

    /** A file's facts, read as root after following symbolic links (as {@code stat} and {@code test -e} do). */
    record FileFacts(boolean directory, boolean regular, int mode, String owner, String group, String content) {
    }

    /** Why a place cannot be used (no such machine, no such user there), or empty if it can. */
    Optional<String> problemWith(Place place);

    /** Where the check stands now (machine and user), for the table and for {@code ~}. */
    Place here();

    /** Runs a command line in the shell of {@code place}; {@code traced}: record its full trace. */
    Ran run(Place place, String command, boolean traced);

    /** Runs plain shell lines (and line magics) where the check stands; the status of the last command. */
    Ran shell(String script, int firstLine);

    /** The file at {@code path} on the machine of {@code place} ({@code ~} is that user's home), or empty if nothing is there. */
    Optional<FileFacts> file(Place place, String path);

    /** The command names of the live processes on the machine of {@code place}, as {@code ps -e} shows them. */
    List<String> processes(Place place);

    /** True once the user interrupted the check (the cell then ends with KeyboardInterrupt). */
    boolean interrupted();
}
