package dev.syssim.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Ipv4AddressTest {

    @Test
    void dottedQuadRoundTrips() {
        assertEquals("203.0.113.50", Ipv4Address.parse("203.0.113.50").toString());
        assertEquals(0x0A54000A, Ipv4Address.parse("10.84.0.10").bits());
    }

    @Test
    void octetsAbove255AndShortFormsAreNotAddresses() {
        assertTrue(Ipv4Address.tryParse("10.84.0.256").isEmpty());
        assertTrue(Ipv4Address.tryParse("10.84.1").isEmpty());
        assertTrue(Ipv4Address.tryParse("010.1.1.1").isEmpty());
    }

    @Test
    void addressesOrderNumericallyAsUnsigned() {
        assertTrue(Ipv4Address.parse("203.0.113.1").compareTo(Ipv4Address.parse("10.84.0.1")) > 0);
        assertTrue(Ipv4Address.parse("10.84.0.9").compareTo(Ipv4Address.parse("10.84.0.10")) < 0);
    }

    @Test
    void loopbackIsTheWhole127Network() {
        assertTrue(Ipv4Address.parse("127.0.0.1").isLoopback());
        assertFalse(Ipv4Address.parse("10.84.0.1").isLoopback());
    }
}
