package dev.syssim.sim.container;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.stack.Interface;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.os.Kernel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * <p>dockerd's iptables rules, as Docker 20.10 writes them (recorded: testdata/oracle/docker/
 * iptables-20.10.24.txt): at start the filter table's DOCKER, DOCKER-ISOLATION-STAGE-1/2 and
 * DOCKER-USER chains with FORWARD jumping to them, the nat table's DOCKER chain reached from
 * PREROUTING and OUTPUT for local destinations, and MASQUERADE for 172.17.0.0/16 leaving by
 * another interface; if IP forwarding was off, dockerd turns it on and sets FORWARD's policy to
 * DROP. Each published port adds a DNAT in nat's DOCKER, an ACCEPT in filter's DOCKER and a
 * hairpin MASQUERADE, removed when the container ends.
 *
 * <p>Simplifications: the veth's host name is a hash of the container's id (random on a real
 * host); dockerd runs iptables(8) for each rule, here the rules go through the same iptables code
 * from the engine without a process per rule; no docker-proxy (the userland proxy for
 * connections from the host itself to 127.0.0.1).
 */
public final class BridgeNetwork {

    /** docker0's address: the default network's gateway. */
    public static final Ipv4Address GATEWAY = Ipv4Address.of(172, 17, 0, 1);
    public static final int PREFIX = 16;

    private final String name;
    private final String id;
    private final String device;
    private final int octet;
    private final Map<String, Integer> hosts = new HashMap<>();
    private final Map<String, Interface> hostEnds = new HashMap<>();
    private final TreeSet<Integer> used = new TreeSet<>();

    /**
     * A bridge network: its name ({@code bridge} for the default one), its id, the bridge device
     * ({@code docker0}, {@code br-} and 12 digits of the id for another) and the second octet of
     * its 172.N.0.0/16.
     */
    BridgeNetwork(String name, String id, String device, int octet) {
        this.name = name;
        this.id = id;
        this.device = device;
        this.octet = octet;
    }

    public String name() {
        return name;
    }

    public String id() {
        return id;
    }

    /** The bridge device on the host. */
    public String device() {
        return device;
    }

    /** The containers' gateway: the bridge's address, 172.N.0.1. */
    public Ipv4Address gateway() {
        return Ipv4Address.of(172, octet, 0, 1);
    }

    /** Whether a container is attached. */
    public boolean inUse() {
        return !hosts.isEmpty();
    }

    /** docker0 on {@code k}'s network stack, up, with the gateway address; forwarding on; Docker's chains. Does nothing without a network stack. */
    static void install(Kernel k) {
        NetStack host = NetStack.of(k);
        if (host == null || host.interfaceNamed("docker0") != null) return;
        String mac = "02:42:" + Registry.sha256(k.machineName() + " docker0").substring(0, 8).replaceAll("(..)(?!$)", "$1:");
        Interface docker0 = host.addBridge("docker0", mac);
        host.addAddress(docker0, GATEWAY, PREFIX);
        host.setLinkUp(docker0, true);
        boolean wasForwarding = host.forwarding();
        host.setForwarding(true);
        List<String> rules = new ArrayList<>(List.of("-N DOCKER", "-N DOCKER-ISOLATION-STAGE-1", "-N DOCKER-ISOLATION-STAGE-2", "-N DOCKER-USER",
                "-A FORWARD -j DOCKER-USER", "-A FORWARD -j DOCKER-ISOLATION-STAGE-1",
                "-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT", "-A FORWARD -o docker0 -j DOCKER",
                "-A FORWARD -i docker0 ! -o docker0 -j ACCEPT", "-A FORWARD -i docker0 -o docker0 -j ACCEPT",
                "-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2", "-A DOCKER-ISOLATION-STAGE-1 -j RETURN",
                "-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP", "-A DOCKER-ISOLATION-STAGE-2 -j RETURN", "-A DOCKER-USER -j RETURN",
                "-t nat -N DOCKER", "-t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER",
                "-t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER",
                "-t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE", "-t nat -A DOCKER -i docker0 -j RETURN"));
        // libnetwork's setupIPForwarding: forwarding it had to turn on gets a DROP policy
        if (!wasForwarding) rules.add("-P FORWARD DROP");
        iptables(k, host, rules);
    }

    /**
     * {@code docker network create}: the bridge {@code br-ID} with 172.N.0.1/16, up, and its rules —
     * inserted where Docker inserts them, above docker0's (recorded: networks-20.10.24.txt).
     */
    static BridgeNetwork create(Kernel k, String name, String id, int octet) {
        BridgeNetwork n = new BridgeNetwork(name, id, "br-" + id.substring(0, 12), octet);
        NetStack host = NetStack.of(k);
        if (host == null) return n;
        String mac = "02:42:" + Registry.sha256(id + " mac").substring(0, 8).replaceAll("(..)(?!$)", "$1:");
        Interface br = host.addBridge(n.device, mac);
        host.addAddress(br, n.gateway(), PREFIX);
        host.setLinkUp(br, true);
        iptables(k, host, n.rules("-I"));
        return n;
    }

    /** {@code docker network rm}: its rules and its bridge gone. */
    void remove(Kernel k) {
        NetStack host = NetStack.of(k);
        if (host == null) return;
        iptables(k, host, rules("-D"));
        Interface br = host.interfaceNamed(device);
        if (br != null) host.delete(br);
    }

