/**
 * How a cell shows its trace to Jupyter: {@link dev.syssim.kernel.display.TraceMagic} reads the
 * {@code %trace} options, {@link dev.syssim.kernel.display.TraceBundle} turns a trace snapshot into
 * one MIME bundle (text, HTML, PNG, JSON) using simlib's renderers, and
 * {@link dev.syssim.kernel.display.ProgressDisplay} keeps a long simulation's live progress in one
 * display that the final trace replaces. Uses simlib's trace package only; knows nothing of
 * sockets: the evaluator hands the bundles to its {@code CellIO}.
 */
package dev.syssim.kernel.display;
