package dev.syssim.sim.shell.arith;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs compiled expressions with an explicit value stack and an explicit stack of evaluations. A
 * variable whose value is not a plain number has that value evaluated as an expression (bash's
 * {@code subexpr}), and an indexed array's subscript is evaluated too ({@code evalexp}); each is a
 * new {@link Frame} here, never a Java call, up to bash's limit of 1024 nested evaluations
 * ({@code expression recursion level exceeded}).
 *
 * <p>A step that needs a nested evaluation pushes the frame and is run again, in its next
 * {@code phase}, when the value comes back.
 */
final class Machine {

    /** bash's {@code MAX_EXPR_RECURSION_LEVEL}. */
    static final int MAX_RECURSION = 1024;

    private enum Nesting { TOP, VALUE, SUBSCRIPT }

    private static final class Frame {
        final Program program;
        final int base;
        final boolean inSubscript;
        final long[] slots;
        int pc;
        int noeval;
        int phase;
        long received;
        long held;
        long bound;

        Frame(Program program, int base, boolean inSubscript) {
            this.program = program;
            this.base = base;
            this.inSubscript = inSubscript;
            this.slots = new long[program.slots()];
            Arrays.fill(slots, -1);
        }
    }

    private final Arithmetic programs;
    private final ArithVariables vars;
    private final ArrayList<Frame> frames = new ArrayList<>(4);
    private List<ArithMessage> messages = List.of();
    private long[] stack = new long[16];
    private int sp;
    /** bash's {@code tokval}: the value of the last name loaded, until the parser takes it. */
    private long register;
    private ArithResult.Failure failure;

    Machine(Arithmetic programs, ArithVariables vars) {
        this.programs = programs;
        this.vars = vars;
    }

    ArithResult run(Program program) {
        frames.add(new Frame(program, 0, false));
        while (failure == null) {
            Frame f = frames.get(frames.size() - 1);
            List<Instruction> code = f.program.code();
            if (f.pc == code.size()) {
                long value = stack[sp - 1];
                sp = f.base;
                frames.remove(frames.size() - 1);
                if (frames.isEmpty()) return new ArithResult.Value(value, messages);
                frames.get(frames.size() - 1).received = value;
                continue;
            }
            step(f, code.get(f.pc));
        }
        return failure;
    }

    private void step(Frame f, Instruction in) {
        switch (in.op()) {
            case CONST -> {
                push(in.value());
                f.pc++;
            }
            case LOAD -> load(f, in);
            case TOKVAL -> {
                push(register);
                f.pc++;
            }
            case NEG -> unary(f, -stack[sp - 1]);
            case NOT -> unary(f, stack[sp - 1] == 0 ? 1 : 0);
            case BNOT -> unary(f, ~stack[sp - 1]);
            case POW -> power(f, in);
            case LAND_BEGIN, LOR_BEGIN -> {
                boolean decided = (stack[sp - 1] == 0) == (in.op() == Instruction.Op.LAND_BEGIN);
                if (decided) f.noeval++;
                push(decided ? 1 : 0);
                f.pc++;
            }
            case LAND_END, LOR_END -> {
                long right = pop();
                if (pop() != 0) f.noeval--;
                long left = pop();
                boolean and = in.op() == Instruction.Op.LAND_END;
                push((and ? left != 0 && right != 0 : left != 0 || right != 0) ? 1 : 0);
                f.pc++;
            }
            case COND_THEN -> {
                boolean skip = stack[sp - 1] == 0;
                if (skip) f.noeval++;
                push(skip ? 1 : 0);
                f.pc++;
            }
            case COND_ELSE -> { // stack: condition, flag, then-value
                if (stack[sp - 2] != 0) f.noeval--;
                boolean skip = stack[sp - 3] != 0;
                if (skip) f.noeval++;
                stack[sp - 2] = skip ? 1 : 0;
                f.pc++;
            }
            case COND_END -> {
                long otherwise = pop();
                long then = pop();
                if (pop() != 0) f.noeval--;
                push(pop() != 0 ? then : otherwise);
                f.pc++;
            }
            case POP -> {
                sp--;
                f.pc++;
            }
            case ASSIGN, PREINC, PREDEC, POSTINC, POSTDEC -> store(f, in);
            case ERROR -> fail(f, in.message(), in.errorAt(), (int) in.value(), f.inSubscript);
            default -> binary(f, in);
        }
    }

