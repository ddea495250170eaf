package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** Header dates agree with java.time on the calendar's awkward days. */
class TimestampTest {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void agreesWithJavaTimeOnLeapDaysCenturiesAndYearEnds() {
        for (String instant : new String[] {
            "1970-01-01T00:00:00Z", "2000-02-29T23:59:59.999Z", "2000-03-01T00:00:00.001Z",
            "2024-02-29T12:34:56.789Z", "2100-03-01T00:00:00Z", "2026-12-31T23:59:59.500Z", "1999-12-31T23:59:59.999Z"}) {
            long millis = Instant.parse(instant).toEpochMilli();
            assertEquals(ISO_MILLIS.format(Instant.ofEpochMilli(millis)), Timestamp.format(millis), instant);
        }
    }

    @Test
    void agreesWithJavaTimeDayByDayOverFourCenturies() {
        for (long day = 0; day < 146_097; day += 1) {
            long millis = day * 86_400_000L + 45_296_007L;
            assertEquals(ISO_MILLIS.format(Instant.ofEpochMilli(millis)), Timestamp.format(millis));
        }
    }
}
