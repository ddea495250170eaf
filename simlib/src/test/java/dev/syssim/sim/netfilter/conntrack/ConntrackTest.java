package dev.syssim.sim.netfilter.conntrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.TcpFlags;
import dev.syssim.sim.netfilter.CtState;
import org.junit.jupiter.api.Test;

/** Connection tracking as the rules see it: NEW, ESTABLISHED, RELATED, INVALID (oracle README). */
class ConntrackTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Ipv4Address CLIENT = Ipv4Address.parse("10.84.1.50");
    private static final Ipv4Address SERVER = Ipv4Address.parse("203.0.113.50");

    private final Conntrack conntrack = new Conntrack();

    private static Packet out(TcpFlags flags) {
        return Packet.tcp(CLIENT, SERVER, 40000, 80, flags);
    }

    private static Packet back(TcpFlags flags) {
        return Packet.tcp(SERVER, CLIENT, 80, 40000, flags);
    }

    /** Tracks and, as the last hook on the machine would, confirms. */
    private Tracked pass(Packet packet, long now) {
        Tracked tracked = conntrack.track(packet, now);
        conntrack.confirm(tracked);
        return tracked;
    }

    @Test
    void aFirstSynIsNew() {
        assertEquals(CtState.NEW, conntrack.track(out(TcpFlags.SYN_ONLY), 0).state());
    }

    @Test
    void aSynDroppedBeforeConfirmationLeavesNothingSoItsRetransmissionIsNewAgain() {
        conntrack.track(out(TcpFlags.SYN_ONLY), 0);
        assertTrue(conntrack.connections(0).isEmpty());
        Tracked again = conntrack.track(out(TcpFlags.SYN_ONLY), SECOND);
        assertEquals(CtState.NEW, again.state());
        assertTrue(again.isNew());
    }

    @Test
    void aRetransmittedSynOfAConfirmedConnectionIsStillNew() {
        pass(out(TcpFlags.SYN_ONLY), 0);
        Tracked again = pass(out(TcpFlags.SYN_ONLY), SECOND);
        assertEquals(CtState.NEW, again.state());
        assertTrue(!again.isNew());
    }

    @Test
    void theReplyIsEstablishedAndSoIsWhatFollows() {
        pass(out(TcpFlags.SYN_ONLY), 0);
        assertEquals(CtState.ESTABLISHED, pass(back(TcpFlags.SYN_ACK), 1).state());
        assertEquals(CtState.ESTABLISHED, pass(out(TcpFlags.ACK_ONLY), 2).state());
    }

    @Test
    void rstReplyIsEstablishedAndEndsTheConnection() {
        pass(out(TcpFlags.SYN_ONLY), 0);
        assertEquals(CtState.ESTABLISHED, pass(back(TcpFlags.RST_ACK), 1).state());
        assertTrue(conntrack.connections(2).isEmpty());
    }

    @Test
    void icmpErrorAboutATrackedConnectionIsRelatedOnly() {
        Packet syn = out(TcpFlags.SYN_ONLY);
        pass(syn, 0);
        Packet error = Packet.icmpError(SERVER, Icmp.DEST_UNREACH, Icmp.HOST_PROHIBITED, syn);
        Tracked tracked = conntrack.track(error, 1);
        assertEquals(CtState.RELATED, tracked.state());
        assertEquals(Direction.REPLY, tracked.direction());
    }

    @Test
    void icmpErrorAboutAnUnknownConnectionIsInvalid() {
        Packet error = Packet.icmpError(SERVER, Icmp.DEST_UNREACH, Icmp.PORT_UNREACH, out(TcpFlags.SYN_ONLY));
        assertEquals(CtState.INVALID, conntrack.track(error, 0).state());
    }

    @Test
    void aSynAckOutOfNowhereIsInvalid() {
        assertEquals(CtState.INVALID, conntrack.track(back(TcpFlags.SYN_ACK), 0).state());
    }

    @Test
    void anAckWithoutConnectionIsPickedUpAsNew() {
        Tracked tracked = pass(out(TcpFlags.ACK_ONLY), 0);
        assertEquals(CtState.NEW, tracked.state());
        assertEquals(TcpState.ESTABLISHED, tracked.connection().tcpState());
    }

    @Test
    void theThreeWayHandshakeMakesAnAssuredEstablishedConnection() {
        pass(out(TcpFlags.SYN_ONLY), 0);
        pass(back(TcpFlags.SYN_ACK), 1);
        Connection connection = pass(out(TcpFlags.ACK_ONLY), 2).connection();
        assertEquals(TcpState.ESTABLISHED, connection.tcpState());
        assertTrue(connection.assured());
        assertEquals(432_000, connection.remainingSeconds(2));
    }

    @Test
    void closingBothWaysEndsInTimeWait() {
        pass(out(TcpFlags.SYN_ONLY), 0);
        pass(back(TcpFlags.SYN_ACK), 1);
        pass(out(TcpFlags.ACK_ONLY), 2);
        pass(out(TcpFlags.FIN_ACK), 3);
        pass(back(TcpFlags.FIN_ACK), 4);
        Connection connection = pass(out(TcpFlags.ACK_ONLY), 5).connection();
        assertEquals(TcpState.TIME_WAIT, connection.tcpState());
        assertEquals(120, connection.remainingSeconds(5));
    }

    @Test
    void aNewSynOnATimeWaitTupleStartsANewConnection() {
        pass(out(TcpFlags.SYN_ONLY), 0);
        pass(back(TcpFlags.SYN_ACK), 1);
        pass(out(TcpFlags.ACK_ONLY), 2);
        pass(out(TcpFlags.FIN_ACK), 3);
        pass(back(TcpFlags.FIN_ACK), 4);
        Connection old = pass(out(TcpFlags.ACK_ONLY), 5).connection();
        Tracked reopened = pass(out(TcpFlags.SYN_ONLY), 6);
        assertEquals(CtState.NEW, reopened.state());
        assertTrue(reopened.connection() != old);
    }

    @Test
    void connectionsExpireInSimulatedTime() {
        pass(out(TcpFlags.SYN_ONLY), 0);
        assertEquals(1, conntrack.connections(119 * SECOND).size());
        assertTrue(conntrack.connections(120 * SECOND).isEmpty());
        assertEquals(CtState.INVALID, conntrack.track(back(TcpFlags.SYN_ACK), 121 * SECOND).state());
    }

    @Test
    void udpRepliesAreEstablished() {
        Packet query = Packet.udp(CLIENT, SERVER, 5353, 53, 40);
        assertEquals(CtState.NEW, pass(query, 0).state());
        assertEquals(CtState.ESTABLISHED, pass(Packet.udp(SERVER, CLIENT, 53, 5353, 80), 1).state());
        assertEquals(30, conntrack.connections(1).get(0).remainingSeconds(1));
    }

    @Test
    void anEchoReplyIsEstablishedButAloneIsInvalid() {
        Packet ping = Packet.icmpQuery(CLIENT, SERVER, Icmp.ECHO_REQUEST, 77, 1, 56);
        Packet pong = Packet.icmpQuery(SERVER, CLIENT, Icmp.ECHO_REPLY, 77, 1, 56);
        assertEquals(CtState.INVALID, conntrack.track(pong, 0).state());
        assertEquals(CtState.NEW, pass(ping, 0).state());
        assertEquals(CtState.ESTABLISHED, pass(pong, 1).state());
    }

    @Test
    void flushForgetsEverything() {
        pass(out(TcpFlags.SYN_ONLY), 0);
        assertEquals(1, conntrack.flush());
        assertNull(conntrack.lookup(Tuple.of(out(TcpFlags.SYN_ONLY)), 0));
    }
}
