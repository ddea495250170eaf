package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.net.campus.Campus;
import org.junit.jupiter.api.Test;

/**
 * The lecture's surprise, on the campus network: a port published with {@code -p} stays reachable
 * from other machines even with the host's INPUT policy DROP, because its packets are DNATed in
 * PREROUTING and then routed — through FORWARD to docker0, never through INPUT. The fix is a rule
 * in DOCKER-USER, the chain Docker leaves to the administrator.
 */
class DockerPublishedPortTest {

    @Test
    void aPublishedPortPassesAnInputPolicyOfDropThroughForwardAndADockerUserRuleStopsIt() {
        Campus c = Campus.withServices();
        DockerInstall.install(c.machine("laptop").kernel(), true);
        c.on("laptop").run("docker pull nginx >/dev/null; docker run -d --name web -p 8080:80 nginx >/dev/null; iptables -P INPUT DROP");
        assertEquals("", c.on("wash").run("curl -s -m 2 http://laptop:631/"), "the laptop's own service is behind INPUT");
        assertTrue(c.on("wash").run("curl -s -m 2 http://laptop:8080/").contains("<title>Welcome to nginx!</title>"), "the container's port is not");
        String counters = c.on("laptop").run("iptables -L INPUT -n -v | head -1; iptables -L DOCKER -n -v | tail -1");
        assertTrue(counters.contains("ACCEPT     6    --  !docker0 docker0  0.0.0.0/0            172.17.0.2           tcp dpt:80"), counters);
        c.on("laptop").run("iptables -I DOCKER-USER -i eth0 -p tcp --dport 80 -j DROP");
        assertEquals("", c.on("wash").run("curl -s -m 2 http://laptop:8080/"));
    }
}
