package dev.syssim.sim.virt;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.stack.Interface;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.netfilter.tools.Iptables;
import dev.syssim.sim.netfilter.tools.ToolContext;
import dev.syssim.sim.netfilter.tools.ToolResult;
import dev.syssim.sim.os.Kernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * libvirt's NAT network {@code default} on a host: the bridge {@code virbr0} with 192.168.122.1/24
 * (the host's address on the guests' LAN, their gateway), forwarding switched on, the rules
 * libvirt 9.0 puts into the host's netfilter (its {@code LIBVIRT_*} chains: masquerade what
 * leaves the subnet, let replies back in, let the guests out, accept DNS and DHCP from them) and
 * dnsmasq handing out 192.168.122.2 to .254 by DHCP, each lease written to its status file.
 *
 * <p>Simplifications: no DHCP packets cross the wire (a guest's request is answered when its
 * network comes up, with the address dnsmasq would choose: a hash of the MAC, then the next free
 * one); dnsmasq is not a process of its own; no DNS server on 192.168.122.1; the mangle table's
 * CHECKSUM rule for DHCP replies is left out (it fixes checksums the simulation never breaks).
 */
public final class VirtualNetwork {

    /** What a guest's DHCP client gets: its address, the prefix and the gateway. */
    public record Lease(String mac, Ipv4Address address, int prefix, Ipv4Address gateway, String hostname, long expirySeconds) {
    }

    public static final String NAME = "default";
    public static final String BRIDGE = "virbr0";
    public static final String BRIDGE_MAC = "52:54:00:3c:9a:01";
    public static final String UUID = "2b1e5d2c-9f0a-4c6e-8b3d-7e1f0a9c4d5b";
    public static final String STATUS_FILE = "/var/lib/libvirt/dnsmasq/virbr0.status";
    /** dnsmasq's lease time in libvirt's configuration: one hour. */
    public static final long LEASE_SECONDS = 3600;
    private static final Ipv4Address GATEWAY = Ipv4Address.parse("192.168.122.1");
    private static final int FIRST = 2;
    private static final int LAST = 254;

    private final Kernel host;
    private boolean active;
    private final Map<String, Lease> leases = new LinkedHashMap<>();

    private VirtualNetwork(Kernel host) {
        this.host = host;
    }

    /** The host's default network (inactive until started). */
    public static VirtualNetwork of(Kernel host) {
        VirtualNetwork n = host.room(VirtualNetwork.class);
        if (n == null) {
            n = new VirtualNetwork(host);
            host.attachRoom(VirtualNetwork.class, n);
        }
        return n;
    }

    public boolean active() {
        return active;
    }

    public List<Lease> leases() {
        return List.copyOf(leases.values());
    }

    /**
     * {@code virsh net-start default} (and libvirtd's autostart at boot): the bridge with its
     * address, up; forwarding on; libvirt's rules in the host's filter and nat tables. Returns
     * false if the host has no network stack.
     */
    public boolean start() {
        NetStack stack = NetStack.of(host);
        if (stack == null) return false;
        if (active) return true;
        Interface bridge = stack.interfaceNamed(BRIDGE);
        if (bridge == null) bridge = stack.addBridge(BRIDGE, BRIDGE_MAC);
        if (!bridge.has(GATEWAY)) stack.addAddress(bridge, GATEWAY, 24);
        stack.setLinkUp(bridge, true);
        stack.setForwarding(true);
        ToolContext root = ToolContext.root(host.now());
        for (String rule : RULES) {
            ToolResult r = Iptables.run(Arrays.asList(rule.split(" ")), stack.netfilter(), root);
            if (r.exitCode() != 0) throw new IllegalStateException("libvirt's rule " + rule + ": " + r.stderr());
        }
        active = true;
        return true;
    }

