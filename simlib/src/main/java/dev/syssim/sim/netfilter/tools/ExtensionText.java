package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.netfilter.AddrtypeMatch;
import dev.syssim.sim.netfilter.ConnlimitMatch;
import dev.syssim.sim.netfilter.ConntrackMatch;
import dev.syssim.sim.netfilter.HashlimitMatch;
import dev.syssim.sim.netfilter.IprangeMatch;
import dev.syssim.sim.netfilter.LengthMatch;
import dev.syssim.sim.netfilter.LimitMatch;
import dev.syssim.sim.netfilter.MacMatch;
import dev.syssim.sim.netfilter.MarkMatch;
import dev.syssim.sim.netfilter.Match;
import dev.syssim.sim.netfilter.OwnerMatch;
import dev.syssim.sim.netfilter.PkttypeMatch;
import dev.syssim.sim.netfilter.RecentMatch;
import dev.syssim.sim.netfilter.Target;
import dev.syssim.sim.netfilter.TtlMatch;
import java.util.Locale;

/**
 * How iptables 1.8.9 prints the matches and targets of issue 21: their {@code -S}/save form (each
 * extension's {@code save}) and their {@code -L} form ({@code print}), as the recorded corpus shows
 * them.
 */
final class ExtensionText {

    private ExtensionText() {
    }

    // ---- -S and iptables-save ----

    static void save(StringBuilder out, Match match) {
        if (match instanceof LimitMatch m) {
            out.append(" --limit ").append(Rates.print(m.avg(), LimitMatch.SCALE));
            if (m.burst() != 5) out.append(" --limit-burst ").append(m.burst());
        } else if (match instanceof HashlimitMatch m) {
            out.append(m.above() ? " --hashlimit-above " : " --hashlimit-upto ").append(Rates.print(m.avg(), HashlimitMatch.SCALE));
            out.append(" --hashlimit-burst ").append(m.burst());
            if (m.mode() != 0) out.append(" --hashlimit-mode ").append(mode(m.mode(), ","));
            out.append(" --hashlimit-name ").append(m.tableName());
            if (m.srcMask() >= 0) out.append(" --hashlimit-srcmask ").append(m.srcMask());
            if (m.dstMask() >= 0) out.append(" --hashlimit-dstmask ").append(m.dstMask());
            if (m.expireMillis() >= 0) out.append(" --hashlimit-htable-expire ").append(m.expireMillis());
        } else if (match instanceof RecentMatch m) {
            if (m.inverted()) out.append(" !");
            out.append(switch (m.command()) {
                case SET -> " --set";
                case CHECK -> " --rcheck";
                case UPDATE -> " --update";
                case REMOVE -> " --remove";
            });
            if (m.seconds() != 0) out.append(" --seconds ").append(m.seconds());
            if (m.reap()) out.append(" --reap");
            if (m.hitCount() != 0) out.append(" --hitcount ").append(m.hitCount());
            if (m.ttl()) out.append(" --rttl");
            out.append(" --name ").append(m.listName()).append(" --mask ").append(new Ipv4Address(m.mask()));
            out.append(m.destination() ? " --rdest" : " --rsource");
        } else if (match instanceof ConnlimitMatch m) {
            out.append(m.upto() ? " --connlimit-upto " : " --connlimit-above ").append(m.limit())
                    .append(" --connlimit-mask ").append(m.maskBits()).append(m.destination() ? " --connlimit-daddr" : " --connlimit-saddr");
        } else if (match instanceof IprangeMatch m) {
            if (m.srcFrom() != null) out.append(m.srcInverted() ? " !" : "").append(" --src-range ").append(m.srcFrom()).append('-').append(m.srcTo());
            if (m.dstFrom() != null) out.append(m.dstInverted() ? " !" : "").append(" --dst-range ").append(m.dstFrom()).append('-').append(m.dstTo());
        } else if (match instanceof MacMatch m) {
            out.append(m.inverted() ? " !" : "").append(" --mac-source ").append(m.mac());
        } else if (match instanceof OwnerMatch m) {
            if (m.socketExists()) out.append(m.socketInverted() ? " !" : "").append(" --socket-exists");
            if (m.uidMin() >= 0) out.append(m.uidInverted() ? " !" : "").append(" --uid-owner ").append(range(m.uidMin(), m.uidMax()));
            if (m.gidMin() >= 0) out.append(m.gidInverted() ? " !" : "").append(" --gid-owner ").append(range(m.gidMin(), m.gidMax()));
        } else if (match instanceof LengthMatch m) {
            out.append(m.inverted() ? " !" : "").append(" --length ").append(m.min());
            if (m.min() != m.max()) out.append(':').append(m.max());
        } else if (match instanceof TtlMatch m) {
            out.append(switch (m.mode()) {
                case EQ -> " --ttl-eq ";
                case NE -> " ! --ttl-eq ";
                case LT -> " --ttl-lt ";
                case GT -> " --ttl-gt ";
            }).append(m.value());
        } else if (match instanceof PkttypeMatch m) {
            out.append(m.inverted() ? " !" : "").append(" --pkt-type ").append(m.type().name().toLowerCase(Locale.ROOT));
        } else if (match instanceof AddrtypeMatch m) {
            if (m.srcTypes() != 0) out.append(m.srcInverted() ? " !" : "").append(" --src-type ").append(types(m.srcTypes()));
            if (m.dstTypes() != 0) out.append(m.dstInverted() ? " !" : "").append(" --dst-type ").append(types(m.dstTypes()));
            if (m.limitIfaceIn()) out.append(" --limit-iface-in");
            if (m.limitIfaceOut()) out.append(" --limit-iface-out");
        } else if (match instanceof MarkMatch m) {
            out.append(m.inverted() ? " !" : "").append(" --mark ").append(markText(m.mark(), m.mask()));
        } else if (match instanceof ConntrackMatch m && m.fields() != null) {
            fields(out, m.fields(), true);
        }
    }

