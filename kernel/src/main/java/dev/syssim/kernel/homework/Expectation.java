package dev.syssim.kernel.homework;

import java.util.regex.Pattern;

/**
 * One line of a {@code %%check} body (or a run of plain shell lines), as {@link CheckBody} parsed
 * it. {@link #text()} is the line as the course wrote it, shown in the pass/fail table;
 * {@link #lineNumber()} is its line in the cell (the {@code %%check} header is line 1).
 */
public sealed interface Expectation {

    String text();

    int lineNumber();

    /** {@code exit [!=] N [on M [as U]]: COMMAND} — the command's exit status is (is not) N. */
    record Status(String text, int lineNumber, Place place, int status, boolean negated, String command) implements Expectation {
    }

    /**
     * {@code output|error|trace ~|!~ /RE/ [on M [as U]]: COMMAND} — some line of the command's
     * standard output, standard error or trace matches (no line matches) RE.
     */
    record Matches(String text, int lineNumber, Place place, CommandStream stream, Pattern pattern, boolean negated, String command)
            implements Expectation {
    }

    /** {@code verdict from M to HOST:PORT is accepted|refused|dropped} — a TCP probe from machine M. */
    record Verdict(String text, int lineNumber, String from, String to, String port, Reach expected) implements Expectation {
    }

    /** {@code file PATH [on M] exists|is missing|is a directory|is a file|contains /RE/|lacks /RE/}. */
    record FileIs(String text, int lineNumber, String path, Place place, FileState state, Pattern pattern) implements Expectation {
    }

    /**
     * {@code mode PATH [on M] is OCTAL} — the permission bits with the set-id and sticky bits, as
     * {@code stat -c %a} prints them: {@code 755} is not met by a set-user-id {@code 4755}.
     */
    record ModeIs(String text, int lineNumber, String path, Place place, int mode) implements Expectation {
    }

    /** {@code owner PATH [on M] is USER[:GROUP]}. */
    record OwnerIs(String text, int lineNumber, String path, Place place, String user, String group) implements Expectation {
    }

    /** {@code process NAME [on M] is running|is not running} — by command name, as {@code ps -e} lists it. */
    record ProcessIs(String text, int lineNumber, String name, Place place, boolean running) implements Expectation {
    }

    /**
     * Plain shell lines and line magics in a row, as {@code %%check} has always run them: they
     * pass when the last command's status is 0.
     */
    record Shell(String text, int lineNumber, String script) implements Expectation {
    }

    /** A line that starts like an expectation but is not one: the check is broken, not the answer. */
    record Broken(String text, int lineNumber, String problem) implements Expectation {
    }
}
