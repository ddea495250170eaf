package dev.syssim.sim.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals("120 ns", Durations.text(120));
        assertEquals("3.5 µs", Durations.text(3_500));
        assertEquals("4 ms", Durations.text(4_000_000));
        assertEquals("6.1 ms", Durations.text(6_095_000));
        assertEquals("107.1 µs", Durations.text(107_100));
        assertEquals("2 s", Durations.text(2_000_000_000L));
        assertEquals("1 s", Durations.text(999_999_999L), "rounding up to the next unit's value");
    }
}