    private void unary(Frame f, long value) {
        stack[sp - 1] = value;
        f.pc++;
    }

    private void binary(Frame f, Instruction in) {
        long right = pop();
        long left = pop();
        long value;
        switch (in.op()) {
            case MUL -> value = left * right;
            case DIV, MOD -> {
                if (right == 0) {
                    if (f.noeval == 0) {
                        fail(f, "division by 0", in.errorAt(), f.inSubscript);
                        return;
                    }
                    right = 1;
                }
                // Java's / and % wrap on Long.MIN_VALUE / -1 exactly as bash special-cases it
                value = in.op() == Instruction.Op.DIV ? left / right : left % right;
            }
            case ADD -> value = left + right;
            case SUB -> value = left - right;
            // Java masks the shift count to 6 bits, as the x86-64 shift instructions do for bash
            case SHL -> value = left << right;
            case SHR -> value = left >> right;
            case LE -> value = left <= right ? 1 : 0;
            case GE -> value = left >= right ? 1 : 0;
            case LT -> value = left < right ? 1 : 0;
            case GT -> value = left > right ? 1 : 0;
            case EQ -> value = left == right ? 1 : 0;
            case NE -> value = left != right ? 1 : 0;
            case BAND -> value = left & right;
            case BXOR -> value = left ^ right;
            case BOR -> value = left | right;
            default -> throw new IllegalStateException("not a binary operation: " + in.op());
        }
        push(value);
        f.pc++;
    }

    /** {@code **}: bash checks the exponent's sign even where it does not evaluate ({@code 0 && 2**-1}). */
    private void power(Frame f, Instruction in) {
        long exponent = pop();
        long base = pop();
        if (exponent < 0) {
            fail(f, "exponent less than 0", in.errorAt(), f.inSubscript);
            return;
        }
        long result = 1;
        while (exponent != 0) {
            if ((exponent & 1) != 0) result *= base;
            exponent >>= 1;
            base *= base;
        }
        push(result);
        f.pc++;
    }

    // ---- loads -------------------------------------------------------------------------------

    private void load(Frame f, Instruction in) {
        switch (f.phase) {
            case 0 -> startLoad(f, in);
            case 1 -> loadElement(f, in, f.received);
            default -> loaded(f, f.received);
        }
    }

    /** The load is done: its value goes to the register, where the parser takes it from. */
    private void loaded(Frame f, long value) {
        register = value;
        finish(f);
    }

    private void startLoad(Frame f, Instruction in) {
        if (f.noeval > 0) { // bash does not look at variables it does not evaluate
            loaded(f, 0);
            return;
        }
        String name = in.name();
        String subscript = in.subscript();
        if (subscript != null && subscript.isEmpty()) {
            // bash parses the empty subscript twice, complaining each time, and reads 0
            message(in.text() + ": bad array subscript", false);
            message(in.text() + ": bad array subscript", false);
            if (vars.nounset()) {
                unbound("(null)");
                return;
            }
            loaded(f, 0);
            return;
        }
        if (vars.nounset() && !vars.isSet(name)) {
            unbound(name);
            return;
        }
        if (subscript == null) {
            evaluateValue(f, in, vars.value(name));
            return;
        }
        boolean associative = vars.isAssociative(name);
        if (!associative && (subscript.equals("@") || subscript.equals("*"))) {
            message(in.text() + ": bad array subscript", false);
            loaded(f, 0);
        } else if (associative) {
            String key = vars.expandSubscript(subscript, true);
            if (key == null || key.isEmpty()) {
                message(name + ": bad array subscript", false);
                loaded(f, 0);
                return;
            }
            evaluateValue(f, in, vars.element(name, key));
        } else {
            String index = vars.expandSubscript(subscript, false);
            if (blank(cString(index))) {
                loadElement(f, in, 0);
            } else {
                enter(f, in, index, Nesting.SUBSCRIPT, 1);
            }
        }
    }

