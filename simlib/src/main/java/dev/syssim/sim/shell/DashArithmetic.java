package dev.syssim.sim.shell;

/**
 * dash's {@code $(( ))} (arith_yacc.c of dash 0.5.12), which is smaller than bash's: C's binary
 * operators, {@code ?:}, {@code !} {@code ~} and unary signs, assignments ({@code =}, {@code +=}
 * ...), decimal, octal and hex constants; no {@code ++}/{@code --}, no {@code **}, no comma, no
 * {@code base#n}. A variable's value must be a number ({@code Illegal number: abc} otherwise), not
 * an expression as in bash. Errors carry dash's wording: {@code arithmetic expression: expecting
 * primary: "1+"}. Untaken branches of {@code && || ?:} are parsed but not evaluated. Nesting is
 * bounded (each level is a few Java frames), which dash's C stack also is.
 */
final class DashArithmetic {

    /** Where the expression reads and writes its variables. */
    interface Variables {
        /** The variable's value, or null if unset. */
        String get(String name);

        /** Sets it (as dash does, to the decimal text); an error message (readonly) or null. */
        String set(String name, long value);
    }

    /** An error: {@code message} is dash's, without the {@code sh: N: } prefix. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 2_000;

    private final String text;
    private final Variables vars;
    private int pos;
    private int depth;
    /** Inside an untaken branch: parse, do not evaluate. */
    private int noeval;

    private DashArithmetic(String text, Variables vars) {
        this.text = text;
        this.vars = vars;
    }

    static long evaluate(String text, Variables vars) throws Failure {
        DashArithmetic a = new DashArithmetic(text, vars);
        a.skipBlanks();
        if (a.pos >= text.length()) return 0;
        long value = a.assignment();
        a.skipBlanks();
        if (a.pos < text.length()) throw a.error("expecting EOF");
        return value;
    }

    private Failure error(String what) {
        return new Failure("arithmetic expression: " + what + ": \"" + text + "\"");
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\n')) pos++;
    }

    private static final String[] ASSIGN_OPS = {"<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|="};

    private long assignment() throws Failure {
        skipBlanks();
        int start = pos;
        String name = name();
        if (name != null) {
            skipBlanks();
            String op = null;
            for (String o : ASSIGN_OPS) {
                if (text.startsWith(o, pos)) {
                    op = o;
                    break;
                }
            }
            if (op == null && pos < text.length() && text.charAt(pos) == '=' && !text.startsWith("==", pos)) op = "=";
            if (op != null) {
                pos += op.length();
                if (++depth > MAX_DEPTH) throw error("expecting primary");
                long right = assignment();
                depth--;
                long value = op.equals("=") ? right : binary(op.substring(0, op.length() - 1), variable(name), right);
                if (noeval == 0) {
                    String failed = vars.set(name, value);
                    if (failed != null) throw new Failure(failed);
                }
                return value;
            }
        }
        pos = start;
        return conditional();
    }

    private long conditional() throws Failure {
        long c = binaryLevel(0);
        skipBlanks();
        if (pos < text.length() && text.charAt(pos) == '?') {
            pos++;
            if (c == 0) noeval++;
            long yes = assignment();
            if (c == 0) noeval--;
            skipBlanks();
            if (pos >= text.length() || text.charAt(pos) != ':') throw error("expecting ':'");
            pos++;
            if (c != 0) noeval++;
            long no = assignment();
            if (c != 0) noeval--;
            return c != 0 ? yes : no;
        }
        return c;
    }

