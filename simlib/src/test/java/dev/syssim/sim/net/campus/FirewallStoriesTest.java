package dev.syssim.sim.net.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.netfilter.Chain;
import dev.syssim.sim.os.KernelLog;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.LaneType;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The firewall lecture's stories on the campus, each a rule of Linux the simulation must keep. */
class FirewallStoriesTest {

    private static final long SECOND = 1_000_000_000L;

    private static final String BORDER_FIREWALL = "iptables -A FORWARD -i eth0 -o eth1 -m conntrack --ctstate NEW -j DROP";

    @Test
    void dropMakesTheSenderTimeOut() {
        Campus campus = Campus.withServices();
        campus.on("border").run(BORDER_FIREWALL);
        long start = campus.now();
        String out = campus.on("offcampus").run("nc -zv -w 2 10.84.0.10 22; echo status $?");
        assertEquals("nc: connect to 10.84.0.10 port 22 (tcp) timed out: Operation now in progress\nstatus 1\n", out);
        assertTrue(campus.now() - start >= 2 * SECOND, "nc waited its 2 s");
        Chain forward = campus.netfilter("border").filter().chain("FORWARD");
        assertEquals(2, forward.entry(1).counters().packets(), "the SYN and its retransmission at 1 s");
        assertEquals(120, forward.entry(1).counters().bytes());
    }

    @Test
    void rejectAnswersAtOnce() {
        Campus campus = Campus.withServices();
        campus.on("wash").run("iptables -A INPUT -p tcp --dport 22 -s 10.84.0.0/16 -j ACCEPT\niptables -A INPUT -p tcp --dport 22 -j REJECT");
        long start = campus.now();
        assertEquals("nc: connect to 10.84.0.10 port 22 (tcp) failed: Connection refused\n", campus.on("partner").run("nc -zv -w 2 10.84.0.10 22"));
        assertTrue(campus.now() - start < SECOND / 100, "refused within milliseconds, not after the timeout");
        assertEquals("Connection to 10.84.0.10 22 port [tcp/ssh] succeeded!\n", campus.on("laptop").run("nc -zv -w 2 10.84.0.10 22"));
    }

    @Test
    void repliesToOwnConnectionsPassEstablished() {
        Campus campus = Campus.withServices();
        campus.on("border").run(BORDER_FIREWALL);
        assertEquals("nc: connect to 203.0.113.50 port 80 (tcp) failed: Connection refused\n",
                campus.on("laptop").run("nc -zv -w 2 203.0.113.50 80"), "the RST came back: ESTABLISHED passes");
    }

    @Test
    void naiveRuleWithoutCtstateBreaksReplies() {
        Campus campus = Campus.withServices();
        campus.on("border").run("iptables -A FORWARD -i eth0 -o eth1 -j DROP");
        assertEquals("nc: connect to 203.0.113.50 port 80 (tcp) timed out: Operation now in progress\n",
                campus.on("laptop").run("nc -zv -w 2 203.0.113.50 80"), "the RST was dropped on its way back");
    }

    @Test
    void laptopToWashNeverPassesBorder() {
        Campus campus = Campus.withServices();
        campus.world.trace().setLevel(TraceLevel.SYSCALLS);
        campus.world.trace().clear();
        assertEquals("Connection to 10.84.0.10 22 port [tcp/ssh] succeeded!\n", campus.on("laptop").run("nc -zv -w 2 10.84.0.10 22"));
        Chain forward = campus.netfilter("border").filter().chain("FORWARD");
        assertEquals(0, forward.policyCounters().packets(), "border forwarded nothing");
        for (TraceEvent e : events(campus)) {
            assertFalse(e.lane().machine().equals("border"), "border appears in the trace: " + e);
        }
    }

