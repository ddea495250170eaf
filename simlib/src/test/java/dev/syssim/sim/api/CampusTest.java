package dev.syssim.sim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.TraceLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API over the firewall lecture's network: interfaces, firewall counters, traced packets. */
class CampusTest {

    private final World world = World.create("campus", 42);
    private final Machine border = world.machine("border");

    @Test
    void theBorderRouterHasBothNetworksAddresses() {
        List<NetInterface> interfaces = border.interfaces();
        assertEquals(List.of("lo", "eth0", "eth1"), interfaces.stream().map(NetInterface::name).toList());
        assertEquals(List.of("203.0.113.1/24", "198.51.100.1/24"), interfaces.get(1).addresses());
        assertEquals(List.of("10.84.0.1/16"), interfaces.get(2).addresses());
    }

    @Test
    void aDropRuleCountsThePacketsItDropsAndThePolicyTheRest() {
        border.run("root", "iptables -A FORWARD -p tcp --dport 22 -j DROP");
        CommandResult refused = world.machine("offcampus").run("root", "nc -z -w 3 wash 22");
        CommandResult web = world.machine("offcampus").run("root", "nc -z -w 3 wash 80");
        assertEquals(1, refused.status());
        assertEquals(0, web.status());
        FirewallChain forward = border.firewall().chain("FORWARD");
        FirewallRule drop = forward.rule(1);
        assertEquals("DROP", drop.target());
        assertTrue(drop.packets() > 0, drop.toString());
        assertEquals(60 * drop.packets(), drop.bytes(), "each a 60-byte SYN (20 bytes of IP, 40 of TCP with options)");
        assertTrue(forward.policyPackets() > 0, forward.toString());
        assertEquals("ACCEPT", forward.policy());
    }

    @Test
    void aNatTableIsReadLikeTheFilterTable() {
        border.run("root", "iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE");
        FirewallChain postrouting = border.firewall("nat").chain("POSTROUTING");
        assertEquals("MASQUERADE", postrouting.rule(1).target());
        assertEquals(0, postrouting.rule(1).packets());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> border.firewall("moon"));
    }

    @Test
    void interfaceCountersGrowWithTraffic() {
        long before = border.interfaces().get(2).txPackets();
        world.machine("offcampus").run("root", "ping -c 3 wash");
        assertNotEquals(before, border.interfaces().get(2).txPackets());
    }

    @Test
    void aTracedRunShowsTheFirewallsVerdicts() {
        border.run("root", "iptables -A FORWARD -p tcp --dport 22 -j DROP");
        Trace trace = world.machine("offcampus").run(Command.of("nc -z -w 1 wash 22").traced(TraceLevel.SYSCALLS)).trace();
        assertTrue(trace.count(EventKind.FIREWALL) > 0, trace.text());
        assertTrue(trace.find("filter:FORWARD:rule:1").size() > 0, trace.text());
    }
}
