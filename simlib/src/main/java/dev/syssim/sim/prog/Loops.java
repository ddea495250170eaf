package dev.syssim.sim.prog;

import dev.syssim.sim.os.Step;
import java.util.Iterator;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * {@link Libc#forEach} for bodies that may go on to the next item without a syscall (listing a tar
 * archive's members, skipping a malformed checksum line): every few items the next one is handed
 * to the scheduler as a moment of user-mode work, so a loop over a million items never grows Java's
 * stack by more than a few dozen frames.
 */
public final class Loops {

    /** How many items may follow each other directly on Java's stack. */
    private static final int DIRECT = 32;
    /** The user-mode time of handing one item on: a function call and a loop test. */
    private static final long ITEM_NANOS = 20;

    private Loops() {
    }

    public static <T> Step forEach(Libc c, Iterable<T> items, BiFunction<T, Supplier<Step>, Step> body, Supplier<Step> done) {
        return next(c, items.iterator(), body, done, new int[1]);
    }

    private static <T> Step next(Libc c, Iterator<T> it, BiFunction<T, Supplier<Step>, Step> body, Supplier<Step> done, int[] count) {
        if (!it.hasNext()) return done.get();
        T item = it.next();
        Supplier<Step> more = () -> next(c, it, body, done, count);
        if (++count[0] % DIRECT == 0) return c.compute(ITEM_NANOS * DIRECT, "", () -> body.apply(item, more));
        return body.apply(item, more);
    }
}
