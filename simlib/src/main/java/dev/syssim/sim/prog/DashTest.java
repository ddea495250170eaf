package dev.syssim.sim.prog;

import dev.syssim.sim.prog.TestExpression.Failure;
import dev.syssim.sim.prog.TestExpression.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * dash 0.5.12's {@code test} builtin (src/bltin/test.c): POSIX's counts of three and four words
 * first, then a lexer that decides whether a word is an operator by what follows it, {@code -o}
 * and {@code -a} loops, and {@code Illegal number} for a bad integer. A missing expression is
 * false, not an error.
 */
final class DashTest {

    /** The operators, as dash's table lists them: kind U(nary), B(inary), N(ot), A(nd/or), P(aren). */
    private static final java.util.Map<String, Character> OPS = ops();

    private final List<String> words;
    private int wp;
    private String lastOp;

    private DashTest(List<String> words) {
        this.words = words;
    }

    static TestExpression parse(List<String> args, boolean bracket) {
        List<String> argv = new ArrayList<>(args);
        try {
            if (bracket) {
                if (argv.isEmpty() || !argv.get(argv.size() - 1).equals("]")) throw new Failure("missing ]");
                argv.remove(argv.size() - 1);
            }
            boolean negate = false;
            int from = 0;
            int to = argv.size();
            for (;;) {
                int argc = to - from;
                if (argc < 1) return TestExpression.of(new Node.Constant(negate));
                if (argc == 3 && kind(argv.get(from + 1)) == 'B') {
                    DashTest t = new DashTest(argv.subList(from, to));
                    return TestExpression.of(t.run(false, negate));
                }
                if (argc == 3 || argc == 4) {
                    if (argv.get(from).equals("(") && argv.get(to - 1).equals(")")) {
                        from++;
                        to--;
                    } else if (argv.get(from).equals("!")) {
                        negate = true; // dash sets its result to "negated" again, it does not toggle
                        from++;
                        continue;
                    }
                }
                DashTest t = new DashTest(argv.subList(from, to));
                return TestExpression.of(t.run(true, negate));
            }
        } catch (Failure f) {
            return TestExpression.failed(f.text);
        }
    }

    private static char kind(String s) {
        Character k = OPS.get(s);
        return k == null ? 0 : k;
    }

    private String word(int i) {
        return i >= 0 && i < words.size() ? words.get(i) : null;
    }

    /** The whole expression; with {@code lex} false the first word is an operand whatever it looks like. */
    private Node run(boolean lex, boolean negate) {
        wp = 0;
        String n = lex ? lex(0) : "OPERAND";
        if (!lex) lastOp = null;
        Node value = or(n);
        if (word(wp) != null && word(wp + 1) != null) syntax(word(wp), "unexpected operator");
        return negate ? new Node.Not(value) : value;
    }

    private static void syntax(String op, String message) {
        throw new Failure(op != null && !op.isEmpty() ? op + ": " + message : message);
    }

    /** dash's {@code t_lex}: the token at {@code i} (an operator's text, "OPERAND" or "EOI"). */
    private String lex(int i) {
        String s = word(i);
        if (s == null) {
            lastOp = null;
            return "EOI";
        }
        char k = kind(s);
        if (k != 0 && !(k == 'U' && isOperand(i)) && !(s.equals("(") && word(i + 1) == null)) {
            lastOp = s;
            return s;
        }
        lastOp = null;
        return "OPERAND";
    }

    private boolean isOperand(int i) {
        String next = word(i + 1);
        if (next == null) return true;
        if (word(i + 2) == null) return false;
        return kind(next) == 'B';
    }

    private Node or(String n) {
        List<Node> terms = new ArrayList<>();
        for (;;) {
            terms.add(and(n));
            n = lex(wp + 1);
            if (!n.equals("-o")) break;
            wp += 2;
            n = lex(wp);
        }
        return terms.size() == 1 ? terms.get(0) : new Node.Or(terms);
    }

