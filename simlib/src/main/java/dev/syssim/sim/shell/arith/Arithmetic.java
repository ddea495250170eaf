package dev.syssim.sim.shell.arith;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * bash 5.2's shell arithmetic: evaluates an expression's text (already expanded by the shell, as
 * bash expands {@code $(( ))} before evaluating) against the shell's variables, with 64-bit
 * wrap-around, bash's precedence and short-circuiting, its constants ({@code 0x1f}, {@code 017},
 * {@code 64#@}), recursive evaluation of variables' values and bash's exact messages.
 *
 * <p>An instance keeps the programs it compiled, by text, so a loop that evaluates the same text a
 * million times compiles it once. The interpreter owns one instance per shell; there is no static
 * cache, because there is no static mutable state.
 */
public final class Arithmetic {

    /** Distinct texts kept compiled; a loop uses a handful, so this only bounds odd cases. */
    private static final int CACHE_SIZE = 1024;

    private final Map<String, Program> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Program> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /**
     * Evaluates {@code expression}, a byte string (one char per byte).
     *
     * @return the value, or the failure with bash's message (see {@link ArithResult.Kind})
     */
    public ArithResult evaluate(String expression, ArithVariables variables) {
        String text = Machine.cString(expression);
        if (Machine.blank(text)) return new ArithResult.Value(0, java.util.List.of());
        return new Machine(this, variables).run(compiled(text));
    }

    /** The compiled program of a non-blank text, from the cache when it is there. */
    Program compiled(String text) {
        Program program = cache.get(text);
        if (program == null) {
            program = Compiler.compile(text);
            cache.put(text, program);
        }
        return program;
    }
}