    static void saveTarget(StringBuilder out, Target target) {
        if (target instanceof Target.Dnat t) {
            out.append(" --to-destination ").append(natRange(t.range(), true)).append(flags(t.range(), true));
        } else if (target instanceof Target.Snat t) {
            out.append(" --to-source ").append(natRange(t.range(), true)).append(flags(t.range(), true));
        } else if (target instanceof Target.Masquerade t) {
            if (t.range().hasPorts()) out.append(" --to-ports ").append(ports(t.range()));
            out.append(flags(t.range(), true));
        } else if (target instanceof Target.Redirect t) {
            if (t.range().hasPorts()) out.append(" --to-ports ").append(ports(t.range()));
            out.append(flags(t.range(), true));
        } else if (target instanceof Target.Mark t) {
            out.append(" --set-xmark ").append(hex(t.value())).append('/').append(hex(t.mask()));
        } else if (target instanceof Target.Connmark t) {
            switch (t.mode()) {
                case SET -> out.append(" --set-xmark ").append(hex(t.value())).append('/').append(hex(t.ctMask()));
                case SAVE -> out.append(" --save-mark --nfmask ").append(hex(t.nfMask())).append(" --ctmask ").append(hex(t.ctMask()));
                case RESTORE -> out.append(" --restore-mark --nfmask ").append(hex(t.nfMask())).append(" --ctmask ").append(hex(t.ctMask()));
            }
        } else if (target instanceof Target.Ttl t) {
            out.append(switch (t.mode()) {
                case SET -> " --ttl-set ";
                case INC -> " --ttl-inc ";
                case DEC -> " --ttl-dec ";
            }).append(t.value());
        } else if (target instanceof Target.Ct t && t.notrack() && !t.oldName()) {
            out.append(" --notrack");
        }
    }

    // ---- -L ----

