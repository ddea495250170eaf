package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.socket.NetSyscalls;
import dev.syssim.sim.net.socket.Netlink;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code iptables}, {@code iptables-save}, {@code iptables-restore} (1.8.9, nf_tables backend),
 * {@code conntrack} and {@code ipset}: each resolves the host names on its command line in user space (through
 * {@code /etc/hosts}), reads standard input if it restores, then talks to the kernel over a
 * netfilter netlink socket — which answers with what the tool prints and its exit status (see
 * {@link dev.syssim.sim.net.socket.NetlinkSocket}). Without CAP_NET_ADMIN the kernel refuses,
 * and the tool says iptables' "Permission denied (you must be root)", exit 4.
 */
public final class NetfilterTool extends Tool {

    private static final Set<String> ADDRESS_OPTIONS = Set.of("-s", "--source", "--src", "-d", "--destination", "--dst");

    private final String tool;

    public NetfilterTool(String tool) {
        this.tool = tool;
    }

    @Override
    protected Step run(Libc c) {
        return ownerNames(c, c.args().operands(), args -> hostNames(c, args, hosts -> input(c, args, stdin -> c.sys(NetSyscalls.SocketCall.netlink(Netlink.Family.NETFILTER), s -> {
            if (s.failed()) {
                c.eprint(tool + ": socket: " + s.errno().message() + "\n");
                return c.exit(1);
            }
            int fd = s.intValue();
            Netlink.Netfilter request = new Netlink.Netfilter(tool, args, stdin, hosts);
            return c.sys(new NetSyscalls.NetlinkSend(fd, request), sent -> c.sys(new NetSyscalls.NetlinkReceive(fd), r -> {
                if (r.failed() || !(r.data() instanceof Netlink.ToolAnswer answer)) {
                    c.eprint(tool + ": " + (r.failed() ? r.errno().message() : "no answer") + "\n");
                    return c.exit(1);
                }
                c.print(answer.stdout());
                if (!answer.stderr().isEmpty()) c.eprint(answer.stderr());
                return c.close(fd, () -> c.exit(answer.exitCode()));
            }));
        }))));
    }

    /**
     * {@code -m owner --uid-owner student}: iptables looks the name up in user space (getpwnam,
     * getgrnam) and hands the kernel the number; a name it cannot find stays as typed, for the
     * kernel side to refuse with iptables' message.
     */
    private Step ownerNames(Libc c, List<String> args, Function<List<String>, Step> then) {
        boolean named = false;
        for (int i = 0; i + 1 < args.size(); i++) {
            if (isOwnerOption(args.get(i)) && !args.get(i + 1).isEmpty() && !Character.isDigit(args.get(i + 1).charAt(0))) named = true;
        }
        if (!named || !tool.equals("iptables")) return then.apply(args);
        return c.users(db -> {
            List<String> resolved = new java.util.ArrayList<>(args);
            for (int i = 0; i + 1 < resolved.size(); i++) {
                String option = resolved.get(i);
                if (!isOwnerOption(option)) continue;
                String name = resolved.get(i + 1);
                if (option.equals("--uid-owner") && db.user(name) != null) resolved.set(i + 1, Integer.toString(db.user(name).uid()));
                if (option.equals("--gid-owner") && db.group(name) != null) resolved.set(i + 1, Integer.toString(db.group(name).gid()));
            }
            return then.apply(resolved);
        });
    }

    private static boolean isOwnerOption(String arg) {
        return arg.equals("--uid-owner") || arg.equals("--gid-owner");
    }

