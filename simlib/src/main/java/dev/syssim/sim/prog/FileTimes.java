package dev.syssim.sim.prog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as the tools print them. A machine's clock reads its (fixed) boot date plus simulated time,
 * in UTC, so outputs never depend on when or where the notebook runs.
 */
public final class FileTimes {

    private static final DateTimeFormatter LS_RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss 'UTC' yyyy", Locale.ROOT);

    private FileTimes() {
    }

    public static ZonedDateTime at(long bootEpochSeconds, long simNanos) {
        return Instant.ofEpochSecond(bootEpochSeconds + Math.floorDiv(simNanos, 1_000_000_000L)).atZone(ZoneOffset.UTC);
    }

    /** ls -l's date column: {@code Jan  5 10:00}. */
    public static String lsDate(long bootEpochSeconds, long mtimeNanos) {
        return LS_RECENT.format(at(bootEpochSeconds, mtimeNanos));
    }

    /** date(1)'s default format: {@code Mon Jan  5 10:00:00 UTC 2026}. */
    public static String date(long bootEpochSeconds, long simNanos) {
        return DATE.format(at(bootEpochSeconds, simNanos));
    }
}
