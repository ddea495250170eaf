package dev.syssim.sim.prog.regex;

/** The parse tree of a regular expression. An empty expression is {@code null}, as in glibc. */
sealed interface Node {

    /** One character: a byte in the C locale, a code point under UTF-8 (case-folded when ignoring case). */
    record Literal(int c) implements Node {
    }

    /** {@code .}: any character (not an invalid byte; not NUL where the syntax says so). */
    record Any(boolean notNull) implements Node {
    }

    /** A bracket expression, {@code \w}, {@code \s} and their negations. */
    record Set(CharSet set) implements Node {
    }

    record Anchor(Assertion kind) implements Node {
    }

    /** {@code \N}: the text group N matched. */
    record Backref(int group) implements Node {
    }

    /** {@code \(...\)} or {@code (...)}: group {@code index} (1-based); its body may be empty. */
    record Group(int index, Node body) implements Node {
    }

    /** A sequence (a list, so that a long pattern is no deep tree). */
    record Concat(java.util.List<Node> parts) implements Node {
    }

    /** Alternatives in order of preference; any may be empty (null). */
    record Alt(java.util.List<Node> branches) implements Node {
    }

    /** {@code body{min,max}}; max -1 means no upper bound. */
    record Repeat(Node body, int min, int max) implements Node {
    }
}