    /** Names after -s / -d that are not addresses, looked up in /etc/hosts (getaddrinfo). */
    private Step hostNames(Libc c, List<String> args, Function<Map<String, List<Ipv4Address>>, Step> then) {
        Map<String, List<Ipv4Address>> names = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (!ADDRESS_OPTIONS.contains(args.get(i))) continue;
            for (String item : args.get(i + 1).split(",")) {
                String host = item.contains("/") ? item.substring(0, item.indexOf('/')) : item;
                if (!host.isEmpty() && Ipv4Address.tryParse(host).isEmpty()) names.put(host, List.of());
            }
        }
        if (tool.equals("nft")) nftNames(args, names);
        if (names.isEmpty() || !tool.equals("iptables") && !tool.equals("nft")) return then.apply(names);
        return NetLib.hosts(c, hosts -> {
            names.replaceAll((name, none) -> hosts.lookup(name));
            return then.apply(names);
        });
    }

    /** {@code ip saddr NAME}: nft resolves host names with getaddrinfo, so the names after saddr/daddr that are not addresses. */
    private static void nftNames(List<String> args, Map<String, List<Ipv4Address>> names) {
        String[] words = String.join(" ", args).split("[\\s{},;]+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (!words[i].equals("saddr") && !words[i].equals("daddr")) continue;
            int j = words[i + 1].equals("!=") && i + 2 < words.length ? i + 2 : i + 1;
            String host = words[j];
            if (!host.isEmpty() && Character.isLetter(host.charAt(0)) && Ipv4Address.tryParse(host).isEmpty()) {
                names.put(host, List.of());
            }
        }
    }

    /**
     * iptables-restore and ipset restore read standard input (or the file named: {@code ipset
     * restore -f FILE}); {@code nft -f FILE} reads its file, and says nft's error for one it
     * cannot open.
     */
    private Step input(Libc c, List<String> args, Function<String, Step> then) {
        if (tool.equals("nft")) {
            String file = nftFile(args);
            if (file == null) return then.apply("");
            return c.readFile(file, (error, bytes) -> {
                if (bytes == null) {
                    c.eprint("internal:0:0-0: Error: Could not open file \"" + file + "\": " + error.message() + "\n\n\n");
                    return c.exit(1);
                }
                return then.apply(Libc.text(bytes));
            });
        }
        boolean ipsetRestore = tool.equals("ipset") && (args.contains("restore") || args.contains("-R"));
        if (!tool.equals("iptables-restore") && !ipsetRestore) return then.apply("");
        String file = null;
        if (ipsetRestore) {
            for (int i = 0; i + 1 < args.size(); i++) {
                if (List.of("-f", "-file", "--file").contains(args.get(i))) file = args.get(i + 1);
            }
        } else {
            for (String a : args) if (!a.startsWith("-")) file = a;
        }
        if (file != null) {
            String path = file;
            return c.readFile(path, (error, bytes) -> {
                if (bytes == null) {
                    // ipset 7.17 says nothing about a file it cannot open, and exits 255 (measured).
                    if (ipsetRestore) return c.exit(255);
                    c.eprint("iptables-restore: Can't open " + path + ": " + error.message() + "\n");
                    return c.exit(1);
                }
                return then.apply(Libc.text(bytes));
            });
        }
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        return c.readAll(0, in, err -> then.apply(in.toString(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The file of {@code nft -f FILE} (options come before nft's commands), or null. */
    private static String nftFile(List<String> args) {
        for (int i = 0; i < args.size() && args.get(i).startsWith("-"); i++) {
            if ((args.get(i).equals("-f") || args.get(i).equals("--file")) && i + 1 < args.size()) return args.get(i + 1);
        }
        return null;
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return switch (tool) {
            case "conntrack" -> "conntrack-tools 1.4.7";
            case "ipset" -> "ipset 7.17";
            case "nft" -> "nftables 1.0.6";
            default -> "iptables 1.8.9";
        };
    }

    @Override
    public String manual() {
        return switch (tool) {
            case "iptables" -> "iptables [-t filter] { -A | -I [N] | -R N | -D [N] } CHAIN RULE | -P CHAIN TARGET | -[LS] [CHAIN] [-v] [-n] [--line-numbers] | -[FZNX] [CHAIN]\n"
                    + "  Administration tool for IPv4/IPv6 packet filtering and NAT. iptables 1.8.9 (nf_tables): the filter table's chains INPUT (packets for this machine), FORWARD (packets it routes) and OUTPUT (packets it sends).\n"
                    + "  Matches: -p tcp|udp|icmp, -s/-d ADDRESS[/MASK] (! negates), -i/-o IFACE, --sport/--dport (with -p), -m conntrack --ctstate NEW,ESTABLISHED,RELATED,INVALID, -m state --state, -m multiport --dports.\n"
                    + "  Targets: ACCEPT, DROP, REJECT [--reject-with icmp-port-unreachable|icmp-host-prohibited|icmp-admin-prohibited|tcp-reset], LOG [--log-prefix], RETURN, a user chain.\n"
                    + "  Only root may change or list the rules.";
            case "iptables-save" -> "iptables-save [-c] [-t table]\n  Dump iptables rules, in the form iptables-restore reads back.";
            case "iptables-restore" -> "iptables-restore [-n] [-c] [file]\n  Restore IP Tables: replace the rules with those read from standard input (or file).";
            case "nft" -> "nft [-a] [-c] [-s] [-n] { -f FILE | COMMAND }\n"
                    + "  Administration tool of the nftables framework. On Debian 12 iptables is a front end to it: add|insert|replace|delete|list|flush table|chain|rule|set|element, list ruleset (iptables' tables included).";
            case "iptables-translate" -> "iptables-translate [-t table] -A|-I CHAIN RULE | -N CHAIN\n"
                    + "  Translate an iptables command line into the nft command that does the same.";
            case "ipset" -> "ipset create NAME hash:ip|hash:net|hash:ip,port|bitmap:port [timeout N] | add|del|test NAME ENTRY | list|save|flush|destroy [NAME] | restore | rename|swap A B\n"
                    + "  Administration tool for IP sets: named sets of addresses, networks and ports that one rule (-m set --match-set NAME src) tests in constant time.";
            default -> "conntrack -L | -F | -C\n  Command line interface for netfilter connection tracking: list, flush or count the connections the kernel tracks.";
        };
    }
}