    /** A user-defined network's rules, with -I (at the places Docker puts them) or -D. */
    private List<String> rules(String op) {
        String d = device;
        boolean insert = op.equals("-I");
        return List.of(
                op + " FORWARD " + (insert ? "3 " : "") + "-o " + d + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
                op + " FORWARD " + (insert ? "4 " : "") + "-o " + d + " -j DOCKER",
                op + " FORWARD " + (insert ? "5 " : "") + "-i " + d + " ! -o " + d + " -j ACCEPT",
                op + " FORWARD " + (insert ? "6 " : "") + "-i " + d + " -o " + d + " -j ACCEPT",
                op + " DOCKER-ISOLATION-STAGE-1 " + (insert ? "1 " : "") + "-i " + d + " ! -o " + d + " -j DOCKER-ISOLATION-STAGE-2",
                op + " DOCKER-ISOLATION-STAGE-2 " + (insert ? "1 " : "") + "-o " + d + " -j DROP",
                "-t nat " + op + " POSTROUTING " + (insert ? "1 " : "") + "-s 172." + octet + ".0.0/16 ! -o " + d + " -j MASQUERADE",
                "-t nat " + op + " DOCKER " + (insert ? "1 " : "") + "-i " + d + " -j RETURN");
    }

    /** Each line through iptables(8)'s own parser and the host's netfilter, as dockerd's exec of iptables does. */
    private static void iptables(Kernel k, NetStack host, List<String> lines) {
        for (String line : lines) {
            dev.syssim.sim.netfilter.tools.ToolResult r = dev.syssim.sim.netfilter.tools.Iptables.run(List.of(line.split(" ")), host.netfilter(),
                    dev.syssim.sim.netfilter.tools.ToolContext.root(k.now()));
            if (r.exitCode() != 0) throw new IllegalStateException("docker's rule " + line + ": " + r.stderr());
        }
    }

    /** The three rules of a published port, with {@code op} -A to add them or -D to delete them. */
    private List<String> portRules(String op, PublishedPort p, Ipv4Address container) {
        String d = device;
        String dst = p.hostIp() == null ? "" : "-d " + p.hostIp() + "/32 ";
        String proto = "-p " + p.protocol() + " -m " + p.protocol();
        return List.of("-t nat " + op + " DOCKER " + dst + "! -i " + d + " " + proto + " --dport " + p.hostPort() + " -j DNAT --to-destination " + container + ":" + p.containerPort(),
                op + " DOCKER -d " + container + "/32 ! -i " + d + " -o " + d + " " + proto + " --dport " + p.containerPort() + " -j ACCEPT",
                "-t nat " + op + " POSTROUTING -s " + container + "/32 -d " + container + "/32 " + proto + " --dport " + p.containerPort() + " -j MASQUERADE");
    }

    /** The address a container got, or null. */
    public Ipv4Address addressOf(Container c) {
        Integer n = hosts.get(c.id());
        return n == null ? null : Ipv4Address.of(172, octet, n / 256, n % 256);
    }

    /** The container's eth0 and docker0's port for it; false if the host has no docker0. */
    boolean connect(Kernel k, Container c, NetStack inside) {
        NetStack host = NetStack.of(k);
        Interface docker0 = host == null ? null : host.interfaceNamed(device);
        if (docker0 == null) return false;
        int n = 2;
        while (used.contains(n)) n++;
        used.add(n);
        hosts.put(c.id(), n);
        Ipv4Address address = Ipv4Address.of(172, octet, n / 256, n % 256);
        String vethName = "veth" + Registry.sha256(c.id() + " veth").substring(0, 7);
        Interface eth0 = inside.addVeth("eth0", vethName);
        Interface hostEnd = eth0.peer();
        inside.moveTo(hostEnd, host);
        host.enslave(hostEnd, docker0);
        host.setLinkUp(hostEnd, true);
        inside.setMac(eth0, String.format("02:42:ac:%02x:%02x:%02x", octet, n / 256, n % 256));
        inside.setLinkUp(inside.loopback(), true);
        inside.addAddress(eth0, address, PREFIX);
        inside.setLinkUp(eth0, true);
        inside.addDefaultRoute(gateway());
        hostEnds.put(c.id(), hostEnd);
        List<String> rules = new ArrayList<>();
        for (String text : c.spec().ports()) {
            PublishedPort p = PublishedPort.parse(text);
            if (p != null) rules.addAll(portRules("-A", p, address));
        }
        iptables(k, host, rules);
        return true;
    }

    /** The container has ended: its pair goes with its namespace, its address is free. */
    void disconnect(Kernel k, Container c) {
        Ipv4Address address = addressOf(c);
        Integer n = hosts.remove(c.id());
        if (n != null) used.remove(n);
        NetStack host = NetStack.of(k);
        if (address != null && host != null) {
            List<String> rules = new ArrayList<>();
            for (String text : c.spec().ports()) {
                PublishedPort p = PublishedPort.parse(text);
                if (p != null) rules.addAll(portRules("-D", p, address));
            }
            iptables(k, host, rules);
        }
        Interface hostEnd = hostEnds.remove(c.id());
        if (hostEnd != null && hostEnd.owner() != null) hostEnd.owner().delete(hostEnd);
    }
}
