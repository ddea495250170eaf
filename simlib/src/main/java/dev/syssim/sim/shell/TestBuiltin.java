package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * {@code test} and {@code [}: POSIX's rules by the number of arguments (up to four), then bash's
 * grammar ({@code ! ( ) -a -o}, unary and binary operators); the expression is parsed first, then
 * evaluated with the file tests asking the kernel. Status 0 true, 1 false, 2 for a usage error
 * with bash's (or dash's) message.
 */
final class TestBuiltin implements Builtin {

    /** The parsed expression. */
    private sealed interface Node permits Const, Str, Unary, Binary, Not, And, Or {
    }

    private record Const(boolean value) implements Node {
    }

    private record Str(String s) implements Node {
    }

    private record Unary(String op, String arg) implements Node {
    }

    private record Binary(String op, String left, String right) implements Node {
    }

    private record Not(Node n) implements Node {
    }

    private record And(Node l, Node r) implements Node {
    }

    private record Or(Node l, Node r) implements Node {
    }

    /** A usage error with bash's message. */
    private static final class TestError extends Exception {
        TestError(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Step run(Shell sh, List<String> argv) {
        String name = argv.get(0);
        List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
        if (name.equals("[")) {
            if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
                sh.builtinError("[", sh.st.dash ? "missing ]" : "missing `]'");
                return sh.done(2);
            }
            args.remove(args.size() - 1);
        }
        Node node;
        try {
            node = parse(args, sh.st.dash);
        } catch (TestError e) {
            sh.builtinError(name, e.getMessage());
            return sh.done(2);
        }
        return evaluate(sh, name, node, status -> sh.done(status));
    }

    private static Node parse(List<String> a, boolean dash) throws TestError {
        switch (a.size()) {
            case 0:
                return new Const(false);
            case 1:
                return new Str(a.get(0));
            case 2:
                return two(a.get(0), a.get(1));
            case 3:
                return three(a, dash);
            case 4:
                if (a.get(0).equals("!")) return new Not(three(a.subList(1, 4), dash));
                if (a.get(0).equals("(") && a.get(3).equals(")")) return two(a.get(1), a.get(2));
                return full(a, dash);
            default:
                return full(a, dash);
        }
    }

    private static Node two(String first, String second) throws TestError {
        if (first.equals("!")) return new Not(new Str(second));
        if (FileTests.isUnary(first)) return new Unary(first, second);
        throw new TestError(first + ": unary operator expected");
    }

    private static Node three(List<String> a, boolean dash) throws TestError {
        if (FileTests.isBinary(a.get(1)) || a.get(1).equals("-a") || a.get(1).equals("-o")) {
            if (a.get(1).equals("-a")) return new And(new Str(a.get(0)), new Str(a.get(2)));
            if (a.get(1).equals("-o")) return new Or(new Str(a.get(0)), new Str(a.get(2)));
            return new Binary(a.get(1), a.get(0), a.get(2));
        }
        if (a.get(0).equals("!")) return new Not(two(a.get(1), a.get(2)));
        if (a.get(0).equals("(") && a.get(2).equals(")")) return new Str(a.get(1));
        if (dash) throw new TestError(a.get(1) + ": unexpected operator");
        throw new TestError(a.get(1) + ": binary operator expected");
    }

    /** The full grammar for five or more arguments. */
    private static Node full(List<String> a, boolean dash) throws TestError {
        int[] pos = {0};
        Node n = or(a, pos, dash);
        if (pos[0] < a.size()) throw new TestError("too many arguments");
        return n;
    }

    private static Node or(List<String> a, int[] pos, boolean dash) throws TestError {
        Node left = and(a, pos, dash);
        while (pos[0] < a.size() && a.get(pos[0]).equals("-o")) {
            pos[0]++;
            left = new Or(left, and(a, pos, dash));
        }
        return left;
    }

    private static Node and(List<String> a, int[] pos, boolean dash) throws TestError {
        Node left = not(a, pos, dash);
        while (pos[0] < a.size() && a.get(pos[0]).equals("-a")) {
            pos[0]++;
            left = new And(left, not(a, pos, dash));
        }
        return left;
    }

