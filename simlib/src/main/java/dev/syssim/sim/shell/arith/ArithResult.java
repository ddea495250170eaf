package dev.syssim.sim.shell.arith;

import java.util.List;

/**
 * The outcome of evaluating an arithmetic expression: a value or a failure, each after the non-fatal
 * messages bash printed on the way (e.g. {@code a: bad array subscript}, after which bash goes on
 * with 0). Side effects made before a failure stay made, as in bash.
 */
public sealed interface ArithResult {

    /** Messages printed before the end, in order. */
    List<ArithMessage> messages();

    /** The expression's value. */
    record Value(long value, List<ArithMessage> messages) implements ArithResult {
    }

    /** The evaluation stopped. */
    record Failure(Kind kind, ArithMessage error, List<ArithMessage> messages) implements ArithResult {
    }

    /** How bash goes on after a failure, which differs by where it happened. */
    enum Kind {
        /**
         * An error in the expression ({@code evalerror}): {@code ((} and {@code let} print it after
         * their name and return 1; {@code $(( ))} makes the command fail as an expansion error.
         */
        EXPRESSION,
        /**
         * An assignment the variable store refused (readonly): the store's message, no command
         * name; otherwise as {@link #EXPRESSION}.
         */
        ASSIGNMENT,
        /**
         * An error while evaluating an array subscript: bash prints it without a command name and
         * abandons the whole command line ({@code jump_to_top_level (DISCARD)}).
         */
        SUBSCRIPT,
        /** {@code set -u} and an unset variable: a non-interactive shell exits. */
        UNBOUND
    }
}
