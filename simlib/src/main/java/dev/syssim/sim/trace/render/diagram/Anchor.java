package dev.syssim.sim.trace.render.diagram;

/** Which point of a text its x coordinate names. */
public enum Anchor {
    START, MIDDLE, END
}
