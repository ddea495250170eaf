package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The iptables rules dockerd writes, against docker.io 20.10.24 recorded on Debian 12 in a network
 * namespace (testdata/oracle/docker/iptables-20.10.24.txt, {@code record-iptables.sh}): at start,
 * with two published ports, and after the containers are gone. Replayed in order on one laptop
 * whose IP forwarding is on before dockerd starts, as it was in the recording's namespace.
 */
class DockerIptablesOracleTest {

    private static final Path FILE = Path.of("..", "testdata", "oracle", "docker", "iptables-20.10.24.txt");
    private static final Path PORTS = Path.of("..", "testdata", "oracle", "docker", "ports-20.10.24.txt");
    private static final Path NETWORKS = Path.of("..", "testdata", "oracle", "docker", "networks-20.10.24.txt");

    @TestFactory
    List<DynamicTest> eachRecordedStateOfTheTablesIsTheRecordedOne() throws IOException {
        Docked d = new Docked("root", true, true);
        d.run("docker pull busybox >/dev/null 2>&1");
        List<DynamicTest> tests = new ArrayList<>();
        for (DockerMoreOracleTest.Case c : DockerMoreOracleTest.cases(FILE)) {
            // the simulated busybox has no httpd applet: a sleeping container holds the same endpoint and ports
            String command = c.command().replace("busybox httpd -f -p 80", "busybox sleep 1000");
            tests.add(DynamicTest.dynamicTest(c.command(), () -> {
                String out = d.run(command + "\necho \"### status $?\"").replaceAll("(?m)^# (Generated|Completed) .*\n", "");
                int at = out.lastIndexOf("### status ");
                assertEquals(c.output(), out.substring(0, at).stripTrailing(), c.command());
                assertEquals("### status " + c.status(), out.substring(at).strip(), c.command());
            }));
        }
        return tests;
    }

    /** {@code docker ps --format '{{.Ports}}'} and {@code docker port}, recorded the same way (ports-20.10.24.txt). */
    @TestFactory
    List<DynamicTest> publishedPortsShowInPsAndPortAsRecorded() throws IOException {
        Docked d = new Docked("root", true, true);
        d.run("docker pull busybox >/dev/null 2>&1");
        List<DynamicTest> tests = new ArrayList<>();
        for (DockerMoreOracleTest.Case c : DockerMoreOracleTest.cases(PORTS)) {
            String command = c.command().replace("busybox httpd -f -p 80", "busybox sleep 1000");
            // docker port without a port lists the bindings in Go's map order, which is random: that line is not compared
            boolean randomOrder = c.command().endsWith("docker port web2");
            String run = randomOrder ? command.substring(0, command.lastIndexOf("; docker port web2")) : command;
            String expected = randomOrder ? c.output().substring(0, c.output().indexOf("\n80/tcp -> ")) : c.output();
            tests.add(DynamicTest.dynamicTest(c.command(), () -> {
                String out = d.run(run + "\necho \"### status $?\"");
                int at = out.lastIndexOf("### status ");
                assertEquals(expected, out.substring(0, at).stripTrailing(), c.command());
                assertEquals("### status " + c.status(), out.substring(at).strip(), c.command());
            }));
        }
        return tests;
    }

    /** A user-defined network: its bridge, its rules above docker0's, a container's address on it, its errors (networks-20.10.24.txt). */
    @TestFactory
    List<DynamicTest> aUserDefinedNetworkIsItsOwnBridgeWithRulesAsRecorded() throws IOException {
        Docked d = new Docked("root", true, true);
        d.run("docker pull busybox >/dev/null 2>&1");
        List<DynamicTest> tests = new ArrayList<>();
        for (DockerMoreOracleTest.Case c : DockerMoreOracleTest.cases(NETWORKS)) {
            // the bridge's interface index (7) is the recording namespace's, where dockerd had made and removed others
            if (c.command().startsWith("ip -4 addr show")) continue;
            tests.add(DynamicTest.dynamicTest(c.command(), () -> {
                String out = d.run(c.command() + "\necho \"### status $?\"").replaceAll("(?m)^# (Generated|Completed) .*\n", "");
                int at = out.lastIndexOf("### status ");
                assertEquals(c.output(), out.substring(0, at).stripTrailing(), c.command());
                assertEquals("### status " + c.status(), out.substring(at).strip(), c.command());
            }));
        }
        return tests;
    }

    @Test
    void onAHostWithoutForwardingDockerdTurnsItOnAndDropsForwardedPacketsByDefault() {
        Docked d = new Docked("root");
        assertEquals("1\n-P FORWARD DROP\n", d.run("cat /proc/sys/net/ipv4/ip_forward; iptables -S FORWARD | head -1"));
        assertTrue(d.run("iptables -t nat -S POSTROUTING").contains("-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\n"));
    }
}
