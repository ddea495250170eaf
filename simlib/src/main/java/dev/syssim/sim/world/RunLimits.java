package dev.syssim.sim.world;

/**
 * What one cell may use: simulated steps (so an endless loop ends), output bytes (so a {@code yes}
 * cannot flood the notebook) and trace events kept one by one (beyond them the trace is summarised).
 */
public record RunLimits(long stepsPerCell, long outputBytesPerCell, int traceHead, int traceTail) {

    public static final RunLimits DEFAULT = new RunLimits(5_000_000, 1_000_000, 4_000, 1_000);
}
