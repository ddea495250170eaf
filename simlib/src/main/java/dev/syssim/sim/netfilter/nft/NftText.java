package dev.syssim.sim.netfilter.nft;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.netfilter.Hook;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How nft 1.0.6 prints native tables, sets, chains and rules ({@code nft list ruleset}): tabs,
 * sets before chains, a blank line between blocks, {@code # handle N} with {@code -a}, priorities
 * by their standard names ({@code priority filter + 10}), ports and protocols as numbers and
 * names as nft prints them, the {@code ct state} names in the kernel's bit order, set members
 * sorted with their timeouts and what is left of them.
 */
public final class NftText {

    /** The standard priority names nft prints, with their values. */
    private static final String[] PRIORITY_NAMES = {"raw", "mangle", "dstnat", "filter", "security", "srcnat"};
    private static final int[] PRIORITY_VALUES = {-300, -150, -100, 0, 50, 100};
    private static final String[] STATES = {"invalid", "established", "related", "new", "untracked"};
    private static final long[] STATE_BITS = {1, 2, 4, 8, 64};
    static final Map<String, Integer> ICMP_TYPES = Map.ofEntries(Map.entry("echo-reply", 0),
            Map.entry("destination-unreachable", 3), Map.entry("source-quench", 4), Map.entry("redirect", 5),
            Map.entry("echo-request", 8), Map.entry("router-advertisement", 9), Map.entry("router-solicitation", 10),
            Map.entry("time-exceeded", 11), Map.entry("parameter-problem", 12), Map.entry("timestamp-request", 13),
            Map.entry("timestamp-reply", 14), Map.entry("info-request", 15), Map.entry("info-reply", 16),
            Map.entry("address-mask-request", 17), Map.entry("address-mask-reply", 18));

    private NftText() {
    }

    /**
     * How to print: with handles ({@code -a}), without counts ({@code -s}), priorities as numbers
     * ({@code -n}, {@code -y}).
     */
    public record Style(boolean handles, boolean stateless, boolean numeric) {
    }

    /** {@code table FAMILY NAME {} with its handle if asked (nft shows it only when listing whole tables). */
    public static String tableHead(String family, String name, long handle, Style style) {
        return "table " + family + " " + name + " {" + (style.handles() ? " # handle " + handle : "") + "\n";
    }

    /** The head of a listing of part of a table (a chain, the chains, sets): without the table's handle. */
    public static String partHead(String family, String name) {
        return "table " + family + " " + name + " {\n";
    }

    /** A whole native table. */
    public static String table(NftTable t, Style style, long now) {
        StringBuilder out = new StringBuilder(tableHead(t.family(), t.name(), t.handle, style));
        boolean first = true;
        for (NftSet set : t.sets.values()) {
            if (!first) out.append('\n');
            first = false;
            set(out, set, style, now);
        }
        for (NftChain chain : t.chains.values()) {
            if (!first) out.append('\n');
            first = false;
            chain(out, chain, style, true);
        }
        return out.append("}\n").toString();
    }

    /** {@code nft list chain}: the table around one chain. */
    public static String chainOnly(NftTable t, NftChain chain, Style style) {
        StringBuilder out = new StringBuilder(partHead(t.family(), t.name()));
        chain(out, chain, style, true);
        return out.append("}\n").toString();
    }

    /** {@code nft list chains}: the table around its chains, without their rules. */
    public static String chainsOnly(NftTable t, Style style) {
        StringBuilder out = new StringBuilder(partHead(t.family(), t.name()));
        for (NftChain chain : t.chains.values()) chain(out, chain, style, false);
        return out.append("}\n").toString();
    }

    /** {@code nft list set} or {@code nft list sets}: the table around its sets. */
    public static String setsOnly(NftTable t, List<NftSet> sets, Style style, long now) {
        StringBuilder out = new StringBuilder(partHead(t.family(), t.name()));
        for (NftSet set : sets) set(out, set, style, now);
        return out.append("}\n").toString();
    }

    private static void set(StringBuilder out, NftSet set, Style style, long now) {
        out.append("\tset ").append(set.name()).append(" {");
        if (style.handles()) out.append(" # handle ").append(set.handle);
        out.append("\n\t\ttype ").append(set.type()).append('\n');
        List<String> flags = new ArrayList<>();
        if (set.hasInterval()) flags.add("interval");
        if (set.hasTimeout()) flags.add("timeout");
        if (!flags.isEmpty()) out.append("\t\tflags ").append(String.join(",", flags)).append('\n');
        set.expire(now);
        if (!set.elements.isEmpty()) {
            boolean address = set.type().equals("ipv4_addr");
            // nft breaks a named set's members onto new lines: two addresses, or five ports, a line.
            int perLine = address ? 2 : 5;
            out.append("\t\telements = { ");
            int count = 0;
            for (Map.Entry<Long, NftSet.Element> e : set.elements.entrySet()) {
                NftSet.Element el = e.getValue();
                if (count > 0) out.append(count % perLine == 0 ? ",\n\t\t\t     " : ", ");
                count++;
                long[] range = {e.getKey(), el.high()};
                out.append(address ? value(NftExpr.Field.IP_SADDR, range) : value(NftExpr.Field.TCP_DPORT, range));
                if (el.timeoutMillis() > 0) {
                    out.append(" timeout ").append(duration(el.timeoutMillis())).append(" expires ")
                            .append(duration(Math.max(0, (el.expires() - now) / 1_000_000L)));
                }
            }
            out.append(" }\n");
        }
        out.append("\t}\n");
    }

    private static void chain(StringBuilder out, NftChain chain, Style style, boolean rules) {
        out.append("\tchain ").append(chain.name()).append(" {");
        if (style.handles()) out.append(" # handle ").append(chain.handle);
        out.append('\n');
        if (chain.isBase()) out.append(baseLine(chain.type, chain.hook, chain.priority, chain.dropPolicy, style));
        if (rules) {
            for (NftRule rule : chain.rules) {
                out.append("\t\t").append(rule(rule, style.stateless()));
                if (style.handles()) out.append(" # handle ").append(rule.handle());
                out.append('\n');
            }
        }
        out.append("\t}\n");
    }

    /** {@code type filter hook input priority filter; policy drop;} with its tabs and newline. */
    public static String baseLine(String type, Hook hook, int priority, boolean drop, Style style) {
        return "\t\ttype " + type + " hook " + hookName(hook) + " priority " + (style.numeric() ? Integer.toString(priority) : priority(priority))
                + "; policy " + (drop ? "drop" : "accept") + ";\n";
    }

    public static String hookName(Hook hook) {
        return hook.name().toLowerCase(Locale.ROOT);
    }

    /** The hook {@code name} stands for ({@code input}), or null. */
    public static Hook hookNamed(String name) {
        for (Hook h : Hook.values()) if (hookName(h).equals(name)) return h;
        return null;
    }

    /** {@code filter}, {@code filter + 10}, {@code mangle - 5}: the nearest standard name and the difference. */
    public static String priority(int value) {
        int best = 0;
        for (int i = 1; i < PRIORITY_VALUES.length; i++) {
            if (Math.abs(value - PRIORITY_VALUES[i]) < Math.abs(value - PRIORITY_VALUES[best])) best = i;
        }
        int d = value - PRIORITY_VALUES[best];
        return PRIORITY_NAMES[best] + (d == 0 ? "" : d > 0 ? " + " + d : " - " + -d);
    }

    /** A rule's expressions and statements, as nft prints them ({@code stateless}: counters without counts). */
    public static String rule(NftRule rule, boolean stateless) {
        List<String> parts = new ArrayList<>();
        for (NftExpr e : rule.exprs()) parts.add(expr(e, stateless));
        return String.join(" ", parts);
    }

    static String expr(NftExpr e, boolean stateless) {
        if (e instanceof NftExpr.Match m) return match(m);
        if (e instanceof NftExpr.Counter c) return stateless ? "counter" : "counter packets " + c.packets + " bytes " + c.bytes;
        if (e instanceof NftExpr.Limit l) {
            return "limit rate " + (l.over ? "over " : "") + l.rate + "/" + l.unit + (l.burst != 5 ? " burst " + l.burst + " packets" : "");
        }
        if (e instanceof NftExpr.Log log) {
            return "log" + (log.prefix() == null ? "" : " prefix \"" + log.prefix() + "\"") + (log.level() == null ? "" : " level " + log.level());
        }
        if (e instanceof NftExpr.Comment c) return "comment \"" + c.text() + "\"";
        if (e instanceof NftExpr.Vmap map) {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < map.keys().size(); i++) {
                long[] k = map.keys().get(i);
                String key = map.field() == NftExpr.Field.CT_STATE ? stateName(k[0]) : value(map.field(), k);
                pairs.add(key + " : " + expr(map.verdicts().get(i), stateless));
            }
            return map.field().text() + " vmap { " + String.join(", ", pairs) + " }";
        }
        NftExpr.Verdict v = (NftExpr.Verdict) e;
        return switch (v.kind()) {
            case "jump", "goto" -> v.kind() + " " + v.argument();
            case "reject" -> v.argument() == null ? "reject" : "reject with " + v.argument();
            default -> v.kind();
        };
    }

    static String match(NftExpr.Match m) {
        String value;
        if (m.setName() != null) {
            value = "@" + m.setName();
        } else if (m.field() == NftExpr.Field.CT_STATE && m.anonymous()) {
            List<String> names = new ArrayList<>();
            for (long[] r : m.ranges()) {
                for (int i = 0; i < STATES.length; i++) if (r[0] == STATE_BITS[i]) names.add(STATES[i]);
            }
            value = "{ " + String.join(", ", names) + " }";
        } else if (m.field() == NftExpr.Field.CT_STATE) {
            long bits = 0;
            for (long[] r : m.ranges()) bits |= r[0];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < STATES.length; i++) if ((bits & STATE_BITS[i]) != 0) names.add(STATES[i]);
            value = String.join(",", names);
        } else if (m.field().isInterface()) {
            List<String> quoted = new ArrayList<>();
            for (String n : m.names()) quoted.add("\"" + n + "\"");
            value = m.anonymous() ? "{ " + String.join(", ", quoted) + " }" : quoted.get(0);
        } else {
            List<String> values = new ArrayList<>();
            for (long[] r : m.ranges()) values.add(value(m.field(), r));
            value = m.anonymous() ? "{ " + String.join(", ", values) + " }" : values.get(0);
        }
        return m.field().text() + (m.negated() ? " != " : " ") + value;
    }

    private static String value(NftExpr.Field field, long[] r) {
        if (field.isAddress()) {
            long size = r[1] - r[0] + 1;
            if (r[0] == r[1]) return new Ipv4Address((int) r[0]).toString();
            if (Long.bitCount(size) == 1 && (r[0] & (size - 1)) == 0) {
                return new Ipv4Address((int) r[0]) + "/" + (32 - Long.numberOfTrailingZeros(size));
            }
            return new Ipv4Address((int) r[0]) + "-" + new Ipv4Address((int) r[1]);
        }
        if (field == NftExpr.Field.L4PROTO || field == NftExpr.Field.IP_PROTOCOL) return protocol((int) r[0]);
        if (field == NftExpr.Field.ICMP_TYPE) {
            for (Map.Entry<String, Integer> e : ICMP_TYPES.entrySet()) if (e.getValue() == r[0]) return e.getKey();
            return Long.toString(r[0]);
        }
        return r[0] == r[1] ? Long.toString(r[0]) : r[0] + "-" + r[1];
    }

    /** The ICMP type {@code name} stands for ({@code echo-request} 8), or -1. */
    public static int icmpTypeNamed(String name) {
        Integer type = ICMP_TYPES.get(name);
        return type == null ? -1 : type;
    }

    private static String stateName(long bit) {
        for (int i = 0; i < STATES.length; i++) if (STATE_BITS[i] == bit) return STATES[i];
        return Long.toString(bit);
    }

    /** The kernel's bit for the ct state {@code name}, or 0. */
    public static long stateNamed(String name) {
        for (int i = 0; i < STATES.length; i++) if (STATES[i].equals(name)) return STATE_BITS[i];
        return 0;
    }

    /**
     * nft's time values: {@code 1h}, {@code 30m}, {@code 1h30m}, {@code 10s}, {@code 500ms},
     * {@code 2d}, a bare number being seconds; in ms, or -1 if not a time.
     */
    public static long parseDuration(String text) {
        if (text.isEmpty()) return -1;
        if (text.chars().allMatch(Character::isDigit)) return Long.parseLong(text) * 1000;
        long total = 0;
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && Character.isDigit(text.charAt(j))) j++;
            if (j == i) return -1;
            long n = Long.parseLong(text.substring(i, j));
            int k = j;
            while (k < text.length() && Character.isLetter(text.charAt(k))) k++;
            long unit = switch (text.substring(j, k)) {
                case "d" -> 86_400_000L;
                case "h" -> 3_600_000L;
                case "m" -> 60_000L;
                case "s" -> 1000L;
                case "ms" -> 1L;
                default -> -1L;
            };
            if (unit < 0) return -1;
            total += n * unit;
            i = k;
        }
        return total;
    }

    public static String protocol(int number) {
        return switch (number) {
            case 1 -> "icmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            default -> Integer.toString(number);
        };
    }

    /** nft's time format: {@code 1h}, {@code 59m59s964ms}, {@code 1d2h}. */
    public static String duration(long millis) {
        if (millis == 0) return "0s";
        StringBuilder out = new StringBuilder();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        long left = millis;
        for (int i = 0; i < units.length; i++) {
            long n = left / units[i];
            left %= units[i];
            if (n > 0) out.append(n).append(names[i]);
        }
        return out.toString();
    }
}
