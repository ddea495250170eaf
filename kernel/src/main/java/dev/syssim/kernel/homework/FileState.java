package dev.syssim.kernel.homework;

/** What a {@code file} expectation says about a path. */
public enum FileState {
    /** {@code exists}: anything is there (after following symbolic links, as {@code test -e}). */
    EXISTS("exists"),
    /** {@code is missing}: nothing is there. */
    MISSING("is missing"),
    /** {@code is a directory}. */
    DIRECTORY("is a directory"),
    /** {@code is a file}: a regular file. */
    REGULAR("is a file"),
    /** {@code contains /RE/}: a regular file with a line matching RE. */
    CONTAINS("contains"),
    /** {@code lacks /RE/}: a regular file with no line matching RE. */
    LACKS("lacks");

    private final String words;

    FileState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
