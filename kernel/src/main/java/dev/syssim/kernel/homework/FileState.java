package dev.syssim.kernel.homework;

/** What a {@code file} expectation says about a path. */
public enum FileState {
    /** {@code exists}: anything is there (after following symbolic links, as {@code test -e}). */
    EXISTS,
    /** {@code is missing}: nothing is there. */
    MISSING,
    /** {@code is a directory}. */
    DIRECTORY,
    /** {@code is a file}: a regular file. */
    REGULAR,
    /** {@code contains /RE/}: a regular file with a line matching RE. */
    CONTAINS,
    /** {@code lacks /RE/}: a regular file with no line matching RE. */
    LACKS
}
