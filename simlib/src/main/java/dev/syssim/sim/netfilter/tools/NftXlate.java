package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.netfilter.AddrtypeMatch;
import dev.syssim.sim.netfilter.CommentMatch;
import dev.syssim.sim.netfilter.ConnlimitMatch;
import dev.syssim.sim.netfilter.ConntrackMatch;
import dev.syssim.sim.netfilter.HashlimitMatch;
import dev.syssim.sim.netfilter.IcmpMatch;
import dev.syssim.sim.netfilter.InterfaceMatch;
import dev.syssim.sim.netfilter.IprangeMatch;
import dev.syssim.sim.netfilter.LengthMatch;
import dev.syssim.sim.netfilter.LimitMatch;
import dev.syssim.sim.netfilter.MacMatch;
import dev.syssim.sim.netfilter.MarkMatch;
import dev.syssim.sim.netfilter.Match;
import dev.syssim.sim.netfilter.MultiportMatch;
import dev.syssim.sim.netfilter.OwnerMatch;
import dev.syssim.sim.netfilter.PkttypeMatch;
import dev.syssim.sim.netfilter.PortRange;
import dev.syssim.sim.netfilter.RejectWith;
import dev.syssim.sim.netfilter.Rule;
import dev.syssim.sim.netfilter.Target;
import dev.syssim.sim.netfilter.TcpMatch;
import dev.syssim.sim.netfilter.TtlMatch;
import dev.syssim.sim.netfilter.UdpMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An iptables rule as nftables syntax, the two ways Debian 12 shows it: as {@code nft list
 * ruleset} prints the rules iptables-nft 1.8.9 made (interfaces, protocol, addresses, the
 * matches in order, {@code counter packets N bytes M}, the verdict; what nft has no syntax for as
 * {@code xt match recent}), and as {@code iptables-translate} writes it (no counts; the protocol as
 * {@code ip protocol}; {@code null} where a match cannot be translated). nft hides the
 * {@code meta l4proto tcp} a TCP port test depends on when nothing but addresses stand between
 * them, and so does this.
 */
final class NftXlate {

    private NftXlate() {
    }

    /**
     * The words of the rule, or null if {@code translate} and some part has no translation.
     * {@code packets} and {@code bytes} are its counters (listing); ignored when translating.
     */
    static String rule(Rule rule, long packets, long bytes, boolean translate) {
        List<String> parts = new ArrayList<>();
        iface(parts, "iifname", rule.in());
        iface(parts, "oifname", rule.out());
        int protocol = rule.protocol().number();
        boolean portTest = false;
        boolean hidden = false;
        if (protocol != 0 && !rule.protocol().inverted()) {
            // Hidden when the next test that is not an address is a port or flags test of this protocol.
            for (Match m : rule.matches()) {
                portTest = consumes(m, protocol);
                break;
            }
            hidden = portTest;
        }
        boolean anyProtocolMatch = false;
        for (Match m : rule.matches()) {
            if ((m instanceof TcpMatch t && !t.isEmpty()) || (m instanceof UdpMatch u && !u.isEmpty()) || m instanceof IcmpMatch) {
                anyProtocolMatch = true;
            }
        }
        if (protocol != 0) {
            if (translate) {
                if (!anyProtocolMatch) parts.add("ip protocol" + (rule.protocol().inverted() ? " != " : " ") + protoName(protocol));
            } else if (!hidden) {
                parts.add("meta l4proto" + (rule.protocol().inverted() ? " != " : " ") + protoName(protocol));
            }
        }
        address(parts, "ip saddr", rule.source());
        address(parts, "ip daddr", rule.destination());
        for (Match m : rule.matches()) {
            String text = match(m, protocol, translate);
            if (text == null) return null;
            parts.add(text);
        }
        parts.add(translate ? "counter" : "counter packets " + packets + " bytes " + bytes);
        String target = target(rule.target(), translate);
        if (target == null) return null;
        if (!target.isEmpty()) parts.add(target);
        return String.join(" ", parts);
    }

    /** Whether a match tests a port or the flags of {@code protocol} with a plain comparison. */
    private static boolean consumes(Match m, int protocol) {
        if (m instanceof TcpMatch t) return protocol == 6 && !t.isEmpty();
        if (m instanceof UdpMatch u) return protocol == 17 && !u.isEmpty();
        return false;
    }

