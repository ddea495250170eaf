package dev.syssim.sim.trace.render.diagram;

/** Lines drawn across a filled box, so modes differ in grayscale print, not by colour alone. */
public enum Hatch {
    NONE, DIAGONAL, CROSS
}
