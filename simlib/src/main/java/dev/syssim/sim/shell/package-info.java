/**
 * The shell language of a cell (a practical POSIX subset, bash's messages): the parser that turns
 * text into a {@link dev.syssim.sim.shell.Ast} with line and column for errors, and {@link
 * dev.syssim.sim.shell.Bash}, the program that runs it — every command a process, every pipeline
 * processes joined by pipes. It uses {@code prog} and {@code os}'s syscalls like any program.
 */
package dev.syssim.sim.shell;
