package dev.syssim.sim.netfilter.tools;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Protocol names as iptables resolves them: first libxtables' own list
 * ({@code xtables_chain_protos}), then {@code /etc/protocols} (a subset of Debian's netbase file).
 */
final class ProtocolNames {

    /** libxtables' list, in its order: the names iptables prints for these numbers. */
    private static final Map<String, Integer> CHAIN_PROTOS = new LinkedHashMap<>();
    /** {@code /etc/protocols}: first name of each number, as getprotobynumber gives it. */
    private static final Map<String, Integer> ETC_PROTOCOLS = new LinkedHashMap<>();

    static {
        CHAIN_PROTOS.put("tcp", 6);
        CHAIN_PROTOS.put("sctp", 132);
        CHAIN_PROTOS.put("udp", 17);
        CHAIN_PROTOS.put("udplite", 136);
        CHAIN_PROTOS.put("icmp", 1);
        CHAIN_PROTOS.put("ipv6-icmp", 58);
        CHAIN_PROTOS.put("icmpv6", 58);
        CHAIN_PROTOS.put("esp", 50);
        CHAIN_PROTOS.put("ah", 51);
        CHAIN_PROTOS.put("mobility-header", 135);
        CHAIN_PROTOS.put("ipv6-mh", 135);
        CHAIN_PROTOS.put("mh", 135);
        CHAIN_PROTOS.put("dccp", 33);
        CHAIN_PROTOS.put("ipcomp", 108);
        CHAIN_PROTOS.put("all", 0);
        String[] etc = {"ip", "0", "icmp", "1", "igmp", "2", "ggp", "3", "ipencap", "4", "st", "5", "tcp", "6",
            "egp", "8", "igp", "9", "pup", "12", "udp", "17", "hmp", "20", "xns-idp", "22", "rdp", "27",
            "iso-tp4", "29", "dccp", "33", "xtp", "36", "ddp", "37", "idpr-cmtp", "38", "ipv6", "41",
            "ipv6-route", "43", "ipv6-frag", "44", "idrp", "45", "rsvp", "46", "gre", "47", "esp", "50",
            "ah", "51", "skip", "57", "ipv6-icmp", "58", "ipv6-nonxt", "59", "ipv6-opts", "60", "rspf", "73",
            "vmtp", "81", "eigrp", "88", "ospf", "89", "ax.25", "93", "ipip", "94", "etherip", "97",
            "encap", "98", "pim", "103", "ipcomp", "108", "vrrp", "112", "l2tp", "115", "isis", "124",
            "sctp", "132", "fc", "133", "mobility-header", "135", "udplite", "136", "mpls-in-ip", "137",
            "manet", "138", "hip", "139", "shim6", "140", "wesp", "141", "rohc", "142", "ethernet", "143"};
        for (int i = 0; i < etc.length; i += 2) ETC_PROTOCOLS.put(etc[i], Integer.parseInt(etc[i + 1]));
    }

    private ProtocolNames() {
    }

    /** {@code xtables_parse_protocol}: a number 0..255, a known name, or empty. */
    static OptionalInt parse(String name) {
        var number = CNumbers.parse(name, 0, 255);
        if (number.isPresent()) return OptionalInt.of((int) number.getAsLong());
        Integer known = CHAIN_PROTOS.get(name);
        if (known == null) known = ETC_PROTOCOLS.get(name);
        return known == null ? OptionalInt.empty() : OptionalInt.of(known);
    }

    /** libxtables' name of a number (its own list only), e.g. to find the match {@code -p 6} loads. */
    static Optional<String> chainProtoName(int number) {
        for (Map.Entry<String, Integer> entry : CHAIN_PROTOS.entrySet()) {
            if (entry.getValue() == number) return Optional.of(entry.getKey());
        }
        return Optional.empty();
    }

    /** The name {@code -S} and {@code -L} print: libxtables' list first, then {@code /etc/protocols}. */
    static Optional<String> nameOf(int number) {
        Optional<String> name = chainProtoName(number);
        if (name.isPresent()) return name;
        for (Map.Entry<String, Integer> entry : ETC_PROTOCOLS.entrySet()) {
            if (entry.getValue() == number) return Optional.of(entry.getKey());
        }
        return Optional.empty();
    }
}
