package dev.syssim.sim.prog.net;

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
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            String opt = args.remove(0);
            if (opt.equals("-br") || opt.equals("-brief") || opt.equals("--brief")) brief = true;
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
        String object = args.remove(0);
        boolean showBrief = brief;
        if (matches(object, "address", 1) || object.equals("addr")) return show(c, args, true, showBrief);
        if (matches(object, "link", 1)) {
            if (!args.isEmpty() && args.get(0).equals("set")) return set(c, args.subList(1, args.size()));
            return show(c, args, false, showBrief);
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

    private static Step ask(Libc c, Netlink.Request request, Function<Object, Step> then) {
        return c.sys(NetSyscalls.SocketCall.netlink(Netlink.Family.ROUTE), s -> {
            int fd = s.intValue();
            return c.sys(new NetSyscalls.NetlinkSend(fd, request), sent -> c.sys(new NetSyscalls.NetlinkReceive(fd),
                    r -> c.close(fd, () -> then.apply(r.failed() ? new Netlink.Failure(r.errno()) : r.data()))));
        });
    }

    private Step show(Libc c, List<String> args, boolean addresses, boolean brief) {
        String dev = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("dev") && i + 1 < args.size()) dev = args.get(i + 1);
            else if (!args.get(i).equals("show") && !args.get(i).equals("list")) dev = args.get(i);
        }
        String only = dev;
        return ask(c, addresses ? new Netlink.DumpAddresses() : new Netlink.DumpLinks(), answer -> {
            @SuppressWarnings("unchecked")
            List<Netlink.LinkInfo> links = answer instanceof List<?> l ? (List<Netlink.LinkInfo>) l : List.of();
            boolean found = only == null;
            StringBuilder out = new StringBuilder();
            for (Netlink.LinkInfo link : links) {
                if (only != null && !link.name().equals(only)) continue;
                found = true;
                out.append(brief ? briefLine(link, addresses) : full(link, addresses));
            }
            if (!found) {
                c.eprint("Device \"" + only + "\" does not exist.\n");
                return c.exit(1);
            }
            c.print(out.toString());
            return c.exit(0);
        });
    }

    static String briefLine(Netlink.LinkInfo link, boolean addresses) {
        StringBuilder b = new StringBuilder(String.format("%-16s %-14s ", link.name(), link.state()));
        if (addresses) {
            for (InterfaceAddress a : link.addresses()) b.append(a).append(' ');
        } else {
            b.append(link.mac()).append(" <").append(link.flags()).append("> ");
        }
        return b.append('\n').toString();
    }

    static String full(Netlink.LinkInfo link, boolean addresses) {
        boolean up = link.flags().contains("UP");
        String qdisc = link.loopback() ? (up ? "noqueue" : "noop") : "fq_codel";
        StringBuilder b = new StringBuilder();
        b.append(link.index()).append(": ").append(link.name()).append(": <").append(link.flags()).append("> mtu ").append(link.mtu())
                .append(" qdisc ").append(qdisc).append(" state ").append(link.state())
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
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("dev") && i + 1 < args.size()) dev = args.get(++i);
            else if (a.equals("up")) up = true;
            else if (a.equals("down")) up = false;
            else if (dev == null) dev = a;
        }
        if (dev == null) {
            c.eprint("Not enough of information: \"dev\" argument is required.\n");
            return c.exit(255);
        }
        if (up == null) return c.exit(0);
        String name = dev;
        return ask(c, new Netlink.SetLink(dev, up), answer -> {
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
        return "ip [-br] { addr | link | route } [show] [dev DEV] | ip link set DEV { up | down }\n"
                + "  Show / manipulate routing, network devices, interfaces and tunnels. Shows the machine's interfaces, their addresses and the main routing table (iproute2 6.1), or brings an interface up or down.\n"
                + "  Only root may change an interface: others get \"RTNETLINK answers: Operation not permitted\".\n"
                + "  -br  brief output: one line per interface";
    }
}
