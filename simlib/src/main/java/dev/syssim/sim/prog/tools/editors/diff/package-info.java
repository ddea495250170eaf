/**
 * diff (GNU diffutils 3.8): the comparison of two texts as diff's analyze.c and gnulib's diffseq
 * find it ({@link dev.syssim.sim.prog.tools.editors.diff.Comparison}), the output formats
 * ({@link dev.syssim.sim.prog.tools.editors.diff.Output}) and the tool with its directory walk.
 * Registered in {@link dev.syssim.sim.prog.tools.editors.EditorTools}; uses {@code prog}.
 */
package dev.syssim.sim.prog.tools.editors.diff;
