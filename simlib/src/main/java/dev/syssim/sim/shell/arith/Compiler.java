package dev.syssim.sim.shell.arith;

import dev.syssim.sim.shell.arith.Instruction.Op;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * bash's recursive-descent arithmetic parser (expr.c, {@code expcomma} down to {@code exp0}) with
 * its own explicit stack of frames instead of Java's: ten thousand nested parentheses are ten
 * thousand frames in a list, not on the thread's stack. Each procedure keeps bash's order of token
 * reads and its bookkeeping of the previous token ({@code lasttok}), which decides bash's messages
 * (only a bare name before {@code =} is assignable: {@code 1+b=3} is "attempted assignment to
 * non-variable"). It emits steps where bash evaluates; the first syntax error ends the program
 * with an {@link Op#ERROR} step.
 */
final class Compiler {

    /** The procedures of bash's parser, highest level (lowest precedence) first. */
    private enum Proc {
        COMMA, ASSIGN, COND, LOR, LAND, BOR, BXOR, BAND, EQUALITY, RELATIONAL, SHIFT, ADDITIVE, MULTIPLICATIVE,
        POWER, UNARY, PRIMARY
    }

    private static final Map<Token, Op> BINARY = new EnumMap<>(Map.ofEntries(
            Map.entry(Token.BOR, Op.BOR), Map.entry(Token.BXOR, Op.BXOR), Map.entry(Token.BAND, Op.BAND),
            Map.entry(Token.EQEQ, Op.EQ), Map.entry(Token.NEQ, Op.NE),
            Map.entry(Token.LEQ, Op.LE), Map.entry(Token.GEQ, Op.GE), Map.entry(Token.LT, Op.LT),
            Map.entry(Token.GT, Op.GT), Map.entry(Token.LSH, Op.SHL), Map.entry(Token.RSH, Op.SHR),
            Map.entry(Token.PLUS, Op.ADD), Map.entry(Token.MINUS, Op.SUB),
            Map.entry(Token.MUL, Op.MUL), Map.entry(Token.DIV, Op.DIV), Map.entry(Token.MOD, Op.MOD)));

    /** One activation of a procedure: where it resumes, and what it remembers meanwhile. */
    private static final class Frame {
        Proc proc;
        int state;
        Token op;
        int mark;
        String target;
        int slot;

        Frame(Proc proc) {
            this.proc = proc;
        }
    }

    private final Lexer lex;
    private final Deque<Frame> stack = new ArrayDeque<>();

    private Compiler(String text) {
        this.lex = new Lexer(text);
    }

    /** Compiles an expression; the caller has checked that it is not blank. */
    static Program compile(String text) {
        Compiler c = new Compiler(text);
        c.run();
        Lexer lex = c.lex;
        if (!lex.failed && lex.curtok != Token.EOF) lex.fail("syntax error in expression");
        if (lex.failed) lex.emit(Instruction.error(lex.failure, lex.failureAt, lex.failureEnd));
        return new Program(lex.text, java.util.List.copyOf(lex.code), lex.slots);
    }

    private void run() {
        lex.readtok();
        call(Proc.COMMA);
        while (!stack.isEmpty() && !lex.failed) {
            Frame f = stack.peek();
            switch (f.proc) {
                case COMMA -> comma(f);
                case ASSIGN -> assign(f);
                case COND -> conditional(f);
                case LOR, LAND -> logical(f);
                case POWER -> power(f);
                case UNARY -> unary(f);
                case PRIMARY -> primary(f);
                default -> binary(f);
            }
        }
    }

    private void call(Proc proc) {
        stack.push(new Frame(proc));
    }

    private void ret() {
        stack.pop();
    }

    private void comma(Frame f) {
        if (f.state == 0) {
            f.state = 1;
            call(Proc.ASSIGN);
        } else if (lex.curtok == Token.COMMA) {
            lex.emit(Instruction.of(Op.POP, lex.lasttp));
            lex.readtok();
            call(Proc.ASSIGN);
        } else {
            ret();
        }
    }

    private void assign(Frame f) {
        switch (f.state) {
            case 0 -> {
                f.state = 1;
                call(Proc.COND);
            }
            case 1 -> {
                if (lex.curtok != Token.EQ && lex.curtok != Token.OP_ASSIGN) {
                    ret();
                    return;
                }
                if (lex.lasttok != Token.STR) {
                    lex.fail("attempted assignment to non-variable");
                    return;
                }
                f.op = lex.curtok == Token.OP_ASSIGN ? lex.assigntok : null;
                if (lex.tokstr == null) {
                    lex.fail("syntax error in variable assignment");
                    return;
                }
                f.target = lex.tokstr;
                f.slot = lex.tokSlot;
                lex.readtok();
                f.state = 2;
                call(Proc.ASSIGN);
            }
            default -> {
                lex.emit(store(Op.ASSIGN, f.op, f.target, f.slot));
                lex.tokstr = null;
                ret();
            }
        }
    }

    private void conditional(Frame f) {
        switch (f.state) {
            case 0 -> {
                f.state = 1;
                call(Proc.LOR);
            }
            case 1 -> {
                if (lex.curtok != Token.QUES) {
                    ret();
                    return;
                }
                lex.emit(Instruction.of(Op.COND_THEN, lex.lasttp));
                lex.readtok();
                if (lex.curtok == Token.EOF || lex.curtok == Token.COL) {
                    lex.fail("expression expected");
                    return;
                }
                f.state = 2;
                call(Proc.COMMA);
            }
            case 2 -> {
                lex.emit(Instruction.of(Op.COND_ELSE, lex.lasttp));
                if (lex.curtok != Token.COL) {
                    lex.fail("`:' expected for conditional expression");
                    return;
                }
                lex.readtok();
                if (lex.curtok == Token.EOF) {
                    lex.fail("expression expected");
                    return;
                }
                f.state = 3;
                call(Proc.COND);
            }
            default -> {
                lex.emit(Instruction.of(Op.COND_END, lex.lasttp));
                lex.lasttok = Token.COND;
                ret();
            }
        }
    }

    private void logical(Frame f) {
        boolean or = f.proc == Proc.LOR;
        Token token = or ? Token.LOR : Token.LAND;
        Proc next = or ? Proc.LAND : Proc.BOR;
        switch (f.state) {
            case 0 -> {
                f.state = 1;
                call(next);
            }
            case 1 -> {
                if (lex.curtok != token) {
                    ret();
                    return;
                }
                lex.emit(Instruction.of(or ? Op.LOR_BEGIN : Op.LAND_BEGIN, lex.lasttp));
                lex.readtok();
                f.state = 2;
                call(next);
            }
            default -> {
                lex.emit(Instruction.of(or ? Op.LOR_END : Op.LAND_END, lex.lasttp));
                lex.lasttok = token;
                f.state = 1;
            }
        }
    }

    private void binary(Frame f) {
        Proc next = Proc.values()[f.proc.ordinal() + 1];
        switch (f.state) {
            case 0 -> {
                f.state = 1;
                call(next);
            }
            case 1 -> {
                if (!operatorOf(f.proc, lex.curtok)) {
                    ret();
                    return;
                }
                f.op = lex.curtok;
                f.mark = lex.tp; // bash quotes a division by 0 from just after the operator
                lex.readtok();
                f.state = 2;
                call(next);
            }
            default -> {
                int errorAt = lex.lasttp;
                if (f.op == Token.DIV || f.op == Token.MOD) {
                    errorAt = f.mark;
                    while (errorAt < lex.text.length()
                            && (lex.text.charAt(errorAt) == ' ' || lex.text.charAt(errorAt) == '\t')) errorAt++;
                }
                lex.emit(Instruction.of(BINARY.get(f.op), errorAt));
                lex.lasttok = Token.NUM;
                f.state = 1;
            }
        }
    }

    private static boolean operatorOf(Proc proc, Token t) {
        return switch (proc) {
            case BOR -> t == Token.BOR;
            case BXOR -> t == Token.BXOR;
            case BAND -> t == Token.BAND;
            case EQUALITY -> t == Token.EQEQ || t == Token.NEQ;
            case RELATIONAL -> t == Token.LEQ || t == Token.GEQ || t == Token.LT || t == Token.GT;
            case SHIFT -> t == Token.LSH || t == Token.RSH;
            case ADDITIVE -> t == Token.PLUS || t == Token.MINUS;
            case MULTIPLICATIVE -> t == Token.MUL || t == Token.DIV || t == Token.MOD;
            default -> false;
        };
    }

    /** {@code **} is right-associative: its right operand is another power. */
    private void power(Frame f) {
        switch (f.state) {
            case 0 -> {
                f.state = 1;
                call(Proc.UNARY);
            }
            case 1 -> {
                if (lex.curtok != Token.POWER) {
                    ret();
                    return;
                }
                lex.readtok();
                f.state = 2;
                call(Proc.POWER);
            }
            default -> {
                lex.lasttok = Token.NUM;
                lex.emit(Instruction.of(Op.POW, lex.lasttp));
                ret();
            }
        }
    }

    private void unary(Frame f) {
        if (f.state == 0) {
            Token t = lex.curtok;
            if (t == Token.NOT || t == Token.BNOT || t == Token.MINUS || t == Token.PLUS) {
                f.op = t;
                lex.readtok();
                f.state = 1;
                call(Proc.UNARY);
            } else {
                f.proc = Proc.PRIMARY;
            }
            return;
        }
        switch (f.op) {
            case NOT -> lex.emit(Instruction.of(Op.NOT, lex.lasttp));
            case BNOT -> lex.emit(Instruction.of(Op.BNOT, lex.lasttp));
            case MINUS -> lex.emit(Instruction.of(Op.NEG, lex.lasttp));
            default -> { } // unary plus changes nothing
        }
        lex.lasttok = Token.NUM;
        ret();
    }

    private void primary(Frame f) {
        if (f.state == 1) {
            if (lex.curtok != Token.RPAR) {
                lex.fail("missing `)'");
                return;
            }
            lex.readtok();
            ret();
            return;
        }
        Token t = lex.curtok;
        if (t == Token.PREINC || t == Token.PREDEC) {
            lex.lasttok = t;
            lex.readtok();
            if (lex.curtok != Token.STR) {
                lex.fail("identifier expected after pre-increment or pre-decrement");
                return;
            }
            operand();
            lex.emit(store(t == Token.PREINC ? Op.PREINC : Op.PREDEC, null, lex.tokstr, lex.tokSlot));
            lex.curtok = Token.NUM; // so that --x=7 is an error
            lex.readtok();
            ret();
        } else if (t == Token.LPAR) {
            lex.readtok();
            f.state = 1;
            call(Proc.COMMA);
        } else if (t == Token.NUM) {
            operand();
            lex.readtok();
            ret();
        } else if (t == Token.STR) {
            operand();
            Lexer.Saved saved = lex.save();
            lex.tokstr = null;
            Token next = lex.peek();
            if (lex.failed) return;
            if (next == Token.POSTINC || next == Token.POSTDEC) {
                lex.tokstr = saved.tokstr();
                lex.tokSlot = saved.tokSlot();
                lex.lasttok = Token.STR;
                lex.emit(store(next == Token.POSTINC ? Op.POSTINC : Op.POSTDEC, null, lex.tokstr, lex.tokSlot));
                lex.curtok = Token.NUM; // so that x++=7 is an error
            } else {
                lex.restore(saved);
            }
            lex.readtok();
            ret();
        } else {
            lex.fail("syntax error: operand expected");
        }
    }

    /** The current token's value onto the stack: bash's {@code val = tokval}. */
    private void operand() {
        lex.emit(lex.tokval != null ? Instruction.constant(lex.tokval) : Instruction.of(Op.TOKVAL, lex.lasttp));
    }

    private Instruction store(Op op, Token operator, String target, int slot) {
        int bracket = target.indexOf('[');
        String name = bracket < 0 ? target : target.substring(0, bracket);
        String subscript = bracket < 0 ? null : target.substring(bracket + 1, target.length() - 1);
        return Instruction.store(op, operator, name, subscript, target, slot, lex.lasttp);
    }
}
