package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.net.Icmp;
import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Packet;
import dev.syssim.sim.net.TcpFlags;
import dev.syssim.sim.net.Transport;
import dev.syssim.sim.net.socket.NetSyscalls;
import dev.syssim.sim.net.socket.Socket;
import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code nmap} 7.93, the scanner: which hosts are up, and for each port whether it is
 * <b>open</b> (a SYN-ACK came back), <b>closed</b> (a RST came back: the host is there, nobody
 * listens — or a REJECT with tcp-reset) or <b>filtered</b> (nothing came back, or an ICMP
 * unreachable: a firewall DROPs or REJECTs with ICMP). As root it is a SYN scan through raw
 * sockets: it never completes a handshake, and the scanner's own kernel answers each SYN-ACK with
 * a RST. Without root it is a connect scan (a refused connect is "closed", whatever answered).
 *
 * <p>Host discovery, simplified: an ICMP echo request, a SYN to port 443 and an ACK to port 80 (the
 * root probes without the ICMP timestamp request; a connect to 80 and 443 without root), each sent
 * once and given 2 s; any answer from the host means up. {@code -Pn} skips it. Probes that get no
 * answer are sent again after 1 s, once. Output in nmap's layout; times from the simulated clock.
 */
public final class Nmap extends Tool {

    private static final long SECOND = 1_000_000_000L;

    /** What a port turned out to be, and why. */
    private enum PortState { OPEN, CLOSED, FILTERED }

    private static final class Host {
        final Ipv4Address address;
        String name;
        boolean up;
        long latency = -1;
        final Map<Integer, PortState> ports = new TreeMap<>();
        final Map<Integer, Long> sentAt = new LinkedHashMap<>();

        Host(Ipv4Address address) {
            this.address = address;
        }
    }

