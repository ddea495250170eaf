/**
 * Editors: the programs that edit text by a script or compare it — sed (GNU sed 4.9) here, awk
 * (gawk 5.2, in {@code awk}), diff and cmp (diffutils 3.8). Registered in {@link
 * dev.syssim.sim.prog.tools.editors.EditorTools}; uses {@code prog} (Libc, Getopt, Regex).
 */
package dev.syssim.sim.prog.tools.editors;
