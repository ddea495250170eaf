package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.socket.Netlink;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bridge} from iproute2 6.1, the part a course uses: {@code bridge link [show] [dev DEV]}
 * lists the bridge ports of the machine with their state ({@code forwarding}, {@code disabled}),
 * from the same RTM_GETLINK dump {@code ip link} asks for.
 */
public final class BridgeTool extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = new ArrayList<>(c.args().operands());
        if (!args.isEmpty() && (args.get(0).equals("-V") || args.get(0).equals("-Version"))) {
            c.println("bridge utility, 6.1.0");
            return c.exit(0);
        }
        if (args.isEmpty() || args.get(0).equals("help")) {
            c.eprint("Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n"
                    + "       bridge [ -force ] -batch filename\n"
                    + "where  OBJECT := { link | fdb | mdb | vlan | vni | monitor }\n"
                    + "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n"
                    + "                    -o[neline] | -t[imestamp] | -n[etns] name |\n"
                    + "                    -com[pressvlans] -c[olor] -p[retty] -j[son] }\n");
            return c.exit(255);
        }
        String object = args.remove(0);
        if (!"link".startsWith(object)) {
            c.eprint("Object \"" + object + "\" is unknown, try \"bridge help\".\n");
            return c.exit(255);
        }
        String dev = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("dev") && i + 1 < args.size()) dev = args.get(++i);
        }
        String only = dev;
        return Ip.ask(c, new Netlink.DumpLinks(), answer -> {
            @SuppressWarnings("unchecked")
            List<Netlink.LinkInfo> links = answer instanceof List<?> l ? (List<Netlink.LinkInfo>) l : List.of();
            if (only != null && links.stream().noneMatch(l -> l.name().equals(only))) {
                c.eprint("Cannot find device \"" + only + "\"\n");
                return c.exit(255);
            }
            StringBuilder out = new StringBuilder();
            for (Netlink.LinkInfo link : links) {
                if (link.master() == null || (only != null && !link.name().equals(only))) continue;
                out.append(link.index()).append(": ").append(Ip.shownName(link)).append(": <").append(link.flags()).append("> mtu ")
                        .append(link.mtu()).append(" master ").append(link.master()).append(" state ").append(link.portState())
                        .append(" priority 32 cost 2 \n");
            }
            c.print(out.toString());
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
        return "bridge link [show] [dev DEV]\n"
                + "  Show the ports of the machine's Linux bridges: each port's flags, its bridge (master) and its state (forwarding, disabled).";
    }
}
