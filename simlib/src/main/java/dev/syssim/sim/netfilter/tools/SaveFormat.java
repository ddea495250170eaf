package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.netfilter.AddressMatch;
import dev.syssim.sim.netfilter.CommentMatch;
import dev.syssim.sim.netfilter.ConntrackMatch;
import dev.syssim.sim.netfilter.Counters;
import dev.syssim.sim.netfilter.CtState;
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
 * A rule in the form {@code iptables -S} and {@code iptables-save} print after {@code -A CHAIN}:
 * {@code -s}, {@code -d}, {@code -i}, {@code -o}, {@code -p}, {@code -f}, then each match with
 * {@code -m NAME} and its options, then the target — whatever order the options were typed in.
 * Addresses always carry their mask ({@code 10.84.0.10/32}).
 */
final class SaveFormat {

    private SaveFormat() {
    }

    /** The rule's options, each preceded by a space; {@code counters} non-null adds {@code -c P B} before the target. */
    static String rule(Rule rule, Counters counters) {
        StringBuilder out = new StringBuilder();
        address(out, 's', rule.source());
        address(out, 'd', rule.destination());
        iface(out, 'i', rule.in());
        iface(out, 'o', rule.out());
        if (rule.protocol().number() > 0) {
            if (rule.protocol().inverted()) out.append(" !");
            out.append(" -p ").append(ProtocolNames.nameOf(rule.protocol().number())
                    .orElse(Integer.toString(rule.protocol().number())));
        }
        if (rule.fragment() != FragmentMatch.ANY) out.append(rule.fragment() == FragmentMatch.NON_FRAGMENTS ? " ! -f" : " -f");
        for (Match match : rule.matches()) {
            out.append(" -m ").append(match.name());
            match(out, match);
        }
        if (counters != null) out.append(" -c ").append(counters.packets()).append(' ').append(counters.bytes());
        target(out, rule.target());
        return out.toString();
    }

    private static void address(StringBuilder out, char letter, AddressMatch match) {
        Cidr cidr = match.cidr();
        if (cidr.isAny() && !match.inverted()) return;
        if (match.inverted()) out.append(" !");
        out.append(" -").append(letter).append(' ').append(cidr.network()).append('/');
        int length = cidr.prefixLength();
        out.append(length >= 0 ? Integer.toString(length) : cidr.maskAddress().toString());
    }

    private static void iface(StringBuilder out, char letter, InterfaceMatch match) {
        if (match.wildcard() && match.prefix().isEmpty()) return;
        if (match.inverted()) out.append(" !");
        out.append(" -").append(letter).append(' ').append(match.name());
    }

    private static void match(StringBuilder out, Match match) {
        if (match instanceof TcpMatch tcp) {
            ports(out, "--sport", tcp.srcPorts(), tcp.srcInverted());
            ports(out, "--dport", tcp.dstPorts(), tcp.dstInverted());
            if (tcp.flagMask() != 0 || tcp.flagsInverted()) {
                if (tcp.flagsInverted()) out.append(" !");
                out.append(" --tcp-flags ").append(tcpFlags(tcp.flagMask())).append(' ')
                        .append(tcpFlags(tcp.flagCompare()));
            }
        } else if (match instanceof UdpMatch udp) {
            ports(out, "--sport", udp.srcPorts(), udp.srcInverted());
            ports(out, "--dport", udp.dstPorts(), udp.dstInverted());
        } else if (match instanceof IcmpMatch icmp) {
            if (icmp.inverted()) out.append(" !");
            if (icmp.type() == IcmpMatch.ANY_TYPE) {
                out.append(" --icmp-type any");
            } else {
                out.append(" --icmp-type ").append(icmp.type());
                if (icmp.codeMin() != 0 || icmp.codeMax() != 0xFF) out.append('/').append(icmp.codeMin());
            }
        } else if (match instanceof ConntrackMatch ct) {
            if (ct.stateMask() != 0) {
                if (ct.inverted()) out.append(" !");
                out.append(ct.stateAlias() ? " --state " : " --ctstate ").append(states(ct.stateMask()));
            }
            ExtensionText.save(out, ct);
        } else if (match instanceof MultiportMatch multiport) {
            if (multiport.inverted()) out.append(" !");
            out.append(switch (multiport.kind()) {
                case SOURCE -> " --sports ";
                case DESTINATION -> " --dports ";
                case EITHER -> " --ports ";
            });
            out.append(portList(multiport, true));
        } else if (match instanceof CommentMatch comment) {
            out.append(" --comment").append(quoted(comment.comment()));
        }
        if (!(match instanceof ConntrackMatch)) ExtensionText.save(out, match);
    }

