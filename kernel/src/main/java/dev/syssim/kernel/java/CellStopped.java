package dev.syssim.kernel.java;

/**
 * Thrown into a Java cell that is being interrupted when it leaves (or tries to enter) the
 * simulation, so that the cell stops there and never inside a step of the world. An
 * {@link Error}, so that a cell's {@code catch (Exception e)} does not swallow it.
 */
final class CellStopped extends Error {

    private static final long serialVersionUID = 1L;

    CellStopped() {
        super("the cell was interrupted");
    }
}
