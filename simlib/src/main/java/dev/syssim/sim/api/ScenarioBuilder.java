package dev.syssim.sim.api;

import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.hw.Irq;
import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.link.Nic;
import dev.syssim.sim.net.link.Segment;
import dev.syssim.sim.net.stack.Interface;
import dev.syssim.sim.net.stack.NetStack;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.world.CampusScenario;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.RootView;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a scenario of your own: Debian machines, the networks (switched segments) they plug
 * into with their addresses, default gateways, routers, and the services they run. Every machine
 * gets an {@code /etc/hosts} naming every other. The result is a {@link Scenario}, so
 * {@link World#create(Scenario, long)} makes worlds of it from any seed.
 *
 * <pre>{@code
 * Scenario lab = new ScenarioBuilder("lab")
 *         .network("lan", "10.0.0.0/24")
 *         .machine("web").connect("web", "eth0", "lan", "10.0.0.10/24").service("web", "http")
 *         .machine("pc").connect("pc", "eth0", "lan", "10.0.0.20/24")
 *         .startAs("pc", "student")
 *         .build();
 * World world = World.create(lab, 7);
 * }</pre>
 */
public final class ScenarioBuilder {

    /** The services a machine can run, by name: {@code ssh} (22), {@code http} (80), {@code smtp} (25), {@code ipp} (631). */
    public static final List<String> SERVICES = List.copyOf(CampusScenario.SERVICES.keySet());
    /** Interfaces a machine can have: eth0 to eth3, each on its own IRQ line. */
    private static final int MAX_INTERFACES = 4;

    private record Port(String name, String network, List<String> addresses) {
    }

    /** A machine as built: immutable, so a scenario never changes after {@link #build()}. */
    private record Host(String name, int cores, long memoryKiB, List<Port> ports, List<String> services, String gateway, boolean router) {
    }

    /** A machine while it is being described. */
    private static final class Draft {
        private final String name;
        private final int cores;
        private final long memoryKiB;
        private final List<Port> ports = new ArrayList<>();
        private final List<String> services = new ArrayList<>();
        private String gateway;
        private boolean router;

        Draft(String name, int cores, long memoryKiB) {
            this.name = name;
            this.cores = cores;
            this.memoryKiB = memoryKiB;
        }

        Host host() {
            return new Host(name, cores, memoryKiB, List.copyOf(ports), List.copyOf(services), gateway, router);
        }
    }

    private final String name;
    private String description;
    private final Map<String, List<String>> networks = new LinkedHashMap<>();
    private final Map<String, Draft> hosts = new LinkedHashMap<>();
    private String startMachine;
    private String startUser = "student";

    /**
     * Starts a scenario.
     *
     * @param name its name, as {@code %scenario} would show it
     */
    public ScenarioBuilder(String name) {
        this.name = name;
        this.description = "scenario " + name;
    }

    /**
     * Describes the scenario.
     *
     * @param text the one line {@code %scenario} shows for it
     * @return this builder
     */
    public ScenarioBuilder describedAs(String text) {
        this.description = text;
        return this;
    }

    /**
     * Adds a network: one switched segment.
     *
     * @param network its name
     * @param cidrs   the subnets it carries, {@code 10.0.0.0/24}
     * @return this builder
     */
    public ScenarioBuilder network(String network, String... cidrs) {
        if (cidrs.length == 0) throw new IllegalArgumentException("network " + network + " needs a subnet");
        for (String c : cidrs) Cidr.parse(c);
        networks.put(network, List.of(cidrs));
        return this;
    }

    /**
     * Adds a Debian 12 machine with 1 core and 2 GiB.
     *
     * @param machine its name and hostname
     * @return this builder
     */
    public ScenarioBuilder machine(String machine) {
        return machine(machine, 1, 2048);
    }

    /**
     * Adds a Debian 12 machine.
     *
     * @param machine   its name and hostname
     * @param cores     how many cores it has
     * @param memoryMiB how much memory it has, at least 256 MiB
     * @return this builder
     */
    public ScenarioBuilder machine(String machine, int cores, int memoryMiB) {
        if (hosts.containsKey(machine)) throw new IllegalArgumentException("machine " + machine + " is already there");
        if (cores < 1 || memoryMiB < 256) throw new IllegalArgumentException("a machine needs at least 1 core and 256 MiB");
        hosts.put(machine, new Draft(machine, cores, memoryMiB * 1024L));
        if (startMachine == null) startMachine = machine;
        return this;
    }

    /**
     * Plugs a machine's interface into a network.
     *
     * @param machine   the machine
     * @param iface     the interface, {@code eth0} to {@code eth3}
     * @param network   the network
     * @param addresses its addresses with prefix length, {@code 10.0.0.5/24}
     * @return this builder
     */
    public ScenarioBuilder connect(String machine, String iface, String network, String... addresses) {
        Draft host = host(machine);
        if (!networks.containsKey(network)) throw new IllegalArgumentException("no network '" + network + "': declare it with network() first");
        if (!iface.matches("eth[0-" + (MAX_INTERFACES - 1) + "]")) throw new IllegalArgumentException("interfaces are eth0 to eth" + (MAX_INTERFACES - 1));
        if (addresses.length == 0) throw new IllegalArgumentException(iface + " of " + machine + " needs an address");
        for (String a : addresses) {
            if (!a.contains("/")) throw new IllegalArgumentException("give the address with its prefix length: " + a + "/24");
            Cidr.parse(a);
        }
        for (Port p : host.ports) if (p.name().equals(iface)) throw new IllegalArgumentException(machine + " has " + iface + " already");
        host.ports.add(new Port(iface, network, List.of(addresses)));
        return this;
    }

    /**
     * Gives a machine a default route.
     *
     * @param machine the machine
     * @param address the gateway, an address on one of its networks
     * @return this builder
     */
    public ScenarioBuilder gateway(String machine, String address) {
        Ipv4Address.parse(address);
        host(machine).gateway = address;
        return this;
    }

    /**
     * Makes a machine a router: it forwards packets between its networks ({@code net.ipv4.ip_forward=1}).
     *
     * @param machine the machine
     * @return this builder
     */
    public ScenarioBuilder router(String machine) {
        host(machine).router = true;
        return this;
    }

    /**
     * Runs a service on a machine, listening when the world starts.
     *
     * @param machine the machine
     * @param service one of {@link #SERVICES}
     * @return this builder
     */
    public ScenarioBuilder service(String machine, String service) {
        if (!CampusScenario.SERVICES.containsKey(service)) {
            throw new IllegalArgumentException("no service '" + service + "' (services: " + String.join(", ", SERVICES) + ")");
        }
        host(machine).services.add(service);
        return this;
    }

    /**
     * Says where a session starts (default: student on the first machine).
     *
     * @param machine the machine
     * @param user    the user
     * @return this builder
     */
    public ScenarioBuilder startAs(String machine, String user) {
        host(machine);
        this.startMachine = machine;
        this.startUser = user;
        return this;
    }

    /**
     * Builds the scenario.
     *
     * @return a scenario that builds a fresh world of these parts for each seed
     */
    public Scenario build() {
        if (hosts.isEmpty()) throw new IllegalStateException("a scenario needs a machine");
        return new Built(name, description, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(networks)), hosts.values().stream().map(Draft::host).toList(), startMachine, startUser);
    }

    private Draft host(String machine) {
        Draft host = hosts.get(machine);
        if (host == null) throw new IllegalArgumentException("no machine '" + machine + "': declare it with machine() first");
        return host;
    }

    /** The built scenario. Its parts were copied when it was built, so it never changes. */
    private record Built(String name, String description, Map<String, List<String>> networks, List<Host> hosts,
                         String startMachine, String startUser) implements Scenario {

        @Override
        public dev.syssim.sim.world.World build(long seed, RunLimits limits) {
            dev.syssim.sim.world.World world = new dev.syssim.sim.world.World(seed, limits);
            Map<String, Segment> segments = new LinkedHashMap<>();
            Map<Nic, NetStack> owners = new HashMap<>();
            networks.forEach((network, cidrs) -> {
                Segment segment = new Segment(network, cidrs.stream().map(Cidr::parse).toList(), Segment.DEFAULT_LATENCY,
                        world.timeline(), world.trace(), seed);
                segment.setAddressBook(nic -> owners.get(nic).addressesOn(nic));
                segments.put(network, segment);
            });
            List<dev.syssim.sim.world.Machine> machines = new ArrayList<>();
            for (Host host : hosts) {
                dev.syssim.sim.world.Machine m = Machines.debian(world, host.name(), host.cores(), host.memoryKiB());
                machines.add(m);
                NetStack stack = NetStack.of(m.kernel());
                for (Port port : host.ports()) {
                    int n = port.name().charAt(3) - '0';
                    Ipv4Address first = address(port.addresses().get(0));
                    Irq irq = n == 0 ? Irq.NIC : new Irq(Integer.toString(11 - n), 43 - n, "IO-APIC  " + (11 - n) + "-fasteoi", port.name(), "");
                    Interface iface = stack.addEthernet(port.name(), mac(first), irq, segments.get(port.network()));
                    owners.put(iface.nic(), stack);
                    for (String a : port.addresses()) stack.addAddress(iface, address(a), Integer.parseInt(a.substring(a.indexOf('/') + 1)));
                }
                if (host.gateway() != null) stack.addDefaultRoute(Ipv4Address.parse(host.gateway()));
                stack.setForwarding(host.router());
                writeFile(m.kernel(), "/etc/hosts", hostsFile());
            }
            for (int i = 0; i < hosts.size(); i++) startServices(machines.get(i).kernel(), hosts.get(i));
            world.runUntil(() -> allListening(world), 2_000_000);
            return world;
        }

        private String hostsFile() {
            StringBuilder text = new StringBuilder("127.0.0.1\tlocalhost\n");
            for (Host h : hosts) {
                if (h.ports().isEmpty()) continue;
                String a = h.ports().get(0).addresses().get(0);
                text.append(a, 0, a.indexOf('/')).append('\t').append(h.name()).append('\n');
            }
            return text.append("\n::1\tlocalhost ip6-localhost ip6-loopback\n").toString();
        }

        private static void startServices(Kernel kernel, Host host) {
            for (String name : host.services()) {
                CampusScenario.Service s = CampusScenario.SERVICES.get(name);
                kernel.spawn(kernel.init(), s.path(), s.argv(), Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), Credentials.root(), null, null);
            }
        }

        private boolean allListening(dev.syssim.sim.world.World world) {
            for (Host h : hosts) {
                if (NetStack.of(world.machine(h.name()).kernel()).tcp().listeners().size() < h.services().size()) return false;
            }
            return true;
        }

        @Override
        public List<String> tableHeader() {
            return List.of("machine", "network", "interface", "address", "gateway", "services");
        }

        @Override
        public List<List<String>> table(dev.syssim.sim.world.World world) {
            List<List<String>> rows = new ArrayList<>();
            for (Host h : hosts) {
                String gateway = h.router() ? "routes between its networks" : h.gateway() == null ? "-" : "via " + h.gateway();
                String services = h.services().isEmpty() ? "-" : String.join(", ", h.services());
                if (h.ports().isEmpty()) rows.add(List.of(h.name(), "-", "-", "-", gateway, services));
                boolean first = true;
                for (Port p : h.ports()) {
                    rows.add(List.of(first ? h.name() : "", p.network(), p.name(), String.join(", ", p.addresses()),
                            first ? gateway : "", first ? services : ""));
                    first = false;
                }
            }
            return rows;
        }
    }

    private static Ipv4Address address(String withPrefix) {
        return Ipv4Address.parse(withPrefix.substring(0, withPrefix.indexOf('/')));
    }

    /** A locally administered MAC made of the address, as the campus scenario's: 10.0.0.5 is {@code 02:00:0a:00:00:05}. */
    private static String mac(Ipv4Address a) {
        return String.format("02:00:%02x:%02x:%02x:%02x", a.octet(0), a.octet(1), a.octet(2), a.octet(3));
    }

    /** Replaces a file in the image as the scenario's setup does, outside any process. */
    private static void writeFile(Kernel kernel, String path, String text) {
        RootView root = new RootView(kernel);
        PathWalker.ParentResult parent = PathWalker.resolveParent(root, path);
        if (!parent.ok()) throw new IllegalStateException("cannot write " + path + " on " + kernel.machineName());
        FileSystem fs = parent.directory().mount().fs();
        Inode dir = parent.directory().inode();
        if (fs.lookup(root, dir, parent.name()) != null) fs.unlink(dir, parent.name());
        Inode file = fs.createFile(dir, parent.name(), 0644, 0, 0, text.getBytes(StandardCharsets.UTF_8));
        file.setCached(true);
    }
}
