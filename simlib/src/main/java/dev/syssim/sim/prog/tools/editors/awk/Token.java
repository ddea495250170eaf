package dev.syssim.sim.prog.tools.editors.awk;

/**
 * One token of an awk program: its type, its text (a name, a string's value with escapes done, a
 * regular expression's source), a number's value, and where it starts — which source, which line,
 * which offset — for gawk's error messages with their caret under the token.
 */
record Token(Type type, String text, double number, Source source, int line, int offset) {

    /** The token types: punctuation, operators, literals, names and keywords. */
    enum Type {
        NEWLINE, EOF,
        LBRACE, RBRACE, LPAREN, RPAREN, LBRACKET, RBRACKET, SEMI, COMMA,
        AT, PLUS, MINUS, STAR, SLASH, PERCENT, CARET, NOT, GT, LT, PIPE, PIPE_AMP, QUESTION, COLON, TILDE, NOMATCH, DOLLAR,
        ASSIGN, ADD_ASSIGN, SUB_ASSIGN, MUL_ASSIGN, DIV_ASSIGN, MOD_ASSIGN, POW_ASSIGN,
        EQ, NE, LE, GE, APPEND, AND, OR, INCR, DECR,
        NUMBER, STRING, ERE, NAME, FUNC_NAME, BUILTIN,
        BEGIN, END, BEGINFILE, ENDFILE, FUNCTION, IF, ELSE, WHILE, FOR, DO, BREAK, CONTINUE, NEXT, NEXTFILE, EXIT,
        RETURN, DELETE, GETLINE, PRINT, PRINTF, IN, SWITCH, CASE, DEFAULT, LENGTH
    }

    /** One program text: the command line's, an {@code -e} text's or an {@code -f} file's. */
    record Source(String name, String text, boolean commandLine) {

        /** How gawk names it in messages: {@code cmd. line} or the file name. */
        String label() {
            return commandLine ? "cmd. line" : Bytes.fromJava(name);
        }
    }

    boolean is(Type t) {
        return type == t;
    }
}
