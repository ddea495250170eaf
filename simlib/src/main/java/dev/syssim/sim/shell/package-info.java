/**
 * The shell of a cell and of every script on the simulated machines: GNU bash 5.2's language with
 * bash's messages and statuses, dash 0.5.12 as {@code /bin/sh} and busybox's ash (where they
 * differ, each construct asks {@code st.dash}; wording differences live in {@link
 * dev.syssim.sim.shell.Dash}). {@code syntax/} parses text into an AST with line and column for
 * errors; {@link dev.syssim.sim.shell.Bash} is the program that runs it as frames on an explicit
 * stack (never Java recursion on user input), every command a process, every pipeline processes
 * joined by pipes, using {@code prog} and {@code os}'s syscalls like any program.
 */
package dev.syssim.sim.shell;
