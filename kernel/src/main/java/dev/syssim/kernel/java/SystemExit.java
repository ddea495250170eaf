package dev.syssim.kernel.java;

/**
 * What {@code System.exit(status)} does in a Java cell: it ends the cell, not the kernel that
 * runs every cell. The cell's classes are rewritten to call {@link #exit(int)} instead (see
 * {@link ExitRewriter}). An {@link Error}, so that a cell's {@code catch (Exception e)} does not
 * swallow it, as the real exit cannot be caught either.
 */
public final class SystemExit extends Error {

    private static final long serialVersionUID = 1L;

    private final int status;

    SystemExit(int status) {
        super("System.exit(" + status + ") ends this cell; the kernel keeps running");
        this.status = status;
    }

    /** Called by a cell's code where it said {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new SystemExit(status);
    }

    int status() {
        return status;
    }
}
