package dev.syssim.sim.shell.arith;

/**
 * One step of a compiled expression. A variable is loaded when its name is read as a token, into a
 * register ({@link Op#LOAD}, bash's {@code tokval}); the parser pushes the register where the
 * operand stands ({@link Op#TOKVAL}). A token read ahead where an operator belongs never reaches
 * the value stack, though bash has evaluated it. The program is linear (no jumps): bash parses and evaluates
 * in one pass and skips nothing, it only suppresses evaluation ({@code noeval}) in the branch of
 * {@code && || ?:} not taken, so the untaken branch still raises the errors bash raises there
 * ({@code 0 && 2**-1} is an error). {@code errorAt} is where bash's {@code lasttp} pointed when this
 * step ran: the start of the "error token" its message quotes.
 *
 * @param op       what the step does
 * @param value    the constant of {@link Op#CONST}; for {@link Op#ERROR} where the quoted expression
 *                 ends (bash cuts it after a malformed number: {@code 1 + 08 + 2} is quoted as
 *                 {@code 1 + 08})
 * @param operator the {@code OP} of {@code OP=} for {@link Op#ASSIGN}, or null for plain {@code =}
 * @param name     the variable of a load or store
 * @param subscript the text inside {@code [ ]} of an array reference, or null
 * @param text     the whole token, {@code name} or {@code name[subscript]} (bash binds by this text)
 * @param slot     where a load records the array index it resolved, read back by the store of
 *                 {@code ++ -- OP=}; -1 when the store goes by {@code text}
 * @param errorAt  offset of the error token in the expression
 * @param message  the message of {@link Op#ERROR}
 */
record Instruction(Op op, long value, Token operator, String name, String subscript, String text, int slot,
                   int errorAt, String message) {

    /** The operations; binary ones pop two values and push one. */
    enum Op {
        CONST, LOAD, TOKVAL,
        NEG, NOT, BNOT,
        MUL, DIV, MOD, ADD, SUB, SHL, SHR, LE, GE, LT, GT, EQ, NE, BAND, BXOR, BOR, POW,
        LAND_BEGIN, LAND_END, LOR_BEGIN, LOR_END, COND_THEN, COND_ELSE, COND_END,
        POP, ASSIGN, PREINC, PREDEC, POSTINC, POSTDEC,
        ERROR
    }

    static Instruction of(Op op, int errorAt) {
        return new Instruction(op, 0, null, null, null, null, -1, errorAt, null);
    }

    static Instruction constant(long value) {
        return new Instruction(Op.CONST, value, null, null, null, null, -1, -1, null);
    }

    static Instruction load(String name, String subscript, String text, int slot, int errorAt) {
        return new Instruction(Op.LOAD, 0, null, name, subscript, text, slot, errorAt, null);
    }

    static Instruction store(Op op, Token operator, String name, String subscript, String text, int slot,
                             int errorAt) {
        return new Instruction(op, 0, operator, name, subscript, text, slot, errorAt, null);
    }

    static Instruction error(String message, int errorAt, int end) {
        return new Instruction(Op.ERROR, end, null, null, null, null, -1, errorAt, message);
    }
}
