/**
 * Editors: the programs that edit text by a script or compare it — sed (GNU sed 4.9) here, beside
 * awk, diff and cmp. Registered in {@link dev.syssim.sim.prog.tools.editors.EditorTools}; uses
 * {@code prog} (Libc, Getopt, Regex).
 */
package dev.syssim.sim.prog.tools.editors;
