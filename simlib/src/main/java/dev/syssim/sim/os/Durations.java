package dev.syssim.sim.os;

/** Simulated durations as people read them: {@code 120 ns}, {@code 3.5 µs}, {@code 4 ms}, {@code 2 s}. */
public final class Durations {

    private Durations() {
    }

    public static String text(long nanos) {
        if (nanos < 1_000) return nanos + " ns";
        String[] units = {"µs", "ms", "s"};
        double value = nanos / 1_000.0;
        int unit = 0;
        // move up a unit while the value, rounded to a tenth, would read 1000 or more
        while (unit < units.length - 1 && Math.round(value * 10) >= 10_000) {
            value /= 1_000;
            unit++;
        }
        return trim(value) + " " + units[unit];
    }

    /** One decimal, without a trailing {@code .0}; by hand, as String.format is slow on a hot path. */
    private static String trim(double value) {
        long tenths = Math.round(value * 10);
        long whole = tenths / 10;
        long fraction = tenths % 10;
        return fraction == 0 ? Long.toString(whole) : whole + "." + fraction;
    }
}
