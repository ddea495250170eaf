package dev.syssim.sim.prog;

import dev.syssim.sim.prog.TestExpression.Failure;
import dev.syssim.sim.prog.TestExpression.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * bash 5.2's {@code test} builtin (test.c): POSIX's argument-count rules, then a recursive
 * descent over {@code -o}, {@code -a}, {@code !} and parentheses. Integers are decimal with
 * blanks around ({@code legal_number}); {@code <} and {@code >} compare bytes.
 */
final class BashTest {

    private final List<String> argv;
    private int argc;
    private int pos;
    private int depth;

    private BashTest(List<String> argv) {
        this.argv = argv;
    }

    static TestExpression parse(List<String> args, boolean bracket) {
        List<String> argv = new ArrayList<>();
        argv.add(bracket ? "[" : "test");
        argv.addAll(args);
        BashTest t = new BashTest(argv);
        try {
            int margc = argv.size();
            if (bracket) {
                margc--;
                if (!argv.get(margc).equals("]")) throw new Failure("missing `]'");
                if (margc < 2) return TestExpression.of(new Node.Constant(false));
            }
            t.argc = margc;
            t.pos = 1;
            if (t.pos >= t.argc) return TestExpression.of(new Node.Constant(false));
            Node value = t.posixtest();
            if (t.pos != t.argc) {
                if (t.pos < t.argc && t.arg(t.pos).startsWith("-")) {
                    throw new Failure("syntax error: `" + t.arg(t.pos) + "' unexpected");
                }
                throw new Failure("too many arguments");
            }
            return TestExpression.of(value);
        } catch (Failure f) {
            return TestExpression.failed(f.text);
        }
    }

    /** argv[i]; past the words bash would read the "]" of [ or a null. */
    private String arg(int i) {
        return i < argv.size() ? argv.get(i) : null;
    }

    private void advance(boolean check) {
        pos++;
        if (check && pos >= argc) throw new Failure("argument expected");
    }

    private Node posixtest() {
        switch (argc - 1) {
            case 0 -> {
                pos = argc;
                return new Node.Constant(false);
            }
            case 1 -> {
                pos = argc;
                return new Node.Constant(!arg(1).isEmpty());
            }
            case 2 -> {
                Node v = twoArguments();
                pos = argc;
                return v;
            }
            case 3 -> {
                return threeArguments();
            }
            case 4 -> {
                if (arg(pos).equals("!")) {
                    advance(true);
                    return new Node.Not(threeArguments());
                }
                if (arg(pos).equals("(") && arg(argc - 1).equals(")")) {
                    advance(true);
                    Node v = twoArguments();
                    pos = argc;
                    return v;
                }
                return expr();
            }
            default -> {
                return expr();
            }
        }
    }

    private Node twoArguments() {
        String a = arg(pos);
        if (a.equals("!")) return new Node.Constant(arg(pos + 1).isEmpty());
        if (a.length() == 2 && a.charAt(0) == '-' && unop(a)) return unaryOperator();
        throw new Failure(a + ": unary operator expected");
    }

    private Node threeArguments() {
        Node value;
        String middle = arg(pos + 1);
        if (binop(middle)) {
            value = binaryOperator();
            pos = argc;
        } else if (middle.equals("-a") || middle.equals("-o")) {
            boolean l = !arg(pos).isEmpty();
            boolean r = !arg(pos + 2).isEmpty();
            value = new Node.Constant(middle.equals("-a") ? l && r : l || r);
            pos = argc;
        } else if (arg(pos).equals("!")) {
            advance(true);
            value = new Node.Not(twoArguments());
            pos = argc;
        } else if (arg(pos).startsWith("(") && arg(pos + 2).startsWith(")")) { // bash looks at first characters only
            value = new Node.Constant(!arg(pos + 1).isEmpty());
            pos = argc;
        } else {
            throw new Failure(middle + ": binary operator expected");
        }
        return value;
    }

    private Node expr() {
        if (pos >= argc) throw new Failure("argument expected");
        return or();
    }