    /** Binary operators by precedence, loosest first. */
    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"},
    };

    private long binaryLevel(int level) throws Failure {
        if (level == LEVELS.length) return unary();
        long left = binaryLevel(level + 1);
        while (true) {
            skipBlanks();
            String op = operatorAt(level);
            if (op == null) return left;
            pos += op.length();
            if (op.equals("&&") || op.equals("||")) {
                boolean skip = op.equals("&&") ? left == 0 : left != 0;
                if (skip) noeval++;
                long right = binaryLevel(level + 1);
                if (skip) noeval--;
                left = op.equals("&&") ? (left != 0 && right != 0 ? 1 : 0) : (left != 0 || right != 0 ? 1 : 0);
                continue;
            }
            long right = binaryLevel(level + 1);
            left = noeval > 0 ? 0 : binary(op, left, right);
        }
    }

    private String operatorAt(int level) {
        for (String op : LEVELS[level]) {
            if (!text.startsWith(op, pos)) continue;
            // not the first character of a longer operator of another level
            char next = pos + op.length() < text.length() ? text.charAt(pos + op.length()) : 0;
            if (op.equals("|") && next == '|' || op.equals("&") && next == '&') return null;
            if ((op.equals("<") || op.equals(">")) && (next == '<' || next == '>' || next == '=')) continue;
            if ((op.equals("<<") || op.equals(">>")) && next == '=') return null;
            if (next == '=' && op.length() == 1 && "+-*/%&^|".indexOf(op.charAt(0)) >= 0) return null; // an assignment
            return op;
        }
        return null;
    }

    private long binary(String op, long a, long b) throws Failure {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/", "%" -> {
                if (b == 0) throw error("division by zero");
                if (a == Long.MIN_VALUE && b == -1) yield op.equals("/") ? a : 0;
                yield op.equals("/") ? a / b : a % b;
            }
            case "<<" -> a << b;
            case ">>" -> a >> b;
            case "<" -> a < b ? 1 : 0;
            case "<=" -> a <= b ? 1 : 0;
            case ">" -> a > b ? 1 : 0;
            case ">=" -> a >= b ? 1 : 0;
            case "==" -> a == b ? 1 : 0;
            case "!=" -> a != b ? 1 : 0;
            case "&" -> a & b;
            case "^" -> a ^ b;
            case "|" -> a | b;
            default -> throw error("expecting primary");
        };
    }

    private long unary() throws Failure {
        skipBlanks();
        if (pos >= text.length()) throw error("expecting primary");
        char c = text.charAt(pos);
        if (c == '-' || c == '+' || c == '!' || c == '~') {
            pos++;
            if (++depth > MAX_DEPTH) throw error("expecting primary");
            long v = unary();
            depth--;
            return switch (c) {
                case '-' -> -v;
                case '+' -> v;
                case '!' -> v == 0 ? 1 : 0;
                default -> ~v;
            };
        }
        if (c == '(') {
            pos++;
            if (++depth > MAX_DEPTH) throw error("expecting primary");
            long v = assignment();
            depth--;
            skipBlanks();
            if (pos >= text.length() || text.charAt(pos) != ')') throw error("expecting ')'");
            pos++;
            return v;
        }
        if (c >= '0' && c <= '9') return constant();
        String name = name();
        if (name != null) return noeval > 0 ? 0 : variable(name);
        throw error("expecting primary");
    }

    private String name() {
        int start = pos;
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) && text.charAt(pos) < 128 || text.charAt(pos) == '_')) {
            pos++;
            while (pos < text.length() && (text.charAt(pos) < 128 && Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
            return text.substring(start, pos);
        }
        return null;
    }

    /** A constant as strtoimax(s, &end, 0) reads it: the longest valid prefix. */
    private long constant() {
        int[] end = new int[1];
        long v = strtoimax(text, pos, end);
        pos = end[0];
        return v;
    }

    private long variable(String name) throws Failure {
        String value = vars.get(name);
        if (value == null || value.isEmpty()) return 0;
        int start = 0;
        while (start < value.length() && Character.isWhitespace(value.charAt(start))) start++;
        int[] end = new int[1];
        long v = strtoimax(value, start, end);
        int e = end[0];
        while (e < value.length() && Character.isWhitespace(value.charAt(e))) e++;
        if (end[0] == start || e != value.length()) throw new Failure("Illegal number: " + value);
        return v;
    }

    /** strtoimax with base 0: sign, then 0x hex, 0 octal or decimal; saturates on overflow as glibc does. */
    static long strtoimax(String s, int from, int[] end) {
        int i = from;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        int base = 10;
        if (i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
            base = 16;
            i += 2;
        } else if (i < s.length() && s.charAt(i) == '0') {
            base = 8;
        }
        int digitsStart = i;
        java.math.BigInteger value = java.math.BigInteger.ZERO;
        while (i < s.length() && Character.digit(s.charAt(i), base) >= 0 && s.charAt(i) < 128) {
            value = value.multiply(java.math.BigInteger.valueOf(base)).add(java.math.BigInteger.valueOf(Character.digit(s.charAt(i), base)));
            i++;
        }
        if (i == digitsStart) {
            end[0] = from;
            return 0;
        }
        end[0] = i;
        if (negative) value = value.negate();
        if (value.bitLength() > 63) return value.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        return value.longValue();
    }
}
