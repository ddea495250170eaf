package dev.syssim.sim.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** namespaces(7), pid_namespaces(7), user_namespaces(7), network_namespaces(7): one rule a test. */
class NamespaceRulesTest {

    @Test
    void theFirstChildInANewPidNamespaceIsPid1AndPsSeesOnlyItAfterProcIsMountedAgain() {
        Rooted r = new Rooted();
        assertEquals("1\n", r.run("unshare --pid --fork sh -c 'echo $$'"));
        String ps = r.run("unshare --pid --fork --mount-proc ps -e");
        assertEquals("  PID TTY          TIME CMD\n    1 pts/0    00:00:00 ps\n", ps);
    }

    @Test
    void whenAPidNamespacesInitExitsForkInThatNamespaceFailsWithEnomem() {
        Rooted r = new Rooted();
        assertEquals("sh: 1: Cannot fork\n2\n", r.run("unshare --pid sh -c '/bin/true; /bin/true; echo after'; echo $?"));
    }

    @Test
    void aPidNamespacesInitIgnoresSigkillFromInsideButNotFromTheParentNamespace() {
        Rooted r = new Rooted();
        assertEquals("survived 0\n", r.run("unshare --pid --fork sh -c 'kill -9 1; echo survived $?'"));
    }

    @Test
    void procPidNsLinksTellWhichNamespacesAProcessIsIn() {
        Rooted r = new Rooted();
        String host = r.run("readlink /proc/self/ns/uts");
        String inside = r.run("unshare --uts readlink /proc/self/ns/uts");
        assertEquals("uts:[4026531838]\n", host);
        assertTrue(inside.matches("uts:\\[40265\\d+\\]\n") && !inside.equals(host), inside);
        assertEquals("net:[4026531840]\n", r.run("readlink /proc/1/ns/net"));
    }

    @Test
    void hostnameChangesStayInsideTheUtsNamespace() {
        Rooted r = new Rooted();
        assertEquals("box\nlaptop\n", r.run("unshare --uts sh -c 'hostname box; hostname'; hostname"));
    }

    @Test
    void unprivilegedUnshareFailsWithEperm() {
        Rooted r = new Rooted();
        r.session.switchTo(r.laptop, "student");
        assertEquals("unshare: unshare failed: Operation not permitted\n1\n", r.run("unshare --uts hostname; echo $?"));
    }

    @Test
    void aUserNamespaceWithoutAMappingShowsNobodyAndMapRootUserMakesTheCallerRoot() {
        Rooted r = new Rooted();
        r.session.switchTo(r.laptop, "student");
        assertEquals("65534 nobody\n", r.run("unshare --user sh -c 'echo $(id -u) $(id -un)'"));
        assertEquals("0\n         0       1000          1\n", r.run("unshare --user --map-root-user sh -c 'id -u; cat /proc/self/uid_map'"));
        assertEquals("inner\n", r.run("unshare --user --map-root-user --uts sh -c 'hostname inner && hostname'"));
    }

    @Test
    void aNewNetworkNamespaceHasOnlyLoopbackAndItIsDown() {
        Rooted r = new Rooted();
        assertEquals("lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n", r.run("unshare --net ip -br link"));
    }

    @Test
    void nsenterJoinsTheNamespacesOfARunningProcess() {
        Rooted r = new Rooted();
        assertEquals("inner\n", r.run("sh -c \"unshare --uts sh -c 'hostname inner; sleep 3' & sleep 1; nsenter -t \\$! -u hostname; wait\""));
    }

    @Test
    void lsnsListsANamespaceWithItsProcessCountLowestPidAndCommand() {
        Rooted r = new Rooted();
        String out = r.run("sh -c 'unshare --uts sleep 5 & sleep 1; lsns -t uts'");
        assertTrue(out.startsWith("        NS TYPE NPROCS  PID USER COMMAND\n") && out.matches("(?s).*\n4026531838 uts +\\d+    1 root /sbin/init\n.*"), out);
        assertTrue(out.contains(" uts       1 ") && out.contains(" root sleep 5\n"), out);
    }

    @Test
    void firewallRulesAndConntrackArePerNetworkNamespace() {
        Rooted r = new Rooted();
        r.run("ip netns add a");
        r.run("ip netns exec a iptables -A INPUT -p icmp -j DROP");
        assertEquals("-P INPUT ACCEPT\n-A INPUT -p icmp -j DROP\n", r.run("ip netns exec a iptables -S INPUT"));
        assertEquals("-P INPUT ACCEPT\n", r.run("iptables -S INPUT"));
        r.run("ip netns exec a ip link set lo up; ip netns exec a ping -c 1 -W 1 127.0.0.1 > /dev/null");
        String inside = r.run("ip netns exec a conntrack -L 2>&1");
        String outside = r.run("conntrack -L 2>&1");
        assertTrue(inside.contains("icmp"), inside);
        assertTrue(!outside.contains("icmp"), outside);
    }

    @Test
    void aVethPairCarriesPacketsBetweenNamespacesUntilAFirewallThereDropsThem() {
        Rooted r = new Rooted();
        r.run("ip netns add a; ip netns add b; ip link add va type veth peer name vb; ip link set va netns a; ip link set vb netns b;"
                + " ip -n a addr add 10.9.0.1/24 dev va; ip -n b addr add 10.9.0.2/24 dev vb; ip -n a link set va up; ip -n b link set vb up");
        assertEquals("1 packets transmitted, 1 received, 0% packet loss, time 0ms\n", r.run("ip netns exec a ping -c 1 -W 1 10.9.0.2 | grep transmitted"));
        r.run("ip netns exec b iptables -A INPUT -p icmp -j DROP");
        assertEquals("1 packets transmitted, 0 received, 100% packet loss, time 0ms\n", r.run("ip netns exec a ping -c 1 -W 1 10.9.0.2 | grep transmitted"));
        String link = r.run("ip -n a -br link");
        assertTrue(link.contains("va@if"), link);
        assertNotEquals(r.run("ip -br link"), link);
    }
}
