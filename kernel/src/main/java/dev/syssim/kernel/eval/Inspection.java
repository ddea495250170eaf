package dev.syssim.kernel.eval;

/** Help for the word under the cursor: plain text (a manual page) or not found. */
public record Inspection(boolean found, String text) {

    public static final Inspection NOT_FOUND = new Inspection(false, "");
}