    private static final class Scan {
        final List<Host> hosts = new ArrayList<>();
        final List<Integer> ports = new ArrayList<>();
        boolean root;
        boolean skipDiscovery;
        long start;
        long wallStart;
        int sourcePort;
        Ipv4Address source;
        int tcpFd;
        int icmpFd;
        Map<String, Integer> serviceNames = Map.of();
        Map<Integer, String> portNames = Map.of();
        final List<String> targets = new ArrayList<>();
    }

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("nmap", c.args().operands(), "nvV", "p", java.util.Set.of(), java.util.Set.of(), true);
        List<String> args = new ArrayList<>(c.args().operands());
        Scan s = new Scan();
        String ports = null;
        boolean forceConnect = false;
        boolean forceSyn = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-Pn", "-PN" -> s.skipDiscovery = true;
                case "-sT" -> forceConnect = true;
                case "-sS" -> forceSyn = true;
                case "-n", "-v", "-T4", "-T3", "--open" -> { }
                case "-p" -> ports = i + 1 < args.size() ? args.get(++i) : "";
                default -> {
                    if (a.startsWith("-p")) ports = a.substring(2);
                    else if (a.startsWith("-")) {
                        c.eprint("nmap: unrecognized option '" + a + "'\nSee the output of nmap -h for a summary of options.\n");
                        return c.exit(255);
                    } else s.targets.add(a);
                }
            }
        }
        if (o.has("V")) {
            c.println("Nmap version 7.93 ( https://nmap.org )");
            return c.exit(0);
        }
        if (s.targets.isEmpty()) {
            c.println("Nmap 7.93 ( https://nmap.org )\nUsage: nmap [Scan Type(s)] [Options] {target specification}");
            return c.exit(0);
        }
        if (!parsePorts(ports, s.ports)) {
            c.eprint("Error #487: Your port specifications are illegal.  Example of proper form: \"-100,200-1024,T:3000-4000,U:60000-\"\n"
                    + "QUITTING!\n");
            return c.exit(1);
        }
        boolean wantsSyn = forceSyn;
        boolean wantsConnect = forceConnect;
        return c.sys(new dev.syssim.sim.os.Syscall.GetId("geteuid"), uid -> {
            s.root = uid.value() == 0 && !wantsConnect;
            if (wantsSyn && uid.value() != 0) {
                c.eprint("You requested a scan type which requires root privileges.\nQUITTING!\n");
                return c.exit(1);
            }
            return Daemon.monotonic(c, start -> Daemon.wallClock(c, wall -> {
                s.start = start;
                s.wallStart = wall;
                c.println("Starting Nmap 7.93 ( https://nmap.org ) at " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                        .format(Instant.ofEpochSecond(wall / SECOND).atOffset(ZoneOffset.UTC)));
                return NetLib.hosts(c, hostsFile -> expand(c, s, hostsFile, () -> services(c, s, () -> begin(c, s))));
            }));
        });
    }

    // ---- targets and ports ----

    private static boolean parsePorts(String spec, List<Integer> out) {
        TreeSet<Integer> set = new TreeSet<>();
        if (spec == null) {
            for (int p = 1; p <= 1024; p++) set.add(p);
            set.addAll(List.of(3306, 5432, 6379, 8080));
        } else {
            for (String part : spec.split(",")) {
                if (part.isEmpty()) return false;
                String[] range = part.split("-", -1);
                int from = range[0].isEmpty() ? 1 : NetLib.portNumber(range[0]);
                int to = range.length == 1 ? from : range[1].isEmpty() ? 65535 : NetLib.portNumber(range[1]);
                if (from < 0 || to < 0 || to < from || range.length > 2) return false;
                for (int p = from; p <= to; p++) set.add(p);
            }
        }
        out.addAll(set);
        return true;
    }

    private Step expand(Libc c, Scan s, HostsFile hostsFile, Supplier<Step> then) {
        for (String target : s.targets) {
            var cidr = Cidr.tryParse(target);
            if (cidr.isPresent() && target.contains("/")) {
                long count = 1L << (32 - cidr.get().prefixLength());
                for (long i = 0; i < count; i++) {
                    Host h = new Host(new Ipv4Address(cidr.get().network().bits() + (int) i));
                    h.name = hostsFile.nameOf(h.address);
                    s.hosts.add(h);
                }
            } else if (cidr.isPresent()) {
                Host h = new Host(cidr.get().network());
                h.name = hostsFile.nameOf(h.address);
                s.hosts.add(h);
            } else {
                List<Ipv4Address> found = hostsFile.lookup(target);
                if (found.isEmpty()) {
                    c.eprint("Failed to resolve \"" + target + "\".\n");
                    continue;
                }
                Host h = new Host(found.get(0));
                h.name = target;
                s.hosts.add(h);
            }
        }
        return then.get();
    }

    private Step services(Libc c, Scan s, Supplier<Step> then) {
        return c.readFile("/etc/services", (error, bytes) -> {
            Map<Integer, String> names = new java.util.HashMap<>();
            if (bytes != null) {
                for (String line : Libc.text(bytes).split("\n")) {
                    String[] w = line.trim().split("\\s+");
                    if (w.length >= 2 && w[1].endsWith("/tcp") && !w[0].startsWith("#")) {
                        names.putIfAbsent(Integer.parseInt(w[1].substring(0, w[1].indexOf('/'))), w[0]);
                    }
                }
            }
            s.portNames = names;
            return then.get();
        });
    }

    private Step begin(Libc c, Scan s) {
        if (s.hosts.isEmpty()) {
            c.eprint("WARNING: No targets were specified, so 0 hosts scanned.\n");
            return done(c, s);
        }
        if (!s.root) return connectScan(c, s);
        return c.sys(new NetSyscalls.SocketCall(NetSyscalls.AF_INET, NetSyscalls.SOCK_RAW, NetSyscalls.IPPROTO_TCP), t -> {
            if (t.failed()) {
                c.eprint("Couldn't open a raw socket. Error: " + t.errno().message() + " (" + t.errno().number() + ")\n");
                return c.exit(1);
            }
            s.tcpFd = t.intValue();
            return c.sys(new NetSyscalls.SocketCall(NetSyscalls.AF_INET, NetSyscalls.SOCK_RAW, NetSyscalls.IPPROTO_ICMP), i -> {
                s.icmpFd = i.intValue();
                return sourceAddress(c, s.hosts.get(0).address, src -> {
                    if (src == null) {
                        c.eprint("route_dst_netlink: can't find interface \"(null)\"\n");
                        return c.exit(1);
                    }
                    s.source = src;
                    s.sourcePort = 40000 + (int) ((s.start / 1000) % 20000);
                    if (s.skipDiscovery) {
                        for (Host h : s.hosts) h.up = true;
                        return synScan(c, s);
                    }
                    return discover(c, s);
                });
            });
        });
    }

    /** The source address the kernel would use: connect a UDP socket and ask (what a routing lookup gives). */
    private static Step sourceAddress(Libc c, Ipv4Address target, Function<Ipv4Address, Step> then) {
        return c.sys(NetSyscalls.SocketCall.udp(), u -> {
            int fd = u.intValue();
            return c.sys(new NetSyscalls.Connect(fd, new Endpoint(target, 80)), r -> {
                if (r.failed()) return c.close(fd, () -> then.apply(null));
                return c.sys(new NetSyscalls.Getsockname(fd), n -> c.close(fd,
                        () -> then.apply(n.data() instanceof Endpoint e ? e.address() : null)));
            });
        });
    }

    // ---- the SYN scan (root) ----

    private Step discover(Libc c, Scan s) {
        int[] seq = {0};
        return Libc.forEach(s.hosts, (h, next) -> Daemon.monotonic(c, at -> {
            h.sentAt.put(-1, at);
            List<Packet> probes = List.of(
                    Packet.icmpQuery(s.source, h.address, Icmp.ECHO_REQUEST, s.sourcePort & 0xFFFF, ++seq[0], 0),
                    tcpProbe(s, h.address, 443, TcpFlags.SYN_ONLY),
                    tcpProbe(s, h.address, 80, TcpFlags.ACK_ONLY));
            return sendAll(c, s, probes, next);
        }), () -> Daemon.monotonic(c, sent -> collect(c, s, sent + 2 * SECOND, (p, at) -> {
            Host h = hostOf(s, p.src());
            if (h == null) return;
            if (p.transport() instanceof Transport.Icmp icmp && icmp.type() == Icmp.ECHO_REPLY
                    || p.transport() instanceof Transport.Tcp tcp && tcp.dstPort() == s.sourcePort) {
                if (!h.up) h.latency = at - h.sentAt.get(-1);
                h.up = true;
            }
        }, () -> synScan(c, s))));
    }

    private Step synScan(Libc c, Scan s) {
        List<Packet> probes = new ArrayList<>();
        for (Host h : s.hosts) {
            if (!h.up) continue;
            for (int port : s.ports) probes.add(tcpProbe(s, h.address, port, TcpFlags.SYN_ONLY));
        }
        return sendAll(c, s, probes, () -> Daemon.monotonic(c, sent -> collect(c, s, sent + SECOND, (p, at) -> classify(s, p, at, sent), () -> {
            List<Packet> again = new ArrayList<>();
            for (Host h : s.hosts) {
                if (!h.up) continue;
                for (int port : s.ports) if (!h.ports.containsKey(port)) again.add(tcpProbe(s, h.address, port, TcpFlags.SYN_ONLY));
            }
            if (again.isEmpty()) return finishScan(c, s);
            return sendAll(c, s, again, () -> Daemon.monotonic(c, resent -> collect(c, s, resent + SECOND,
                    (p, at) -> classify(s, p, at, resent), () -> finishScan(c, s))));
        })));
    }

    private void classify(Scan s, Packet p, long at, long sent) {
        if (p.transport() instanceof Transport.Tcp tcp) {
            Host h = hostOf(s, p.src());
            if (h == null || tcp.dstPort() != s.sourcePort || !s.ports.contains(tcp.srcPort())) return;
            if (h.latency < 0) h.latency = at - sent;
            if (tcp.flags().syn() && tcp.flags().ack()) h.ports.put(tcp.srcPort(), PortState.OPEN);
            else if (tcp.flags().rst()) h.ports.putIfAbsent(tcp.srcPort(), PortState.CLOSED);
        } else if (p.transport() instanceof Transport.Icmp icmp && icmp.isError()
                && icmp.quoted().transport() instanceof Transport.Tcp quoted) {
            Host h = hostOf(s, icmp.quoted().dst());
            if (h != null && quoted.srcPort() == s.sourcePort) h.ports.putIfAbsent(quoted.dstPort(), PortState.FILTERED);
        }
    }

    private Step finishScan(Libc c, Scan s) {
        for (Host h : s.hosts) {
            if (!h.up) continue;
            for (int port : s.ports) h.ports.putIfAbsent(port, PortState.FILTERED);
        }
        return c.close(s.tcpFd, () -> c.close(s.icmpFd, () -> done(c, s)));
    }

    private static Host hostOf(Scan s, Ipv4Address address) {
        for (Host h : s.hosts) if (h.address.equals(address)) return h;
        return null;
    }

    private static Packet tcpProbe(Scan s, Ipv4Address dst, int port, TcpFlags flags) {
        int length = flags.syn() ? 44 : 40;
        return new Packet(s.source, dst, 0, 48, (port * 7919) & 0xFFFF, false, length,
                new Transport.Tcp(s.sourcePort, port, flags, 1024, 0x1f3c0000L + port, flags.ack() ? 0x2a000000L : 0), null);
    }

    private Step sendAll(Libc c, Scan s, List<Packet> probes, Supplier<Step> then) {
        return Libc.forEach(probes, (p, next) -> c.sys(new NetSyscalls.SendPacket(p.protocol() == 1 ? s.icmpFd : s.tcpFd, p), r -> next.get()), then);
    }

    private interface Receiver {
        void packet(Packet p, long at);
    }

    /** Reads both raw sockets until {@code deadline}, handing each packet to {@code receiver}. */
    private Step collect(Libc c, Scan s, long deadline, Receiver receiver, Supplier<Step> then) {
        return Daemon.monotonic(c, now -> {
            if (now >= deadline) return then.get();
            int wait = (int) Math.max(1, (deadline - now + 999_999) / 1_000_000);
            NetSyscalls.Poll poll = new NetSyscalls.Poll(List.of(new NetSyscalls.PollFd(s.tcpFd, Socket.POLLIN),
                    new NetSyscalls.PollFd(s.icmpFd, Socket.POLLIN)), wait);
            return c.sys(poll, p -> {
                if (p.value() == 0) return then.get();
                int[] revents = NetSyscalls.Poll.revents(p);
                int fd = (revents[0] & Socket.POLLIN) != 0 ? s.tcpFd : s.icmpFd;
                return c.sys(new NetSyscalls.ReceivePacket(fd), r -> {
                    if (!r.failed() && r.data() instanceof dev.syssim.sim.net.stack.RawSocketState.Arrival a) receiver.packet(a.packet(), a.time());
                    return collect(c, s, deadline, receiver, then);
                });
            });
        });
    }

    // ---- the connect scan (no root) ----

    private Step connectScan(Libc c, Scan s) {
        List<Host> candidates = new ArrayList<>(s.hosts);
        if (s.skipDiscovery) {
            for (Host h : candidates) h.up = true;
            return connectPorts(c, s);
        }
        List<Endpoint> probes = new ArrayList<>();
        for (Host h : candidates) {
            probes.add(new Endpoint(h.address, 80));
            probes.add(new Endpoint(h.address, 443));
        }
        return connectAll(c, probes, 2000, (endpoint, errno, at, sent) -> {
            Host h = hostOf(s, endpoint.address());
            if (errno == null || errno == Errno.ECONNREFUSED) {
                if (!h.up) h.latency = at - sent;
                h.up = true;
            }
        }, () -> connectPorts(c, s));
    }

    private Step connectPorts(Libc c, Scan s) {
        List<Endpoint> probes = new ArrayList<>();
        for (Host h : s.hosts) if (h.up) for (int port : s.ports) probes.add(new Endpoint(h.address, port));
        return connectAll(c, probes, 2000, (endpoint, errno, at, sent) -> {
            Host h = hostOf(s, endpoint.address());
            if (h.latency < 0) h.latency = at - sent;
            PortState state = errno == null ? PortState.OPEN : errno == Errno.ECONNREFUSED ? PortState.CLOSED : PortState.FILTERED;
            h.ports.put(endpoint.port(), state);
        }, () -> {
            for (Host h : s.hosts) if (h.up) for (int port : s.ports) h.ports.putIfAbsent(port, PortState.FILTERED);
            return done(c, s);
        });
    }

    private interface ConnectResult {
        void result(Endpoint endpoint, Errno errno, long at, long sent);
    }

    /** Non-blocking connects to every endpoint at once; results as they come, until {@code timeoutMillis}. */
    private Step connectAll(Libc c, List<Endpoint> endpoints, int timeoutMillis, ConnectResult result, Supplier<Step> then) {
        Map<Integer, Endpoint> pending = new LinkedHashMap<>();
        return Daemon.monotonic(c, sent -> Libc.forEach(endpoints, (e, next) -> c.sys(new NetSyscalls.SocketCall(NetSyscalls.AF_INET,
                NetSyscalls.SOCK_STREAM | NetSyscalls.SOCK_NONBLOCK, NetSyscalls.IPPROTO_TCP), sock -> {
                    int fd = sock.intValue();
                    return c.sys(new NetSyscalls.Connect(fd, e), r -> {
                        if (!r.failed() || r.errno() != Errno.EINPROGRESS) {
                            result.result(e, r.failed() ? r.errno() : null, sent, sent);
                            return c.close(fd, next);
                        }
                        pending.put(fd, e);
                        return next.get();
                    });
                }), () -> waitConnects(c, pending, sent, sent + timeoutMillis * 1_000_000L, result, then)));
    }

    private Step waitConnects(Libc c, Map<Integer, Endpoint> pending, long sent, long deadline, ConnectResult result, Supplier<Step> then) {
        return Daemon.monotonic(c, now -> {
            if (pending.isEmpty() || now >= deadline) {
                return Libc.forEach(new ArrayList<>(pending.keySet()), (fd, next) -> c.close(fd, next), then);
            }
            List<NetSyscalls.PollFd> fds = new ArrayList<>();
            for (int fd : pending.keySet()) fds.add(new NetSyscalls.PollFd(fd, Socket.POLLOUT));
            int wait = (int) Math.max(1, (deadline - now + 999_999) / 1_000_000);
            return c.sys(new NetSyscalls.Poll(fds, wait), p -> Daemon.monotonic(c, at -> {
                int[] revents = NetSyscalls.Poll.revents(p);
                List<Integer> ready = new ArrayList<>();
                for (int i = 0; i < fds.size() && i < revents.length; i++) if (revents[i] != 0) ready.add(fds.get(i).fd());
                return Libc.forEach(ready, (fd, next) -> c.sys(new NetSyscalls.GetsockoptSoError(fd), e -> {
                    int error = NetSyscalls.GetsockoptSoError.error(e);
                    result.result(pending.remove(fd), error == 0 ? null : Errno.of(error), at, sent);
                    return c.close(fd, next);
                }), () -> waitConnects(c, pending, sent, deadline, result, then));
            }));
        });
    }

    // ---- the report ----

    private Step done(Libc c, Scan s) {
        int up = 0;
        for (Host h : s.hosts) {
            if (!h.up) continue;
            up++;
            c.print(report(s, h));
        }
        return Daemon.monotonic(c, now -> {
            if (up(s) == 0 && s.hosts.size() == 1 && !s.skipDiscovery) {
                c.println("Note: Host seems down. If it is really up, but blocking our ping probes, try -Pn");
            }
            double seconds = (now - s.start) / 1e9;
            int count = s.hosts.size();
            c.println("Nmap done: " + count + " IP address" + (count == 1 ? "" : "es") + " (" + up(s) + " host" + (up(s) == 1 ? "" : "s")
                    + " up) scanned in " + String.format("%.2f", seconds) + " seconds");
            return c.exit(0);
        });
    }

    private static int up(Scan s) {
        int n = 0;
        for (Host h : s.hosts) if (h.up) n++;
        return n;
    }

    private String report(Scan s, Host h) {
        StringBuilder out = new StringBuilder("Nmap scan report for ");
        out.append(h.name == null ? h.address.toString() : h.name + " (" + h.address + ")").append('\n');
        out.append("Host is up");
        if (h.latency >= 0) out.append(" (").append(latency(h.latency)).append("s latency)");
        out.append(".\n");
        Map<PortState, Integer> counts = new LinkedHashMap<>();
        for (PortState state : h.ports.values()) counts.merge(state, 1, Integer::sum);
        PortState hidden = null;
        for (Map.Entry<PortState, Integer> e : counts.entrySet()) {
            if (e.getValue() > 25 && (hidden == null || e.getValue() > counts.get(hidden))) hidden = e.getKey();
        }
        if (hidden != null) {
            String why = hidden == PortState.CLOSED ? (s.root ? "reset" : "conn-refused") : "no-response";
            out.append("Not shown: ").append(counts.get(hidden)).append(' ').append(hidden.name().toLowerCase()).append(" tcp ports (").append(why).append(")\n");
        }
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<Integer, PortState> e : h.ports.entrySet()) {
            if (e.getValue() == hidden) continue;
            rows.add(new String[] {e.getKey() + "/tcp", e.getValue().name().toLowerCase(), s.portNames.getOrDefault(e.getKey(), "unknown")});
        }
        if (rows.isEmpty()) {
            return out.append("All ").append(h.ports.size()).append(" scanned ports on ").append(h.name == null ? h.address : h.name + " (" + h.address + ")")
                    .append(" are in ignored states.\n\n").toString().replace("Not shown:", "Not shown:");
        }
        int w0 = "PORT".length();
        int w1 = "STATE".length();
        for (String[] r : rows) {
            w0 = Math.max(w0, r[0].length());
            w1 = Math.max(w1, r[1].length());
        }
        out.append('\n');
        out.append(String.format("%-" + (w0 + 1) + "s%-" + (w1 + 1) + "s%s%n", "PORT", "STATE", "SERVICE"));
        for (String[] r : rows) out.append(String.format("%-" + (w0 + 1) + "s%-" + (w1 + 1) + "s%s%n", r[0], r[1], r[2]));
        return out.append('\n').toString();
    }

    /** Two significant digits, trailing zeros kept: {@code 0.00013}, {@code 0.0010}. */
    private static String latency(long nanos) {
        BigDecimal seconds = new BigDecimal(Math.max(nanos, 1000)).divide(new BigDecimal(1_000_000_000L));
        return seconds.round(new MathContext(2)).toPlainString();
    }

    @Override
    public String source() {
        return "Nmap 7.93";
    }

    @Override
    public String manual() {
        return "nmap [-sS|-sT] [-Pn] [-p PORTS] TARGET...\n"
                + "  Network exploration tool and security / port scanner. Nmap 7.93 finds the hosts that are up and the state of their TCP ports: open (SYN-ACK), closed (RST: nobody listens, or REJECT --reject-with tcp-reset), filtered (no answer: DROP; or an ICMP unreachable: REJECT).\n"
                + "  Host discovery, simplified: an ICMP echo request, a SYN to port 443 and an ACK to port 80 (a connect to 80 and 443 without root).\n"
                + "  TARGET is an address, a name from /etc/hosts, or a network such as 10.84.0.0/24.\n"
                + "  -sS  SYN scan through raw sockets (root's default)\n"
                + "  -sT  connect scan (the default without root)\n"
                + "  -Pn  skip host discovery: treat every target as up\n"
                + "  -p  the ports: 22,25,80 or 1-1024 (default 1-1024 and a few more)";
    }
}
