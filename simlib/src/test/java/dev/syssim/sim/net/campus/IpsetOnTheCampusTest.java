package dev.syssim.sim.net.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code ipset} and {@code -m set} on the simulated campus: the commands typed into a root shell,
 * the packets of real probes tested against the sets at the hooks.
 */
class IpsetOnTheCampusTest {

    @Test
    void aSetOfScannersIsDroppedByOneRule() {
        Campus campus = Campus.asRecorded();
        campus.on("wash").run("ipset create scanners hash:ip");
        campus.on("wash").run("ipset add scanners 203.0.113.66");
        campus.on("wash").run("iptables -I INPUT -m set --match-set scanners src -j DROP");
        assertTrue(campus.on("scanner").run("nc -zv -w 2 10.84.0.10 22").contains("timed out"));
        assertTrue(campus.on("offcampus").run("nc -zv -w 2 10.84.0.10 22").contains("succeeded"));
        String counters = campus.on("wash").run("iptables -L INPUT -v -n");
        assertTrue(counters.contains("    2   120 DROP       0    --  *      *       0.0.0.0/0            0.0.0.0/0            match-set scanners src"),
                counters);
    }

    @Test
    void aNetworkSetMatchesEveryAddressOfItsNetworks() {
        Campus campus = Campus.asRecorded();
        campus.on("wash").run("ipset create outside hash:net");
        campus.on("wash").run("ipset add outside 198.51.100.0/24");
        campus.on("wash").run("iptables -A INPUT -p tcp -m set --match-set outside src -j REJECT --reject-with tcp-reset");
        assertTrue(campus.on("partner").run("nc -zv -w 2 10.84.0.10 22").contains("Connection refused"));
        assertTrue(campus.on("scanner").run("nc -zv -w 2 10.84.0.10 22").contains("succeeded"));
    }

    @Test
    void anAddressAndPortSetTestsTheSourceAddressAndTheDestinationPort() {
        Campus campus = Campus.asRecorded();
        campus.on("wash").run("ipset create allowed hash:ip,port");
        campus.on("wash").run("ipset add allowed 203.0.113.50,tcp:22");
        campus.on("wash").run("iptables -A INPUT -p tcp -m set --match-set allowed src,dst -j ACCEPT");
        campus.on("wash").run("iptables -A INPUT -p tcp -j DROP");
        assertTrue(campus.on("offcampus").run("nc -zv -w 2 10.84.0.10 22").contains("succeeded"));
        assertTrue(campus.on("offcampus").run("nc -zv -w 2 10.84.0.10 80").contains("timed out"));
        assertTrue(campus.on("scanner").run("nc -zv -w 2 10.84.0.10 22").contains("timed out"));
    }

    @Test
    void aMemberWithATimeoutLeavesTheSetInSimulatedTime() {
        Campus campus = Campus.asRecorded();
        campus.on("wash").run("ipset create banned hash:ip timeout 60");
        campus.on("wash").run("ipset add banned 203.0.113.66 timeout 10");
        campus.on("wash").run("iptables -I INPUT -m set --match-set banned src -j DROP");
        assertTrue(campus.on("scanner").run("nc -zv -w 2 10.84.0.10 22").contains("timed out"));
        campus.on("scanner").run("sleep 10");
        assertTrue(campus.on("scanner").run("nc -zv -w 2 10.84.0.10 22").contains("succeeded"));
        assertEquals("Members:\n", campus.on("wash").run("ipset list banned | tail -1"));
    }

    @Test
    void restoreReadsASavedSetFromAFileOrStandardInput() {
        Campus campus = Campus.asRecorded();
        campus.on("wash").run("printf 'create a hash:ip\\nadd a 10.0.0.1\\n' > /root/sets");
        assertEquals("", campus.on("wash").run("ipset restore -f /root/sets; echo $?").replace("0\n", ""));
        assertEquals("0\n", campus.on("wash").run("ipset -q test a 10.0.0.1; echo $?"));
        campus.on("wash").run("ipset destroy a");
        campus.on("wash").run("ipset restore < /root/sets");
        assertEquals("a\n", campus.on("wash").run("ipset list -n"));
        assertEquals("255\n", campus.on("wash").run("ipset restore -f /root/none; echo $?"));
    }

    @Test
    void onlyRootMayTouchTheSets() {
        Campus campus = Campus.asRecorded();
        String out = campus.on("laptop", "student").run("/usr/sbin/ipset list; echo $?");
        assertEquals("ipset v7.17: Kernel error received: Operation not permitted\n1\n", out);
    }

    @Test
    void theCreateOptionsTheSimulationLacksAreRefusedAsSuchNotAsUnknown() {
        Campus campus = Campus.asRecorded();
        for (String option : new String[] {"counters", "comment", "skbinfo", "forceadd"}) {
            assertEquals("ipset v7.17: the create option " + option + " is not simulated by syssim\n1\n",
                    campus.on("wash").run("ipset create s hash:ip " + option + "; echo $?"));
        }
        assertEquals("", campus.on("wash").run("ipset list -n"));
    }
}
