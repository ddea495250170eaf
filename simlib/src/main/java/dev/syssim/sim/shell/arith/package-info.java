/**
 * bash 5.2's arithmetic ({@code $(( ))}, {@code (( ))}, {@code let}, {@code for ((;;))}, array
 * subscripts, {@code declare -i}) as a pure engine: {@link dev.syssim.sim.shell.arith.Arithmetic}
 * compiles an expression's text once into a small linear program and runs it with an explicit value
 * stack and an explicit stack of nested evaluations (a variable's value is itself an expression), so
 * no expression meets Java's stack. It knows nothing of processes or syscalls: variables are reached
 * through {@link dev.syssim.sim.shell.arith.ArithVariables}, which the shell's interpreter implements.
 */
package dev.syssim.sim.shell.arith;
