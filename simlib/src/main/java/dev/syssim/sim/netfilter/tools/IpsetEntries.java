package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.net.Services;
import dev.syssim.sim.netfilter.ipset.Member;
import dev.syssim.sim.netfilter.ipset.SetType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * How ipset 7.17 reads and writes a set's members: {@code 10.0.0.1}, {@code 10.0.0.0/30} and
 * {@code 10.0.0.1-10.0.0.3} (each address of the range; a network for {@code hash:net}),
 * {@code 10.0.0.1,tcp:80-82} and {@code 10.0.0.4,icmp:ping} ({@code hash:ip,port}), {@code 22},
 * {@code 80-82} and {@code tcp:25} ({@code bitmap:port}); ports by number or by service name.
 * A bad entry is an {@link Ipset.Exit} with ipset's message.
 */
final class IpsetEntries {

    /** ipset's ICMP names (lib/icmp.c), in its order: the first name of a type/code is the one listed. */
    private static final String[][] ICMP = {
        {"echo-reply", "0/0"}, {"pong", "0/0"}, {"network-unreachable", "3/0"}, {"host-unreachable", "3/1"},
        {"protocol-unreachable", "3/2"}, {"port-unreachable", "3/3"}, {"fragmentation-needed", "3/4"},
        {"source-route-failed", "3/5"}, {"network-unknown", "3/6"}, {"host-unknown", "3/7"},
        {"network-prohibited", "3/9"}, {"host-prohibited", "3/10"}, {"TOS-network-unreachable", "3/11"},
        {"TOS-host-unreachable", "3/12"}, {"communication-prohibited", "3/13"}, {"host-precedence-violation", "3/14"},
        {"precedence-cutoff", "3/15"}, {"source-quench", "4/0"}, {"network-redirect", "5/0"}, {"host-redirect", "5/1"},
        {"TOS-network-redirect", "5/2"}, {"TOS-host-redirect", "5/3"}, {"echo-request", "8/0"}, {"ping", "8/0"},
        {"router-advertisement", "9/0"}, {"router-solicitation", "10/0"}, {"ttl-zero-during-transit", "11/0"},
        {"ttl-zero-during-reassembly", "11/1"}, {"ip-header-bad", "12/0"}, {"required-option-missing", "12/1"},
        {"timestamp-request", "13/0"}, {"timestamp-reply", "14/0"}, {"address-mask-request", "17/0"},
        {"address-mask-reply", "18/0"},
    };

    private IpsetEntries() {
    }

    /** The members an entry stands for, in the order the kernel adds them. */
    static List<Member> parse(SetType type, String entry) {
        return switch (type) {
            case HASH_IP -> addresses(entry, false);
            case HASH_NET -> List.of(network(entry));
            case HASH_IP_PORT -> addressPorts(entry);
            case BITMAP_PORT -> ports(entry);
        };
    }

    // ---- addresses ----

    private static List<Member> addresses(String entry, boolean single) {
        int slash = entry.indexOf('/');
        int dash = entry.indexOf('-');
        if (slash >= 0) {
            int ip = address(entry.substring(0, slash));
            int cidr = cidr(entry.substring(slash + 1));
            int mask = cidr == 0 ? 0 : -1 << (32 - cidr);
            return range(ip & mask, (ip & mask) | ~mask);
        }
        if (dash >= 0 && !single) return range(address(entry.substring(0, dash)), address(entry.substring(dash + 1)));
        return List.of(Member.address(address(entry)));
    }

    private static List<Member> range(int from, int to) {
        List<Member> out = new ArrayList<>();
        for (long ip = Integer.toUnsignedLong(from); ip <= Integer.toUnsignedLong(to); ip++) {
            out.add(Member.address((int) ip));
        }
        return out;
    }

    private static int address(String text) {
        return Ipv4Address.tryParse(text)
                .orElseThrow(() -> Ipset.Exit.other("Syntax error: cannot parse " + text + ": resolving to IPv4 address failed"))
                .bits();
    }

    private static int cidr(String text) {
        OptionalLong n = CNumbers.parse(text, 0, Long.MAX_VALUE);
        if (n.isEmpty()) throw Ipset.Exit.other("Syntax error: '" + text + "' is invalid as number");
        if (n.getAsLong() > 32) throw Ipset.Exit.other("Syntax error: '" + text + "' is out of range 0-32");
        return (int) n.getAsLong();
    }

    private static Member network(String entry) {
        int slash = entry.indexOf('/');
        if (slash < 0) return Member.network(address(entry), 32);
        int ip = address(entry.substring(0, slash));
        int cidr = cidr(entry.substring(slash + 1));
        if (cidr == 0) throw Ipset.Exit.other("The value of the CIDR parameter of the IP address is invalid");
        return Member.network(ip, cidr);
    }

