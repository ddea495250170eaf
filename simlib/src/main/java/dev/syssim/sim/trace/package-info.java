/**
 * The trace: what happened in the simulated world, as data. Events are recorded by every other
 * room ({@code hw}, {@code os}, {@code net}, ...) into a bounded {@link dev.syssim.sim.trace.Trace};
 * a {@link dev.syssim.sim.trace.TraceSnapshot} of one cell is what renderers turn into text, SVG,
 * HTML, PNG or JSON. This package uses nothing but the JDK; it knows nothing of Jupyter or MIME.
 */
package dev.syssim.sim.trace;