    static void list(StringBuilder out, Match match) {
        if (match instanceof LimitMatch m) {
            out.append(" limit: avg ").append(Rates.print(m.avg(), LimitMatch.SCALE)).append(" burst ").append(m.burst());
        } else if (match instanceof HashlimitMatch m) {
            out.append(" limit: ").append(m.above() ? "above " : "up to ").append(Rates.print(m.avg(), HashlimitMatch.SCALE))
                    .append(" burst ").append(m.burst());
            if (m.mode() != 0) out.append(" mode ").append(mode(m.mode(), "-"));
            if (m.srcMask() >= 0) out.append(" srcmask ").append(m.srcMask());
            if (m.dstMask() >= 0) out.append(" dstmask ").append(m.dstMask());
            if (m.expireMillis() >= 0) out.append(" htable-expire ").append(m.expireMillis());
        } else if (match instanceof RecentMatch m) {
            out.append(m.inverted() ? " !" : "").append(" recent: ").append(switch (m.command()) {
                case SET -> "SET";
                case CHECK -> "CHECK";
                case UPDATE -> "UPDATE";
                case REMOVE -> "REMOVE";
            });
            if (m.seconds() != 0) out.append(" seconds: ").append(m.seconds());
            if (m.reap()) out.append(" reap");
            if (m.hitCount() != 0) out.append(" hit_count: ").append(m.hitCount());
            if (m.ttl()) out.append(" TTL-Match");
            out.append(" name: ").append(m.listName()).append(" side: ").append(m.destination() ? "dest" : "source")
                    .append(" mask: ").append(new Ipv4Address(m.mask()));
        } else if (match instanceof ConnlimitMatch m) {
            out.append(" #conn ").append(m.destination() ? "dst" : "src").append('/').append(m.maskBits())
                    .append(m.upto() ? " <= " : " > ").append(m.limit());
        } else if (match instanceof IprangeMatch m) {
            if (m.srcFrom() != null) out.append(" source IP range ").append(m.srcInverted() ? "! " : "").append(m.srcFrom()).append('-').append(m.srcTo());
            if (m.dstFrom() != null) out.append(" destination IP range ").append(m.dstInverted() ? "! " : "").append(m.dstFrom()).append('-').append(m.dstTo());
        } else if (match instanceof MacMatch m) {
            out.append(" MAC ").append(m.inverted() ? "! " : "").append(m.mac());
        } else if (match instanceof OwnerMatch m) {
            if (m.socketExists()) out.append(m.socketInverted() ? " !" : "").append(" owner socket exists");
            if (m.uidMin() >= 0) out.append(m.uidInverted() ? " !" : "").append(" owner UID match ").append(range(m.uidMin(), m.uidMax()));
            if (m.gidMin() >= 0) out.append(m.gidInverted() ? " !" : "").append(" owner GID match ").append(range(m.gidMin(), m.gidMax()));
        } else if (match instanceof LengthMatch m) {
            out.append(" length ").append(m.inverted() ? "!" : "").append(m.min());
            if (m.min() != m.max()) out.append(':').append(m.max());
        } else if (match instanceof TtlMatch m) {
            out.append(" TTL match TTL ").append(switch (m.mode()) {
                case EQ -> "== ";
                case NE -> "!= ";
                case LT -> "< ";
                case GT -> "> ";
            }).append(m.value());
        } else if (match instanceof PkttypeMatch m) {
            out.append(" PKTTYPE ").append(m.inverted() ? "!= " : "= ").append(m.type().name().toLowerCase(Locale.ROOT));
        } else if (match instanceof AddrtypeMatch m) {
            out.append(" ADDRTYPE match");
            if (m.srcTypes() != 0) out.append(" src-type ").append(m.srcInverted() ? "!" : "").append(types(m.srcTypes()));
            if (m.dstTypes() != 0) out.append(" dst-type ").append(m.dstInverted() ? "!" : "").append(types(m.dstTypes()));
            if (m.limitIfaceIn()) out.append(" limit-in");
            if (m.limitIfaceOut()) out.append(" limit-out");
        } else if (match instanceof MarkMatch m) {
            out.append(m.connection() ? " connmark match " : " mark match").append(m.inverted() ? " !" : "").append(' ')
                    .append(markText(m.mark(), m.mask()));
        } else if (match instanceof ConntrackMatch m && m.fields() != null) {
            fields(out, m.fields(), false);
        }
    }

    static void listTarget(StringBuilder out, Target target) {
        if (target instanceof Target.Dnat t) {
            out.append(" to:").append(natRange(t.range(), false)).append(flags(t.range(), false));
        } else if (target instanceof Target.Snat t) {
            out.append(" to:").append(natRange(t.range(), false)).append(flags(t.range(), false));
        } else if (target instanceof Target.Masquerade t) {
            if (t.range().hasPorts()) out.append(" masq ports: ").append(ports(t.range()));
            out.append(flags(t.range(), false));
        } else if (target instanceof Target.Redirect t) {
            if (t.range().hasPorts()) out.append(" redir ports ").append(ports(t.range()));
            out.append(flags(t.range(), false));
        } else if (target instanceof Target.Mark t) {
            out.append(" MARK").append(markOperation(t.value(), t.mask()));
        } else if (target instanceof Target.Connmark t) {
            switch (t.mode()) {
                case SET -> out.append(" CONNMARK").append(markOperation(t.value(), t.ctMask()));
                case SAVE, RESTORE -> {
                    out.append(" CONNMARK ").append(t.mode() == Target.Connmark.Mode.SAVE ? "save" : "restore");
                    if (t.nfMask() != -1 || t.ctMask() != -1) {
                        if (t.nfMask() == t.ctMask()) out.append(" mask ").append(hex(t.nfMask()));
                        else out.append(" nfmask ").append(hex(t.nfMask())).append(" ctmask ~").append(hex(t.ctMask()));
                    }
                }
            }
        } else if (target instanceof Target.Ttl t) {
            out.append(switch (t.mode()) {
                case SET -> " TTL set to ";
                case INC -> " TTL increment by ";
                case DEC -> " TTL decrement by ";
            }).append(t.value());
        } else if (target instanceof Target.Ct t) {
            out.append(t.oldName() ? " NOTRACK" : t.notrack() ? " CT notrack" : " CT");
        }
    }