    /**
     * The rules libvirt 9.0 installs for a NAT network (its iptables backend; the commands are in
     * libvirt's tests/networkxml2firewalldata), in the order {@code iptables -S} lists them: its
     * private chains, each jump inserted at the top of INPUT, OUTPUT, FORWARD and POSTROUTING
     * (so FORWARD runs FWX, FWI, FWO), then the network's rules in them. A host rule inserted
     * into FORWARD before libvirt's jumps decides first about the guests' traffic.
     */
    static final List<String> RULES = List.of(
            "-N LIBVIRT_INP", "-I INPUT -j LIBVIRT_INP", "-N LIBVIRT_OUT", "-I OUTPUT -j LIBVIRT_OUT",
            "-N LIBVIRT_FWO", "-I FORWARD -j LIBVIRT_FWO", "-N LIBVIRT_FWI", "-I FORWARD -j LIBVIRT_FWI",
            "-N LIBVIRT_FWX", "-I FORWARD -j LIBVIRT_FWX",
            "-t nat -N LIBVIRT_PRT", "-t nat -I POSTROUTING -j LIBVIRT_PRT",
            "-A LIBVIRT_INP -i virbr0 -p udp -m udp --dport 53 -j ACCEPT",
            "-A LIBVIRT_INP -i virbr0 -p tcp -m tcp --dport 53 -j ACCEPT",
            "-A LIBVIRT_INP -i virbr0 -p udp -m udp --dport 67 -j ACCEPT",
            "-A LIBVIRT_INP -i virbr0 -p tcp -m tcp --dport 67 -j ACCEPT",
            "-A LIBVIRT_OUT -o virbr0 -p udp -m udp --dport 53 -j ACCEPT",
            "-A LIBVIRT_OUT -o virbr0 -p tcp -m tcp --dport 53 -j ACCEPT",
            "-A LIBVIRT_OUT -o virbr0 -p udp -m udp --dport 68 -j ACCEPT",
            "-A LIBVIRT_OUT -o virbr0 -p tcp -m tcp --dport 68 -j ACCEPT",
            "-A LIBVIRT_FWI -d 192.168.122.0/24 -o virbr0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
            "-A LIBVIRT_FWI -o virbr0 -j REJECT --reject-with icmp-port-unreachable",
            "-A LIBVIRT_FWO -s 192.168.122.0/24 -i virbr0 -j ACCEPT",
            "-A LIBVIRT_FWO -i virbr0 -j REJECT --reject-with icmp-port-unreachable",
            "-A LIBVIRT_FWX -i virbr0 -o virbr0 -j ACCEPT",
            "-t nat -A LIBVIRT_PRT -s 192.168.122.0/24 -d 224.0.0.0/24 -j RETURN",
            "-t nat -A LIBVIRT_PRT -s 192.168.122.0/24 -d 255.255.255.255/32 -j RETURN",
            "-t nat -A LIBVIRT_PRT -s 192.168.122.0/24 ! -d 192.168.122.0/24 -p tcp -j MASQUERADE --to-ports 1024-65535",
            "-t nat -A LIBVIRT_PRT -s 192.168.122.0/24 ! -d 192.168.122.0/24 -p udp -j MASQUERADE --to-ports 1024-65535",
            "-t nat -A LIBVIRT_PRT -s 192.168.122.0/24 ! -d 192.168.122.0/24 -j MASQUERADE");

    /**
     * dnsmasq answers a guest's DHCP request: the lease it already has, or a new address. dnsmasq
     * starts from a hash of the MAC (address_allocate in its dhcp.c) and takes the next free one.
     * Null if the network is down or the range is full.
     */
    public Lease offer(String mac, String hostname) {
        if (!active) return null;
        long expiry = host.bootEpochSeconds() + host.now() / 1_000_000_000L + LEASE_SECONDS;
        Lease old = leases.get(mac);
        if (old != null) {
            Lease renewed = new Lease(mac, old.address(), 24, GATEWAY, hostname, expiry);
            leases.put(mac, renewed);
            writeStatus();
            return renewed;
        }
        int range = LAST - FIRST + 1;
        int start = Math.floorMod(macHash(mac), range);
        for (int i = 0; i < range; i++) {
            Ipv4Address candidate = Ipv4Address.parse("192.168.122." + (FIRST + (start + i) % range));
            if (leases.values().stream().noneMatch(l -> l.address().equals(candidate))) {
                Lease lease = new Lease(mac, candidate, 24, GATEWAY, hostname, expiry);
                leases.put(mac, lease);
                writeStatus();
                return lease;
            }
        }
        return null;
    }

    /** The lease helper writes {@link #STATUS_FILE} (root's, 0644) after each change; its directory is made if missing. */
    private void writeStatus() {
        dev.syssim.sim.fs.FileSystem fs = host.rootFs();
        dev.syssim.sim.fs.Inode dir = fs.root();
        String[] parts = STATUS_FILE.substring(1).split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            dev.syssim.sim.fs.Inode next = dir.entries().get(parts[i]);
            if (next == null) next = fs.mkdir(dir, parts[i], 0755, 0, 0);
            dir = next;
        }
        String name = parts[parts.length - 1];
        if (dir.entries().containsKey(name)) fs.unlink(dir, name);
        fs.createFile(dir, name, 0644, 0, 0, statusFile().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** dnsmasq's hash of a hardware address: j = byte + (j << 6) + (j << 16) - j, over the six bytes. */
    private static int macHash(String mac) {
        int j = 0;
        for (String part : mac.split(":")) j = Integer.parseInt(part, 16) + (j << 6) + (j << 16) - j;
        return j;
    }

    /** libvirt's lease helper's status file: a JSON array of the leases, as it rewrites it on each change. */
    public String statusFile() {
        List<String> entries = new ArrayList<>();
        for (Lease l : leases.values()) {
            entries.add("  {\n    \"ip-address\": \"" + l.address() + "\",\n    \"mac-address\": \"" + l.mac() + "\",\n"
                    + "    \"hostname\": \"" + l.hostname() + "\",\n    \"client-id\": \"ff:" + clientIdTail(l.mac()) + "\",\n"
                    + "    \"expiry-time\": " + l.expirySeconds() + "\n  }");
        }
        return entries.isEmpty() ? "[\n\n]\n" : "[\n" + String.join(",\n", entries) + "\n]\n";
    }

    /**
     * The client id systemd-networkd sends (RFC 4361: IAID and DUID), as dnsmasq prints it:
     * here derived from the MAC, where a real guest's comes from its machine id.
     */
    public static String clientIdTail(String mac) {
        String[] b = mac.split(":");
        return b[2] + ":" + b[3] + ":" + b[4] + ":" + b[5] + ":00:01:00:01:2c:" + b[3] + ":" + b[4] + ":" + b[5] + ":" + mac;
    }
}
