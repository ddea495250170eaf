package dev.syssim.sim.shell.syntax;

/**
 * Runs a parse that may recurse deeply on a thread with a large stack. The parser's recursion is
 * bounded by bash's own nesting limits, but a few thousand levels of {@code $( $( ...) )} need more
 * stack than a kernel thread has: such text is parsed again on a thread whose stack fits it, so
 * the user sees bash's answer, never a Java error.
 */
public final class DeepStack {

    /** Enough for the deepest nesting bash's limits allow, with room to spare (it is only reserved, not used). */
    private static final long STACK_BYTES = 512L * 1024 * 1024;

    /** A piece of parsing that may throw a syntax error. */
    @FunctionalInterface
    public interface Parse<T> {
        T run() throws SyntaxError;
    }

    private DeepStack() {
    }

    /** Runs {@code parse} here; if it overflows the stack, once more on a thread with a big stack. */
    public static <T> T call(Parse<T> parse) throws SyntaxError {
        try {
            return parse.run();
        } catch (StackOverflowError overflow) {
            return onBigStack(parse);
        }
    }

    /** Runs {@code parse} on a thread with a big stack (the caller has put its state back as it was before). */
    @SuppressWarnings("unchecked")
    public static <T> T onBigStack(Parse<T> parse) throws SyntaxError {
        Object[] result = new Object[2];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = parse.run();
            } catch (SyntaxError e) {
                result[1] = e;
            } catch (StackOverflowError e) {
                result[1] = new SyntaxError("nesting too deep to parse", 1, 1, false, "", false, 2);
            }
        }, "syssim-deep-parse", STACK_BYTES);
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyntaxError("interrupted while parsing", 1, 1, false, "", false, 2);
        }
        if (result[1] != null) throw (SyntaxError) result[1];
        return (T) result[0];
    }
}
