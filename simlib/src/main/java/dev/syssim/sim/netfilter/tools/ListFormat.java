package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.net.Services;
import dev.syssim.sim.netfilter.AddressMatch;
import dev.syssim.sim.netfilter.Chain;
import dev.syssim.sim.netfilter.CommentMatch;
import dev.syssim.sim.netfilter.ConntrackMatch;
import dev.syssim.sim.netfilter.Counters;
import dev.syssim.sim.netfilter.FragmentMatch;
import dev.syssim.sim.netfilter.IcmpMatch;
import dev.syssim.sim.netfilter.InterfaceMatch;
import dev.syssim.sim.netfilter.Match;
import dev.syssim.sim.netfilter.MultiportMatch;
import dev.syssim.sim.netfilter.PortRange;
import dev.syssim.sim.netfilter.Rule;
import dev.syssim.sim.netfilter.Target;
import dev.syssim.sim.netfilter.TcpMatch;
import dev.syssim.sim.netfilter.UdpMatch;

/**
 * The table {@code iptables -L} prints, column for column as iptables 1.8.9 pads them, and the
 * one-line form {@code iptables -v -A} echoes a rule in. Numbers are shortened to K, M, G, T
 * unless {@code -x}. Without {@code -n} addresses stay numeric (the simulation has no reverse
 * DNS; a real {@code -L} would try to print names, and may hang on a slow resolver) but ports and
 * protocols get their names.
 */
final class ListFormat {

    /** The listing options: {@code -v}, {@code -n}, {@code -x}, {@code --line-numbers}. */
    record Options(boolean verbose, boolean numeric, boolean exact, boolean lineNumbers) {
    }

    private ListFormat() {
    }

    /** {@code Chain FORWARD (policy ACCEPT 36 packets, 1940 bytes)} or {@code Chain x (1 references)}, then the column header. */
    static String header(Chain chain, int references, Options options) {
        StringBuilder out = new StringBuilder("Chain ").append(chain.name());
        if (chain.isBuiltin()) {
            out.append(" (policy ").append(chain.policy().name());
            if (options.verbose()) {
                Counters counters = chain.policyCounters();
                out.append(' ').append(number(counters.packets(), options.exact(), false)).append("packets, ")
                        .append(number(counters.bytes(), options.exact(), false)).append("bytes");
            }
            out.append(")\n");
        } else {
            out.append(" (").append(references).append(" references)\n");
        }
        if (options.lineNumbers()) out.append(String.format("%-4s ", "num"));
        if (options.verbose()) {
            if (options.exact()) {
                out.append(String.format("%8s %10s ", "pkts", "bytes"));
            } else {
                out.append(String.format("%5s %5s ", "pkts", "bytes"));
            }
        }
        out.append(String.format("%-9s ", "target")).append(" prot ").append("opt");
        if (options.verbose()) out.append(String.format(" %-6s %-6s ", "in", "out"));
        out.append(String.format(" %-19s ", "source")).append(String.format(" %-19s ", "destination")).append('\n');
        return out.toString();
    }

    /** One rule's row. */
    static String row(int number, Rule rule, Counters counters, Options options) {
        StringBuilder out = new StringBuilder();
        if (options.lineNumbers()) out.append(String.format("%-4d ", number));
        if (options.verbose()) {
            out.append(number(counters.packets(), options.exact(), true))
                    .append(number(counters.bytes(), options.exact(), true));
        }
        out.append(String.format("%-9s ", ExtensionText.listName(rule.target())));
        out.append(rule.protocol().inverted() ? '!' : ' ');
        int protocol = rule.protocol().number();
        String name = ProtocolNames.nameOf(protocol).orElse(null);
        out.append(options.numeric() || name == null ? String.format("%-4d ", protocol) : String.format("%-4s ", name));
        out.append(fragment(rule.fragment())).append(' ');
        if (options.verbose()) {
            out.append(String.format(" %-6s ", iface(rule.in(), options.numeric())));
            out.append(String.format("%-6s ", iface(rule.out(), options.numeric())));
        }
        out.append(rule.source().inverted() ? '!' : ' ')
                .append(String.format("%-19s ", address(rule.source(), options.numeric())));
        out.append(rule.destination().inverted() ? '!' : ' ')
                .append(String.format("%-19s ", address(rule.destination(), options.numeric())));
        appendMatchesAndTarget(out, rule, options.numeric());
        return out.append('\n').toString();
    }

