package dev.syssim.sim.netfilter.tools;

import java.util.Locale;

/**
 * Rates as {@code -m limit} and {@code -m hashlimit} read and print them ({@code parse_rate},
 * {@code print_rate}): {@code N[/second|/minute|/hour|/day]}, each unit as any prefix, stored as
 * the interval between packets in units of 1/{@code scale} s.
 */
final class Rates {

    private static final String[] NAMES = {"day", "hour", "min", "sec"};
    private static final long[] SECONDS = {24 * 60 * 60, 60 * 60, 60, 1};

    private Rates() {
    }

    /** The interval for {@code text}, 0 if it is not a rate, -1 if it is too fast for the scale. */
    static long parse(String text, long scale) {
        long mult = 1;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            String unit = text.substring(slash + 1).toLowerCase(Locale.ROOT);
            if (unit.isEmpty()) return 0;
            if ("second".startsWith(unit)) mult = 1;
            else if ("minute".startsWith(unit)) mult = 60;
            else if ("hour".startsWith(unit)) mult = 3600;
            else if ("day".startsWith(unit)) mult = 86400;
            else return 0;
        }
        long r = atoi(slash >= 0 ? text.substring(0, slash) : text);
        if (r <= 0) return 0;
        long interval = scale * mult / r;
        return interval == 0 ? -1 : interval;
    }

    private static long atoi(String text) {
        int i = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) i++;
        return i == 0 ? 0 : Long.parseLong(text.substring(0, Math.min(i, 9)));
    }

    /** {@code 3/min}: the largest unit whose count is a whole, sensible number. */
    static String print(long interval, long scale) {
        int i;
        for (i = 1; i < NAMES.length; i++) {
            long mult = scale * SECONDS[i];
            if (interval > mult || mult / interval < mult % interval) break;
        }
        return scale * SECONDS[i - 1] / interval + "/" + NAMES[i - 1];
    }
}
