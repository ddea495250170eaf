package dev.syssim.sim.shell.arith;

/**
 * The tokens of bash's arithmetic lexer (expr.c), with bash's two groupings that decide which
 * syntax error a stray character makes: after an operator an operand was expected, after an
 * operand an operator.
 */
enum Token {
    EOF, STR, NUM,
    EQEQ, NEQ, LEQ, GEQ, LAND, LOR, LSH, RSH, OP_ASSIGN, COND, POWER, PREINC, PREDEC, POSTINC, POSTDEC,
    EQ, GT, LT, PLUS, MINUS, MUL, DIV, MOD, NOT, LPAR, RPAR, BAND, BOR, BXOR, BNOT, QUES, COL, COMMA;

    /** bash's {@code _is_arithop}: the single-character operators. */
    boolean singleCharOperator() {
        return ordinal() >= EQ.ordinal();
    }

    /** bash's {@code _is_multiop}: the operators of two or more characters. */
    boolean multiCharOperator() {
        return ordinal() >= EQEQ.ordinal() && ordinal() <= POSTDEC.ordinal();
    }

    /** The single-character operator written as {@code c}, or null. */
    static Token ofChar(char c) {
        return switch (c) {
            case '=' -> EQ;
            case '>' -> GT;
            case '<' -> LT;
            case '+' -> PLUS;
            case '-' -> MINUS;
            case '*' -> MUL;
            case '/' -> DIV;
            case '%' -> MOD;
            case '!' -> NOT;
            case '(' -> LPAR;
            case ')' -> RPAR;
            case '&' -> BAND;
            case '|' -> BOR;
            case '^' -> BXOR;
            case '~' -> BNOT;
            case '?' -> QUES;
            case ':' -> COL;
            case ',' -> COMMA;
            default -> null;
        };
    }
}
