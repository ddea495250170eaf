package dev.syssim.sim.prog.lang;

import java.util.List;

/** One line of a program: the closed family of what the language can say. */
public sealed interface Instruction {

    /** The source line (1-based), for runtime messages. */
    int line();

    /** {@code compute 3ms}: user-mode work. */
    record Compute(int line, long nanos) implements Instruction {
    }

    /** {@code print TEXT}: write(1, TEXT + newline). */
    record Print(int line, String text) implements Instruction {
    }

    /** A syscall by name, its argument words, and where its results go ({@code -> fd} or {@code -> n, text}). */
    record Call(int line, String name, List<String> args, List<String> results) implements Instruction {
    }

    /** {@code cli}, {@code hlt}, {@code out 0x60 1} ...: privileged; #GP in user mode. */
    record Privileged(int line, String text) implements Instruction {
    }

    /** {@code load ADDR} / {@code store ADDR VALUE}: touch memory; #PF outside the process's own. */
    record Touch(int line, String address, boolean write) implements Instruction {
    }

    /** {@code set VAR EXPR}: integer arithmetic on variables. */
    record Set(int line, String variable, List<String> expression) implements Instruction {
    }

    /** {@code jump LABEL [if A OP B]}. */
    record Jump(int line, String label, List<String> condition) implements Instruction {
    }

    /** {@code exit N}. */
    record Exit(int line, String status) implements Instruction {
    }
}
