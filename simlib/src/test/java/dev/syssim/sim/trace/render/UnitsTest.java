package dev.syssim.sim.trace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void simulatedTimeIsSecondsWithMicrosecondDigits() {
        assertEquals("0.000120 s", Units.time(120_000));
        assertEquals("2.000005 s", Units.time(2_000_005_000L));
        assertEquals("0.000000 s", Units.time(999));
    }

    @Test
    void countsHaveThousandsSeparatorsWhateverTheDefaultLocale() {
        assertEquals("9,412", Units.count(9412));
        assertEquals("1 event", Units.plural(1, "event"));
        assertEquals("100,000 events", Units.plural(100_000, "event"));
    }
}
