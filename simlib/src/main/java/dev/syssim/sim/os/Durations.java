package dev.syssim.sim.os;

import java.util.Locale;

/** Simulated durations as people read them: {@code 120 ns}, {@code 3.5 µs}, {@code 4 ms}, {@code 2 s}. */
public final class Durations {

    private Durations() {
    }

    public static String text(long nanos) {
        if (nanos < 1_000) return nanos + " ns";
        if (nanos < 1_000_000) return trim(nanos / 1_000.0) + " µs";
        if (nanos < 1_000_000_000) return trim(nanos / 1_000_000.0) + " ms";
        return trim(nanos / 1_000_000_000.0) + " s";
    }

    private static String trim(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
