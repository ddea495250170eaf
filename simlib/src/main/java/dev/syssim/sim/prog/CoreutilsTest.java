package dev.syssim.sim.prog;

import dev.syssim.sim.prog.TestExpression.Failure;
import dev.syssim.sim.prog.TestExpression.Node;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * coreutils 9.1's {@code test} and {@code [} (src/test.c): POSIX's argument counts, also inside
 * parentheses, integers of any size ({@code find_int}, compared as decimal strings), the GNU
 * {@code -l STRING} length operand, no {@code <} or {@code >}, and messages quoting ‘words’.
 */
final class CoreutilsTest {

    private final List<String> argv;
    private int argc;
    private int pos;
    private int depth;

    private CoreutilsTest(List<String> argv) {
        this.argv = argv;
    }

    static TestExpression parse(List<String> args, boolean bracket) {
        List<String> argv = new ArrayList<>();
        argv.add(bracket ? "[" : "test");
        argv.addAll(args);
        CoreutilsTest t = new CoreutilsTest(argv);
        try {
            int margc = argv.size();
            if (bracket) {
                if (margc < 2 || !argv.get(margc - 1).equals("]")) throw new Failure("missing " + q("]"));
                margc--;
            }
            t.argc = margc;
            t.pos = 1;
            if (t.pos >= t.argc) return TestExpression.of(new Node.Constant(false));
            Node value = t.posixtest(t.argc - 1);
            if (t.pos != t.argc) throw new Failure("extra argument " + q(t.arg(t.pos)));
            return TestExpression.of(value);
        } catch (Failure f) {
            return TestExpression.failed(f.text);
        }
    }

    private static String q(String s) {
        return ShellQuote.locale(s);
    }

    private String arg(int i) {
        return i < argc ? argv.get(i) : null;
    }

    private boolean is(int i, String s) {
        return i < argc && argv.get(i).equals(s);
    }

    private void advance(boolean check) {
        pos++;
        if (check && pos >= argc) beyond();
    }

    private void beyond() {
        throw new Failure("missing argument after " + q(argv.get(argc - 1)));
    }

    private Node posixtest(int nargs) {
        switch (nargs) {
            case 1:
                return oneArgument();
            case 2:
                return twoArguments();
            case 3:
                return threeArguments();
            case 4:
                if (is(pos, "!")) {
                    advance(true);
                    return new Node.Not(threeArguments());
                }
                if (is(pos, "(") && is(pos + 3, ")")) {
                    advance(false);
                    Node v = twoArguments();
                    advance(false);
                    return v;
                }
                return expr();
            default:
                return expr();
        }
    }

    private Node oneArgument() {
        return new Node.Constant(!argv.get(pos++).isEmpty());
    }

    private Node twoArguments() {
        if (is(pos, "!")) {
            advance(false);
            return new Node.Not(oneArgument());
        }
        String a = arg(pos);
        if (a.length() == 2 && a.charAt(0) == '-') return unaryOperator();
        beyond();
        return null;
    }

    private Node threeArguments() {
        if (binop(arg(pos + 1))) return binaryOperator(false);
        if (is(pos, "!")) {
            advance(true);
            return new Node.Not(twoArguments());
        }
        if (is(pos, "(") && is(pos + 2, ")")) {
            advance(false);
            Node v = oneArgument();
            advance(false);
            return v;
        }
        if (is(pos + 1, "-a") || is(pos + 1, "-o")) return expr();
        throw new Failure(q(arg(pos + 1)) + ": binary operator expected");
    }

    private Node expr() {
        if (pos >= argc) beyond();
        return or();
    }

    private Node or() {
        List<Node> terms = new ArrayList<>();
        for (;;) {
            terms.add(and());
            if (!is(pos, "-o")) break;
            advance(false);
        }
        return terms.size() == 1 ? terms.get(0) : new Node.Or(terms);
    }

    private Node and() {
        List<Node> terms = new ArrayList<>();
        for (;;) {
            terms.add(term());
            if (!is(pos, "-a")) break;
            advance(false);
        }
        return terms.size() == 1 ? terms.get(0) : new Node.And(terms);
    }

