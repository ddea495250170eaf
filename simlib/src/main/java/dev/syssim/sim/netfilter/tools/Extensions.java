package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.Target;
import java.util.Set;

/**
 * The extensions this iptables has: the matches and targets it simulates, and the names of real
 * ones it knows but does not simulate (so that {@code -m limit} says so plainly, and
 * {@code -N MASQUERADE} is refused as a clash with a target name, as on Linux).
 */
final class Extensions {

    private static final Set<String> UNSIMULATED_MATCHES = Set.of("addrtype", "ah", "bpf", "cgroup", "cluster",
            "connbytes", "connlabel", "connlimit", "connmark", "cpu", "dccp", "devgroup", "dscp", "ecn", "esp",
            "hashlimit", "helper", "ipcomp", "iprange", "ipvs", "l2tp", "length", "limit", "mac", "mark", "nfacct",
            "osf", "owner", "physdev", "pkttype", "policy", "quota", "rateest", "realm", "recent", "rpfilter", "sctp",
            "set", "socket", "statistic", "string", "tcpmss", "time", "tos", "ttl", "u32", "udplite");
    private static final Set<String> UNSIMULATED_TARGETS = Set.of("AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP",
            "CONNMARK", "CONNSECMARK", "CT", "DNAT", "DSCP", "ECN", "HMARK", "IDLETIMER", "LED", "MARK", "MASQUERADE",
            "NETMAP", "NFLOG", "NFQUEUE", "NOTRACK", "QUEUE", "RATEEST", "REDIRECT", "SECMARK", "SET", "SNAT",
            "SYNPROXY", "TCPMSS", "TCPOPTSTRIP", "TEE", "TOS", "TPROXY", "TRACE", "TTL", "ULOG");

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
