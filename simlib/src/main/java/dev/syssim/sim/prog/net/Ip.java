package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.socket.NetSyscalls;
import dev.syssim.sim.net.socket.Netlink;
import dev.syssim.sim.net.stack.InterfaceAddress;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code ip} from iproute2 6.1, the parts the lecture uses: {@code ip addr}, {@code ip link},
 * {@code ip route} (also abbreviated, with {@code show}, {@code -br} brief and {@code -4}), and
 * {@code ip link set DEV up|down} — each a request over an rtnetlink socket. IPv4 only: the
 * simulated machines have IPv6 switched off.
 */
public final class Ip extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = new ArrayList<>(c.args().operands());
        boolean brief = false;
        boolean details = false;
        String netns = null;
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            String opt = args.remove(0);
            if (opt.equals("-br") || opt.equals("-brief") || opt.equals("--brief")) brief = true;
            else if (opt.equals("-d") || opt.equals("-details")) details = true;
            else if ((opt.equals("-n") || opt.equals("-netns")) && !args.isEmpty()) netns = args.remove(0);
            else if (opt.equals("-4") || opt.equals("-s") || opt.equals("-c") || opt.equals("-color")) continue;
            else if (opt.equals("-V") || opt.equals("-Version")) {
                c.println("ip utility, iproute2-6.1.0, libbpf 1.1.0");
                return c.exit(0);
            } else {
                c.eprint("Option \"" + opt + "\" is unknown, try \"ip -help\".\n");
                return c.exit(255);
            }
        }
        if (args.isEmpty()) return usage(c);
        boolean showBrief = brief;
        boolean showDetails = details;
        if (netns != null) return IpNetns.enter(c, netns, () -> object(c, args, showBrief, showDetails));
        return object(c, args, showBrief, showDetails);
    }

    private Step object(Libc c, List<String> args, boolean showBrief, boolean details) {
        String object = args.remove(0);
        if (matches(object, "netns", 2)) return IpNetns.run(c, args);
        if (object.equals("tuntap") || object.equals("tap")) return tuntap(c, args);
        if (matches(object, "address", 1) || object.equals("addr")) {
            if (!args.isEmpty() && args.get(0).equals("add")) return addAddress(c, args.subList(1, args.size()));
            return show(c, args, true, showBrief, false);
        }
        if (matches(object, "link", 1)) {
            if (!args.isEmpty() && args.get(0).equals("set")) return set(c, args.subList(1, args.size()));
            if (!args.isEmpty() && args.get(0).equals("add")) return addLink(c, args.subList(1, args.size()));
            if (!args.isEmpty() && (args.get(0).equals("del") || args.get(0).equals("delete"))) return deleteLink(c, args.subList(1, args.size()));
            return show(c, args, false, showBrief, details);
        }
        if (matches(object, "route", 1)) return routes(c);
        if (object.equals("help")) return usage(c);
        c.eprint("Object \"" + object + "\" is unknown, try \"ip help\".\n");
        return c.exit(1);
    }

    private static boolean matches(String word, String full, int min) {
        return word.length() >= min && full.startsWith(word);
    }

    private Step usage(Libc c) {
        c.eprint("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
                + "where  OBJECT := { address | link | route }\n"
                + "       OPTIONS := { -4 | -br[ief] }\n");
        return c.exit(255);
    }

    static Step ask(Libc c, Netlink.Request request, Function<Object, Step> then) {
        return c.sys(NetSyscalls.SocketCall.netlink(Netlink.Family.ROUTE), s -> {
            int fd = s.intValue();
            return c.sys(new NetSyscalls.NetlinkSend(fd, request), sent -> c.sys(new NetSyscalls.NetlinkReceive(fd),
                    r -> c.close(fd, () -> then.apply(r.failed() ? new Netlink.Failure(r.errno()) : r.data()))));
        });
    }

    private Step show(Libc c, List<String> args, boolean addresses, boolean brief, boolean details) {
        String dev = null;
        String master = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("dev") && i + 1 < args.size()) dev = args.get(++i);
            else if (args.get(i).equals("master") && i + 1 < args.size()) master = args.get(++i);
            else if (!args.get(i).equals("show") && !args.get(i).equals("list")) dev = args.get(i);
        }
        String only = dev;
        String ofMaster = master;
        return ask(c, addresses ? new Netlink.DumpAddresses() : new Netlink.DumpLinks(), answer -> {
            @SuppressWarnings("unchecked")
            List<Netlink.LinkInfo> links = answer instanceof List<?> l ? (List<Netlink.LinkInfo>) l : List.of();
            boolean found = only == null;
            StringBuilder out = new StringBuilder();
            if (ofMaster != null && links.stream().noneMatch(l -> l.name().equals(ofMaster))) {
                c.eprint("Error: argument \"" + ofMaster + "\" is wrong: Device does not exist\n\n");
                return c.exit(255);
            }
            for (Netlink.LinkInfo link : links) {
                if (only != null && !link.name().equals(only)) continue;
                if (ofMaster != null && !ofMaster.equals(link.master())) continue;
                found = true;
                String text = brief ? briefLine(link, addresses) : full(link, addresses);
                if (details && !brief && !addresses) text = text.substring(0, text.length() - 1) + IpDetails.of(link, links);
                out.append(text);
            }
            if (!found) {
                c.eprint("Device \"" + only + "\" does not exist.\n");
                return c.exit(1);
            }
            c.print(out.toString());
            return c.exit(0);
        });
    }

    /** The name ip prints: {@code va@vb} for a veth whose peer is here, {@code va@if6} when it is elsewhere. */
    static String shownName(Netlink.LinkInfo link) {
        return link.peer() == null ? link.name() : link.name() + "@" + link.peer();
    }

    static String briefLine(Netlink.LinkInfo link, boolean addresses) {
        StringBuilder b = new StringBuilder(String.format("%-16s %-14s ", shownName(link), link.state()));
        if (addresses) {
            for (InterfaceAddress a : link.addresses()) b.append(a).append(' ');
            for (String a : link.inet6()) b.append(a).append(' ');
        } else {
            b.append(link.mac()).append(" <").append(link.flags()).append("> ");
        }
        return b.append('\n').toString();
    }

    static String full(Netlink.LinkInfo link, boolean addresses) {
        StringBuilder b = new StringBuilder();
        b.append(link.index()).append(": ").append(shownName(link)).append(": <").append(link.flags()).append("> mtu ").append(link.mtu())
                .append(" qdisc ").append(link.qdisc()).append(link.master() == null ? "" : " master " + link.master())
                .append(" state ").append(link.state())
                .append(addresses ? "" : " mode DEFAULT").append(" group default qlen 1000\n");
        if (link.loopback()) b.append("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
        else b.append("    link/ether ").append(link.mac()).append(" brd ff:ff:ff:ff:ff:ff\n");
        if (!addresses) return b.toString();
        for (InterfaceAddress a : link.addresses()) {
            b.append("    inet ").append(a);
            if (!link.loopback()) b.append(" brd ").append(a.broadcast());
            b.append(" scope ").append(link.loopback() ? "host" : "global").append(' ').append(link.name()).append('\n');
            b.append("       valid_lft forever preferred_lft forever\n");
        }
        for (String a : link.inet6()) {
            b.append("    inet6 ").append(a).append(" scope host \n");
            b.append("       valid_lft forever preferred_lft forever\n");
        }
        return b.toString();
    }

    private Step routes(Libc c) {
        return ask(c, new Netlink.DumpRoutes(), answer -> {
            if (answer instanceof Netlink.Routes routes) {
                for (String line : routes.lines()) c.println(line);
            }
            return c.exit(0);
        });
    }

    private Step set(Libc c, List<String> args) {
        String dev = null;
        Boolean up = null;
        String netns = null;
        String master = null;
        boolean nomaster = false;
        String mac = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("dev") && i + 1 < args.size()) dev = args.get(++i);
            else if (a.equals("netns") && i + 1 < args.size()) netns = args.get(++i);
            else if (a.equals("master") && i + 1 < args.size()) master = args.get(++i);
            else if (a.equals("nomaster")) nomaster = true;
            else if (a.equals("address") && i + 1 < args.size()) mac = args.get(++i).toLowerCase();
            else if (a.equals("up")) up = true;
            else if (a.equals("down")) up = false;
            else if (dev == null) dev = a;
        }
        if (dev == null) {
            c.eprint("Not enough of information: \"dev\" argument is required.\n");
            return c.exit(255);
        }
        String name = dev;
        if (netns != null) return IpNetns.moveLink(c, dev, netns);
        Boolean wantUp = up;
        if (mac != null) {
            String m = mac;
            return ask(c, new Netlink.SetMac(dev, m), answer -> answer instanceof Netlink.Failure ? answered(c, answer, name)
                    : wantUp == null ? c.exit(0) : setUp(c, name, wantUp));
        }
        if (master != null || nomaster) return setMaster(c, dev, master, up);
        if (up == null) return c.exit(0);
        return setUp(c, name, up);
    }

    /** {@code ip link set DEV master BRIDGE | nomaster}: iproute2 finds the master's index first, then asks the kernel. */
    private Step setMaster(Libc c, String dev, String master, Boolean up) {
        return ask(c, new Netlink.DumpLinks(), answer -> {
            @SuppressWarnings("unchecked")
            List<Netlink.LinkInfo> links = answer instanceof List<?> l ? (List<Netlink.LinkInfo>) l : List.of();
            if (master != null && links.stream().noneMatch(l -> l.name().equals(master))) {
                c.eprint("Error: argument \"" + master + "\" is wrong: Device does not exist\n\n");
                return c.exit(255);
            }
            return ask(c, new Netlink.SetMaster(dev, master), done -> {
                if (done instanceof Netlink.Failure f && f.errno() == Errno.ELOOP) {
                    c.eprint("Error: Can not enslave a bridge to a bridge.\n");
                    return c.exit(2);
                }
                if (done instanceof Netlink.Failure) return answered(c, done, dev);
                return up == null ? c.exit(0) : setUp(c, dev, up);
            });
        });
    }

    private Step setUp(Libc c, String name, boolean up) {
        return ask(c, new Netlink.SetLink(name, up), answer -> {
            if (answer instanceof Netlink.Failure f) {
                if (f.errno() == Errno.ENODEV) {
                    c.eprint("Cannot find device \"" + name + "\"\n");
                    return c.exit(1);
                }
                c.eprint("RTNETLINK answers: " + f.errno().message() + "\n");
                return c.exit(2);
            }
            return c.exit(0);
        });
    }

    /** {@code ip link add NAME type veth peer name PEER}. */
    private Step addLink(Libc c, List<String> args) {
        String name = null;
        String type = null;
        String peer = null;
        String mac = null;
        String peerMac = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("type") && i + 1 < args.size()) type = args.get(++i);
            else if (a.equals("peer") && i + 1 < args.size()) {
                peer = args.get(++i);
                if (peer.equals("name") && i + 1 < args.size()) peer = args.get(++i);
            } else if (a.equals("name") && i + 1 < args.size()) name = args.get(++i);
            else if (a.equals("address") && i + 1 < args.size() && peer == null) mac = args.get(++i).toLowerCase();
            else if (a.equals("address") && i + 1 < args.size()) peerMac = args.get(++i).toLowerCase();
            else if (name == null) name = a;
        }
        if (type == null) {
            c.eprint("Not enough information: \"type\" argument is required\n");
            return c.exit(255);
        }
        String device = name;
        if (type.equals("bridge")) return ask(c, new Netlink.AddBridge(device, mac), answer -> answered(c, answer, device));
        if (!type.equals("veth")) {
            c.eprint("Error: Unknown device type.\n");
            return c.exit(2);
        }
        String peerName = peer == null ? "veth0" : peer;
        String first = mac;
        String second = peerMac;
        return ask(c, new Netlink.AddVeth(device, peerName), answer -> {
            if (answer instanceof Netlink.Failure) return answered(c, answer, device);
            // the addresses given with the pair (simplification: set right after it is made, in further requests)
            java.util.function.Supplier<Step> peerAddress = () -> second == null ? c.exit(0)
                    : ask(c, new Netlink.SetMac(peerName, second), b -> c.exit(0));
            return first == null ? peerAddress.get() : ask(c, new Netlink.SetMac(device, first), a -> peerAddress.get());
        });
    }

    /** {@code ip tuntap add [dev] NAME mode tap} and {@code ip tuntap del}: a persistent tap. */
    private Step tuntap(Libc c, List<String> args) {
        if (args.isEmpty() || args.get(0).equals("show") || args.get(0).equals("list")) return c.exit(0);
        String verb = args.get(0);
        String dev = null;
        String mode = null;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("dev") && i + 1 < args.size()) dev = args.get(++i);
            else if (a.equals("mode") && i + 1 < args.size()) mode = args.get(++i);
            else if (dev == null) dev = a;
        }
        if (mode == null) {
            c.eprint("You failed to specify a tunnel mode\n");
            return c.exit(1);
        }
        if (!mode.equals("tap")) {
            c.eprint("Cannot parse mode: \"" + mode + "\"\n");
            return c.exit(255);
        }
        String name = dev;
        if (verb.equals("del") || verb.equals("delete")) return ask(c, new Netlink.DeleteLink(name), answer -> answered(c, answer, name));
        return ask(c, new Netlink.AddTap(name), answer -> {
            if (answer instanceof Netlink.Failure f) {
                c.eprint("ioctl(TUNSETIFF): " + f.errno().message() + "\n");
                return c.exit(1);
            }
            return c.exit(0);
        });
    }

    private Step deleteLink(Libc c, List<String> args) {
        String dev = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("dev") && i + 1 < args.size()) dev = args.get(++i);
            else if (dev == null) dev = args.get(i);
        }
        String name = dev;
        return ask(c, new Netlink.DeleteLink(dev), answer -> answered(c, answer, name));
    }

    /** {@code ip addr add ADDRESS/LEN dev DEV}. */
    private Step addAddress(Libc c, List<String> args) {
        String dev = null;
        String address = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("dev") && i + 1 < args.size()) dev = args.get(++i);
            else if (a.equals("local") && i + 1 < args.size()) address = args.get(++i);
            else if (address == null) address = a;
        }
        if (dev == null) {
            c.eprint("Not enough information: \"dev\" argument is required.\n");
            return c.exit(255);
        }
        String text = address == null ? "" : address;
        int slash = text.indexOf('/');
        java.util.Optional<Ipv4Address> ip = Ipv4Address.tryParse(slash < 0 ? text : text.substring(0, slash));
        int length = 32;
        try {
            if (slash >= 0) length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (ip.isEmpty() || length < 0 || length > 32) {
            c.eprint("Error: any valid prefix is expected rather than \"" + text + "\".\n");
            return c.exit(1);
        }
        String name = dev;
        return ask(c, new Netlink.AddAddress(dev, ip.get(), length), answer -> answered(c, answer, name));
    }

    /** What a change request's answer means: nothing on success, iproute2's message otherwise. */
    static Step answered(Libc c, Object answer, String device) {
        if (answer instanceof Netlink.Failure f) {
            if (f.errno() == Errno.ENODEV) {
                c.eprint("Cannot find device \"" + device + "\"\n");
                return c.exit(1);
            }
            c.eprint("RTNETLINK answers: " + f.errno().message() + "\n");
            return c.exit(2);
        }
        return c.exit(0);
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "iproute2 6.1.0";
    }

    @Override
    public String manual() {
        return "ip [-br] [-n NETNS] { addr | link | route | netns } ...\n"
                + "  Show / manipulate routing, network devices, interfaces and tunnels. Shows the machine's interfaces, their addresses and the main routing table (iproute2 6.1), or brings an interface up or down.\n"
                + "  Only root may change an interface: others get \"RTNETLINK answers: Operation not permitted\".\n"
                + "  -br  brief output: one line per interface; -n NETNS  run in network namespace NETNS (ip netns exec NETNS ip ...)\n"
                + "  ip link add NAME type veth peer name PEER | ip link set DEV netns NETNS | ip link del DEV | ip addr add ADDR/LEN dev DEV\n"
                + "  ip link add NAME [address MAC] type bridge | ip link set DEV master BRIDGE | nomaster | ip link show master BRIDGE | ip -d link\n"
                + "  ip tuntap add dev NAME mode tap: a tap device (QEMU's guests' NICs are served through one)\n"
                + "  ip netns add NAME | list | exec NAME CMD... | delete NAME: named network namespaces (/run/netns/NAME)";
    }
}
