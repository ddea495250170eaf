/**
 * The {@code %%program} language: a tiny line-oriented language at the level of the lecture's
 * process flow — compute steps, syscalls by name with their results, privileged instructions,
 * memory accesses, labels and jumps — so students write the program whose trace they then read.
 * {@link dev.syssim.sim.prog.lang.Source} parses it (errors name the line); {@link
 * dev.syssim.sim.prog.lang.Interpreter} runs it as a process, one instruction per step.
 */
package dev.syssim.sim.prog.lang;
