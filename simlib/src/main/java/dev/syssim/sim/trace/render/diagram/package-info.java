/**
 * The sequence diagram as a model: {@link dev.syssim.sim.trace.render.diagram.DiagramLayout}
 * computes it once from a trace view (lanes, rows, spans, arrows, the omitted band, the legend) as
 * a list of {@link dev.syssim.sim.trace.render.diagram.Shape}s in CSS pixels, and each painter (SVG
 * text, Java2D for PNG) draws the same shapes. Styles are enums that say, for both painters, what a
 * shape looks like, including the dash patterns and hatches that keep it readable in grayscale.
 */
package dev.syssim.sim.trace.render.diagram;