    /** The form {@code iptables -v -A ...} echoes each new rule in (libxtables' FMT_PRINT_RULE). */
    static String echo(Rule rule) {
        StringBuilder out = new StringBuilder();
        out.append(rule.target().name()).append(' ');
        out.append(rule.protocol().inverted() ? '!' : ' ');
        int protocol = rule.protocol().number();
        out.append(ProtocolNames.nameOf(protocol).orElse(Integer.toString(protocol))).append(' ');
        out.append("opt ").append(fragment(rule.fragment())).append(' ');
        out.append("in ").append(iface(rule.in(), true)).append(' ');
        out.append("out ").append(iface(rule.out(), true)).append(' ');
        out.append(rule.source().inverted() ? '!' : ' ').append(address(rule.source(), true)).append(' ');
        out.append(rule.destination().inverted() ? '!' : ' ').append("-> ").append(address(rule.destination(), true));
        out.append("  ");
        appendMatchesAndTarget(out, rule, true);
        return out.append('\n').toString();
    }

    private static void appendMatchesAndTarget(StringBuilder out, Rule rule, boolean numeric) {
        if (rule.target() instanceof Target.Goto) out.append("[goto] ");
        for (Match match : rule.matches()) match(out, match, numeric);
        target(out, rule.target(), numeric);
    }

    /** libxtables' {@code xtables_print_num}: padded for the table, K/M/G/T unless exact. */
    static String number(long value, boolean exact, boolean table) {
        if (exact) return table ? String.format("%8d ", value) : value + " ";
        if (value <= 99999) return table ? String.format("%5d ", value) : value + " ";
        String[] units = {"K", "M", "G", "T"};
        long n = value;
        for (int i = 0; i < units.length; i++) {
            n = (n + 500) / 1000;
            if (n <= 9999 || i == units.length - 1) {
                return table ? String.format("%4d%s ", n, units[i]) : n + units[i] + " ";
            }
        }
        throw new AssertionError("unreachable");
    }

    private static String fragment(FragmentMatch fragment) {
        return switch (fragment) {
            case ANY -> "--";
            case FRAGMENTS -> "-f";
            case NON_FRAGMENTS -> "!f";
        };
    }

    private static String iface(InterfaceMatch match, boolean numeric) {
        String name = match.wildcard() && match.prefix().isEmpty() ? (numeric ? "*" : "any") : match.name();
        return (match.inverted() ? "!" : "") + name;
    }

    private static String address(AddressMatch match, boolean numeric) {
        Cidr cidr = match.cidr();
        if (cidr.isAny() && !numeric) return "anywhere";
        int length = cidr.prefixLength();
        String mask = length == 32 ? "" : length >= 0 ? "/" + length : "/" + cidr.maskAddress();
        return cidr.network() + mask;
    }

    static String port(int port, boolean numeric) {
        return port(port, numeric, "tcp");
    }

    /** The port as {@code getservbyport(port, protocol)} names it, or its number. */
    static String port(int port, boolean numeric, String protocol) {
        if (numeric) return Integer.toString(port);
        return Services.nameOf(port, protocol).orElse(Integer.toString(port));
    }