    @Test
    void traceShowsTheSynCrossingMachinesAndTheRuleThatDropped() {
        Campus campus = Campus.withServices();
        campus.on("border").run(BORDER_FIREWALL);
        campus.on("offcampus");
        campus.world.trace().setLevel(TraceLevel.SYSCALLS);
        campus.world.trace().clear();
        campus.run("nc -zv -w 2 10.84.0.10 22");
        List<TraceEvent> events = events(campus);
        List<TraceEvent> verdicts = events.stream().filter(e -> e.kind() == EventKind.FIREWALL).toList();
        assertEquals(2, verdicts.size(), "the SYN and its retransmission, each dropped");
        for (TraceEvent verdict : verdicts) {
            assertEquals("border", verdict.lane().machine());
            assertEquals(LaneType.FIREWALL, verdict.lane().type());
            assertEquals("filter:FORWARD:rule:1", verdict.label());
            assertTrue(verdict.detail().startsWith("DROP: -i eth0 -o eth1 -m conntrack --ctstate NEW -j DROP"), verdict.detail());
            // Follow the causes back: the router's packet, the wire, the sender's kernel.
            TraceEvent routed = byseq(events, verdict.cause());
            assertEquals("border", routed.lane().machine());
            TraceEvent wire = byseq(events, routed.cause());
            assertEquals(LaneType.NETWORK, wire.lane().type());
            TraceEvent sent = byseq(events, wire.cause());
            assertEquals("offcampus", sent.lane().machine());
            assertTrue(sent.label().contains("[SYN]"), sent.label());
        }
        assertEquals(SECOND, verdicts.get(1).time() - verdicts.get(0).time(), 50_000, "retransmitted 1 s later");
        assertTrue(events.stream().noneMatch(e -> e.lane().machine().equals("wash")), "wash never sees a thing");
    }

    /** Every event the trace kept (head and tail; these stories are short enough to keep all). */
    private static List<TraceEvent> events(Campus campus) {
        var snapshot = campus.world.trace().snapshot();
        List<TraceEvent> all = new java.util.ArrayList<>(snapshot.head());
        all.addAll(snapshot.tail());
        return all;
    }

    private static TraceEvent byseq(List<TraceEvent> events, long seq) {
        return events.stream().filter(e -> e.seq() == seq).findFirst().orElseThrow(() -> new AssertionError("no event " + seq));
    }

    @Test
    void mailRelayOnlyLetsPartnerConnect() {
        Campus campus = Campus.withServices();
        campus.on("mail").run("iptables -A INPUT -p tcp --dport 25 -s 198.51.100.25 -j ACCEPT\n"
                + "iptables -A INPUT -p tcp --dport 25 -j REJECT --reject-with tcp-reset");
        assertEquals("Connection to 10.84.0.25 25 port [tcp/smtp] succeeded!\n", campus.on("partner").run("nc -zv -w 2 10.84.0.25 25"));
        assertEquals("nc: connect to 10.84.0.25 port 25 (tcp) failed: Connection refused\n", campus.on("scanner").run("nc -zv -w 2 10.84.0.25 25"));
        assertEquals("220 mail ESMTP Postfix (Debian/GNU)\r\n221 2.0.0 Bye\r\n", campus.on("partner").run("printf 'QUIT\\r\\n' | nc 10.84.0.25 25"));
    }

    @Test
    void scannerSeesOpenClosedFiltered() {
        Campus campus = Campus.withServices();
        String before = campus.on("scanner").run("nmap -p 22,25,80,631 10.84.0.10");
        assertTrue(before.contains("22/tcp  open   ssh\n25/tcp  closed smtp\n80/tcp  open   http\n631/tcp closed ipp\n"), before);
        campus.on("wash").run("iptables -A INPUT -p tcp --dport 22 -j DROP\niptables -A INPUT -p tcp --dport 80 -j REJECT --reject-with tcp-reset");
        String after = campus.on("scanner").run("nmap -p 22,25,80,631 10.84.0.10");
        assertTrue(after.contains("22/tcp  filtered ssh\n25/tcp  closed   smtp\n80/tcp  closed   http\n631/tcp closed   ipp\n"), after);
        assertTrue(after.startsWith("Starting Nmap 7.93 ( https://nmap.org ) at 2026-01-05 10:0"), after);
        assertTrue(after.contains("Nmap scan report for wash (10.84.0.10)\nHost is up ("), after);
        assertTrue(after.matches("(?s).*Nmap done: 1 IP address \\(1 host up\\) scanned in \\d+\\.\\d\\d seconds\n"), after);
    }

