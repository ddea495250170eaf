package dev.syssim.sim.netfilter.tools;

import java.util.List;

/**
 * The ICMP type names iptables knows for {@code --icmp-type} (libxtables' {@code icmp_codes}): a
 * type with a range of codes each. Parsing takes any unambiguous prefix, case-insensitively.
 */
final class IcmpTypeNames {

    /** One named ICMP type (and code range). */
    record Name(String name, int type, int codeMin, int codeMax) {
    }

    static final List<Name> NAMES = List.of(
            new Name("any", 0xFF, 0, 0xFF),
            new Name("echo-reply", 0, 0, 0xFF),
            new Name("pong", 0, 0, 0xFF),
            new Name("destination-unreachable", 3, 0, 0xFF),
            new Name("network-unreachable", 3, 0, 0),
            new Name("host-unreachable", 3, 1, 1),
            new Name("protocol-unreachable", 3, 2, 2),
            new Name("port-unreachable", 3, 3, 3),
            new Name("fragmentation-needed", 3, 4, 4),
            new Name("source-route-failed", 3, 5, 5),
            new Name("network-unknown", 3, 6, 6),
            new Name("host-unknown", 3, 7, 7),
            new Name("network-prohibited", 3, 9, 9),
            new Name("host-prohibited", 3, 10, 10),
            new Name("TOS-network-unreachable", 3, 11, 11),
            new Name("TOS-host-unreachable", 3, 12, 12),
            new Name("communication-prohibited", 3, 13, 13),
            new Name("host-precedence-violation", 3, 14, 14),
            new Name("precedence-cutoff", 3, 15, 15),
            new Name("source-quench", 4, 0, 0xFF),
            new Name("redirect", 5, 0, 0xFF),
            new Name("network-redirect", 5, 0, 0),
            new Name("host-redirect", 5, 1, 1),
            new Name("TOS-network-redirect", 5, 2, 2),
            new Name("TOS-host-redirect", 5, 3, 3),
            new Name("echo-request", 8, 0, 0xFF),
            new Name("ping", 8, 0, 0xFF),
            new Name("router-advertisement", 9, 0, 0xFF),
            new Name("router-solicitation", 10, 0, 0xFF),
            new Name("time-exceeded", 11, 0, 0xFF),
            new Name("ttl-exceeded", 11, 0, 0xFF),
            new Name("ttl-zero-during-transit", 11, 0, 0),
            new Name("ttl-zero-during-reassembly", 11, 1, 1),
            new Name("parameter-problem", 12, 0, 0xFF),
            new Name("ip-header-bad", 12, 0, 0),
            new Name("required-option-missing", 12, 1, 1),
            new Name("timestamp-request", 13, 0, 0xFF),
            new Name("timestamp-reply", 14, 0, 0xFF),
            new Name("address-mask-request", 17, 0, 0xFF),
            new Name("address-mask-reply", 18, 0, 0xFF));

    private IcmpTypeNames() {
    }

    /** The first name with exactly this type and code range, as {@code iptables -L} without -n prints it. */
    static String nameOf(int type, int codeMin, int codeMax) {
        for (Name name : NAMES) {
            if (name.type == type && name.codeMin == codeMin && name.codeMax == codeMax) return name.name;
        }
        return null;
    }
}
