package dev.syssim.sim.world;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.link.Nic;
import dev.syssim.sim.net.link.Segment;
import dev.syssim.sim.net.stack.Interface;
import dev.syssim.sim.net.stack.InterfaceAddress;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.net.stack.TcpListener;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Process;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code %scenario campus}: the network of the firewall lecture, wired as the recorded oracle's
 * (shared/oracle/firewall/topology.md). The router {@code border} joins the outside segment
 * (203.0.113.0/24 and 198.51.100.0/24 on one switch; border's eth0 has 203.0.113.1 and
 * 198.51.100.1) and the campus segment (10.84.0.0/16; border's eth1 10.84.0.1), forwarding
 * between them without NAT. On campus: {@code wash} (ssh, web), {@code mail} (smtp), {@code laptop}
 * (ssh and an exposed print server); outside: {@code offcampus}, {@code scanner}, {@code partner},
 * with no services. No firewall rules anywhere. The session starts as student on laptop.
 *
 * <p>Every machine knows every name ({@code /etc/hosts}; the world has no DNS), knows every
 * machine's SSH host key ({@code /etc/ssh/ssh_known_hosts}, so ssh never asks about fingerprints),
 * and root has one key pair accepted everywhere (the lecturer's); student logs in with the
 * password of {@code /etc/shadow} ("student"). IPv6 is off and ICMP is not rate limited, as on the
 * oracle's machines.
 */
public final class CampusScenario implements Scenario {

    /** Who listens on the server ports. */
    public enum Listeners {
        /** The real services: sshd, apache2, postfix, cupsd. */
        SERVICES,
        /** What the oracle ran: one {@code nc -lk PORT} per port (backlog 1, reads until the client closes). */
        NETCAT
    }

    /** One machine of the campus: name, cores, memory, interfaces (name, segment, addresses), gateway, services. */
    public record Host(String name, int cores, long memoryKiB, List<Port> ports, String gateway, List<String> services) {
    }

    /** An interface of a host: its name, the segment it plugs into, its addresses with prefix lengths. */
    public record Port(String name, String segment, List<String> addresses) {
    }

    /** A service: the port, the executable, argv as ps shows it, what systemctl calls it. */
    public record Service(int port, String path, List<String> argv, String unit) {
    }

    public static final Map<String, Service> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("ssh", new Service(22, "/usr/sbin/sshd", List.of("sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"), "ssh"));
        SERVICES.put("http", new Service(80, "/usr/sbin/apache2", List.of("/usr/sbin/apache2", "-k", "start"), "apache2"));
        SERVICES.put("smtp", new Service(25, "/usr/lib/postfix/sbin/master", List.of("/usr/lib/postfix/sbin/master", "-w"), "postfix"));
        SERVICES.put("ipp", new Service(631, "/usr/sbin/cupsd", List.of("/usr/sbin/cupsd", "-l"), "cups"));
    }

    public static final List<Host> HOSTS = List.of(
            new Host("border", 1, 1_015_000, List.of(
                    new Port("eth0", "outside", List.of("203.0.113.1/24", "198.51.100.1/24")),
                    new Port("eth1", "campus", List.of("10.84.0.1/16"))), null, List.of()),
            new Host("wash", 2, 2_031_000, List.of(new Port("eth0", "campus", List.of("10.84.0.10/16"))), "10.84.0.1", List.of("ssh", "http")),
            new Host("mail", 1, 2_031_000, List.of(new Port("eth0", "campus", List.of("10.84.0.25/16"))), "10.84.0.1", List.of("smtp")),
            new Host("laptop", 2, 4_028_860, List.of(new Port("eth0", "campus", List.of("10.84.1.50/16"))), "10.84.0.1", List.of("ipp", "ssh")),
            new Host("offcampus", 2, 4_028_860, List.of(new Port("eth0", "outside", List.of("203.0.113.50/24"))), "203.0.113.1", List.of()),
            new Host("scanner", 2, 2_031_000, List.of(new Port("eth0", "outside", List.of("203.0.113.66/24"))), "203.0.113.1", List.of()),
            new Host("partner", 1, 2_031_000, List.of(new Port("eth0", "outside", List.of("198.51.100.25/24"))), "198.51.100.1", List.of()));

    /** The IRQ line of each NIC: eth0 on 11, eth1 on 10. */
    private static final Map<String, Irq> NIC_IRQ = Map.of(
            "eth0", Irq.NIC,
            "eth1", new Irq("10", 42, "IO-APIC  10-fasteoi", "eth1", ""));

    @Override
    public String name() {
        return "campus";
    }

    @Override
    public String description() {
        return "the firewall lecture's network: router border between the outside (offcampus, scanner, partner) "
                + "and the campus (wash, mail, laptop); you are student on laptop";
    }

    @Override
    public World build(long seed, RunLimits limits) {
        return build(seed, limits, Listeners.SERVICES);
    }

    /** A fresh campus world whose server ports are served by {@code listeners}. */
    public static World build(long seed, RunLimits limits, Listeners listeners) {
        World world = new World(seed, limits);
        Map<String, Segment> segments = new LinkedHashMap<>();
        segments.put("outside", new Segment("outside", List.of(Cidr.parse("203.0.113.0/24"), Cidr.parse("198.51.100.0/24")),
                Segment.DEFAULT_LATENCY, world.timeline(), world.trace(), seed));
        segments.put("campus", new Segment("campus", List.of(Cidr.parse("10.84.0.0/16")),
                Segment.DEFAULT_LATENCY, world.timeline(), world.trace(), seed));
        Map<Nic, NetStack> owners = new HashMap<>();
        for (Segment s : segments.values()) s.setAddressBook(nic -> owners.get(nic).addressesOn(nic));
        List<Machine> machines = new ArrayList<>();
        for (Host host : HOSTS) {
            Machine m = Machines.debian(world, host.name(), host.cores(), host.memoryKiB());
            machines.add(m);
            NetStack stack = NetStack.of(m.kernel());
            for (Port port : host.ports()) {
                InterfaceAddress first = parse(port.addresses().get(0));
                Interface iface = stack.addEthernet(port.name(), mac(first.address()), NIC_IRQ.get(port.name()), segments.get(port.segment()));
                owners.put(iface.nic(), stack);
                for (String a : port.addresses()) {
                    InterfaceAddress ia = parse(a);
                    stack.addAddress(iface, ia.address(), ia.prefixLength());
                }
            }
            if (host.gateway() != null) stack.addDefaultRoute(Ipv4Address.parse(host.gateway()));
            if (host.gateway() == null) stack.setForwarding(true);
            configure(m, host);
        }
        for (int i = 0; i < HOSTS.size(); i++) startListeners(world, machines.get(i), HOSTS.get(i), listeners);
        world.runUntil(() -> allListening(world, listeners), 2_000_000);
        return world;
    }

    private static InterfaceAddress parse(String text) {
        Cidr cidr = Cidr.parse(text);
        int slash = text.indexOf('/');
        return new InterfaceAddress(Ipv4Address.parse(text.substring(0, slash)), cidr.prefixLength());
    }

    /** A locally administered MAC made of the address: 10.84.0.10 is {@code 02:00:0a:54:00:0a}. */
    static String mac(Ipv4Address a) {
        return String.format("02:00:%02x:%02x:%02x:%02x", a.octet(0), a.octet(1), a.octet(2), a.octet(3));
    }

    // ---- files ----

    private static void configure(Machine m, Host host) {
        StringBuilder hosts = new StringBuilder("127.0.0.1\tlocalhost\n");
        StringBuilder known = new StringBuilder();
        for (Host h : HOSTS) {
            String address = h.ports().get(h.ports().size() - 1).addresses().get(0);
            String ip = address.substring(0, address.indexOf('/'));
            hosts.append(ip).append('\t').append(h.name()).append('\n');
            known.append(h.name()).append(',').append(ip).append(" ssh-ed25519 ").append(hostKey(h.name())).append('\n');
        }
        hosts.append("\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        write(m, "/etc/hosts", hosts.toString(), 0644, 0, 0);
        write(m, "/etc/ssh/ssh_known_hosts", known.toString(), 0644, 0, 0);
        write(m, "/etc/ssh/ssh_host_ed25519_key.pub", "ssh-ed25519 " + hostKey(host.name()) + " root@" + host.name() + "\n", 0644, 0, 0);
        write(m, "/etc/ssh/sshd_config", "# syssim: the settings that matter\nPort 22\nPermitRootLogin prohibit-password\n"
                + "PasswordAuthentication yes\nKbdInteractiveAuthentication no\nUsePAM yes\n", 0644, 0, 0);
        write(m, "/root/.ssh/id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\n(the lecturer's key, the same on every machine)\n-----END OPENSSH PRIVATE KEY-----\n", 0600, 0, 0);
        write(m, "/root/.ssh/id_ed25519.pub", "ssh-ed25519 " + LECTURER_KEY + " root@campus\n", 0644, 0, 0);
        write(m, "/root/.ssh/authorized_keys", "ssh-ed25519 " + LECTURER_KEY + " root@campus\n", 0600, 0, 0);
        write(m, "/etc/network/interfaces", interfacesFile(host), 0644, 0, 0);
        if (host.services().contains("http")) {
            write(m, "/var/www/html/index.html", "<html><body><h1>wash</h1><p>Department of Computer Science: course pages.</p></body></html>\n",
                    0644, 0, 0);
        }
        Kernel k = m.kernel();
        k.procSysFiles().put("net/ipv6/conf/all/disable_ipv6", Kernel.tunable(() -> "1", v -> false));
    }

    /** The lecturer's public key (an opaque string; the simulation compares it, it does not check signatures). */
    public static final String LECTURER_KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIK9syssimLecturerKeyForTheCampusScenario0";

    /** Each machine's host key (opaque, distinct per machine). */
    public static String hostKey(String machine) {
        String base = "AAAAC3NzaC1lZDI1NTE5AAAAI" + machine + "HostKey";
        return (base + "0000000000000000000000000000000000000000").substring(0, 68);
    }

    private static String interfacesFile(Host host) {
        StringBuilder out = new StringBuilder("# The loopback network interface\nauto lo\niface lo inet loopback\n");
        for (Port p : host.ports()) {
            out.append("\nauto ").append(p.name()).append("\niface ").append(p.name()).append(" inet static\n");
            out.append("    address ").append(p.addresses().get(0)).append('\n');
            if (host.gateway() != null) out.append("    gateway ").append(host.gateway()).append('\n');
            for (int i = 1; i < p.addresses().size(); i++) out.append("    up ip addr add ").append(p.addresses().get(i)).append(" dev ").append(p.name()).append('\n');
        }
        if (host.gateway() == null) out.append("\n# /etc/sysctl.d/forward.conf: net.ipv4.ip_forward=1\n");
        return out.toString();
    }

    /** Creates (or replaces) a file and any missing directories, as root set up the image. */
    static void write(Machine m, String path, String text, int mode, int uid, int gid) {
        RootView root = new RootView(m.kernel());
        String[] parts = path.substring(1).split("/");
        PathWalker.Result dir = PathWalker.resolve(root, "/", true);
        Inode current = dir.inode();
        FileSystem fs = dir.location().mount().fs();
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            at.append('/').append(parts[i]);
            PathWalker.Result next = PathWalker.resolve(root, at.toString(), true);
            if (!next.ok()) {
                fs.mkdir(current, parts[i], 0755, 0, 0).setCached(true);
                next = PathWalker.resolve(root, at.toString(), true);
            }
            current = next.inode();
            fs = next.location().mount().fs();
        }
        String name = parts[parts.length - 1];
        if (fs.lookup(root, current, name) != null) fs.unlink(current, name);
        Inode file = fs.createFile(current, name, mode, uid, gid, text.getBytes(StandardCharsets.UTF_8));
        file.setCached(true);
    }

    // ---- services ----

    private static void startListeners(World world, Machine m, Host host, Listeners listeners) {
        Kernel k = m.kernel();
        for (String name : host.services()) {
            Service s = SERVICES.get(name);
            if (listeners == Listeners.NETCAT) {
                k.spawn(k.init(), "/bin/sh", List.of("sh", "-c", "exec nc -lk " + s.port() + " </dev/null >/dev/null 2>&1"),
                        Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), Credentials.root(), null, null);
            } else {
                k.spawn(k.init(), s.path(), s.argv(), Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), Credentials.root(), null, null);
            }
        }
    }

    private static boolean allListening(World world, Listeners listeners) {
        for (Host h : HOSTS) {
            NetStack stack = NetStack.of(world.machine(h.name()).kernel());
            List<TcpListener> open = stack.tcp().listeners();
            if (open.size() < h.services().size()) return false;
        }
        return true;
    }

    // ---- the %scenario table ----

    @Override
    public String startMachine() {
        return "laptop";
    }


    @Override
    public List<String> tableHeader() {
        return List.of("machine", "segment", "interface", "address", "gateway", "services");
    }

    @Override
    public List<List<String>> table(World world) {
        List<List<String>> rows = new ArrayList<>();
        for (Host h : HOSTS) {
            StringBuilder services = new StringBuilder();
            for (String s : h.services()) {
                Service svc = SERVICES.get(s);
                if (services.length() > 0) services.append(", ");
                services.append(s).append(' ').append(svc.port()).append(" (").append(programOf(svc)).append(')');
            }
            boolean first = true;
            for (Port p : h.ports()) {
                String gateway = h.gateway() == null ? "routes between outside and campus (ip_forward=1, no NAT)" : "via " + h.gateway();
                rows.add(List.of(first ? h.name() : "", p.segment(), p.name(), String.join(", ", p.addresses()),
                        first ? gateway : "", first ? (services.length() == 0 ? "-" : services.toString()) : ""));
                first = false;
            }
        }
        return rows;
    }

    private static String programOf(Service s) {
        String path = s.path();
        return path.substring(path.lastIndexOf('/') + 1).replace("master", "postfix");
    }

    /** The processes that serve ports on a machine now (for tests and systemctl). */
    public static List<Process> serviceProcesses(Machine m) {
        List<Process> out = new ArrayList<>();
        for (Process p : m.kernel().allProcesses()) {
            for (Service s : SERVICES.values()) {
                if (s.path().endsWith("/" + p.comm())) out.add(p);
            }
        }
        return out;
    }
}