    @Test
    void printServerHiddenByRuleOrStopped() {
        Campus campus = Campus.withServices();
        assertTrue(campus.on("laptop").run("ss -ltn | cat").contains("0.0.0.0:631"));
        campus.on("laptop").run("iptables -A INPUT -p tcp --dport 631 ! -i lo -j DROP");
        assertEquals("nc: connect to 10.84.1.50 port 631 (tcp) timed out: Operation now in progress\n", campus.on("wash").run("nc -zv -w 2 10.84.1.50 631"));
        assertTrue(campus.on("laptop").run("ss -ltn | cat").contains("0.0.0.0:631"), "hidden, but still listening");
        campus.on("laptop").run("iptables -F INPUT\nsystemctl stop cups");
        assertFalse(campus.on("laptop").run("ss -ltn | cat").contains(":631"), "stopped: nothing listens any more");
        assertEquals("nc: connect to 10.84.1.50 port 631 (tcp) failed: Connection refused\n", campus.on("wash").run("nc -zv -w 2 10.84.1.50 631"));
    }

    @Test
    void laptopBlocksUninvitedButItsOwnCurlWorks() {
        Campus campus = Campus.withServices();
        campus.on("laptop").run("iptables -P INPUT DROP\niptables -A INPUT -i lo -j ACCEPT\n"
                + "iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT");
        assertTrue(campus.run("curl http://10.84.0.10/").contains("<h1>wash</h1>"));
        assertEquals("nc: connect to 10.84.1.50 port 22 (tcp) timed out: Operation now in progress\n", campus.on("wash").run("nc -zv -w 2 10.84.1.50 22"));
        assertEquals("Connection to 127.0.0.1 631 port [tcp/ipp] succeeded!\n", campus.on("laptop").run("nc -zv -w 2 127.0.0.1 631"));
    }

    @Test
    void forgettingTheLoRuleBreaksConnectionsToItself() {
        Campus campus = Campus.withServices();
        campus.on("laptop").run("iptables -P INPUT DROP\niptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT");
        assertEquals("nc: connect to 127.0.0.1 port 631 (tcp) timed out: Operation now in progress\n", campus.run("nc -zv -w 2 127.0.0.1 631"));
    }

    @Test
    void iptablesNeedsRoot() {
        Campus campus = Campus.withServices();
        assertEquals("bash: iptables: command not found\n", campus.on("laptop", "student").run("iptables -L"),
                "/usr/sbin is not in a user's PATH on Debian");
        assertEquals("iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\nstatus 4\n",
                campus.run("/usr/sbin/iptables -A INPUT -j DROP; echo status $?"));
        assertTrue(campus.netfilter("laptop").filter().chain("INPUT").isEmpty());
    }

    @Test
    void logTargetWritesToTheKernelLog() {
        Campus campus = Campus.withServices();
        campus.on("border").run("iptables -A FORWARD -p tcp --dport 22 -j LOG --log-prefix \"SSH: \"");
        campus.on("offcampus").run("nc -zv -w 2 10.84.0.10 22");
        List<KernelLog.Entry> log = campus.machine("border").kernel().log().entries();
        KernelLog.Entry last = log.stream().filter(e -> e.text().startsWith("SSH: ")).findFirst().orElseThrow();
        assertTrue(last.text().startsWith("SSH: IN=eth0 OUT=eth1 MAC=02:00:cb:00:71:01:02:00:cb:00:71:32:08:00 SRC=203.0.113.50 DST=10.84.0.10 LEN=60 "),
                last.text());
        assertTrue(last.text().contains(" PROTO=TCP SPT="), last.text());
        assertTrue(last.text().endsWith(" DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0 "), last.text());
    }

    @Test
    void serverRetransmitsItsSynAckWhenTheReplyIsDropped() {
        Campus campus = Campus.asRecorded();
        campus.on("border").run("iptables -P FORWARD DROP\niptables -A FORWARD -i eth0 -o eth1 -j ACCEPT");
        campus.on("offcampus").run("nc -zv -w 2 10.84.0.10 22");
        Chain forward = campus.netfilter("border").filter().chain("FORWARD");
        assertEquals(3, forward.policyCounters().packets(), "the SYN-ACK, its retransmission at 1 s, and one for the client's second SYN");
    }

    @Test
    void ipForwardOffStopsTheRouter() {
        Campus campus = Campus.withServices();
        assertEquals("1\n", campus.on("border").run("cat /proc/sys/net/ipv4/ip_forward"));
        campus.run("echo 0 > /proc/sys/net/ipv4/ip_forward");
        assertEquals("nc: connect to 10.84.0.10 port 22 (tcp) timed out: Operation now in progress\n",
                campus.on("offcampus").run("nc -zv -w 2 10.84.0.10 22"));
    }

