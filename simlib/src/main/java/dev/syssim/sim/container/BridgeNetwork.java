package dev.syssim.sim.container;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.stack.Interface;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.os.Kernel;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Docker's default {@code bridge} network, built from the network room's pieces as libnetwork
 * builds it: the bridge {@code docker0} with 172.17.0.1/16 on the host (made when dockerd starts,
 * up but without carrier until a port joins), IP forwarding on, and for each container a veth
 * pair — {@code eth0} in the container's network namespace with the lowest free address of
 * 172.17.0.0/16, a MAC derived from it ({@code 02:42:ac:11:00:02}), lo up and a default route via
 * 172.17.0.1; the host end {@code vethXXXXXXX} a port of docker0. When the container ends, its
 * namespace goes and the pair with it; the address is free again.
 *
 * <p>Simplifications: the veth's host name is a hash of the container's id (random on a real
 * host); the NAT rules dockerd installs (DOCKER, DOCKER-USER, DOCKER-ISOLATION-STAGE-1/2,
 * MASQUERADE) are not written yet, so a container reaches the host and other containers but
 * not beyond.
 */
public final class BridgeNetwork {

    /** docker0's address: the containers' gateway. */
    public static final Ipv4Address GATEWAY = Ipv4Address.of(172, 17, 0, 1);
    public static final int PREFIX = 16;

    private final Map<String, Integer> hosts = new HashMap<>();
    private final Map<String, Interface> hostEnds = new HashMap<>();
    private final TreeSet<Integer> used = new TreeSet<>();

    /** docker0 on {@code k}'s network stack, up, with the gateway address; forwarding on. Does nothing without a network stack. */
    static void install(Kernel k) {
        NetStack host = NetStack.of(k);
        if (host == null || host.interfaceNamed("docker0") != null) return;
        String mac = "02:42:" + Registry.sha256(k.machineName() + " docker0").substring(0, 8).replaceAll("(..)(?!$)", "$1:");
        Interface docker0 = host.addBridge("docker0", mac);
        host.addAddress(docker0, GATEWAY, PREFIX);
        host.setLinkUp(docker0, true);
        host.setForwarding(true);
    }

    /** The address a container got, or null. */
    public Ipv4Address addressOf(Container c) {
        Integer n = hosts.get(c.id());
        return n == null ? null : Ipv4Address.of(172, 17, n / 256, n % 256);
    }

    /** The container's eth0 and docker0's port for it; false if the host has no docker0. */
    boolean connect(Kernel k, Container c, NetStack inside) {
        NetStack host = NetStack.of(k);
        Interface docker0 = host == null ? null : host.interfaceNamed("docker0");
        if (docker0 == null) return false;
        int n = 2;
        while (used.contains(n)) n++;
        used.add(n);
        hosts.put(c.id(), n);
        Ipv4Address address = Ipv4Address.of(172, 17, n / 256, n % 256);
        String vethName = "veth" + Registry.sha256(c.id() + " veth").substring(0, 7);
        Interface eth0 = inside.addVeth("eth0", vethName);
        Interface hostEnd = eth0.peer();
        inside.moveTo(hostEnd, host);
        host.enslave(hostEnd, docker0);
        host.setLinkUp(hostEnd, true);
        inside.setMac(eth0, String.format("02:42:ac:11:%02x:%02x", n / 256, n % 256));
        inside.setLinkUp(inside.loopback(), true);
        inside.addAddress(eth0, address, PREFIX);
        inside.setLinkUp(eth0, true);
        inside.addDefaultRoute(GATEWAY);
        hostEnds.put(c.id(), hostEnd);
        return true;
    }

    /** The container has ended: its pair goes with its namespace, its address is free. */
    void disconnect(Kernel k, Container c) {
        Integer n = hosts.remove(c.id());
        if (n != null) used.remove(n);
        Interface hostEnd = hostEnds.remove(c.id());
        if (hostEnd != null && hostEnd.owner() != null) hostEnd.owner().delete(hostEnd);
    }
}
