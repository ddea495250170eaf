package dev.syssim.sim.prog.tools.files;

import java.util.ArrayList;
import java.util.List;

/**
 * A find expression as findutils 4.9 parses it: primaries joined by {@code !} (or {@code -not}),
 * implicit or explicit {@code -a}, {@code -o} and {@code ,}, with parentheses, in that order of
 * precedence. The parser only builds the tree and reports findutils' wording for malformed
 * expressions; what each primary means is {@link Find}'s.
 */
sealed interface FindExpression {

    record And(FindExpression left, FindExpression right) implements FindExpression {
    }

    record Or(FindExpression left, FindExpression right) implements FindExpression {
    }

    record Not(FindExpression operand) implements FindExpression {
    }

    record Comma(FindExpression left, FindExpression right) implements FindExpression {
    }

    /** A test or action with its arguments ({@code -name x}, {@code -exec echo {} ;}). */
    record Primary(String name, List<String> args, Object compiled) implements FindExpression {
    }

    /** A parse failure with findutils' message (without the "find: " prefix). */
    final class Error extends RuntimeException {
        Error(String message) {
            super(message, null, false, false);
        }
    }

    /** Builds primaries: how many arguments each takes, and its compiled form; throws {@link Error}. */
    interface Primaries {
        /** -1 if {@code name} is not a primary; else the number of arguments it takes (-2: up to ; or +). */
        int arity(String name);

        Object compile(String name, List<String> args);
    }

    /** Recursive-descent parser over the expression's words. */
    final class Parser {
        private final List<String> words;
        private final Primaries primaries;
        private int at;

        Parser(List<String> words, Primaries primaries) {
            this.words = words;
            this.primaries = primaries;
        }

        /** The whole expression, or null for an empty one. */
        FindExpression parse() {
            if (words.isEmpty()) return null;
            FindExpression e = comma();
            if (at < words.size()) {
                String w = words.get(at);
                if (w.equals(")")) throw new Error("you have too many ')'");
                throw new Error("paths must precede expression: `" + w + "'");
            }
            return e;
        }

        private FindExpression comma() {
            FindExpression left = or();
            while (at < words.size() && words.get(at).equals(",")) {
                at++;
                if (at >= words.size()) throw new Error("expected an expression after ','");
                left = new Comma(left, or());
            }
            return left;
        }

        private FindExpression or() {
            FindExpression left = and();
            while (at < words.size() && (words.get(at).equals("-o") || words.get(at).equals("-or"))) {
                String op = words.get(at++);
                if (at >= words.size()) throw new Error("expected an expression after '" + op + "'");
                left = new Or(left, and());
            }
            return left;
        }

        private FindExpression and() {
            FindExpression left = unary();
            while (at < words.size()) {
                String w = words.get(at);
                if (w.equals("-a") || w.equals("-and")) {
                    at++;
                    if (at >= words.size()) throw new Error("expected an expression after '" + w + "'");
                    left = new And(left, unary());
                } else if (w.equals("-o") || w.equals("-or") || w.equals(",") || w.equals(")")) {
                    return left;
                } else {
                    left = new And(left, unary());
                }
            }
            return left;
        }

        private FindExpression unary() {
            String w = words.get(at);
            if (w.equals("!") || w.equals("-not")) {
                at++;
                if (at >= words.size()) throw new Error("expected an expression after '" + w + "'");
                return new Not(unary());
            }
            if (w.equals("(")) {
                at++;
                if (at < words.size() && words.get(at).equals(")")) throw new Error("invalid expression; empty parentheses are not allowed.");
                if (at >= words.size()) throw new Error("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
                FindExpression inner = comma();
                if (at >= words.size() || !words.get(at).equals(")")) {
                    throw new Error("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
                }
                at++;
                return inner;
            }
            if (w.equals("-o") || w.equals("-or") || w.equals("-a") || w.equals("-and") || w.equals(",")) {
                throw new Error("invalid expression; you have used a binary operator '" + w + "' with nothing before it.");
            }
            if (w.equals(")")) throw new Error("invalid expression; you have too many ')'");
            int arity = primaries.arity(w);
            if (arity == -1) {
                if (w.startsWith("-") && w.length() > 1) throw new Error("unknown predicate `" + w + "'");
                throw new Error("paths must precede expression: `" + w + "'");
            }
            at++;
            List<String> args = new ArrayList<>();
            if (arity == -2) {
                while (at < words.size() && !words.get(at).equals(";") && !(words.get(at).equals("+") && !args.isEmpty()
                        && args.get(args.size() - 1).equals("{}"))) {
                    args.add(words.get(at++));
                }
                if (at >= words.size() || args.isEmpty()) throw new Error("missing argument to `" + w + "'");
                args.add(words.get(at++));
            } else {
                for (int k = 0; k < arity; k++) {
                    if (at >= words.size()) throw new Error("missing argument to `" + w + "'");
                    args.add(words.get(at++));
                }
            }
            return new Primary(w, args, primaries.compile(w, args));
        }
    }
}