    /**
     * Whether a rule needs nft's compatibility layer (a match or target iptables-nft 1.8.9 cannot
     * express natively): nft then warns that the table is iptables-nft's.
     */
    static boolean usesCompat(Rule rule) {
        for (Match m : rule.matches()) {
            // iptables-nft 1.8.9 writes these natively (measured); every other match is an xt match.
            boolean nativeMatch = m instanceof TcpMatch || m instanceof UdpMatch || m instanceof LimitMatch
                    || m instanceof MarkMatch mk && !mk.connection();
            if (!nativeMatch) return true;
        }
        Target t = rule.target();
        return !(t instanceof Target.Accept || t instanceof Target.Drop || t instanceof Target.Return
                || t instanceof Target.Jump || t instanceof Target.Goto || t instanceof Target.None);
    }

    private static void iface(List<String> parts, String name, InterfaceMatch m) {
        if (m.isAny()) return;
        String value = m.wildcard() ? m.prefix() + "*" : m.prefix();
        parts.add(name + (m.inverted() ? " != " : " ") + "\"" + value + "\"");
    }

    private static void address(List<String> parts, String name, dev.syssim.sim.netfilter.AddressMatch a) {
        if (a.cidr().isAny() && !a.inverted()) return;
        String value = a.cidr().isHost() ? a.cidr().network().toString() : a.cidr().toString();
        parts.add(name + (a.inverted() ? " != " : " ") + value);
    }

    static String protoName(int number) {
        return switch (number) {
            case 1 -> "icmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            default -> ProtocolNames.nameOf(number).orElse(Integer.toString(number));
        };
    }

