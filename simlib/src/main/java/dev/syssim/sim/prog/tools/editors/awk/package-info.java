/**
 * awk: GNU Awk 5.2's language — its lexer and parser (gawk's grammar and messages), a compiler to
 * a flat instruction list, and a virtual machine with its own operand and call stacks that stops
 * at every system call it needs, so an awk program is a chain of steps like any simulated program
 * (files, pipes and coprocesses through fork, dup2 and execve of {@code sh -c}). Arrays keep gawk's
 * internal order and sort with gawk's comparison rules, numbers print as gawk prints them, regular
 * expressions use the shared {@link dev.syssim.sim.prog.Regex} with gawk's syntax bits. Used by
 * {@link dev.syssim.sim.prog.tools.editors.EditorTools}.
 */
package dev.syssim.sim.prog.tools.editors.awk;