    // ---- ports ----

    private static List<Member> addressPorts(String entry) {
        int comma = entry.indexOf(',');
        if (comma < 0) throw Ipset.Exit.other("Syntax error: Second element is missing from " + entry + ".");
        List<Member> ips = addresses(entry.substring(0, comma), false);
        String second = entry.substring(comma + 1);
        int protocol = 6;
        String ports = second;
        int colon = second.indexOf(':');
        if (colon >= 0) {
            String name = second.substring(0, colon);
            protocol = switch (name) {
                case "tcp" -> 6;
                case "udp" -> 17;
                case "icmp" -> 1;
                default -> throw Ipset.Exit.other("Syntax error: cannot parse '" + name + "' as a protocol");
            };
            ports = second.substring(colon + 1);
        }
        List<Integer> numbers = protocol == 1 ? List.of(icmp(ports)) : portRange(ports, protocol == 17 ? "udp" : "tcp");
        List<Member> out = new ArrayList<>();
        for (Member ip : ips) {
            for (int port : numbers) out.add(Member.addressPort(ip.ip(), protocol, port));
        }
        return out;
    }

    private static List<Member> ports(String entry) {
        String ports = entry.startsWith("tcp:") || entry.startsWith("udp:") ? entry.substring(4) : entry;
        List<Member> out = new ArrayList<>();
        for (int port : portRange(ports, "tcp")) out.add(Member.port(port));
        return out;
    }

    /** {@code 80} or {@code 80-82}: each port of the range. */
    static List<Integer> portRange(String text, String protocol) {
        int dash = text.indexOf('-');
        int from = port(dash < 0 ? text : text.substring(0, dash), protocol);
        int to = dash < 0 ? from : port(text.substring(dash + 1), protocol);
        List<Integer> out = new ArrayList<>();
        for (int p = Math.min(from, to); p <= Math.max(from, to); p++) out.add(p);
        return out;
    }

    /**
     * A port by number or service name. ipset tries the number first and then the name, and when
     * both fail prints what each attempt said, its own second line included.
     */
    static int port(String text, String protocol) {
        OptionalLong n = CNumbers.parse(text, 0, Long.MAX_VALUE);
        if (n.isPresent() && n.getAsLong() <= 65535) return (int) n.getAsLong();
        if (n.isEmpty()) {
            var service = Services.portOf(text);
            if (service.isPresent()) return service.get();
        }
        String first = n.isPresent() ? "'" + text + "' is out of range 0-65535" : "'" + text + "' is invalid as number";
        throw Ipset.Exit.other("Syntax error: " + first + "\nSyntax error: '" + protocol + "' is invalid as number\ncannot parse '"
                + text + "' as a " + protocol + " port");
    }

    /** {@code ping}, {@code echo-request} or {@code 8/0}: the type and code as one number. */
    private static int icmp(String text) {
        for (String[] entry : ICMP) {
            if (entry[0].equalsIgnoreCase(text)) return typeCode(entry[1]);
        }
        int slash = text.indexOf('/');
        if (slash > 0) {
            OptionalLong type = CNumbers.parse(text.substring(0, slash), 0, 255);
            OptionalLong code = CNumbers.parse(text.substring(slash + 1), 0, 255);
            if (type.isPresent() && code.isPresent()) return (int) (type.getAsLong() << 8 | code.getAsLong());
        }
        throw Ipset.Exit.other("Syntax error: cannot parse " + text + " as an ICMP type");
    }

    private static int typeCode(String text) {
        int slash = text.indexOf('/');
        return Integer.parseInt(text.substring(0, slash)) << 8 | Integer.parseInt(text.substring(slash + 1));
    }

    // ---- printing ----

    /** A member as {@code ipset list} and {@code ipset save} print it. */
    static String format(SetType type, Member m) {
        return switch (type) {
            case HASH_IP -> new Ipv4Address(m.ip()).toString();
            case HASH_NET -> new Ipv4Address(m.ip()) + (m.cidr() == 32 ? "" : "/" + m.cidr());
            case HASH_IP_PORT -> new Ipv4Address(m.ip()) + "," + portText(m.protocol(), m.port());
            case BITMAP_PORT -> Integer.toString(m.port());
        };
    }

    private static String portText(int protocol, int port) {
        return switch (protocol) {
            case 6 -> "tcp:" + port;
            case 17 -> "udp:" + port;
            case 1 -> {
                String code = (port >> 8) + "/" + (port & 0xFF);
                for (String[] entry : ICMP) {
                    if (entry[1].equals(code)) yield "icmp:" + entry[0];
                }
                yield "icmp:" + code;
            }
            default -> protocol + ":" + port;
        };
    }
}