    private static void match(StringBuilder out, Match match, boolean numeric) {
        if (match instanceof TcpMatch tcp) {
            out.append(" tcp");
            ports(out, "spt", tcp.srcPorts(), tcp.srcInverted(), numeric, "tcp");
            ports(out, "dpt", tcp.dstPorts(), tcp.dstInverted(), numeric, "tcp");
            if (tcp.flagMask() != 0 || tcp.flagsInverted()) {
                out.append(" flags:").append(tcp.flagsInverted() ? "!" : "");
                if (numeric) {
                    out.append(String.format("0x%02X/0x%02X", tcp.flagMask(), tcp.flagCompare()));
                } else {
                    out.append(SaveFormat.tcpFlags(tcp.flagMask())).append('/').append(SaveFormat.tcpFlags(tcp.flagCompare()));
                }
            }
        } else if (match instanceof UdpMatch udp) {
            out.append(" udp");
            ports(out, "spt", udp.srcPorts(), udp.srcInverted(), numeric, "udp");
            ports(out, "dpt", udp.dstPorts(), udp.dstInverted(), numeric, "udp");
        } else if (match instanceof IcmpMatch icmp) {
            out.append(" icmp");
            String name = numeric ? null : IcmpTypeNames.nameOf(icmp.type(), icmp.codeMin(), icmp.codeMax());
            if (name != null) {
                out.append(' ').append(icmp.inverted() ? "!" : "").append(name);
            } else {
                // libxt_icmp prints " !" then "type" with no space before it: "icmp !type 0", but "icmptype 8".
                if (icmp.inverted()) out.append(" !");
                out.append("type ").append(icmp.type());
                if (icmp.codeMin() == icmp.codeMax()) {
                    out.append(" code ").append(icmp.codeMin());
                } else if (icmp.codeMin() != 0 || icmp.codeMax() != 0xFF) {
                    out.append(" codes ").append(icmp.codeMin()).append('-').append(icmp.codeMax());
                }
            }
        } else if (match instanceof ConntrackMatch ct) {
            if (ct.stateMask() != 0) {
                if (ct.inverted()) out.append(" !");
                out.append(ct.stateAlias() ? " state " : " ctstate ").append(SaveFormat.states(ct.stateMask()));
            }
            ExtensionText.list(out, ct);
        } else if (match instanceof MultiportMatch multiport) {
            out.append(" multiport ").append(switch (multiport.kind()) {
                case SOURCE -> "sports ";
                case DESTINATION -> "dports ";
                case EITHER -> "ports ";
            });
            if (multiport.inverted()) out.append(" !");
            out.append(SaveFormat.portList(multiport, numeric));
        } else if (match instanceof CommentMatch comment) {
            out.append(" /* ").append(comment.comment()).append(" */");
        } else {
            ExtensionText.list(out, match);
        }
    }

    private static void ports(StringBuilder out, String name, PortRange range, boolean inverted, boolean numeric,
                              String protocol) {
        if (range.isAll() && !inverted) return;
        String not = inverted ? "!" : "";
        out.append(' ').append(name);
        if (range.isSingle()) {
            out.append(':').append(not).append(port(range.min(), numeric, protocol));
        } else {
            out.append("s:").append(not).append(port(range.min(), numeric, protocol)).append(':')
                    .append(port(range.max(), numeric, protocol));
        }
    }

    private static void target(StringBuilder out, Target target, boolean numeric) {
        if (target instanceof Target.Reject reject) {
            out.append(" reject-with ").append(reject.with().keyword());
        } else if (target instanceof Target.Log log) {
            out.append(" LOG");
            if (numeric) {
                out.append(" flags ").append(log.flags()).append(" level ").append(log.level());
            } else {
                out.append(" level ").append(levelName(log.level()));
                if ((log.flags() & Target.Log.TCP_SEQUENCE) != 0) out.append(" tcp-sequence");
                if ((log.flags() & Target.Log.TCP_OPTIONS) != 0) out.append(" tcp-options");
                if ((log.flags() & Target.Log.IP_OPTIONS) != 0) out.append(" ip-options");
                if ((log.flags() & Target.Log.UID) != 0) out.append(" uid");
                if ((log.flags() & Target.Log.MAC_DECODE) != 0) out.append(" macdecode");
            }
            if (!log.prefix().isEmpty()) out.append(" prefix \"").append(log.prefix()).append('"');
        } else {
            ExtensionText.listTarget(out, target);
        }
    }

    /** 1.8.9 (nf_tables) lists LOG's level by nft's short names, not by those --log-level takes. */
    private static final String[] LISTED_LEVEL_NAMES = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};

    private static String levelName(int level) {
        if (level >= 0 && level < LISTED_LEVEL_NAMES.length) return LISTED_LEVEL_NAMES[level];
        return "UNKNOWN level " + level;
    }
}
