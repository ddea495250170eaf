package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Regex;
import dev.syssim.sim.prog.Tool;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * expr (coreutils 9.1): evaluate an expression given as separate arguments and print its value.
 * Operators by precedence, lowest first: {@code |}, {@code &}, comparisons ({@code < <= = == != >= >},
 * numeric when both sides are integers, else string), {@code + -}, {@code * / %}, {@code :} (the
 * string matched against an anchored basic regular expression: the length matched, or the first
 * group), and the keywords {@code match}, {@code substr}, {@code index}, {@code length}, {@code +}
 * (quote the next token). Integers have no size limit, as with GNU MP. Exit status 0 if the value
 * is neither empty nor 0, 1 if it is, 2 for an invalid expression, 3 for another error.
 *
 * <p>The expression is read by an operator-precedence parser with its own stacks, so deeply
 * nested parentheses never grow Java's stack.
 */
public final class Expr extends Tool {

    private static final int INVALID = 2;

    /** A value: an integer or a string. */
    private record Value(BigInteger number, String text) {

        static Value of(String s) {
            return new Value(null, s);
        }

        static Value of(BigInteger n) {
            return new Value(n, null);
        }

        static Value of(long n) {
            return new Value(BigInteger.valueOf(n), null);
        }

        String string() {
            return number != null ? number.toString() : text;
        }

        /** The integer this value is or spells ({@code -12}), else null. */
        BigInteger integer() {
            if (number != null) return number;
            return text.matches("-?[0-9]+") ? new BigInteger(text) : null;
        }

        /** coreutils' null(): 0, or a string that is empty or only zeros (with a minus). */
        boolean isNull() {
            if (number != null) return number.signum() == 0;
            if (text.isEmpty()) return true;
            String digits = text.startsWith("-") ? text.substring(1) : text;
            return !digits.isEmpty() && digits.chars().allMatch(ch -> ch == '0');
        }
    }

    /** An error ending evaluation: its message and the exit status. */
    private static final class Failure extends RuntimeException {
        final int status;

        Failure(String message, int status) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        if (args.size() == 1 && args.get(0).equals("--help")) return help(c);
        if (!args.isEmpty() && args.get(0).equals("--")) args = args.subList(1, args.size());
        if (args.isEmpty()) return c.usageError("expr: missing operand", INVALID);
        Parser p = new Parser(c, args);
        try {
            Value v = p.expression();
            if (p.at < args.size()) throw new Failure("syntax error: unexpected argument " + c.quoteLocale(args.get(p.at)), INVALID);
            c.println(v.string());
            return c.exit(v.isNull() ? 1 : 0);
        } catch (Failure f) {
            c.error(f.getMessage());
            return c.exit(f.status);
        }
    }

    /**
     * coreutils' recursive descent (eval, eval1 ... eval7), done with explicit stacks: operands
     * and pending binary operators, and a stack of open parentheses and keywords.
     */
    private static final class Parser {
        private final Libc c;
        private final List<String> args;
        int at;

        Parser(Libc c, List<String> args) {
            this.c = c;
            this.args = args;
        }

        private static int level(String op) {
            return switch (op) {
                case "|" -> 1;
                case "&" -> 2;
                case "<", "<=", "=", "==", "!=", ">=", ">" -> 3;
                case "+", "-" -> 4;
                case "*", "/", "%" -> 5;
                case ":" -> 6;
                default -> 0;
            };
        }

        /** A frame of the explicit stack: what waits for the value being read. */
        private record Frame(String kind, List<Value> collected, int needed, Deque<Value> operands, Deque<String> operators) {
        }

