package dev.syssim.sim.trace.render;

import java.util.Locale;

/**
 * How renderers write simulated time and counts. Integer arithmetic and {@link Locale#ROOT} only,
 * so the same trace gives the same characters on every machine.
 */
public final class Units {

    private Units() {
    }

    /** Simulated nanoseconds as seconds with microsecond digits: {@code 0.000120}. */
    public static String seconds(long nanos) {
        long micros = Math.floorDiv(nanos, 1_000L);
        String sign = micros < 0 ? "-" : "";
        long abs = Math.abs(micros);
        return sign + (abs / 1_000_000L) + "." + pad6(abs % 1_000_000L);
    }

    /** {@link #seconds(long)} with the unit: {@code 0.000120 s}. */
    public static String time(long nanos) {
        return seconds(nanos) + " s";
    }

    /** A count with thousands separators: {@code 9,412}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 event}, {@code 9,412 events}. */
    public static String plural(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    private static String pad6(long v) {
        String s = Long.toString(v);
        return "000000".substring(s.length()) + s;
    }
}
