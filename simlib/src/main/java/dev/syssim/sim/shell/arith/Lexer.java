package dev.syssim.sim.shell.arith;

import java.util.ArrayList;
import java.util.List;

/**
 * bash's arithmetic lexer ({@code readtok} in expr.c), which also emits the loads: bash evaluates a
 * variable the moment its name is read as a token, one token ahead of the parser, so the load goes
 * into the program here, exactly where bash would evaluate it. A name followed by {@code =} is an
 * assignment target and is not evaluated. Before deciding, bash peeks at the next token; a peek
 * emits nothing but raises the errors bash raises there.
 *
 * <p>Failures set {@link #failed} with bash's message; the caller stops and emits the error.
 */
final class Lexer {

    private static final int NO_POSITION = -1;

    final String text;
    private final int n;
    final List<Instruction> code = new ArrayList<>();
    int slots;

    int tp;
    int lasttp = NO_POSITION;
    Token curtok = Token.EOF;
    Token lasttok = Token.EOF;
    Token assigntok;
    /** The text of the last name read ({@code a} or {@code a[i+1]}); null after an assignment. */
    String tokstr;
    /** The slot where the load of {@link #tokstr} records its array index, or -1. */
    int tokSlot = -1;
    /**
     * The current token's value when known at compile time (a number; 0 for an assignment target,
     * which bash does not evaluate), or null when a load put it in the register.
     */
    Long tokval;

    boolean failed;
    String failure;
    int failureAt;
    /** Where the quoted expression ends in the failure's message. */
    int failureEnd;

    /** The lexer's state that bash saves and restores around a peek ({@code SAVETOK}). */
    record Saved(Token curtok, Token lasttok, int tp, int lasttp, String tokstr, int tokSlot, Long tokval) {
    }

    Lexer(String text) {
        // A C string ends at its first NUL byte; the shell never passes one, but stay total.
        int nul = text.indexOf('\0');
        this.text = nul < 0 ? text : text.substring(0, nul);
        this.n = this.text.length();
    }

    Saved save() {
        return new Saved(curtok, lasttok, tp, lasttp, tokstr, tokSlot, tokval);
    }

    void restore(Saved s) {
        curtok = s.curtok();
        lasttok = s.lasttok();
        tp = s.tp();
        lasttp = s.lasttp();
        tokstr = s.tokstr();
        tokSlot = s.tokSlot();
        tokval = s.tokval();
    }

    void emit(Instruction instruction) {
        code.add(instruction);
    }

    /** bash's {@code evalerror}: the message quotes the text from {@link #lasttp} on. */
    void fail(String message) {
        failAt(message, n);
    }

    private void failAt(String message, int end) {
        if (failed) return;
        failed = true;
        failure = message;
        failureAt = lasttp;
        failureEnd = end;
    }

    /** Reads the next token, emitting the value of a number or variable it reads. */
    void readtok() {
        readtok(true);
    }

    /**
     * Peeks at the token after the current one without emitting anything, as bash does with
     * {@code noeval} set. When the peeked token is itself a name, bash peeks again behind it (and
     * so on); the chain is followed in a loop here, for the errors it may raise.
     *
     * @return the first token peeked at
     */
    Token peek() {
        readtok(false);
        Token first = curtok;
        while (!failed && curtok == Token.STR) readtok(false);
        return first;
    }

    private void readtok(boolean emitting) {
        if (failed) return;
        int cp = tp;
        while (cp < n && crWhitespace(text.charAt(cp))) cp++;
        if (cp >= n) {
            lasttok = curtok;
            curtok = Token.EOF;
            tp = cp;
            return;
        }
        char c = text.charAt(cp);
        lasttp = tp = cp;
        if (variableStarter(c)) {
            name(emitting);
        } else if (c >= '0' && c <= '9') {
            number(emitting);
        } else {
            operator(c);
        }
    }

    private void name(boolean emitting) {
        int start = tp;
        int end = start + 1;
        while (end < n && variableChar(text.charAt(end))) end++;
        int cp = end;
        String subscript = null;
        if (cp < n && text.charAt(cp) == '[') {
            int close = skipSubscript(text, cp);
            if (close >= n || text.charAt(close) != ']') {
                fail("bad array subscript");
                return;
            }
            subscript = text.substring(cp + 1, close);
            cp = close + 1;
        }
        if (emitting) {
            String token = text.substring(start, cp);
            tokstr = token;
            Saved saved = save();
            tokstr = null;
            tp = cp;
            curtok = Token.STR;
            Token next = peek();
            if (failed) return;
            restore(saved);
            if (lasttok == Token.PREINC || lasttok == Token.PREDEC || next != Token.EQ) {
                tokSlot = slots++;
                tokval = null;
                emit(Instruction.load(text.substring(start, end), subscript, token, tokSlot, start));
            } else {
                tokSlot = -1;
                tokval = 0L;
            }
        }
        lasttok = curtok;
        curtok = Token.STR;
        tp = cp;
    }

    private void number(boolean emitting) {
        int end = tp + 1;
        while (end < n && numberChar(text.charAt(end))) end++;
        // bash cuts the expression after the number while converting it, so a message quotes that much
        long value = constant(text.substring(tp, end), end);
        if (failed) return;
        if (emitting) tokval = value;
        lasttok = curtok;
        curtok = Token.NUM;
        tp = end;
    }

