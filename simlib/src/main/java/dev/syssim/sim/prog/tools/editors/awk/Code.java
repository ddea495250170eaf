package dev.syssim.sim.prog.tools.editors.awk;

import java.util.List;

/**
 * A compiled awk program: one flat instruction list for a stack machine — BEGIN rules, the main
 * loop over records, END rules, then the functions — so the {@link Vm} runs it in a Java loop with
 * its own operand and call stacks, and can stop at any instruction that needs a system call.
 */
final class Code {

    /** The instructions. Comments give the operand stack before and after, top last. */
    enum Op {
        /** [] → [o] a constant Value. */
        CONST,
        /** [] → [o] a regular expression given to a built-in (split, match, sub ...). */
        REGEX,
        /** [] → [0|1] whether the regex o matches $0 (a regex literal used as a value). */
        MATCH_RECORD,
        POP, DUP,
        /** [parts] → [value] of the lvalue (a kind, b slot); parts: FIELD [index], ELEM [array subscript]. */
        LOAD,
        /** [value parts] → [value]. */
        STORE,
        /** [rhs parts] → [result] of {@code lvalue op= rhs} (c: the operator). */
        OPASSIGN,
        /** [parts] → [result] of ++/-- (c: bit 1 prefix, bit 2 increment). */
        INCDEC,
        /**
         * [] → [array] the array variable (a scope, b slot); a scalar there is fatal, or passed as
         * itself when c = 1 (a built-in's argument: the built-in names it in its message).
         */
        ARRAY,
        /** [] → [value | array | reference] a bare name passed to a user function. */
        ARG,
        /**
         * [array subscript] → [subarray] the element as an array, made if untyped; a scalar there
         * is fatal or passed on as a says (SUB_*); o names the variable the chain starts from.
         */
        SUBARRAY,
        /** [array subscript] → [array | reference | value] an element passed to a function. */
        ELEM_ARG,
        /** [name args(b)] → [result] gawk's @name(args): the function (or built-in) the value names. */
        INDIRECT_CALL,
        /** [v1 .. vn] → [v1 SUBSEP .. vn] (a: n). */
        JOIN,
        /** [subscript array] → [0|1]. */
        IN,
        /** [array subscript] → []. */
        DELETE,
        /** [array] → []. */
        DELETE_ALL,
        ADD, SUB, MUL, DIV, MOD, POW, NEG, UPLUS, NOT, CONCAT,
        LT, LE, GT, GE, EQ, NE,
        /** [subject regex] → [0|1] (a: 1 for !~); the regex is a Value (dynamic) or an AwkRegex. */
        MATCH,
        /** [v] → [0|1]. */
        TRUTH,
        /** Jumps to a. */
        JMP,
        /** [v] → [] jumps to a when v is false / true. */
        JZ, JNZ,
        /** [args] → [result] calls function a with b arguments (a = -1: undefined, o its name). */
        CALL,
        /** [value] → returns value. */
        RET,
        /** [] → returns the uninitialized value. */
        RET_UNINIT,
        /** [args] → [result] built-in function a (a Builtins.Id ordinal) with b arguments. */
        BUILTIN,
        /** [regex replacement parts] → [count] sub (a 0) or gsub (a 1) on the lvalue (b kind, c slot; b -1: $0). */
        SUBST,
        /** [args (target)] → [] print (a args, b redirect). */
        PRINT,
        PRINTF,
        /** [parts (source)] → [status] getline (a kind, b target kind or -1, c target slot). */
        GETLINE,
        /** [array] → [iterator]. */
        FORIN_INIT,
        /** [iterator] → [iterator key], or [] and a jump to a when done. */
        FORIN_NEXT,
        NEXT, NEXTFILE,
        /** [status]? exit (a: 1 with a status). */
        EXIT,
        /** Reads the next record of the main input; jumps to a at its end. */
        NEXT_RECORD,
        /** From here on: the END rules. */
        ENTER_END,
        /** The end of the BEGINFILE or ENDFILE rules: back to the input instruction that ran them. */
        FILE_RULES_DONE,
        /** A function called from a built-in (a sort comparison) has returned: back to the built-in. */
        CALLBACK_DONE,
        HALT
    }

    /** Where an lvalue lives. */
    static final int GLOBAL = 0;
    static final int LOCAL = 1;
    static final int FIELD = 2;
    static final int ELEM = 3;

    /** What a scalar element used as an array does: fatal naming it, fatal without a name, or passed to a built-in. */
    static final int SUB_NAMED = 0;
    static final int SUB_VALUE = 1;
    static final int SUB_BUILTIN = 2;

    /** One instruction: its operation, operands, and the program line it came from. */
    static final class Instr {
        final Op op;
        int a;
        final int b;
        final int c;
        final Object o;
        final Ast.At at;

        Instr(Op op, int a, int b, int c, Object o, Ast.At at) {
            this.op = op;
            this.a = a;
            this.b = b;
            this.c = c;
            this.o = o;
            this.at = at;
        }

        @Override
        public String toString() {
            return op + " " + a + " " + b + " " + c + (o == null ? "" : " " + o);
        }
    }

    /** A user-defined function: where it starts, its parameters (all its locals). */
    record Function(String name, List<String> params, int entry) {
    }

    final Instr[] code;
    final List<Function> functions;
    final List<String> globals;
    /** The main loop's first instruction, and the END rules' first. */
    final int mainStart;
    final int endStart;
    /** Where the BEGINFILE and ENDFILE rules start, -1 when the program has none. */
    final int beginfileStart;
    final int endfileStart;
    /** Where a function called from a built-in returns to (a CALLBACK_DONE). */
    final int callbackReturn;
    /** Whether the program reads input at all (it has main, END, BEGINFILE or ENDFILE rules). */
    final boolean readsInput;

    Code(Instr[] code, List<Function> functions, List<String> globals, int mainStart, int endStart,
            int beginfileStart, int endfileStart, int callbackReturn, boolean readsInput) {
        this.callbackReturn = callbackReturn;
        this.beginfileStart = beginfileStart;
        this.endfileStart = endfileStart;
        this.code = code;
        this.functions = functions;
        this.globals = globals;
        this.mainStart = mainStart;
        this.endStart = endStart;
        this.readsInput = readsInput;
    }
}