    private Node term() {
        boolean negated = false;
        while (is(pos, "!")) {
            advance(true);
            negated = !negated;
        }
        if (pos >= argc) beyond();
        Node value;
        if (is(pos, "(")) {
            if (++depth > TestExpression.MAX_NESTING) beyond();
            advance(true);
            int nargs = 1;
            while (pos + nargs < argc && !is(pos + nargs, ")")) {
                if (nargs == 4) {
                    nargs = argc - pos;
                    break;
                }
                nargs++;
            }
            value = posixtest(nargs);
            String close = arg(pos);
            if (close == null) throw new Failure(q(")") + " expected");
            if (!close.equals(")")) throw new Failure(q(")") + " expected, found " + q(close));
            advance(false);
            depth--;
        } else if (4 <= argc - pos && is(pos, "-l") && binop(arg(pos + 2))) {
            value = binaryOperator(true);
        } else if (3 <= argc - pos && binop(arg(pos + 1))) {
            value = binaryOperator(false);
        } else if (arg(pos).length() == 2 && arg(pos).charAt(0) == '-') {
            value = unaryOperator();
        } else {
            value = new Node.Constant(!arg(pos).isEmpty());
            advance(false);
        }
        return negated ? new Node.Not(value) : value;
    }

    private static boolean binop(String s) {
        if (s == null) return false;
        switch (s) {
            case "=", "!=", "==", "-nt", "-ot", "-ef", "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
                return true;
            default:
                return false;
        }
    }

    private Node binaryOperator(boolean leftIsLength) {
        if (leftIsLength) advance(false);
        int op = pos + 1;
        boolean rightIsLength = false;
        if (op < argc - 2 && is(op + 1, "-l")) {
            rightIsLength = true;
            advance(false);
        }
        String o = argv.get(op);
        if (o.charAt(0) == '-') {
            if (o.length() == 3 && (o.equals("-lt") || o.equals("-le") || o.equals("-gt") || o.equals("-ge")
                    || o.equals("-eq") || o.equals("-ne"))) {
                BigInteger l = leftIsLength ? BigInteger.valueOf(argv.get(op - 1).length()) : findInt(argv.get(op - 1));
                BigInteger r = rightIsLength ? BigInteger.valueOf(argv.get(op + 2).length()) : findInt(argv.get(op + 1));
                int cmp = l.compareTo(r);
                pos += 3;
                return new Node.Constant(switch (o) {
                    case "-lt" -> cmp < 0;
                    case "-le" -> cmp <= 0;
                    case "-gt" -> cmp > 0;
                    case "-ge" -> cmp >= 0;
                    case "-eq" -> cmp == 0;
                    default -> cmp != 0;
                });
            }
            if (o.equals("-nt") || o.equals("-ot") || o.equals("-ef")) {
                pos += 3;
                if (leftIsLength || rightIsLength) throw new Failure(o + " does not accept -l");
                return new Node.Compare(o, argv.get(op - 1), argv.get(op + 1), TestExpression.Dialect.COREUTILS);
            }
            throw new Failure(q(o) + ": unknown binary operator");
        }
        boolean equal = argv.get(pos).equals(argv.get(pos + 2));
        pos += 3;
        return new Node.Constant(o.equals("!=") != equal);
    }

    /** coreutils' {@code find_int}: blanks, an optional sign, digits, blanks; else "invalid integer". */
    private static BigInteger findInt(String s) {
        int p = 0;
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) p++;
        int start;
        if (p < s.length() && s.charAt(p) == '+') {
            start = ++p;
        } else {
            start = p;
            if (p < s.length() && s.charAt(p) == '-') p++;
        }
        int digits = p;
        while (p < s.length() && Character.isDigit(s.charAt(p)) && s.charAt(p) < 128) p++;
        int end = p;
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) p++;
        if (end > digits && p == s.length()) return new BigInteger(s.substring(start, end));
        throw new Failure("invalid integer " + q(s));
    }

    private Node unaryOperator() {
        char op = argv.get(pos).charAt(1);
        if ("erwxNOGfdsScbpLhugktnz".indexOf(op) < 0) throw new Failure(q(argv.get(pos)) + ": unary operator expected");
        advance(true);
        pos++;
        String a = argv.get(pos - 1);
        return switch (op) {
            case 'n' -> new Node.Constant(!a.isEmpty());
            case 'z' -> new Node.Constant(a.isEmpty());
            case 't' -> {
                BigInteger fd = findInt(a);
                yield fd.signum() >= 0 && fd.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0
                        ? new Node.Tty(fd.intValue()) : new Node.Constant(false);
            }
            default -> new Node.File(op, a, TestExpression.Dialect.COREUTILS);
        };
    }
}