    @Test
    void pingShowsRepliesAndTheRoutersIcmpErrors() {
        Campus campus = Campus.withServices();
        String ok = campus.on("offcampus").run("ping -c 2 10.84.0.10");
        assertTrue(ok.startsWith("PING 10.84.0.10 (10.84.0.10) 56(84) bytes of data.\n64 bytes from 10.84.0.10: icmp_seq=1 ttl=63 time=0."), ok);
        assertTrue(ok.contains("\n--- 10.84.0.10 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 10"), ok);
        campus.on("border").run("iptables -A FORWARD -p icmp -d 10.84.0.10 -j REJECT --reject-with icmp-host-prohibited");
        String rejected = campus.on("offcampus").run("ping -c 2 10.84.0.10; echo status $?");
        assertTrue(rejected.contains("From 203.0.113.1 icmp_seq=1 Destination Host Prohibited\nFrom 203.0.113.1 icmp_seq=2 Destination Host Prohibited\n"), rejected);
        assertTrue(rejected.contains("2 packets transmitted, 0 received, +2 errors, 100% packet loss"), rejected);
        assertTrue(rejected.endsWith("status 1\n"), rejected);
    }

    @Test
    void curlSaysHowLongTheFailedConnectTook() {
        Campus campus = Campus.withServices();
        assertEquals("curl: (7) Failed to connect to 10.84.0.25 port 80 after 0 ms: Couldn't connect to server\nstatus 7\n",
                campus.on("laptop").run("curl http://10.84.0.25/; echo status $?"));
        campus.on("border").run(BORDER_FIREWALL);
        assertEquals("curl: (28) Failed to connect to 10.84.0.10 port 80 after 2000 ms: Timeout was reached\nstatus 28\n",
                campus.on("offcampus").run("curl --connect-timeout 2 http://10.84.0.10/; echo status $?"));
        // -m bounds the whole transfer: when it runs out first, curl 7.88.1 words it differently (recorded)
        assertEquals("curl: (28) Connection timed out after 1000 milliseconds\nstatus 28\n",
                campus.on("offcampus").run("curl -m 1 http://10.84.0.10/; echo status $?"));
        assertEquals("curl: (28) Connection timed out after 1000 milliseconds\nstatus 28\n",
                campus.on("offcampus").run("curl --connect-timeout 3 --max-time 1 http://10.84.0.10/; echo status $?"));
        assertEquals("curl: (28) Failed to connect to 10.84.0.10 port 80 after 1000 ms: Timeout was reached\nstatus 28\n",
                campus.on("offcampus").run("curl --connect-timeout 1 -m 3 http://10.84.0.10/; echo status $?"));
        assertEquals("status 28\n", campus.on("offcampus").run("curl -s -m 1 http://10.84.0.10/; echo status $?"));
        assertEquals("curl: option -m: expected a proper numerical parameter\n"
                + "curl: try 'curl --help' or 'curl --manual' for more information\nstatus 2\n",
                campus.on("offcampus").run("curl -m abc http://10.84.0.10/; echo status $?"));
    }

    @Test
    void sshMovesTheSessionAndExitComesBack() {
        Campus campus = Campus.withServices();
        campus.on("laptop", "student");
        campus.terminal.typed.add("student");
        String login = campus.run("ssh wash");
        assertTrue(login.startsWith("student@wash's password: \nLinux wash 6.1.0-27-amd64 "), login);
        assertEquals("wash", campus.session.machine().name());
        assertEquals("student", campus.session.user());
        assertEquals("wash\n", campus.run("cat /etc/hostname"));
        assertEquals("logout\nConnection to wash closed.\n", campus.run("exit"));
        assertEquals("laptop", campus.session.machine().name());
        assertEquals("laptop\n", campus.run("cat /etc/hostname"));
    }

    @Test
    void sshWithAWrongPasswordIsDeniedThreeTimes() {
        Campus campus = Campus.withServices();
        campus.on("laptop", "student");
        campus.terminal.typed.addAll(List.of("guess", "secret", "123456"));
        String out = campus.run("ssh wash; echo status $?");
        assertEquals("student@wash's password: \nPermission denied, please try again.\nstudent@wash's password: \n"
                + "Permission denied, please try again.\nstudent@wash's password: \nstudent@wash: Permission denied (publickey,password).\nstatus 255\n", out);
        assertEquals("laptop", campus.session.machine().name());
    }

