package dev.syssim.sim.netfilter.tools;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * C's {@code ctime()} form of a simulated wall-clock time, {@code Sat Nov 28 11:51:32 2026}, as
 * iptables-save prints it. The simulated machines keep UTC, so no time zone is applied.
 */
final class Ctime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private Ctime() {
    }

    static String format(long epochSeconds) {
        return FORMAT.format(Instant.ofEpochSecond(epochSeconds));
    }
}
