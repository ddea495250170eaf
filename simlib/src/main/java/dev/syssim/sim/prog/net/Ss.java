package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.socket.NetSyscalls;
import dev.syssim.sim.net.socket.Netlink;
import dev.syssim.sim.net.stack.Endpoint;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code ss} from iproute2 6.1: the machine's TCP and UDP sockets, asked of the kernel over a
 * sock_diag netlink socket. {@code -t}/{@code -u} choose the protocols (both by default), {@code -l}
 * listening sockets only, {@code -a} all, default the connected ones; {@code -n} keeps port
 * numbers (else names from /etc/services), {@code -p} shows the processes, {@code -H} drops the
 * header. Columns as ss lays them out (see {@link SsColumns}).
 */
public final class Ss extends Tool {

    private static final Set<String> LONG_FLAGS = Set.of("tcp", "udp", "listening", "all", "numeric", "processes", "no-header", "ipv4", "help", "version");

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("ss", c.args().operands(), "tulanpH4hVreo", "", LONG_FLAGS, Set.of(), true);
        if (o.failed()) {
            c.eprint(o.error() + "\n");
            c.eprint(ssUsage());
            return c.exit(1);
        }
        if (o.hasAny("h", "help")) {
            c.print(ssUsage());
            return c.exit(0);
        }
        if (o.hasAny("V", "version")) {
            c.println("ss utility, iproute2-6.1.0");
            return c.exit(0);
        }
        boolean tcp = o.hasAny("t", "tcp");
        boolean udp = o.hasAny("u", "udp");
        if (!tcp && !udp) {
            tcp = true;
            udp = true;
        }
        boolean listening = o.hasAny("l", "listening");
        boolean all = o.hasAny("a", "all");
        boolean numeric = o.hasAny("n", "numeric");
        boolean processes = o.hasAny("p", "processes");
        boolean header = !o.hasAny("H", "no-header");
        boolean wantTcp = tcp;
        boolean wantUdp = udp;
        return c.sys(NetSyscalls.SocketCall.netlink(Netlink.Family.SOCK_DIAG), s -> {
            int fd = s.intValue();
            return c.sys(new NetSyscalls.NetlinkSend(fd, new Netlink.DumpSockets()), sent -> c.sys(new NetSyscalls.NetlinkReceive(fd), r -> {
                @SuppressWarnings("unchecked")
                List<Netlink.SocketInfo> sockets = r.data() instanceof List<?> l ? (List<Netlink.SocketInfo>) l : List.of();
                List<Netlink.SocketInfo> shown = new ArrayList<>();
                for (Netlink.SocketInfo info : sockets) {
                    if (info.protocol().equals("tcp") && !wantTcp) continue;
                    if (info.protocol().equals("udp") && !wantUdp) continue;
                    if (!selected(info, listening, all)) continue;
                    shown.add(info);
                }
                return services(c, numeric, names -> c.sys(new Syscall.Ioctl(1, Syscall.Ioctl.TIOCGWINSZ), tty -> {
                    c.print(table(shown, wantTcp && wantUdp, listening && !all, numeric, processes, names,
                            header, tty.failed() ? 0 : 80));
                    return c.close(fd, () -> c.exit(0));
                }));
            }));
        });
    }

    private static boolean selected(Netlink.SocketInfo info, boolean listening, boolean all) {
        if (all) return true;
        boolean listener = info.state().equals("LISTEN") || info.state().equals("UNCONN");
        if (listening) return listener;
        return !listener && !info.state().equals("TIME-WAIT") && !info.state().equals("SYN-RECV");
    }

    /** The service names of /etc/services by port, unless -n. */
    private static Step services(Libc c, boolean numeric, Function<Map<Integer, String>, Step> then) {
        if (numeric) return then.apply(Map.of());
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
            return then.apply(names);
        });
    }

    static String table(List<Netlink.SocketInfo> sockets, boolean netid, boolean listeningOnly, boolean numeric, boolean processes,
                        Map<Integer, String> names, boolean header, int screen) {
        List<SsColumns.Column> cols = List.of(
                new SsColumns.Column("Netid", "", SsColumns.Align.LEFT, netid),
                new SsColumns.Column("State", " ", SsColumns.Align.LEFT, true),
                new SsColumns.Column("Recv-Q", " ", SsColumns.Align.LEFT, true),
                new SsColumns.Column("Send-Q", " ", SsColumns.Align.LEFT, true),
                new SsColumns.Column("Local Address:", " ", SsColumns.Align.RIGHT, true),
                new SsColumns.Column("Port", "", SsColumns.Align.LEFT, true),
                new SsColumns.Column("Peer Address:", " ", SsColumns.Align.RIGHT, true),
                new SsColumns.Column("Port", "", SsColumns.Align.LEFT, true),
                new SsColumns.Column("Process", "", SsColumns.Align.LEFT, true),
                new SsColumns.Column("", "", SsColumns.Align.LEFT, true));
        SsColumns table = new SsColumns(cols);
        for (Netlink.SocketInfo s : sockets) {
            String users = "";
            if (processes && !s.users().isEmpty()) {
                StringBuilder u = new StringBuilder("users:(");
                for (int i = 0; i < s.users().size(); i++) {
                    Netlink.SocketUser user = s.users().get(i);
                    if (i > 0) u.append(',');
                    u.append("(\"").append(user.command()).append("\",pid=").append(user.pid()).append(",fd=").append(user.fd()).append(')');
                }
                users = u.append(')').toString();
            }
            table.add(s.protocol(), s.state(), String.format("%-6d", s.recvQ()), String.format("%-6d", s.sendQ()),
                    s.local().address() + ":", port(s.local(), numeric, names),
                    s.remote().address() + ":", port(s.remote(), numeric, names), users, "");
        }
        return table.render(header, screen);
    }

    private static String port(Endpoint e, boolean numeric, Map<Integer, String> names) {
        if (e.port() == 0) return "*";
        if (!numeric && (e.port() < 32768 || e.port() > 60999) && names.containsKey(e.port())) return names.get(e.port());
        return Integer.toString(e.port());
    }

    private static String ssUsage() {
        return "Usage: ss [ OPTIONS ]\n       ss [ OPTIONS ] [ FILTER ]\n"
                + "   -h, --help          this message\n   -V, --version       output version information\n"
                + "   -n, --numeric       don't resolve service names\n   -a, --all           display all sockets\n"
                + "   -l, --listening     display listening sockets\n   -p, --processes     show process using socket\n"
                + "   -t, --tcp           display only TCP sockets\n   -u, --udp           display only UDP sockets\n"
                + "   -H, --no-header     Suppress header line\n";
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
        return "ss [-tulanpH]\n"
                + "  Another utility to investigate sockets. Shows each socket's state, queues and local and peer address:port (iproute2 6.1).\n"
                + "  -t  TCP sockets; -u UDP sockets (both by default)\n"
                + "  -l  listening sockets only; -a all sockets\n"
                + "  -n  numeric ports, no service names\n"
                + "  -p  the processes holding each socket\n"
                + "  -H  no header line";
    }
}