    /** The name in {@code -L}'s target column: CT for both CT and NOTRACK. */
    static String listName(Target target) {
        return target instanceof Target.Ct ? "CT" : target.name();
    }

    // ---- helpers ----

    private static String markOperation(int value, int mask) {
        if (value == 0) return " and " + hex(~mask);
        if (value == mask) return " or " + hex(value);
        if (mask == 0) return " xor " + hex(value);
        if (mask == -1) return " set " + hex(value);
        return " xset " + hex(value) + "/" + hex(mask);
    }

    private static String markText(int mark, int mask) {
        return mask == -1 ? hex(mark) : hex(mark) + "/" + hex(mask);
    }

    private static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }

    private static String range(long min, long max) {
        return min == max ? Long.toString(min) : min + "-" + max;
    }

    private static String mode(int mode, String separator) {
        StringBuilder out = new StringBuilder();
        String[] names = {"srcip", "srcport", "dstip", "dstport"};
        int[] bits = {HashlimitMatch.SRC_IP, HashlimitMatch.SRC_PORT, HashlimitMatch.DST_IP, HashlimitMatch.DST_PORT};
        for (int i = 0; i < names.length; i++) {
            if ((mode & bits[i]) == 0) continue;
            if (out.length() > 0) out.append(separator);
            out.append(names[i]);
        }
        return out.toString();
    }

    private static String types(int bits) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < AddrtypeMatch.TYPES.length; i++) {
            if ((bits & (1 << i)) == 0) continue;
            if (out.length() > 0) out.append(',');
            out.append(AddrtypeMatch.TYPES[i]);
        }
        return out.toString();
    }

    private static String natRange(Target.NatRange r, boolean save) {
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

    private static String flags(Target.NatRange r, boolean save) {
        StringBuilder out = new StringBuilder();
        if (r.random()) out.append(save ? " --random" : " random");
        if (r.fullyRandom()) out.append(save ? " --random-fully" : " random-fully");
        if (r.persistent()) out.append(save ? " --persistent" : " persistent");
        return out.toString();
    }

    private static void fields(StringBuilder out, ConntrackMatch.CtFields f, boolean save) {
        String dash = save ? " --" : " ";
        if (f.protocol() != 0) out.append(f.protocolInverted() ? " !" : "").append(dash).append("ctproto ").append(f.protocol());
        address(out, dash + "ctorigsrc ", f.origSrc());
        address(out, dash + "ctorigdst ", f.origDst());
        address(out, dash + "ctreplsrc ", f.replSrc());
        address(out, dash + "ctrepldst ", f.replDst());
        port(out, dash + "ctorigsrcport ", f.origSrcPort());
        port(out, dash + "ctorigdstport ", f.origDstPort());
        port(out, dash + "ctreplsrcport ", f.replSrcPort());
        port(out, dash + "ctrepldstport ", f.replDstPort());
        if (f.status() >= 0) {
            out.append(f.statusInverted() ? " !" : "").append(dash).append("ctstatus ").append(status(f.status()));
        }
        port(out, dash + "ctexpire ", f.expire());
        if (f.direction() != null) out.append(dash).append("ctdir ").append(f.direction().name());
    }

    private static void address(StringBuilder out, String option, ConntrackMatch.AddressTest test) {
        if (test == null) return;
        out.append(test.inverted() ? " !" : "").append(option).append(new Ipv4Address(test.network()));
        if (test.prefixLength() != 32) out.append('/').append(test.prefixLength());
    }

    private static void port(StringBuilder out, String option, ConntrackMatch.PortTest test) {
        if (test == null) return;
        out.append(test.inverted() ? " !" : "").append(option).append(test.min());
        if (test.min() != test.max()) out.append(':').append(test.max());
    }

    private static String status(int bits) {
        if (bits == 0) return "NONE";
        String[] names = {"EXPECTED", "SEEN_REPLY", "ASSURED", "CONFIRMED"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if ((bits & (1 << i)) == 0) continue;
            if (out.length() > 0) out.append(',');
            out.append(names[i]);
        }
        return out.toString();
    }
}
