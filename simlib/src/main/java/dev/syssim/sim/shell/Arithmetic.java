package dev.syssim.sim.shell;

import java.util.function.Function;

/**
 * The shell's {@code $(( ))} arithmetic on 64-bit integers: + - * / %, comparisons, && ||, !,
 * parentheses and variable names. Division by zero is bash's error, reported as a value.
 */
final class Arithmetic {

    /** The value, or the error text bash prints. */
    record Result(long value, String error) {
    }

    private final String text;
    private final Function<String, String> variables;
    private int pos;

    private Arithmetic(String text, Function<String, String> variables) {
        this.text = text;
        this.variables = variables;
    }

    static Result evaluate(String expression, Function<String, String> variables) {
        Arithmetic a = new Arithmetic(expression, variables);
        try {
            long v = a.or();
            a.skip();
            if (a.pos < a.text.length()) return new Result(0, expression.strip() + ": syntax error: invalid arithmetic operator (error token is \"" + a.text.substring(a.pos) + "\")");
            return new Result(v, null);
        } catch (ArithmeticException e) {
            return new Result(0, expression.strip() + ": division by 0 (error token is \"" + a.text.substring(Math.min(a.pos, a.text.length())).strip() + "\")");
        } catch (IllegalStateException e) {
            return new Result(0, expression.strip() + ": " + e.getMessage());
        }
    }

    private long or() {
        long v = and();
        while (eat("||")) v = (v != 0 | and() != 0) ? 1 : 0;
        return v;
    }

    private long and() {
        long v = comparison();
        while (eat("&&")) v = (v != 0 & comparison() != 0) ? 1 : 0;
        return v;
    }

    private long comparison() {
        long v = sum();
        while (true) {
            if (eat("==")) v = v == sum() ? 1 : 0;
            else if (eat("!=")) v = v != sum() ? 1 : 0;
            else if (eat("<=")) v = v <= sum() ? 1 : 0;
            else if (eat(">=")) v = v >= sum() ? 1 : 0;
            else if (eat("<")) v = v < sum() ? 1 : 0;
            else if (eat(">")) v = v > sum() ? 1 : 0;
            else return v;
        }
    }

    private long sum() {
        long v = product();
        while (true) {
            if (eat("+")) v += product();
            else if (eat("-")) v -= product();
            else return v;
        }
    }

    private long product() {
        long v = unary();
        while (true) {
            if (eat("*")) v *= unary();
            else if (eat("/")) v /= unary();
            else if (eat("%")) v %= unary();
            else return v;
        }
    }

    private long unary() {
        if (eat("-")) return -unary();
        if (eat("+")) return unary();
        if (eat("!")) return unary() == 0 ? 1 : 0;
        return atom();
    }

    private long atom() {
        skip();
        if (eat("(")) {
            long v = or();
            if (!eat(")")) throw new IllegalStateException("missing `)'");
            return v;
        }
        int start = pos;
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            return Long.parseLong(text.substring(start, pos));
        }
        if (pos < text.length() && text.charAt(pos) == '$') pos++;
        int nameStart = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        if (nameStart == pos) throw new IllegalStateException("syntax error: operand expected (error token is \"" + text.substring(start).strip() + "\")");
        String value = variables.apply(text.substring(nameStart, pos));
        if (value == null || value.isBlank()) return 0;
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private boolean eat(String token) {
        skip();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }
}
