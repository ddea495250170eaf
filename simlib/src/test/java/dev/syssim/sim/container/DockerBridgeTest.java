package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.render.TextRenderer;
import org.junit.jupiter.api.Test;

/** The default bridge network: docker0 on the host, a veth pair per container, eth0 on 172.17.0.0/16. */
class DockerBridgeTest {

    @Test
    void dockerdMakesDocker0WithTheGatewayAddressUpWithoutCarrierUntilAContainerJoins() {
        Docked d = Docked.withAlpine("root");
        String docker0 = d.run("ip addr show docker0");
        assertTrue(docker0.startsWith("2: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN"), docker0);
        assertTrue(docker0.contains("    link/ether 02:42:") && docker0.contains("    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\n"), docker0);
        assertEquals("1\n", d.run("cat /proc/sys/net/ipv4/ip_forward"));
    }

    @Test
    void eachContainerGetsEth0WithTheLowestFreeAddressAMacFromItAndARouteViaDocker0() {
        Docked d = Docked.withAlpine("root");
        d.run("docker run -d --name c1 alpine sleep 100; docker run -d --name c2 alpine sleep 100");
        String inside = d.run("nsenter -t $(docker inspect -f '{{.State.Pid}}' c2) -n ip addr show eth0; nsenter -t $(docker inspect -f '{{.State.Pid}}' c2) -n ip route");
        assertTrue(inside.contains("    link/ether 02:42:ac:11:00:03 brd ff:ff:ff:ff:ff:ff\n    inet 172.17.0.3/16 brd 172.17.255.255 scope global eth0\n"), inside);
        assertTrue(inside.endsWith("default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.3 \n"), inside);
        assertEquals("172.17.0.2 172.17.0.3\n", d.run("echo $(docker inspect -f '{{.NetworkSettings.IPAddress}}' c1 c2)"));
        assertEquals("2\n", d.run("ip link show master docker0 | grep -c 'master docker0'"));
        d.run("docker kill c1 >/dev/null");
        assertEquals("1\n", d.run("ip link show master docker0 | grep -c 'master docker0'"));
        d.run("docker run -d --name c3 alpine sleep 100");
        assertEquals("172.17.0.2\n", d.run("docker inspect -f '{{.NetworkSettings.IPAddress}}' c3"));
    }

    @Test
    void theHostReachesAContainerThroughDocker0AndNetworkNoneHasOnlyLo() {
        Docked d = Docked.withAlpine("root");
        d.run("docker run -d --name c1 alpine sleep 100; docker run -d --name nonet --network none alpine sleep 100");
        assertTrue(d.run("ping -c 1 172.17.0.2").contains("1 packets transmitted, 1 received, 0% packet loss"));
        assertEquals("lo\n", d.run("nsenter -t $(docker inspect -f '{{.State.Pid}}' nonet) -n ip link | grep -E '^[0-9]+:' | cut -d: -f2 | tr -d ' '"));
        assertEquals("\n", d.run("docker inspect -f '{{.NetworkSettings.IPAddress}}' nonet"));
        // runc's loopback setup brings lo up, as in every container
        assertTrue(d.run("nsenter -t $(docker inspect -f '{{.State.Pid}}' nonet) -n ip link show lo").contains("<LOOPBACK,UP,LOWER_UP>"));
    }

    @Test
    void theTraceShowsThePairMadeAfterCloneAndBeforeTheChildIsLetGo() {
        Docked d = Docked.withAlpine("root");
        d.world.trace().clear();
        d.world.trace().setLevel(TraceLevel.SYSCALLS);
        d.run("docker run --rm alpine true");
        String trace = new TextRenderer().render(d.world.trace().snapshot());
        d.world.trace().setLevel(TraceLevel.OFF);
        int clone = trace.indexOf("clone(child_stack=NULL, flags=CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWPID|CLONE_NEWNET|");
        int veth = trace.indexOf("nlmsg_type=RTM_NEWLINK", clone);
        int procs = trace.indexOf("cgroup.procs\", O_WRONLY)", veth);
        assertTrue(clone >= 0 && veth > clone && procs > veth, trace);
    }

    @Test
    void theNginxImageServesPort80OnItsBridgeAddress() {
        Docked d = Docked.withAlpine("root");
        d.run("docker pull nginx >/dev/null; docker run -d --name web nginx");
        assertTrue(d.run("curl -s http://172.17.0.2/").contains("<title>Welcome to nginx!</title>"));
        assertTrue(d.run("curl -sI http://172.17.0.2/").contains("Server: nginx/1.25.3"));
        assertEquals("{\"80/tcp\":{}}\n", d.run("docker inspect -f '{{json .Config.ExposedPorts}}' nginx"));
    }

    @Test
    void aPublishedPortIsADnatInTheNatTablesDockerChainThatLocalTrafficToTheHostReachesThroughOutput() {
        Docked d = Docked.withAlpine("root");
        d.run("docker pull nginx >/dev/null; docker run -d --name web -p 8080:80 nginx");
        assertTrue(d.run("curl -s http://172.17.0.1:8080/").contains("Welcome to nginx!"));
        String chain = d.run("iptables -t nat -L DOCKER -n -v");
        assertTrue(chain.contains("    1    60 DNAT       6    --  !docker0 *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.17.0.2:80"), chain);
        d.run("docker rm -f web");
        assertEquals("-N DOCKER\n-A DOCKER -i docker0 -j RETURN\n", d.run("iptables -t nat -S DOCKER"));
    }

    @Test
    void aUserDefinedNetworkIsABridgeOfItsOwnOnTheNextSubnet() {
        Docked d = Docked.withAlpine("root");
        String id = d.run("docker network create lab").strip();
        String bridge = "br-" + id.substring(0, 12);
        assertTrue(d.run("ip addr show " + bridge).contains("inet 172.18.0.1/16 brd 172.18.255.255 scope global " + bridge + "\n"));
        d.run("docker run -d --name on-lab --network lab alpine sleep 100");
        String eth0 = d.run("nsenter -t $(docker inspect -f '{{.State.Pid}}' on-lab) -n ip addr show eth0");
        assertTrue(eth0.contains("link/ether 02:42:ac:12:00:02") && eth0.contains("inet 172.18.0.2/16"), eth0);
        assertTrue(d.run("ping -c 1 172.18.0.2").contains(" 0% packet loss"));
        assertEquals("docker: Error response from daemon: network nolab not found.\nSee 'docker run --help'.\n125\n",
                d.run("docker run --rm --network nolab alpine true; echo $?"));
    }

    @Test
    void networkHostSharesTheHostsNetworkNamespaceAndName() {
        Docked d = Docked.withAlpine("root");
        d.run("docker run -d --name onhost --network host alpine sleep 100");
        int pid = Engine.of(d.laptop.kernel()).container("onhost").hostPid();
        assertEquals(d.run("readlink /proc/1/ns/net"), d.run("readlink /proc/" + pid + "/ns/net"));
        assertEquals("laptop\n", d.run("docker exec onhost hostname"));
        assertEquals("0\n", d.run("ip link show master docker0 | grep -c master"));
    }
}
