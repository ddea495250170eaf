package dev.syssim.sim.netfilter.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.TcpFlags;
import dev.syssim.sim.netfilter.Netfilter;
import org.junit.jupiter.api.Test;

/** {@code conntrack -L/-F/-C}: conntrack-tools 1.4.7's default output. */
class ConntrackToolTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Ipv4Address LAPTOP = Ipv4Address.parse("10.84.1.50");
    private static final Ipv4Address WASH = Ipv4Address.parse("10.84.0.10");

    private final Netfilter nf = new Netfilter();

    private ToolResult conntrack(String args, long now) {
        return Run.line(nf, "conntrack " + args, ToolContext.root(now));
    }

    @Test
    void anEstablishedConnectionListsBothTuplesAssured() {
        nf.output(Packet.tcp(LAPTOP, WASH, 45678, 22, TcpFlags.SYN_ONLY), "eth0", 0);
        nf.input(Packet.tcp(WASH, LAPTOP, 22, 45678, TcpFlags.SYN_ACK), "eth0", SECOND / 10);
        nf.output(Packet.tcp(LAPTOP, WASH, 45678, 22, TcpFlags.ACK_ONLY), "eth0", SECOND / 5);
        ToolResult result = conntrack("-L", 2 * SECOND);
        assertEquals("tcp      6 431998 ESTABLISHED src=10.84.1.50 dst=10.84.0.10 sport=45678 dport=22 "
                + "src=10.84.0.10 dst=10.84.1.50 sport=22 dport=45678 [ASSURED] mark=0 use=1\n", result.stdout());
        assertEquals("conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.\n", result.stderr());
    }

    @Test
    void anUnansweredSynIsUnreplied() {
        nf.output(Packet.tcp(LAPTOP, WASH, 45678, 22, TcpFlags.SYN_ONLY), "eth0", 0);
        assertEquals("tcp      6 119 SYN_SENT src=10.84.1.50 dst=10.84.0.10 sport=45678 dport=22 [UNREPLIED] "
                + "src=10.84.0.10 dst=10.84.1.50 sport=22 dport=45678 mark=0 use=1\n", conntrack("-L", SECOND).stdout());
    }

    @Test
    void pingsListTypeCodeAndId() {
        nf.output(Packet.icmpQuery(LAPTOP, WASH, 8, 1234, 1, 56), "eth0", 0);
        nf.input(Packet.icmpQuery(WASH, LAPTOP, 0, 1234, 1, 56), "eth0", 0);
        assertEquals("icmp     1 30 src=10.84.1.50 dst=10.84.0.10 type=8 code=0 id=1234 "
                + "src=10.84.0.10 dst=10.84.1.50 type=0 code=0 id=1234 mark=0 use=1\n", conntrack("-L -p icmp", 0).stdout());
    }

    @Test
    void flushEmptiesAndCountCounts() {
        nf.output(Packet.tcp(LAPTOP, WASH, 45678, 22, TcpFlags.SYN_ONLY), "eth0", 0);
        assertEquals("1\n", conntrack("-C", 0).stdout());
        assertEquals("conntrack v1.4.7 (conntrack-tools): connection tracking table has been emptied.\n",
                conntrack("-F", 0).stderr());
        assertEquals("0\n", conntrack("-C", 0).stdout());
    }
}
