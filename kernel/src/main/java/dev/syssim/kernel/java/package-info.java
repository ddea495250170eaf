/**
 * Java cells: {@code %%java} cells, and every cell of the {@code syssim-java} kernelspec, run with
 * JShell in the kernel's own JVM (local execution), so the objects a cell sees are the live world
 * a shell cell drives: {@code world}, {@code machine} and {@code sh} are bound to
 * {@code dev.syssim.sim.api} views of the notebook's world, machine and shell. Values render
 * through the Jupyter JVM BaseKernel's display model ({@code Renderer}, {@code DisplayData}).
 *
 * <p>Uses {@code kernel.eval}'s cell types and {@code kernel.display}'s trace bundle; used by
 * {@code kernel.eval}, which loads this package only when the first Java cell runs, so a
 * notebook of shell cells pays nothing for JShell, javac or BaseKernel.
 */
package dev.syssim.kernel.java;