    private static Node not(List<String> a, int[] pos, boolean dash) throws TestError {
        int negations = 0;
        while (pos[0] < a.size() && a.get(pos[0]).equals("!")) {
            negations++;
            pos[0]++;
        }
        Node n = primary(a, pos, dash);
        for (int i = 0; i < negations; i++) n = new Not(n);
        return n;
    }

    private static Node primary(List<String> a, int[] pos, boolean dash) throws TestError {
        if (pos[0] >= a.size()) throw new TestError("argument expected");
        String t = a.get(pos[0]);
        if (t.equals("(")) {
            pos[0]++;
            Node inner = or(a, pos, dash);
            if (pos[0] >= a.size() || !a.get(pos[0]).equals(")")) throw new TestError("`)' expected");
            pos[0]++;
            return inner;
        }
        if (pos[0] + 2 < a.size() + 0 && pos[0] + 1 < a.size() && FileTests.isBinary(a.get(pos[0] + 1)) && pos[0] + 2 < a.size()) {
            Node n = new Binary(a.get(pos[0] + 1), t, a.get(pos[0] + 2));
            pos[0] += 3;
            return n;
        }
        if (FileTests.isUnary(t) && pos[0] + 1 < a.size()) {
            Node n = new Unary(t, a.get(pos[0] + 1));
            pos[0] += 2;
            return n;
        }
        pos[0]++;
        return new Str(t);
    }

    // ---- evaluation ----

    private static Step evaluate(Shell sh, String name, Node node, IntFunction<Step> k) {
        if (node instanceof Const c) return k.apply(c.value() ? 0 : 1);
        if (node instanceof Str s) return k.apply(s.s().isEmpty() ? 1 : 0);
        if (node instanceof Not n) return evaluate(sh, name, n.n(), r -> k.apply(r == 0 ? 1 : r == 1 ? 0 : r));
        if (node instanceof And a) return evaluate(sh, name, a.l(), r -> r != 0 ? k.apply(r) : evaluate(sh, name, a.r(), k));
        if (node instanceof Or o) return evaluate(sh, name, o.l(), r -> r == 0 ? k.apply(0) : evaluate(sh, name, o.r(), k));
        if (node instanceof Unary u) return FileTests.unary(sh, u.op(), u.arg(), false, k);
        Binary b = (Binary) node;
        switch (b.op()) {
            case "=", "==" -> {
                return k.apply(b.left().equals(b.right()) ? 0 : 1);
            }
            case "!=" -> {
                return k.apply(b.left().equals(b.right()) ? 1 : 0);
            }
            case "<" -> {
                return k.apply(b.left().compareTo(b.right()) < 0 ? 0 : 1);
            }
            case ">" -> {
                return k.apply(b.left().compareTo(b.right()) > 0 ? 0 : 1);
            }
            case "-eq", "-ne", "-lt", "-le", "-gt", "-ge" -> {
                Long l = integer(b.left());
                if (l == null) return error(sh, name, b.left(), k);
                Long r = integer(b.right());
                if (r == null) return error(sh, name, b.right(), k);
                boolean result = switch (b.op()) {
                    case "-eq" -> l.longValue() == r.longValue();
                    case "-ne" -> l.longValue() != r.longValue();
                    case "-lt" -> l < r;
                    case "-le" -> l <= r;
                    case "-gt" -> l > r;
                    default -> l >= r;
                };
                return k.apply(result ? 0 : 1);
            }
            default -> {
                return FileTests.binary(sh, b.op(), b.left(), b.right(), k);
            }
        }
    }

    private static Step error(Shell sh, String name, String value, IntFunction<Step> k) {
        if (sh.st.dash) sh.builtinError(name, "Illegal number: " + value);
        else sh.builtinError(name, value + ": integer expression expected");
        return sh.done(2);
    }

    /** An integer operand: optional blanks and sign, digits, within 64 bits. */
    private static Long integer(String s) {
        String t = s.strip();
        if (!t.matches("[-+]?[0-9]+")) return null;
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