    private Node and(String n) {
        List<Node> terms = new ArrayList<>();
        for (;;) {
            terms.add(not(n));
            n = lex(wp + 1);
            if (!n.equals("-a")) break;
            wp += 2;
            n = lex(wp);
        }
        return terms.size() == 1 ? terms.get(0) : new Node.And(terms);
    }

    /** dash's {@code nexpr}, its recursion over {@code !} made a count. */
    private Node not(String n) {
        boolean negate = false;
        while (n.equals("!")) {
            n = lex(wp + 1);
            if (!n.equals("EOI")) wp++;
            negate = !negate;
        }
        Node p = primary(n);
        return negate ? new Node.Not(p) : p;
    }

    private int depth;

    private Node primary(String n) {
        if (n.equals("EOI")) return new Node.Constant(false);
        if (n.equals("(")) {
            if (++depth > TestExpression.MAX_NESTING) syntax(null, "closing paren expected");
            String nn = lex(++wp);
            if (nn.equals(")")) return new Node.Constant(false);
            Node res = or(nn);
            if (!lex(++wp).equals(")")) syntax(null, "closing paren expected");
            depth--;
            return res;
        }
        if (lastOp != null && kind(lastOp) == 'U') {
            String op = lastOp;
            String arg = word(++wp);
            if (arg == null) syntax(op, "argument expected");
            return switch (op) {
                case "-z" -> new Node.Constant(arg.isEmpty());
                case "-n" -> new Node.Constant(!arg.isEmpty());
                case "-t" -> tty(arg);
                default -> new Node.File(op.charAt(1), arg, TestExpression.Dialect.DASH);
            };
        }
        lex(wp + 1);
        if (lastOp != null && kind(lastOp) == 'B') return binop();
        return new Node.Constant(!word(wp).isEmpty());
    }

    private static Node tty(String arg) {
        long fd = number(arg);
        return fd == (int) fd ? new Node.Tty((int) fd) : new Node.Constant(false);
    }

    private Node binop() {
        String left = word(wp);
        lex(++wp);
        String op = lastOp;
        String right = word(++wp);
        if (right == null) syntax(op, "argument expected");
        return switch (op) {
            case "=" -> new Node.Constant(left.equals(right));
            case "!=" -> new Node.Constant(!left.equals(right));
            case "<" -> new Node.Constant(left.compareTo(right) < 0);
            case ">" -> new Node.Constant(left.compareTo(right) > 0);
            case "-nt", "-ot", "-ef" -> new Node.Compare(op, left, right, TestExpression.Dialect.DASH);
            default -> {
                long a = number(left);
                long b = number(right);
                yield new Node.Constant(switch (op) {
                    case "-eq" -> a == b;
                    case "-ne" -> a != b;
                    case "-ge" -> a >= b;
                    case "-gt" -> a > b;
                    case "-le" -> a <= b;
                    default -> a < b;
                });
            }
        };
    }

    /** dash's {@code atomax10}: strtoimax, blanks around, nothing else; else "Illegal number". */
    private static long number(String s) {
        CNumber.Integer r = CNumber.parseIntegerBase10(s);
        int end = r.end();
        if (r.erange() || end == 0) throw new Failure("Illegal number: " + s);
        while (end < s.length() && CNumber.isSpace(s.charAt(end))) end++;
        if (end < s.length()) throw new Failure("Illegal number: " + s);
        return r.value();
    }

    private static java.util.Map<String, Character> ops() {
        java.util.Map<String, Character> m = new java.util.HashMap<>();
        for (String u : new String[] {"-r", "-w", "-x", "-e", "-f", "-d", "-c", "-b", "-p", "-u", "-g", "-k", "-s", "-t",
            "-z", "-n", "-h", "-O", "-G", "-L", "-S"}) m.put(u, 'U');
        for (String b : new String[] {"=", "!=", "<", ">", "-eq", "-ne", "-ge", "-gt", "-le", "-lt", "-nt", "-ot", "-ef"}) {
            m.put(b, 'B');
        }
        m.put("!", 'N');
        m.put("-a", 'A');
        m.put("-o", 'A');
        m.put("(", 'P');
        m.put(")", 'P');
        return java.util.Map.copyOf(m);
    }
}