        Value expression() {
            Deque<Frame> frames = new ArrayDeque<>();
            Deque<Value> operands = new ArrayDeque<>();
            Deque<String> operators = new ArrayDeque<>();
            while (true) {
                // a primary (eval6/eval7), or the start of a parenthesis or keyword
                Value primary = null;
                if (at >= args.size()) throw new Failure("syntax error: missing argument after " + c.quoteLocale(args.get(at - 1)), INVALID);
                String token = args.get(at);
                if (token.equals("+") && at + 1 < args.size()) {
                    primary = Value.of(args.get(at + 1));
                    at += 2;
                } else if (token.equals("+")) {
                    at++;
                    throw new Failure("syntax error: missing argument after " + c.quoteLocale("+"), INVALID);
                } else if (List.of("length", "match", "index", "substr").contains(token)) {
                    at++;
                    int needed = token.equals("length") ? 1 : token.equals("substr") ? 3 : 2;
                    frames.push(new Frame(token, new java.util.ArrayList<>(), needed, operands, operators));
                    operands = new ArrayDeque<>();
                    operators = new ArrayDeque<>();
                    continue;
                } else if (token.equals("(")) {
                    at++;
                    frames.push(new Frame("(", null, 0, operands, operators));
                    operands = new ArrayDeque<>();
                    operators = new ArrayDeque<>();
                    continue;
                } else if (token.equals(")")) {
                    throw new Failure("syntax error: unexpected ')'", INVALID);
                } else {
                    primary = Value.of(token);
                    at++;
                }
                // a keyword's arguments are primaries (eval6): collect them
                while (true) {
                    Frame top = frames.peek();
                    if (top == null || top.kind().equals("(") || !operators.isEmpty()) break;
                    top.collected().add(primary);
                    if (top.collected().size() < top.needed()) {
                        primary = null;
                        break;
                    }
                    frames.pop();
                    operands = top.operands();
                    operators = top.operators();
                    primary = keyword(top.kind(), top.collected());
                }
                if (primary == null) continue;
                operands.push(primary);
                // after an operand: an operator, a closing parenthesis, or the end
                while (true) {
                    String next = at < args.size() ? args.get(at) : null;
                    int level = next == null ? 0 : level(next);
                    if (level > 0) {
                        reduce(operands, operators, level);
                        operators.push(next);
                        at++;
                        break;
                    }
                    reduce(operands, operators, 1);
                    Frame top = frames.peek();
                    if (top == null) return operands.pop();
                    if (!top.kind().equals("(")) {
                        // a keyword argument was a parenthesised or operator expression: hand it on
                        Value v = operands.pop();
                        top.collected().add(v);
                        if (top.collected().size() < top.needed()) {
                            operands = new ArrayDeque<>();
                            operators = new ArrayDeque<>();
                            break;
                        }
                        frames.pop();
                        operands = top.operands();
                        operators = top.operators();
                        operands.push(keyword(top.kind(), top.collected()));
                        continue;
                    }
                    if (next == null) throw new Failure("syntax error: expecting ')' after " + c.quoteLocale(args.get(at - 1)), INVALID);
                    if (!next.equals(")")) throw new Failure("syntax error: expecting ')' instead of " + c.quoteLocale(next), INVALID);
                    at++;
                    Value inner = operands.pop();
                    frames.pop();
                    operands = top.operands();
                    operators = top.operators();
                    Frame outer = frames.peek();
                    if (outer != null && !outer.kind().equals("(") && operators.isEmpty()) {
                        outer.collected().add(inner);
                        if (outer.collected().size() < outer.needed()) {
                            operands = new ArrayDeque<>();
                            operators = new ArrayDeque<>();
                            break;
                        }
                        frames.pop();
                        operands = outer.operands();
                        operators = outer.operators();
                        inner = keyword(outer.kind(), outer.collected());
                    }
                    operands.push(inner);
                }
            }
        }

        /** Applies pending operators that bind at least as tightly as {@code level} (all are left-associative). */
        private void reduce(Deque<Value> operands, Deque<String> operators, int level) {
            while (!operators.isEmpty() && level(operators.peek()) >= level) {
                String op = operators.pop();
                Value r = operands.pop();
                Value l = operands.pop();
                operands.push(apply(op, l, r));
            }
        }

        private Value apply(String op, Value l, Value r) {
            switch (op) {
                case "|" -> {
                    if (!l.isNull()) return l;
                    return r.isNull() ? Value.of(0) : r;
                }
                case "&" -> {
                    return l.isNull() || r.isNull() ? Value.of(0) : l;
                }
                case ":" -> {
                    return match(l, r);
                }
                default -> { }
            }
            if (level(op) == 3) {
                BigInteger a = l.integer();
                BigInteger b = r.integer();
                int cmp = a != null && b != null ? a.compareTo(b) : Integer.signum(compareBytes(l.string(), r.string()));
                boolean result = switch (op) {
                    case "<" -> cmp < 0;
                    case "<=" -> cmp <= 0;
                    case "=", "==" -> cmp == 0;
                    case "!=" -> cmp != 0;
                    case ">=" -> cmp >= 0;
                    default -> cmp > 0;
                };
                return Value.of(result ? 1 : 0);
            }
            BigInteger a = l.integer();
            BigInteger b = r.integer();
            if (a == null || b == null) throw new Failure("non-integer argument", INVALID);
            return switch (op) {
                case "+" -> Value.of(a.add(b));
                case "-" -> Value.of(a.subtract(b));
                case "*" -> Value.of(a.multiply(b));
                default -> {
                    if (b.signum() == 0) throw new Failure("division by zero", INVALID);
                    yield Value.of(op.equals("/") ? a.divide(b) : a.remainder(b));
                }
            };
        }

