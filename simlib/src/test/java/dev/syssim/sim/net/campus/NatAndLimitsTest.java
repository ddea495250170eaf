package dev.syssim.sim.net.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The nat table and the rate-limiting matches on the whole simulated campus: real commands on
 * real hosts, packets through every hook.
 */
class NatAndLimitsTest {

    @Test
    void dnatOnBorderForwardsAPortToTheWebServer() {
        Campus campus = Campus.asRecorded();
        campus.on("border").run("iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 10.84.0.10:80");
        String out = campus.on("offcampus").run("nc -zv -w 2 203.0.113.1 8080");
        assertEquals("Connection to 203.0.113.1 8080 port [tcp/http-alt] succeeded!\n", out);
        String conntrack = campus.on("border").run("conntrack -L");
        assertTrue(conntrack.contains("src=203.0.113.50 dst=203.0.113.1 sport="), conntrack);
        assertTrue(conntrack.contains("dport=8080 src=10.84.0.10 dst=203.0.113.50 sport=80"), conntrack);
    }

    @Test
    void masqueradeGivesCampusConnectionsTheRoutersAddress() {
        Campus campus = Campus.asRecorded();
        campus.on("border").run("iptables -t nat -A POSTROUTING -s 10.84.0.0/16 -o eth0 -j MASQUERADE");
        campus.on("laptop").run("ping -c 1 203.0.113.50");
        String conntrack = campus.on("offcampus").run("conntrack -L");
        assertTrue(conntrack.contains("src=203.0.113.1 dst=203.0.113.50"), conntrack);
        String border = campus.on("border").run("conntrack -L");
        assertTrue(border.contains("src=10.84.1.50 dst=203.0.113.50") && border.contains("dst=203.0.113.1 "), border);
    }

    @Test
    void recentDropsTheFourthNewConnectionOfAScannerWithinTheWindow() {
        Campus campus = Campus.asRecorded();
        campus.on("wash").run("iptables -A INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m recent --set --name ssh --rsource");
        campus.on("wash").run("iptables -A INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m recent --update --seconds 60 "
                + "--hitcount 4 --name ssh --rsource -j DROP");
        for (int i = 0; i < 3; i++) {
            assertTrue(campus.on("scanner").run("nc -zv -w 2 10.84.0.10 22").contains("succeeded"), "probe " + (i + 1));
        }
        assertTrue(campus.on("scanner").run("nc -zv -w 2 10.84.0.10 22").contains("timed out"), "the fourth probe");
        assertTrue(campus.on("offcampus").run("nc -zv -w 2 10.84.0.10 22").contains("succeeded"), "another source");
    }

    @Test
    void connlimitRejectsTheConnectionAboveTheLimit() {
        Campus campus = Campus.asRecorded();
        campus.on("mail").run("iptables -A INPUT -p tcp --syn --dport 25 -m connlimit --connlimit-above 1 -j REJECT --reject-with tcp-reset");
        campus.on("scanner").run("nc 10.84.0.25 25 < /dev/zero > /dev/null &");
        String second = campus.on("scanner").run("nc -zv -w 2 10.84.0.25 25");
        assertTrue(second.contains("Connection refused"), second);
    }

    @Test
    void limitLetsTheBurstThroughThenOnePerInterval() {
        Campus campus = Campus.asRecorded();
        campus.on("wash").run("iptables -A INPUT -p tcp --syn --dport 80 -m limit --limit 1/min --limit-burst 2 -j ACCEPT");
        campus.on("wash").run("iptables -A INPUT -p tcp --syn --dport 80 -j DROP");
        assertTrue(campus.on("scanner").run("nc -zv -w 2 10.84.0.10 80").contains("succeeded"));
        assertTrue(campus.on("scanner").run("nc -zv -w 2 10.84.0.10 80").contains("succeeded"));
        assertTrue(campus.on("scanner").run("nc -zv -w 2 10.84.0.10 80").contains("timed out"));
        campus.on("scanner").run("sleep 60");
        assertTrue(campus.on("scanner").run("nc -zv -w 2 10.84.0.10 80").contains("succeeded"));
    }
}