    private Node or() {
        List<Node> terms = new ArrayList<>();
        terms.add(and());
        while (pos < argc && arg(pos).equals("-o")) {
            advance(false);
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Node.Or(terms);
    }

    private Node and() {
        List<Node> terms = new ArrayList<>();
        terms.add(term());
        while (pos < argc && arg(pos).equals("-a")) {
            advance(false);
            terms.add(term());
        }
        return terms.size() == 1 ? terms.get(0) : new Node.And(terms);
    }

    private Node term() {
        if (pos >= argc) throw new Failure("argument expected");
        if (arg(pos).equals("!")) {
            boolean negate = false;
            while (pos < argc && arg(pos).equals("!")) {
                advance(true);
                negate = !negate;
            }
            Node t = term();
            return negate ? new Node.Not(t) : t;
        }
        if (arg(pos).equals("(")) {
            if (++depth > TestExpression.MAX_NESTING) throw new Failure("too many arguments");
            advance(true);
            Node value = expr();
            String close = arg(pos);
            if (close == null) throw new Failure("`)' expected");
            if (!close.equals(")")) throw new Failure("`)' expected, found " + close);
            advance(false);
            depth--;
            return value;
        }
        if (pos + 3 <= argc && binop(arg(pos + 1))) return binaryOperator();
        if (pos + 2 <= argc && unop(arg(pos))) return unaryOperator();
        Node v = new Node.Constant(!arg(pos).isEmpty());
        advance(false);
        return v;
    }

    private Node binaryOperator() {
        String w = arg(pos + 1);
        String l = arg(pos);
        String r = arg(pos + 2);
        Node value;
        switch (w) {
            case "=", "==" -> value = new Node.Constant(l.equals(r));
            case "!=" -> value = new Node.Constant(!l.equals(r));
            case "<" -> value = new Node.Constant(l.compareTo(r) < 0);
            case ">" -> value = new Node.Constant(l.compareTo(r) > 0);
            case "-nt", "-ot", "-ef" -> value = new Node.Compare(w, l, r, TestExpression.Dialect.BASH);
            default -> {
                if (!binop(w) || w.length() != 3) throw new Failure(w + ": binary operator expected");
                long a = integer(l);
                long b = integer(r);
                value = new Node.Constant(switch (w) {
                    case "-eq" -> a == b;
                    case "-ne" -> a != b;
                    case "-lt" -> a < b;
                    case "-le" -> a <= b;
                    case "-gt" -> a > b;
                    default -> a >= b;
                });
            }
        }
        pos += 3;
        return value;
    }

    private static long integer(String s) {
        Long v = legalNumber(s);
        if (v == null) throw new Failure(s + ": integer expression expected");
        return v;
    }

    /** bash's {@code legal_number}: strtoimax base 10, blanks after, no overflow; null if not one. */
    static Long legalNumber(String s) {
        CNumber.Integer r = CNumber.parseIntegerBase10(s);
        int end = r.end();
        if (r.erange() || end == 0) return null;
        while (end < s.length() && (s.charAt(end) == ' ' || s.charAt(end) == '\t')) end++;
        return end == s.length() ? r.value() : null;
    }

    private Node unaryOperator() {
        String op = arg(pos);
        if (op.charAt(1) == 't') {
            advance(false);
            if (pos < argc) {
                Long fd = legalNumber(arg(pos));
                if (fd == null) return new Node.Constant(false);
                advance(false);
                return fd == (int) (long) fd ? new Node.Tty((int) (long) fd) : new Node.Constant(false);
            }
            return new Node.Tty(1);
        }
        advance(true);
        pos++;
        String a = arg(pos - 1);
        return switch (op.charAt(1)) {
            case 'n' -> new Node.Constant(!a.isEmpty());
            case 'z' -> new Node.Constant(a.isEmpty());
            case 'o' -> new Node.Option(a);
            case 'v' -> new Node.Variable(a);
            case 'R' -> new Node.Nameref(a);
            default -> new Node.File(op.charAt(1), a, TestExpression.Dialect.BASH);
        };
    }

    static boolean binop(String op) {
        switch (op) {
            case "=", "<", ">", "==", "!=", "-nt", "-ot", "-lt", "-gt", "-eq", "-ef", "-ne", "-ge", "-le":
                return true;
            default:
                return false;
        }
    }

    static boolean unop(String op) {
        return op.length() == 2 && op.charAt(0) == '-' && "abcdefghknoprstuvwxzGLOSNR".indexOf(op.charAt(1)) >= 0;
    }
}