    private static String match(Match m, int protocol, boolean translate) {
        if (m instanceof TcpMatch t) return tcp(t);
        if (m instanceof UdpMatch u) return ports("udp", u.srcPorts(), u.srcInverted(), u.dstPorts(), u.dstInverted());
        if (m instanceof IcmpMatch i) {
            if (i.type() == IcmpMatch.ANY_TYPE) return "icmp type any";
            String name = IcmpTypeNames.nameOf(i.type(), i.codeMin(), i.codeMax());
            if (name == null || name.matches(".*\\d.*") || i.codeMin() != 0 || i.codeMax() != 0xFF) {
                return translate ? null : "xt match icmp";
            }
            return "icmp type " + (i.inverted() ? "!= " : "") + name;
        }
        if (m instanceof MultiportMatch mp) {
            String proto = protoName(protocol);
            List<String> ports = new ArrayList<>();
            for (PortRange r : mp.ports()) ports.add(r.min() == r.max() ? Integer.toString(r.min()) : r.min() + "-" + r.max());
            String field = mp.kind() == MultiportMatch.Kind.SOURCE ? "sport" : "dport";
            String value = ports.size() == 1 ? ports.get(0) : "{ " + String.join(", ", ports) + " }";
            return proto + " " + field + (mp.inverted() ? " != " : " ") + value;
        }
        if (m instanceof ConntrackMatch c) {
            // iptables-nft puts the tuple tests into native ct expressions too; nft lists them as translated.
            if (translate || c.fields() != null) return conntrack(c, translate);
            return "ct state " + (c.inverted() ? "!= " : "") + states(c.stateMask());
        }
        if (translate && m instanceof ConnlimitMatch c) {
            // The set it counts in is made by the line before the rule (see connlimitSets).
            return "add @connlimit0 { " + (c.destination() ? "ip daddr" : "ip saddr") + (c.maskBits() < 32 ? " and " + mask(c.maskBits()) : "")
                    + " ct count " + (c.upto() ? "" : "over ") + c.limit() + " }";
        }
        if (m instanceof HashlimitMatch h && (translate || h.mode() != 0)) return hashlimit(h);
        if (m instanceof LimitMatch l) {
            String rate = Rates.print(l.avg(), LimitMatch.SCALE).replace("/sec", "/second").replace("/min", "/minute");
            return "limit rate " + rate + (translate || l.burst() != 5 ? " burst " + l.burst() + " packets" : "");
        }
        if (m instanceof AddrtypeMatch a) {
            String side = a.dstTypes() != 0 ? "daddr" : "saddr";
            int types = a.dstTypes() != 0 ? a.dstTypes() : a.srcTypes();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < AddrtypeMatch.TYPES.length; i++) {
                if ((types & (1 << i)) != 0) names.add(AddrtypeMatch.TYPES[i].toLowerCase(Locale.ROOT));
            }
            return "fib " + side + " type " + String.join(", ", names);
        }
        if (m instanceof IprangeMatch r) {
            return r.srcFrom() != null ? "ip saddr " + (r.srcInverted() ? "!= " : "") + r.srcFrom() + "-" + r.srcTo()
                    : "ip daddr " + (r.dstInverted() ? "!= " : "") + r.dstFrom() + "-" + r.dstTo();
        }
        if (translate && m instanceof MarkMatch mk) {
            // libxt_mark's and libxt_connmark's own words: "mark 0x5", "ct mark and 0xff == 0x10".
            String what = mk.connection() ? "ct mark" : "mark";
            String value = "0x" + Integer.toHexString(mk.mark());
            if (mk.mask() != -1) return what + " and 0x" + Integer.toHexString(mk.mask()) + (mk.inverted() ? " != " : " == ") + value;
            return what + (mk.inverted() ? " != " : " ") + value;
        }
        if (m instanceof MarkMatch mk) {
            String what = mk.connection() ? "ct mark" : "meta mark";
            String hex = mk.connection() ? "0x" + Integer.toHexString(mk.mark()) : String.format("0x%08x", mk.mark());
            if (mk.mask() != -1) return what + " & " + String.format("0x%08x", mk.mask()) + (mk.inverted() ? " != " : " == ") + hex;
            return what + (mk.inverted() ? " != " : " ") + hex;
        }
        if (m instanceof LengthMatch l) return "meta length " + (l.inverted() ? "!= " : "") + (l.min() == l.max() ? l.min() : l.min() + "-" + l.max());
        if (m instanceof TtlMatch t) {
            return "ip ttl " + switch (t.mode()) {
                case EQ -> "";
                case NE -> "!= ";
                case LT -> "lt ";
                case GT -> "gt ";
            } + t.value();
        }
        if (m instanceof PkttypeMatch p) return "pkttype " + (p.inverted() ? "!= " : "") + p.type().name().toLowerCase(Locale.ROOT);
        if (m instanceof MacMatch mac) return "ether saddr " + (mac.inverted() ? "!= " : "") + mac.mac();
        if (m instanceof OwnerMatch o) {
            if (o.uidMin() >= 0 && o.uidMin() == o.uidMax() && o.gidMin() < 0 && !o.socketExists()) return "skuid " + (o.uidInverted() ? "!= " : "") + o.uidMin();
            if (o.gidMin() >= 0 && o.gidMin() == o.gidMax() && o.uidMin() < 0 && !o.socketExists()) return "skgid " + (o.gidInverted() ? "!= " : "") + o.gidMin();
            return translate ? null : "xt match owner";
        }
        if (m instanceof CommentMatch) return "";
        return translate ? null : "xt match " + m.name();
    }

    /**
     * {@code (old & ~mask) ^ value} in the words of libxt_MARK's translation, or of libxt_CONNMARK's
     * ({@code xorFirst}: "xor V and M" where MARK writes "and M xor V").
     */
    private static String xmark(String old, int value, int mask, boolean xorFirst) {
        if (mask == -1) return "0x" + Integer.toHexString(value);
        if (value == 0) return old + " and 0x" + Integer.toHexString(~mask);
        if (value == mask) return old + " or 0x" + Integer.toHexString(value);
        if (mask == 0) return old + " xor 0x" + Integer.toHexString(value);
        if (xorFirst) return old + " xor 0x" + Integer.toHexString(value) + " and 0x" + Integer.toHexString(~mask);
        return old + " and 0x" + Integer.toHexString(~mask) + " xor 0x" + Integer.toHexString(value);
    }

    /** The dotted mask of a prefix length. */
    private static String mask(int bits) {
        return new Ipv4Address(bits == 0 ? 0 : -1 << (32 - bits)).toString();
    }

    /**
     * libxt_conntrack's translation, in its order: direction, protocol, state, status, expiration,
     * then the tuples' addresses and ports.
     */
    private static String conntrack(ConntrackMatch c, boolean translate) {
        List<String> parts = new ArrayList<>();
        ConntrackMatch.CtFields f = c.fields();
        if (f != null && f.direction() != null) parts.add("ct direction " + f.direction().name().toLowerCase(Locale.ROOT));
        if (f != null && f.protocol() != 0) {
            boolean reply = f.direction() == dev.syssim.sim.netfilter.conntrack.Direction.REPLY;
            parts.add("ct " + (reply ? "reply" : "original") + " protocol " + (f.protocolInverted() ? "!= " : "") + f.protocol());
        }
        if (c.stateMask() != 0) parts.add("ct state " + (c.inverted() ? translate ? "! " : "!= " : "") + states(c.stateMask()));
        if (f != null) {
            if (f.status() >= 0) {
                String[] names = {"expected", "seen-reply", "assured", "confirmed"};
                List<String> set = new ArrayList<>();
                for (int i = 0; i < names.length; i++) if ((f.status() & (1 << i)) != 0) set.add(names[i]);
                parts.add("ct status " + (f.statusInverted() ? "! " : "") + String.join(",", set));
            }
            if (f.expire() != null) parts.add("ct expiration " + portTest(f.expire()));
            addressTest(parts, "ct original saddr ", f.origSrc());
            addressTest(parts, "ct original daddr ", f.origDst());
            addressTest(parts, "ct reply saddr ", f.replSrc());
            addressTest(parts, "ct reply daddr ", f.replDst());
            if (f.origSrcPort() != null) parts.add("ct original proto-src " + portTest(f.origSrcPort()));
            if (f.origDstPort() != null) parts.add("ct original proto-dst " + portTest(f.origDstPort()));
            if (f.replSrcPort() != null) parts.add("ct reply proto-src " + portTest(f.replSrcPort()));
            if (f.replDstPort() != null) parts.add("ct reply proto-dst " + portTest(f.replDstPort()));
        }
        return String.join(" ", parts);
    }

    private static void addressTest(List<String> parts, String field, ConntrackMatch.AddressTest a) {
        if (a == null) return;
        parts.add(field + (a.inverted() ? "!= " : "") + new Ipv4Address(a.network()) + (a.prefixLength() == 32 ? "" : "/" + a.prefixLength()));
    }

    private static String portTest(ConntrackMatch.PortTest p) {
        return (p.inverted() ? "!= " : "") + (p.min() == p.max() ? Integer.toString(p.min()) : p.min() + "-" + p.max());
    }

    /**
     * libxt_hashlimit's translation, a meter keyed by the mode's fields (destination address,
     * destination port, source address, source port; ports as tcp's whatever the protocol, as
     * iptables 1.8.9 writes them), with the entry's timeout when it is not a second; null without
     * a mode (nothing to key by).
     */
    private static String hashlimit(HashlimitMatch h) {
        if (h.mode() == 0) return null;
        List<String> key = new ArrayList<>();
        int srcMask = h.srcMask() < 0 ? 32 : h.srcMask();
        int dstMask = h.dstMask() < 0 ? 32 : h.dstMask();
        if ((h.mode() & HashlimitMatch.DST_IP) != 0) key.add("ip daddr" + (dstMask < 32 ? " and " + mask(dstMask) : ""));
        if ((h.mode() & HashlimitMatch.DST_PORT) != 0) key.add("tcp dport");
        if ((h.mode() & HashlimitMatch.SRC_IP) != 0) key.add("ip saddr" + (srcMask < 32 ? " and " + mask(srcMask) : ""));
        if ((h.mode() & HashlimitMatch.SRC_PORT) != 0) key.add("tcp sport");
        String rate = Rates.print(h.avg(), HashlimitMatch.SCALE).replace("/sec", "/second").replace("/min", "/minute");
        long expiry = h.expiry();
        return "meter " + h.tableName() + " { " + String.join(" . ", key) + (expiry != 1000 ? " timeout " + expiry / 1000 + "s" : "")
                + " limit rate " + (h.above() ? "over " : "") + rate + (h.burst() != 5 ? " burst " + h.burst() + " packets" : "") + " }";
    }

    private static String tcp(TcpMatch t) {
        List<String> parts = new ArrayList<>();
        if (t.flagMask() != 0) {
            parts.add("tcp flags " + (t.flagsInverted() ? "!= " : "") + flags(t.flagCompare()) + " / " + flags(t.flagMask()));
        }
        String p = ports("tcp", t.srcPorts(), t.srcInverted(), t.dstPorts(), t.dstInverted());
        if (!p.isEmpty()) parts.add(p);
        return String.join(" ", parts);
    }

    private static String ports(String proto, PortRange src, boolean srcInv, PortRange dst, boolean dstInv) {
        List<String> parts = new ArrayList<>();
        if (!src.equals(PortRange.ALL) || srcInv) parts.add(proto + " sport " + (srcInv ? "!= " : "") + range(src));
        if (!dst.equals(PortRange.ALL) || dstInv) parts.add(proto + " dport " + (dstInv ? "!= " : "") + range(dst));
        return String.join(" ", parts);
    }

    private static String range(PortRange r) {
        return r.min() == r.max() ? Integer.toString(r.min()) : r.min() + "-" + r.max();
    }

    private static String flags(int bits) {
        String[] names = {"fin", "syn", "rst", "psh", "ack", "urg"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) if ((bits & (1 << i)) != 0) out.add(names[i]);
        return String.join(",", out);
    }

    /** The states as libxt_conntrack's translation lists them: invalid, new, related, established, untracked. */
    private static String states(int mask) {
        String[] order = {"INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED"};
        List<String> out = new ArrayList<>();
        for (String name : order) {
            if ((mask & stateBit(name)) != 0) out.add(name.toLowerCase(Locale.ROOT));
        }
        return String.join(",", out);
    }

    private static int stateBit(String name) {
        return 1 << dev.syssim.sim.netfilter.CtState.valueOf(name).ordinal();
    }

    private static String target(Target t, boolean translate) {
        if (t instanceof Target.Accept) return "accept";
        if (t instanceof Target.Drop) return "drop";
        if (t instanceof Target.Return) return "return";
        if (t instanceof Target.Jump j) return "jump " + j.chain();
        if (t instanceof Target.Goto g) return "goto " + g.chain();
        if (t instanceof Target.None) return "";
        if (t instanceof Target.Reject r) {
            return switch (r.with()) {
                case ICMP_PORT_UNREACHABLE -> "reject";
                case TCP_RESET -> "reject with tcp reset";
                default -> "reject with icmp type " + icmpReason(r.with());
            };
        }
        if (t instanceof Target.Log l) return l.prefix().isEmpty() ? "log" : "log prefix \"" + l.prefix() + "\"";
        if (t instanceof Target.Dnat d) return "dnat to " + natTo(d.range());
        if (t instanceof Target.Snat s) return "snat to " + natTo(s.range());
        if (t instanceof Target.Masquerade m) return m.range().hasPorts() ? "masquerade to :" + ports(m.range()) : "masquerade";
        if (t instanceof Target.Redirect r) return r.range().hasPorts() ? "redirect to :" + ports(r.range()) : "redirect";
        if (t instanceof Target.Mark mk) return "meta mark set " + xmark("mark", mk.value(), mk.mask(), false);
        if (t instanceof Target.Connmark cm && (translate || cm.mode() != Target.Connmark.Mode.SET)) {
            return switch (cm.mode()) {
                case SET -> "ct mark set " + xmark("ct mark", cm.value(), cm.ctMask(), true);
                case SAVE -> "ct mark set mark" + (cm.nfMask() == -1 ? "" : " and 0x" + Integer.toHexString(cm.nfMask()));
                case RESTORE -> "meta mark set ct mark" + (cm.ctMask() == -1 ? "" : " and 0x" + Integer.toHexString(cm.ctMask()));
            };
        }
        if (t instanceof Target.Ct ct && ct.notrack()) return "notrack";
        return translate ? null : "xt target " + t.name();
    }

    private static String natTo(Target.NatRange r) {
        StringBuilder out = new StringBuilder();
        if (r.hasAddress()) {
            out.append(new Ipv4Address(r.minAddress()));
            if (r.maxAddress() != r.minAddress()) out.append('-').append(new Ipv4Address(r.maxAddress()));
        }
        if (r.hasPorts()) out.append(':').append(ports(r));
        return out.toString();
    }

    private static String ports(Target.NatRange r) {
        return r.minPort() == r.maxPort() ? Integer.toString(r.minPort()) : r.minPort() + "-" + r.maxPort();
    }

    /** nft's name for an ICMP unreachable code ({@code icmp_code_tbl} in nftables' proto.c). */
    static String icmpReason(RejectWith with) {
        return switch (with) {
            case ICMP_NET_UNREACHABLE -> "net-unreachable";
            case ICMP_HOST_UNREACHABLE -> "host-unreachable";
            case ICMP_PROTO_UNREACHABLE -> "prot-unreachable";
            case ICMP_PORT_UNREACHABLE -> "port-unreachable";
            case ICMP_NET_PROHIBITED -> "net-prohibited";
            case ICMP_HOST_PROHIBITED -> "host-prohibited";
            case ICMP_ADMIN_PROHIBITED -> "admin-prohibited";
            case TCP_RESET -> "tcp reset";
        };
    }
}
