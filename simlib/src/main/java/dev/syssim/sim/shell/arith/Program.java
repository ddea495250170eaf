package dev.syssim.sim.shell.arith;

import java.util.List;

/**
 * An expression compiled once: its text (for error messages) and its steps. A program that ends in
 * {@link Instruction.Op#ERROR} is how a syntax error looks: the steps before it still run, as bash
 * evaluates everything it parsed before it met the bad token.
 *
 * @param text  the expression as given (bash quotes it, minus leading blanks, in each error)
 * @param code  the steps
 * @param slots how many array-index slots the loads use
 */
record Program(String text, List<Instruction> code, int slots) {
}
