package dev.syssim.sim.shell.arith;

/**
 * A message bash prints while evaluating, as the text after bash's own prefix: the interpreter
 * writes {@code bash: line N: }, then the command's name and {@code ": "} if {@link #commandName}
 * says so ({@code ((: }, {@code let: }; none for {@code $(( ))}), then {@link #text}.
 *
 * @param text        e.g. {@code 1/0: division by 0 (error token is "0")}
 * @param commandName whether bash puts the running command's name before the text
 */
public record ArithMessage(String text, boolean commandName) {
}