    @Test
    void sshFailsInSshsWords() {
        Campus campus = Campus.withServices();
        assertEquals("ssh: connect to host mail port 22: Connection refused\nstatus 255\n", campus.on("laptop").run("ssh mail; echo status $?"));
        campus.on("border").run(BORDER_FIREWALL);
        assertEquals("ssh: connect to host 10.84.0.10 port 22: Connection timed out\nstatus 255\n",
                campus.on("offcampus").run("ssh -o ConnectTimeout=2 10.84.0.10; echo status $?"));
    }

    @Test
    void rootLogsInWithTheLecturersKey() {
        Campus campus = Campus.withServices();
        assertEquals("laptop\nstatus 0\n", campus.on("wash").run("ssh laptop cat /etc/hostname; echo status $?"));
    }

    @Test
    void rootCannotLogInWithAPassword() {
        Campus campus = Campus.withServices();
        campus.on("laptop", "student");
        campus.terminal.typed.addAll(List.of("root", "root", "root"));
        assertTrue(campus.run("ssh root@wash; echo status $?").endsWith("root@wash: Permission denied (publickey,password).\nstatus 255\n"),
                "PermitRootLogin prohibit-password: the right password does not help");
    }

    @Test
    void ssListsListenersAndTheirProcesses() {
        Campus campus = Campus.withServices();
        String out = campus.on("wash").run("ss -ltnp | cat");
        assertTrue(out.startsWith("State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess"), out);
        assertTrue(out.contains("LISTEN 0      128          0.0.0.0:22        0.0.0.0:*   users:((\"sshd\",pid="), out);
        assertTrue(out.contains("LISTEN 0      511          0.0.0.0:80        0.0.0.0:*   users:((\"apache2\",pid="), out);
        assertEquals("State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n"
                + "LISTEN 0      128          0.0.0.0:ssh       0.0.0.0:*          \n"
                + "LISTEN 0      511          0.0.0.0:http      0.0.0.0:*          \n", campus.run("ss -lt | cat"));
    }

    @Test
    void ipShowsAddressesAndRoutes() {
        Campus campus = Campus.withServices();
        assertEquals("lo               UNKNOWN        127.0.0.1/8 \neth0             UP             203.0.113.1/24 198.51.100.1/24 \n"
                + "eth1             UP             10.84.0.1/16 \n", campus.on("border").run("ip -br addr"));
        assertEquals("10.84.0.0/16 dev eth1 proto kernel scope link src 10.84.0.1 \n"
                + "198.51.100.0/24 dev eth0 proto kernel scope link src 198.51.100.1 \n"
                + "203.0.113.0/24 dev eth0 proto kernel scope link src 203.0.113.1 \n", campus.run("ip route"));
        assertEquals("default via 10.84.0.1 dev eth0 \n10.84.0.0/16 dev eth0 proto kernel scope link src 10.84.1.50 \n",
                campus.on("laptop").run("ip route"));
    }

    @Test
    void loDownBreaksLocalConnections() {
        Campus campus = Campus.withServices();
        assertEquals("RTNETLINK answers: Operation not permitted\n", campus.on("laptop", "student").run("ip link set lo down"));
        campus.on("laptop").run("ip link set lo down");
        assertEquals("lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n", campus.run("ip -br link show lo"));
        assertFalse(campus.run("nc -zv -w 2 127.0.0.1 631").contains("succeeded"), "nothing reaches 127.0.0.1 without lo");
        campus.run("ip link set lo up");
        assertEquals("Connection to 127.0.0.1 631 port [tcp/ipp] succeeded!\n", campus.run("nc -zv -w 2 127.0.0.1 631"));
    }

    @Test
    void theStudentUsesSudoAsTheLectureDoes() {
        Campus campus = Campus.withServices();
        campus.on("laptop", "student");
        campus.terminal.typed.add("student");
        campus.run("sudo iptables -P INPUT DROP\nsudo iptables -A INPUT -i lo -j ACCEPT\n"
                + "sudo iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT");
        assertEquals("-P INPUT DROP\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-A INPUT -i lo -j ACCEPT\n"
                + "-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n", campus.run("sudo iptables -S"));
        assertTrue(campus.run("curl http://10.84.0.10/").contains("<h1>wash</h1>"));
        campus.run("sudo systemctl stop cups");
        assertEquals("inactive\n", campus.run("systemctl is-active cups"));
    }
}
