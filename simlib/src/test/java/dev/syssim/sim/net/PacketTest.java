package dev.syssim.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Packet sizes as Linux sends them; the oracle's byte counters are sums of these. */
class PacketTest {

    private static final Ipv4Address CLIENT = Ipv4Address.parse("203.0.113.50");
    private static final Ipv4Address SERVER = Ipv4Address.parse("10.84.0.10");

    @Test
    void linuxSynIs60Bytes() {
        assertEquals(60, Packet.tcp(CLIENT, SERVER, 40000, 22, TcpFlags.SYN_ONLY).length());
    }

    @Test
    void synAckIs60Bytes() {
        assertEquals(60, Packet.tcp(SERVER, CLIENT, 22, 40000, TcpFlags.SYN_ACK).length());
    }

    @Test
    void ackAndFinAre52BytesWithTimestamps() {
        assertEquals(52, Packet.tcp(CLIENT, SERVER, 40000, 22, TcpFlags.ACK_ONLY).length());
        assertEquals(52, Packet.tcp(CLIENT, SERVER, 40000, 22, TcpFlags.FIN_ACK).length());
    }

    @Test
    void rstIs40BytesWithoutOptions() {
        assertEquals(40, Packet.tcp(SERVER, CLIENT, 22, 40000, TcpFlags.RST_ACK).length());
    }

    @Test
    void icmpErrorQuotesTheWholeSmallPacket() {
        Packet syn = Packet.tcp(CLIENT, SERVER, 40000, 22, TcpFlags.SYN_ONLY);
        Packet error = Packet.icmpError(SERVER, Icmp.DEST_UNREACH, Icmp.PORT_UNREACH, syn);
        assertEquals(88, error.length());
        assertEquals(CLIENT, error.dst());
        assertTrue(error.isIcmpError());
        assertSame(syn, ((Transport.Icmp) error.transport()).quoted());
        assertFalse(error.dontFragment());
    }

    @Test
    void icmpErrorNeverExceeds576Bytes() {
        Packet big = Packet.tcp(CLIENT, SERVER, 40000, 22, TcpFlags.PSH_ACK, 1400);
        assertEquals(576, Packet.icmpError(SERVER, Icmp.DEST_UNREACH, Icmp.HOST_PROHIBITED, big).length());
    }

    @Test
    void portsAreZeroForProtocolsWithout() {
        Packet echo = Packet.icmpQuery(CLIENT, SERVER, Icmp.ECHO_REQUEST, 7, 1, 56);
        assertEquals(84, echo.length());
        assertEquals(0, echo.dstPort());
        assertEquals(1, echo.protocol());
    }

    @Test
    void tcpFlagsPrintHighestBitFirstLikeTheKernelLog() {
        assertEquals("ACK SYN", TcpFlags.SYN_ACK.toString());
    }
}