    private void operator(char c) {
        int cp = tp + 1;
        char c1 = cp < n ? text.charAt(cp) : '\0';
        cp++;
        Token t;
        if (c == '=' && c1 == '=') {
            t = Token.EQEQ;
        } else if (c == '!' && c1 == '=') {
            t = Token.NEQ;
        } else if (c == '>' && c1 == '=') {
            t = Token.GEQ;
        } else if (c == '<' && c1 == '=') {
            t = Token.LEQ;
        } else if ((c == '<' || c == '>') && c1 == c) {
            Token shift = c == '<' ? Token.LSH : Token.RSH;
            if (cp < n && text.charAt(cp) == '=') {
                assigntok = shift;
                t = Token.OP_ASSIGN;
                cp++;
            } else {
                t = shift;
            }
        } else if (c == '&' && c1 == '&') {
            t = Token.LAND;
        } else if (c == '|' && c1 == '|') {
            t = Token.LOR;
        } else if (c == '*' && c1 == '*') {
            t = Token.POWER;
        } else if ((c == '-' || c == '+') && c1 == c && curtok == Token.STR) {
            t = c == '-' ? Token.POSTDEC : Token.POSTINC;
        } else if ((c == '-' || c == '+') && c1 == c && curtok == Token.NUM
                && (lasttok == Token.PREINC || lasttok == Token.PREDEC)) {
            // --x++: the pre-decrement made a number, and a number cannot be incremented
            fail(c == '-' ? "--: assignment requires lvalue" : "++: assignment requires lvalue");
            return;
        } else if ((c == '-' || c == '+') && c1 == c) {
            int xp = cp;
            while (xp < n && crWhitespace(text.charAt(xp))) xp++;
            if (xp < n && variableStarter(text.charAt(xp))) {
                t = c == '-' ? Token.PREDEC : Token.PREINC;
            } else {
                cp--; // two unary signs, not ++/--
                t = Token.ofChar(c);
            }
        } else if (c1 == '=' && "*/%+-&^|".indexOf(c) >= 0) {
            assigntok = Token.ofChar(c);
            t = Token.OP_ASSIGN;
        } else if (Token.ofChar(c) == null) {
            if (curtok == Token.EOF || curtok.singleCharOperator() || curtok.multiCharOperator()) {
                fail("syntax error: operand expected");
            } else {
                fail("syntax error: invalid arithmetic operator");
            }
            return;
        } else {
            cp--;
            t = Token.ofChar(c);
        }
        lasttok = curtok;
        curtok = t;
        tp = cp;
    }

    /**
     * bash's {@code strlong}: {@code 0x1f}, octal {@code 017}, {@code base#digits} with bases 2 to
     * 64 (digits 0-9 a-z A-Z @ _, letters of either case meaning the same below base 37), 64-bit
     * wrap-around without any overflow check, as bash is built.
     */
    private long constant(String number, int end) {
        int s = 0;
        int base = 10;
        boolean foundBase = false;
        if (number.charAt(0) == '0') {
            s++;
            if (s == number.length()) return 0;
            if (number.charAt(s) == 'x' || number.charAt(s) == 'X') {
                base = 16;
                s++;
            } else {
                base = 8;
            }
            foundBase = true;
        }
        long value = 0;
        while (s < number.length()) {
            char c = number.charAt(s++);
            if (c == '#') {
                if (foundBase) {
                    failAt("invalid number", end);
                    return 0;
                }
                if (value < 2 || value > 64) {
                    failAt("invalid arithmetic base", end);
                    return 0;
                }
                base = (int) value;
                value = 0;
                foundBase = true;
                if (s >= number.length() || !numberDigit(number.charAt(s))) {
                    failAt("invalid integer constant", end);
                    return 0;
                }
            } else {
                int digit = digitValue(c, base);
                if (digit >= base) {
                    failAt("value too great for base", end);
                    return 0;
                }
                value = value * base + digit;
            }
        }
        return value;
    }

    private static int digitValue(char c, int base) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'z') return c - 'a' + 10;
        if (c >= 'A' && c <= 'Z') return c - 'A' + (base <= 36 ? 10 : 36);
        if (c == '@') return 62;
        return 63; // '_'
    }

    /**
     * The index of the {@code ]} closing the subscript opened at {@code open}, or the text's
     * length if there is none: bash's {@code skipsubscript}, which passes over nested brackets,
     * backslash escapes, quotes, back-quotes and {@code $( )} / {@code ${ }}.
     */
    static int skipSubscript(String text, int open) {
        int n = text.length();
        int count = 1;
        int i = open + 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                int close = text.indexOf('`', i + 1);
                i = close < 0 ? n : close + 1;
            } else if (c == '[') {
                count++;
                i++;
            } else if (c == ']') {
                if (--count == 0) return i;
                i++;
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                i = close < 0 ? n : close + 1;
            } else if (c == '"') {
                i = skipDoubleQuoted(text, i + 1);
            } else if (c == '$' && i + 1 < n && (text.charAt(i + 1) == '(' || text.charAt(i + 1) == '{')) {
                i = skipNested(text, i + 1);
            } else {
                i++;
            }
        }
        return Math.min(i, n);
    }

    private static int skipDoubleQuoted(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return n;
    }

    /** Past the bracket pair opened at {@code open} (simplified: counts brackets, not quotes). */
    private static int skipNested(String text, int open) {
        char o = text.charAt(open);
        char close = o == '(' ? ')' : '}';
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == o) depth++;
            else if (c == close && --depth == 0) return i + 1;
        }
        return text.length();
    }

    static boolean crWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    static boolean variableStarter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean variableChar(char c) {
        return variableStarter(c) || (c >= '0' && c <= '9');
    }

    private static boolean numberChar(char c) {
        return variableChar(c) || c == '#' || c == '@';
    }

    private static boolean numberDigit(char c) {
        return numberChar(c) && c != '#';
    }
}
