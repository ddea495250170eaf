package dev.syssim.kernel.homework;

/** What a matching expectation reads of a command: its standard output, its standard error, or its trace. */
public enum CommandStream {
    OUTPUT, ERROR, TRACE;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
