/**
 * Editors: the programs that transform text by a script or compare texts — awk (gawk 5.2, in
 * {@code awk}), diff and cmp (diffutils 3.8). Registered in {@link
 * dev.syssim.sim.prog.tools.editors.EditorTools}; uses {@code prog} (Libc, Options, Regex).
 */
package dev.syssim.sim.prog.tools.editors;