    private void loadElement(Frame f, Instruction in, long index) {
        String name = in.name();
        if (index < 0) {
            if (vars.isIndexedArray(name)) index += vars.maxIndex(name) + 1;
            if (index < 0) {
                message(name + ": bad array subscript", false);
                loaded(f, 0);
                return;
            }
        }
        f.slots[in.slot()] = index;
        evaluateValue(f, in, vars.element(name, index));
    }

    /** bash's {@code expr_streval} tail: an empty value is 0, anything else is an expression. */
    private void evaluateValue(Frame f, Instruction in, String value) {
        String text = value == null ? "" : cString(value);
        if (blank(text)) {
            loaded(f, 0);
            return;
        }
        if (plainNumber(text)) {
            if (frames.size() >= MAX_RECURSION) {
                fail(f, "expression recursion level exceeded", in.errorAt(), f.inSubscript);
                return;
            }
            loaded(f, Long.parseLong(text));
            return;
        }
        enter(f, in, text, Nesting.VALUE, 2);
    }

    // ---- stores ------------------------------------------------------------------------------

    private void store(Frame f, Instruction in) {
        if (f.phase == 0) {
            long result;
            long bound;
            switch (in.op()) {
                case ASSIGN -> {
                    long right = pop();
                    long left = pop();
                    if (in.operator() == null) {
                        result = right;
                    } else {
                        if ((in.operator() == Token.DIV || in.operator() == Token.MOD) && right == 0) {
                            if (f.noeval == 0) {
                                fail(f, "division by 0", in.errorAt(), f.inSubscript);
                                return;
                            }
                            right = 1;
                        }
                        result = compound(in.operator(), left, right);
                    }
                    bound = result;
                }
                case PREINC, PREDEC -> {
                    result = pop() + (in.op() == Instruction.Op.PREINC ? 1 : -1);
                    bound = result;
                }
                default -> {
                    result = pop();
                    bound = result + (in.op() == Instruction.Op.POSTINC ? 1 : -1);
                }
            }
            f.held = result;
            f.bound = bound;
            if (f.noeval > 0) {
                endStore(f);
            } else {
                bind(f, in);
            }
        } else {
            bindElement(f, in, f.received);
        }
    }

    private static long compound(Token operator, long left, long right) {
        return switch (operator) {
            case MUL -> left * right;
            case DIV -> left / right;
            case MOD -> left % right;
            case PLUS -> left + right;
            case MINUS -> left - right;
            case LSH -> left << right;
            case RSH -> left >> right;
            case BAND -> left & right;
            case BOR -> left | right;
            case BXOR -> left ^ right;
            default -> throw new IllegalStateException("not an assignment operator: " + operator);
        };
    }

    /**
     * bash's {@code expr_bind_variable}: by the index the load resolved ({@code a[i++] += 1}
     * evaluates {@code i++} once), else by the target's text, whose subscript is then evaluated
     * again, after the right-hand side ({@code a[i++] = i} stores the old {@code i}).
     */
    private void bind(Frame f, Instruction in) {
        String name = in.name();
        String value = Long.toString(f.bound);
        String subscript = in.subscript();
        if (in.slot() >= 0 && f.slots[in.slot()] >= 0) {
            afterBind(f, vars.assignElement(name, f.slots[in.slot()], value));
        } else if (subscript == null) {
            afterBind(f, vars.assign(name, value));
        } else if (subscript.isEmpty()) {
            message("`" + in.text() + "': not a valid identifier", true);
            endStore(f);
        } else if (vars.isAssociative(name)) {
            String key = vars.expandSubscript(subscript, true);
            if (key == null || key.isEmpty()) {
                message(in.text() + ": bad array subscript", false);
                endStore(f);
                return;
            }
            afterBind(f, vars.assignElement(name, key, value));
        } else if (subscript.equals("@") || subscript.equals("*")) {
            message(in.text() + ": bad array subscript", false);
            endStore(f);
        } else {
            String index = vars.expandSubscript(subscript, false);
            if (blank(cString(index))) {
                bindElement(f, in, 0);
            } else {
                enter(f, in, index, Nesting.SUBSCRIPT, 1);
            }
        }
    }

