package dev.syssim.sim.net.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.socket.NetSyscalls;
import dev.syssim.sim.net.socket.UdpSocket;
import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.net.stack.TcpConnection;
import dev.syssim.sim.net.stack.TcpState;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The socket syscalls' handlers, called directly with a logged-in shell as the calling process
 * (only calls that return at once): UDP datagrams and their ICMP errors, and TCP data that a
 * firewall drops for a while.
 */
class SocketLayerTest {

    private static final Ipv4Address WASH = Ipv4Address.parse("10.84.0.10");

    private static SysResult call(Kernel k, Process p, Syscall call) {
        Outcome o = call.enter(k, p);
        assertInstanceOf(Outcome.Done.class, o, call.describe(null));
        return ((Outcome.Done) o).result();
    }

    private record Caller(Kernel kernel, Process process) {
        SysResult call(Syscall c) {
            return SocketLayerTest.call(kernel, process, c);
        }
    }

    private static Caller caller(Campus campus, String machine) {
        campus.on(machine).run("true");
        return new Caller(campus.machine(machine).kernel(), campus.session.shell());
    }

    @Test
    void udpDatagramsArriveWithTheirSender() {
        Campus campus = Campus.withServices();
        Caller wash = caller(campus, "wash");
        Caller laptop = caller(campus, "laptop");
        int server = wash.call(NetSyscalls.SocketCall.udp()).intValue();
        assertEquals(0, wash.call(new NetSyscalls.Bind(server, new Endpoint(Ipv4Address.ANY, 5353))).value());
        int client = laptop.call(NetSyscalls.SocketCall.udp()).intValue();
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        assertEquals(5, laptop.call(new NetSyscalls.Sendto(client, hello, new Endpoint(WASH, 5353))).value());
        campus.world.runUntil(() -> false, 2_000);
        SysResult got = wash.call(new NetSyscalls.Recvfrom(server, 100));
        UdpSocket.Received received = (UdpSocket.Received) got.data();
        assertEquals("hello", new String(received.data(), StandardCharsets.UTF_8));
        assertEquals(Ipv4Address.parse("10.84.1.50"), received.from().address());
    }

    @Test
    void aDatagramToAClosedPortComesBackAsConnectionRefused() {
        Campus campus = Campus.withServices();
        Caller laptop = caller(campus, "laptop");
        int client = laptop.call(NetSyscalls.SocketCall.udp()).intValue();
        assertEquals(0, laptop.call(new NetSyscalls.Connect(client, new Endpoint(WASH, 9))).value());
        laptop.call(new NetSyscalls.Sendto(client, new byte[] {1}, null));
        campus.world.runUntil(() -> false, 2_000);
        SysResult second = laptop.call(new NetSyscalls.Sendto(client, new byte[] {1}, null));
        assertEquals(Errno.ECONNREFUSED, second.errno(), "wash's ICMP port unreachable, reported on the next call");
        assertEquals(57, campus.netfilter("wash").filter().chain("OUTPUT").policyCounters().bytes(),
                "the ICMP error (20 + 8 + the 29-byte datagram it quotes) left through wash's OUTPUT");
    }

    @Test
    void dataDroppedByAFirewallIsRetransmittedOnceTheRuleGoes() {
        Campus campus = Campus.withServices();
        Caller laptop = caller(campus, "laptop");
        int fd = laptop.call(NetSyscalls.SocketCall.tcp()).intValue();
        laptop.call(new NetSyscalls.FcntlFlags(fd, true, dev.syssim.sim.os.OpenFlags.O_RDWR | dev.syssim.sim.os.OpenFlags.O_NONBLOCK));
        assertEquals(Errno.EINPROGRESS, laptop.call(new NetSyscalls.Connect(fd, new Endpoint(WASH, 80))).errno());
        campus.world.runUntil(() -> false, 2_000);
        NetStack stack = NetStack.of(laptop.kernel());
        TcpConnection c = stack.tcp().connections().stream().filter(x -> x.remote().port() == 80).findFirst().orElseThrow();
        assertEquals(TcpState.ESTABLISHED, c.state());
        campus.on("wash").run("iptables -A INPUT -s 10.84.1.50 -p tcp --dport 80 -j DROP");
        byte[] request = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(request.length, laptop.call(new Syscall.Write(fd, request)).value());
        long start = campus.now();
        campus.world.runUntil(() -> campus.now() > start + 500_000_000L, 100_000);
        assertEquals(request.length, c.sendQueue(), "still unacknowledged: the data was dropped");
        campus.on("wash").run("iptables -F INPUT");
        long later = campus.now();
        campus.world.runUntil(() -> c.receiveQueue() > 0 || campus.now() > later + 5_000_000_000L, 1_000_000);
        assertEquals(0, c.sendQueue(), "a retransmission got through and was acknowledged");
        String page = new String(c.read(4096), StandardCharsets.UTF_8);
        assertTrue(page.startsWith("HTTP/1.1 200 OK\r\n"), page);
        assertTrue(page.endsWith("<h1>wash</h1><p>Department of Computer Science: course pages.</p></body></html>\n"), page);
    }
}
