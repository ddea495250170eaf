package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Target;
import java.util.Set;

/**
 * The extensions this iptables has: the matches and targets it simulates, and the names of real
 * ones it knows but does not simulate (so that {@code -m limit} says so plainly, and
 * {@code -N MASQUERADE} is refused as a clash with a target name, as on Linux).
 */
final class Extensions {

    private static final Set<String> UNSIMULATED_MATCHES = Set.of("ah", "bpf", "cgroup", "cluster",
            "connbytes", "connlabel", "cpu", "dccp", "devgroup", "dscp", "ecn", "esp",
            "helper", "ipcomp", "ipvs", "l2tp", "nfacct",
            "osf", "physdev", "policy", "quota", "rateest", "realm", "rpfilter", "sctp",
            "socket", "statistic", "string", "tcpmss", "time", "tos", "u32", "udplite");
    private static final Set<String> UNSIMULATED_TARGETS = Set.of("AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP",
            "CONNSECMARK", "DSCP", "ECN", "HMARK", "IDLETIMER", "LED",
            "NETMAP", "NFLOG", "NFQUEUE", "QUEUE", "RATEEST", "SECMARK", "SET",
            "SYNPROXY", "TCPMSS", "TCPOPTSTRIP", "TEE", "TOS", "TPROXY", "TRACE", "ULOG");

    private Extensions() {
    }

    /** A fresh instance of the match called {@code name}, or null if there is none by that name here. */
    static MatchExtension match(String name) {
        return switch (name) {
            case "tcp" -> new TcpExtension();
            case "udp" -> new UdpExtension();
            case "icmp" -> new IcmpExtension();
            case "conntrack" -> ConntrackExtension.conntrack();
            case "state" -> ConntrackExtension.state();
            case "multiport" -> new MultiportExtension();
            case "comment" -> new CommentExtension();
            case "limit" -> new LimitExtension();
            case "hashlimit" -> new HashlimitExtension();
            case "recent" -> new RecentExtension();
            case "connlimit" -> new ConnlimitExtension();
            case "iprange" -> new SmallMatchExtensions.Iprange();
            case "mac" -> new SmallMatchExtensions.Mac();
            case "owner" -> new SmallMatchExtensions.Owner();
            case "length" -> new SmallMatchExtensions.Length();
            case "ttl" -> new SmallMatchExtensions.Ttl();
            case "pkttype" -> new SmallMatchExtensions.Pkttype();
            case "addrtype" -> new SmallMatchExtensions.Addrtype();
            case "mark" -> new SmallMatchExtensions.Mark(false);
            case "connmark" -> new SmallMatchExtensions.Mark(true);
            case "set" -> new SmallMatchExtensions.Set();
            default -> null;
        };
    }

    static boolean isUnsimulatedMatch(String name) {
        return UNSIMULATED_MATCHES.contains(name);
    }

    /** A fresh instance of the target called {@code name}, or null if it is not a target (so a chain name). */
    static TargetExtension target(String name) {
        return switch (name) {
            case "ACCEPT" -> new TargetExtension.Standard(Target.ACCEPT);
            case "DROP" -> new TargetExtension.Standard(Target.DROP);
            case "RETURN" -> new TargetExtension.Standard(Target.RETURN);
            case "REJECT" -> new RejectExtension();
            case "LOG" -> new LogExtension();
            case "DNAT", "SNAT", "MASQUERADE", "REDIRECT" -> new NatExtension(name);
            case "MARK" -> new MangleTargets.Mark();
            case "CONNMARK" -> new MangleTargets.Connmark();
            case "TTL" -> new MangleTargets.Ttl();
            case "CT" -> new MangleTargets.Ct(false);
            case "NOTRACK" -> new MangleTargets.Ct(true);
            default -> null;
        };
    }

    static boolean isUnsimulatedTarget(String name) {
        return UNSIMULATED_TARGETS.contains(name);
    }

    /** Whether {@code name} is taken by a target, so no chain may have it. */
    static boolean isTargetName(String name) {
        return target(name) != null || isUnsimulatedTarget(name);
    }
}
