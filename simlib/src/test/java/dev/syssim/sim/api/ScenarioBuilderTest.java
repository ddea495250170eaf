package dev.syssim.sim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioBuilderTest {

    private static Scenario lab() {
        return new ScenarioBuilder("lab").describedAs("a web server and a pc")
                .network("lan", "10.0.0.0/24")
                .machine("web").connect("web", "eth0", "lan", "10.0.0.10/24").service("web", "http")
                .machine("pc", 2, 4096).connect("pc", "eth0", "lan", "10.0.0.20/24")
                .startAs("pc", "student")
                .build();
    }

    @Test
    void theMachinesReachEachOtherByNameOnTheirNetwork() {
        World world = World.create(lab(), 1);
        Machine pc = world.machine("pc");
        assertEquals(0, pc.run("student", "ping -c 1 web").status());
        assertEquals(0, pc.run("student", "nc -z -w 1 web 80").status(), "apache listens on web");
        assertEquals(List.of("10.0.0.20/24"), pc.interfaces().get(1).addresses());
    }

    @Test
    void aRouterForwardsBetweenItsNetworks() {
        Scenario routed = new ScenarioBuilder("routed")
                .network("a", "10.1.0.0/24").network("b", "10.2.0.0/24")
                .machine("r").connect("r", "eth0", "a", "10.1.0.1/24").connect("r", "eth1", "b", "10.2.0.1/24").router("r")
                .machine("left").connect("left", "eth0", "a", "10.1.0.5/24").gateway("left", "10.1.0.1")
                .machine("right").connect("right", "eth0", "b", "10.2.0.5/24").gateway("right", "10.2.0.1")
                .build();
        World world = World.create(routed, 3);
        assertEquals(0, world.machine("left").run("root", "ping -c 1 10.2.0.5").status());
        world.machine("r").run("root", "iptables -P FORWARD DROP");
        assertEquals(1, world.machine("left").run("root", "ping -c 1 -W 1 10.2.0.5").status());
        assertTrue(world.machine("r").firewall().chain("FORWARD").policyPackets() > 0);
    }

    @Test
    void theScenarioDescribesItselfForPercentScenario() {
        Scenario lab = lab();
        assertEquals("lab", lab.name());
        assertEquals("a web server and a pc", lab.description());
        assertEquals("pc", lab.startMachine());
        assertEquals("student", lab.startUser());
        assertEquals(List.of(List.of("web", "lan", "eth0", "10.0.0.10/24", "-", "http"), List.of("pc", "lan", "eth0", "10.0.0.20/24", "-", "-")),
                lab.table(World.create(lab, 1).internal()));
    }

    @Test
    void mistakesAreRefusedWhenMade() {
        ScenarioBuilder b = new ScenarioBuilder("bad").network("lan", "10.0.0.0/24").machine("a");
        assertThrows(IllegalArgumentException.class, () -> b.connect("a", "eth0", "wan", "10.0.0.1/24"));
        assertThrows(IllegalArgumentException.class, () -> b.connect("a", "wlan0", "lan", "10.0.0.1/24"));
        assertThrows(IllegalArgumentException.class, () -> b.connect("a", "eth0", "lan", "10.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> b.service("a", "gopher"));
        assertThrows(IllegalArgumentException.class, () -> b.machine("a"));
        assertThrows(IllegalStateException.class, () -> new ScenarioBuilder("empty").build());
    }
}