    private static void ports(StringBuilder out, String option, PortRange range, boolean inverted) {
        if (range.isAll()) return;
        if (inverted) out.append(" !");
        out.append(' ').append(option).append(' ').append(range.min());
        if (!range.isSingle()) out.append(':').append(range.max());
    }

    private static void target(StringBuilder out, Target target) {
        if (target instanceof Target.None) return;
        if (target instanceof Target.Goto jump) {
            out.append(" -g ").append(jump.chain());
            return;
        }
        out.append(" -j ").append(target.name());
        if (target instanceof Target.Reject reject) {
            out.append(" --reject-with ").append(reject.with().keyword());
        } else if (target instanceof Target.Log log) {
            if (!log.prefix().isEmpty()) out.append(" --log-prefix").append(quoted(log.prefix()));
            if (log.level() != Target.Log.DEFAULT_LEVEL) out.append(" --log-level ").append(log.level());
            if ((log.flags() & Target.Log.TCP_SEQUENCE) != 0) out.append(" --log-tcp-sequence");
            if ((log.flags() & Target.Log.TCP_OPTIONS) != 0) out.append(" --log-tcp-options");
            if ((log.flags() & Target.Log.IP_OPTIONS) != 0) out.append(" --log-ip-options");
            if ((log.flags() & Target.Log.UID) != 0) out.append(" --log-uid");
            if ((log.flags() & Target.Log.MAC_DECODE) != 0) out.append(" --log-macdecode");
        } else {
            ExtensionText.saveTarget(out, target);
        }
    }

    /** State names in libxt_conntrack's print order, comma-separated: {@code RELATED,ESTABLISHED}. */
    static String states(int mask) {
        StringBuilder out = new StringBuilder();
        for (CtState state : CtState.values()) {
            if ((mask & state.bit()) == 0) continue;
            if (out.length() > 0) out.append(',');
            out.append(state.name());
        }
        return out.toString();
    }

    /** libxt_tcp's {@code print_tcpf}: flag names lowest bit first, or NONE. */
    static String tcpFlags(int bits) {
        StringBuilder out = new StringBuilder();
        int rest = bits;
        while (rest != 0) {
            int i = 0;
            while ((rest & TcpExtension.FLAG_BITS[i]) == 0) i++;
            if (out.length() > 0) out.append(',');
            out.append(TcpExtension.FLAG_NAMES[i]);
            rest &= ~TcpExtension.FLAG_BITS[i];
        }
        return out.length() == 0 ? "NONE" : out.toString();
    }

    static String portList(MultiportMatch multiport, boolean numeric) {
        StringBuilder out = new StringBuilder();
        for (PortRange range : multiport.ports()) {
            if (out.length() > 0) out.append(',');
            out.append(ListFormat.port(range.min(), numeric));
            if (!range.isSingle()) out.append(':').append(ListFormat.port(range.max(), numeric));
        }
        return out.toString();
    }

    /**
     * libxtables' {@code xtables_save_string}: bare if only letters, digits, {@code -} and
     * {@code _}; otherwise in double quotes with {@code " \ '} escaped by a backslash. With the
     * leading space.
     */
    static String quoted(String value) {
        if (!value.isEmpty() && value.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')) {
            return " " + value;
        }
        StringBuilder out = new StringBuilder(" \"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c == '\'') out.append('\\');
            out.append(c);
        }
        return out.append('"').toString();
    }
}
