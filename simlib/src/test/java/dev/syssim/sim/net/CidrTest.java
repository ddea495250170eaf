package dev.syssim.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void hostBitsAreClearedAsIptablesPrintsThem() {
        assertEquals("10.84.0.0/16", Cidr.parse("10.84.1.5/16").toString());
    }

    @Test
    void bareAddressIsAHostSlash32() {
        Cidr host = Cidr.parse("10.84.0.10");
        assertTrue(host.isHost());
        assertEquals("10.84.0.10/32", host.toString());
    }

    @Test
    void containsComparesTheNetworkBitsOnly() {
        Cidr campus = Cidr.parse("10.84.0.0/16");
        assertTrue(campus.contains(Ipv4Address.parse("10.84.1.50")));
        assertFalse(campus.contains(Ipv4Address.parse("10.85.0.1")));
        assertTrue(Cidr.ANY.contains(Ipv4Address.parse("203.0.113.50")));
    }

    @Test
    void nonContiguousMaskHasNoPrefixLength() {
        Cidr odd = new Cidr(Ipv4Address.parse("10.0.1.0"), Ipv4Address.parse("255.0.255.0").bits());
        assertEquals(-1, odd.prefixLength());
        assertEquals("10.0.1.0/255.0.255.0", odd.toString());
    }
}
