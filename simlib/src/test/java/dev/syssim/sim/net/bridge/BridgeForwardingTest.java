package dev.syssim.sim.net.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Terminal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bridge switches frames between its ports and its own interface: two network namespaces on
 * veth pairs whose host ends are ports of br0 reach each other and the host's address on br0;
 * a port that is down forwards nothing.
 */
class BridgeForwardingTest {

    private static final String SETUP = String.join("\n",
            "ip netns add a", "ip netns add b",
            "ip link add br0 type bridge",
            "ip link add va type veth peer name va1", "ip link add vb type veth peer name vb1",
            "ip link set va1 netns a", "ip link set vb1 netns b",
            "ip link set va master br0", "ip link set vb master br0",
            "ip link set br0 up", "ip link set va up", "ip link set vb up",
            "ip addr add 10.9.0.1/24 dev br0",
            "ip -n a addr add 10.9.0.2/24 dev va1", "ip -n a link set va1 up",
            "ip -n b addr add 10.9.0.3/24 dev vb1", "ip -n b link set vb1 up", "");

    private static CommandRun.Result asRoot(String script) {
        Terminal.Fixture f = Terminal.laptop();
        Map<String, String> env = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME", "/root");
        return CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of("bash", "-c", script), "root", "/", env, null), 50_000_000);
    }

    @Test
    void bridgeForwardsBetweenTwoPortsAndToItsOwnAddress() {
        CommandRun.Result r = asRoot(SETUP + "ip netns exec a ping -c 1 10.9.0.3 && ip netns exec a ping -c 1 10.9.0.1 && ip netns exec b ping -c 1 10.9.0.2");
        assertEquals(0, r.status(), r.stdoutText() + r.stderrText());
        assertEquals(3, r.stdoutText().split("1 packets transmitted, 1 received, 0% packet loss", -1).length - 1, r.stdoutText());
    }

    @Test
    void portThatIsDownForwardsNothing() {
        CommandRun.Result r = asRoot(SETUP + "ip link set vb down\nip netns exec a ping -c 1 -W 1 10.9.0.3");
        assertEquals(1, r.status(), r.stdoutText() + r.stderrText());
        assertTrue(r.stdoutText().contains("100% packet loss"), r.stdoutText());
    }

    @Test
    void portCountsTheFramesItForwards() {
        CommandRun.Result r = asRoot(SETUP + "ip netns exec a ping -c 2 10.9.0.3 >/dev/null && ip -s link show vb");
        assertEquals(0, r.status(), r.stdoutText() + r.stderrText());
        assertTrue(r.stdoutText().contains("master br0"), r.stdoutText());
    }
}
