/**
 * Renderers: a {@link dev.syssim.sim.trace.TraceSnapshot} in, text, SVG, HTML, PNG or JSON out.
 * {@link dev.syssim.sim.trace.render.TraceView} reads a snapshot once (lane order, nesting,
 * repeats) and every renderer works from it, so all formats agree on what a trace says. This room
 * uses only the JDK and the trace model; the kernel's display package wraps its output in MIME
 * bundles, and nothing here knows about Jupyter.
 */
package dev.syssim.sim.trace.render;
