package dev.syssim.kernel.java;

import dev.syssim.sim.api.RunGate;

/**
 * The gate of the notebook's world as Java cells see it (every API object a cell holds, from any
 * cell, passes it): it lets in only the threads of the cell running now, through that cell's
 * {@link CellGate}. Shell cells drive the world directly, and only while no Java cell runs.
 */
final class JavaGate implements RunGate {

    static final String NOT_NOW = "the world runs only while the cell that drives it runs: a thread of an earlier cell cannot run it";

    private volatile JavaCell running;

    void setRunning(JavaCell cell) {
        this.running = cell;
    }

    @Override
    public void enter() {
        JavaCell cell = CellContext.current();
        if (cell == null || cell != running) throw new IllegalStateException(NOT_NOW);
        cell.gate().enter();
    }

    @Override
    public void exit() {
        CellContext.current().gate().exit();
    }
}