    private void bindElement(Frame f, Instruction in, long index) {
        String name = in.name();
        if (index < 0 && (vars.isSet(name) || vars.isIndexedArray(name) || vars.isAssociative(name))) {
            index += (vars.isIndexedArray(name) ? vars.maxIndex(name) : 0) + 1;
        }
        if (index < 0) {
            message(in.text() + ": bad array subscript", false);
            endStore(f);
            return;
        }
        afterBind(f, vars.assignElement(name, index, Long.toString(f.bound)));
    }

    private void afterBind(Frame f, String error) {
        if (error != null) {
            ArithResult.Kind kind = f.inSubscript ? ArithResult.Kind.SUBSCRIPT : ArithResult.Kind.ASSIGNMENT;
            failure = new ArithResult.Failure(kind, new ArithMessage(error, false), messages);
            return;
        }
        endStore(f);
    }

    private void endStore(Frame f) {
        push(f.held);
        finish(f);
    }

    // ---- frames, stack, messages ------------------------------------------------------------

    private void enter(Frame f, Instruction in, String text, Nesting nesting, int resumePhase) {
        boolean inSubscript = f.inSubscript || nesting == Nesting.SUBSCRIPT;
        if (frames.size() >= MAX_RECURSION) {
            fail(f, "expression recursion level exceeded", in.errorAt(), inSubscript);
            return;
        }
        frames.add(new Frame(programs.compiled(text), sp, inSubscript));
        f.phase = resumePhase;
    }

    private static void finish(Frame f) {
        f.phase = 0;
        f.pc++;
    }

    private void fail(Frame f, String message, int errorAt, boolean inSubscript) {
        fail(f, message, errorAt, f.program.text().length(), inSubscript);
    }

    private void fail(Frame f, String message, int errorAt, int end, boolean inSubscript) {
        String text = f.program.text().substring(0, end);
        int start = 0;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) start++;
        String token = errorAt >= 0 && errorAt < text.length() ? text.substring(errorAt) : "";
        String line = text.substring(start) + ": " + message + " (error token is \"" + token + "\")";
        ArithResult.Kind kind = inSubscript ? ArithResult.Kind.SUBSCRIPT : ArithResult.Kind.EXPRESSION;
        failure = new ArithResult.Failure(kind, new ArithMessage(line, !inSubscript), messages);
    }

    private void unbound(String name) {
        failure = new ArithResult.Failure(ArithResult.Kind.UNBOUND,
                new ArithMessage(name + ": unbound variable", false), messages);
    }

    private void message(String text, boolean commandName) {
        if (messages.isEmpty()) messages = new ArrayList<>(2);
        messages.add(new ArithMessage(text, commandName));
    }

    private void push(long value) {
        if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
        stack[sp++] = value;
    }

    private long pop() {
        return stack[--sp];
    }

    /** The text as C sees it: up to its first NUL byte. */
    static String cString(String text) {
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    /** Nothing but blanks and newlines: bash evaluates it to 0 without parsing. */
    static boolean blank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Lexer.crWhitespace(text.charAt(i))) return false;
        }
        return true;
    }

    /**
     * A value the parser would read as one decimal constant with an optional minus: {@code 0}, or
     * up to 18 digits not starting with 0. Such values skip the compiler (a counting loop stores a
     * new number each time round) and give exactly what the parser would.
     */
    static boolean plainNumber(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        int digits = text.length() - i;
        if (digits < 1 || digits > 18) return false;
        if (text.charAt(i) == '0') return digits == 1 && i == 0;
        for (int k = i; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
