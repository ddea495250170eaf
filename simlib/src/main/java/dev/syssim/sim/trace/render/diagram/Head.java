package dev.syssim.sim.trace.render.diagram;

/** The tip of an arrow: filled for something sent, open for a return, a diamond for a verdict. */
public enum Head {
    FILLED, OPEN, DIAMOND
}