        /** strcoll in the C.UTF-8 locale: byte order (which is code point order for UTF-8). */
        private static int compareBytes(String a, String b) {
            return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        }

        private Value keyword(String kind, List<Value> a) {
            return switch (kind) {
                case "length" -> Value.of(chars(a.get(0).string()));
                case "match" -> match(a.get(0), a.get(1));
                case "index" -> {
                    String s = a.get(0).string();
                    String set = a.get(1).string();
                    int[] cps = s.codePoints().toArray();
                    int found = 0;
                    for (int i = 0; i < cps.length && found == 0; i++) if (set.indexOf(Character.toString(cps[i])) >= 0) found = i + 1;
                    yield Value.of(found);
                }
                default -> {
                    String s = a.get(0).string();
                    BigInteger pos = a.get(1).integer();
                    BigInteger len = a.get(2).integer();
                    int[] cps = s.codePoints().toArray();
                    if (pos == null || len == null || pos.signum() <= 0 || len.signum() <= 0 || pos.compareTo(BigInteger.valueOf(cps.length)) > 0) {
                        yield Value.of("");
                    }
                    int from = pos.intValue() - 1;
                    int to = (int) Math.min(cps.length, from + Math.min(len.longValue(), Integer.MAX_VALUE));
                    yield Value.of(new String(cps, from, to - from));
                }
            };
        }

        private int chars(String s) {
            return c.utf8() ? s.codePointCount(0, s.length()) : s.getBytes(StandardCharsets.UTF_8).length;
        }

        /** STRING : REGEX, anchored at the start: the first group, or the length of the match. */
        private Value match(Value l, Value r) {
            int flags = c.utf8() ? Regex.UTF8 : 0;
            Regex.Result compiled = Regex.compile("^" + r.string(), Regex.Dialect.POSIX_BASIC, flags);
            if (compiled instanceof Regex.Invalid bad) throw new Failure(bad.message(), INVALID);
            Regex regex = ((Regex.Valid) compiled).regex();
            byte[] subject = l.string().getBytes(StandardCharsets.UTF_8);
            Regex.Match m = regex.search(subject, 0, subject.length, 0, false, false, true);
            if (m == null || m.start() != 0) return regex.groups() > 0 ? Value.of("") : Value.of(0);
            if (regex.groups() > 0) {
                if (!m.matched(1)) return Value.of("");
                return Value.of(new String(subject, m.start(1), m.end(1) - m.start(1), StandardCharsets.UTF_8));
            }
            return Value.of(chars(new String(subject, 0, m.end(), StandardCharsets.UTF_8)));
        }
    }

    @Override
    public String whatis() {
        return "evaluate expressions";
    }

    @Override
    public String manual() {
        return "expr EXPRESSION\n  Print the value of EXPRESSION to standard output; each token is a separate argument.\n"
                + "  ARG1 | ARG2       ARG1 if it is neither null nor 0, otherwise ARG2\n"
                + "  ARG1 & ARG2       ARG1 if neither argument is null or 0, otherwise 0\n"
                + "  ARG1 < ARG2 (also <=, =, !=, >=, >)  comparison: numeric if both are integers, else lexicographical\n"
                + "  ARG1 + ARG2 (also -, *, /, %)  arithmetic on integers of any size\n"
                + "  STRING : REGEXP   anchored pattern match of a basic regular expression: the group \\(...\\) matched,\n"
                + "  or the number of characters matched\n"
                + "  match STRING REGEXP   same as STRING : REGEXP\n"
                + "  substr STRING POS LENGTH   substring of STRING, POS counted from 1\n"
                + "  index STRING CHARS   index in STRING where any CHARS is found, or 0\n"
                + "  length STRING     length of STRING\n"
                + "  + TOKEN           interpret TOKEN as a string, even if it is a keyword like 'match' or an operator like '/'\n"
                + "  ( EXPRESSION )    value of EXPRESSION\n"
                + "  Exit status is 0 if EXPRESSION is neither null nor 0, 1 if EXPRESSION is null or 0, 2 if EXPRESSION is\n"
                + "  syntactically invalid, and 3 if an error occurred.";
    }
}
