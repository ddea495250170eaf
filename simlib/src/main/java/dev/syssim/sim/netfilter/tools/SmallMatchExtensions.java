package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Ipv4Address;
import dev.syssim.sim.netfilter.AddrtypeMatch;
import dev.syssim.sim.netfilter.IprangeMatch;
import dev.syssim.sim.netfilter.LengthMatch;
import dev.syssim.sim.netfilter.MacMatch;
import dev.syssim.sim.netfilter.MarkMatch;
import dev.syssim.sim.netfilter.Match;
import dev.syssim.sim.netfilter.OwnerMatch;
import dev.syssim.sim.netfilter.PkttypeMatch;
import dev.syssim.sim.netfilter.SetMatch;
import dev.syssim.sim.netfilter.TtlMatch;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The small match extensions, each a few options: iprange, mac, owner, length, ttl, pkttype,
 * addrtype, mark and connmark, set — parsed and checked with their libxt_* messages.
 */
final class SmallMatchExtensions {

    private SmallMatchExtensions() {
    }

    static XtablesError badValue(String ext, String option, String arg) {
        return XtablesError.parameter(ext + ": Bad value for \"--" + option + "\" option: \"" + arg + "\"");
    }

    static XtablesError outOfRange(String ext, String option, long min, long max) {
        return XtablesError.parameter(ext + ": bad value for option \"--" + option + "\", or out of range (" + min + "-"
                + max + ").\n");
    }

    /** {@code -m iprange --src-range A[-B] --dst-range C[-D]}. */
    static final class Iprange extends MatchExtension {
        private final Ipv4Address[] ranges = new Ipv4Address[4];
        private final boolean[] inverted = new boolean[2];

        Iprange() {
            super("iprange");
        }

        @Override
        List<Option> options() {
            return List.of(new Option("src-range", 1, 0), new Option("dst-range", 1, 1));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            checkOnceAndInvert(id, invert, true);
            String option = id == 0 ? "src-range" : "dst-range";
            int dash = arg.indexOf('-');
            String first = dash < 0 ? arg : arg.substring(0, dash);
            String last = dash < 0 ? arg : arg.substring(dash + 1);
            ranges[2 * id] = Ipv4Address.tryParse(first).orElseThrow(() -> badValue("iprange", option, first));
            ranges[2 * id + 1] = Ipv4Address.tryParse(last).orElseThrow(() -> badValue("iprange", option, last));
            inverted[id] = invert;
            if (ranges[2 * id].compareTo(ranges[2 * id + 1]) > 0) {
                // libxt_iprange only warns, and the rule goes in: it matches nothing.
                state.warnings.append("xt_iprange: range ").append(ranges[2 * id]).append('-').append(ranges[2 * id + 1])
                        .append(" is reversed and will never match\n");
            }
        }

        @Override
        void finalCheck() {
            if (!anySeen()) {
                throw XtablesError.parameter("iprange match: You must specify `--src-range' or `--dst-range'");
            }
        }

        @Override
        Match build() {
            return new IprangeMatch(ranges[0], ranges[1], inverted[0], ranges[2], ranges[3], inverted[1]);
        }
    }

    /** {@code -m mac --mac-source XX:XX:XX:XX:XX:XX}. */
    static final class Mac extends MatchExtension {
        private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){5}");
        private String mac;
        private boolean inverted;

        Mac() {
            super("mac");
        }

        @Override
        List<Option> options() {
            return List.of(new Option("mac-source", 1, 0));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            checkOnceAndInvert(id, invert, true);
            if (!MAC.matcher(arg).matches()) throw XtablesError.parameter("Invalid MAC address specified.");
            StringBuilder out = new StringBuilder();
            for (String part : arg.split(":")) {
                if (out.length() > 0) out.append(':');
                out.append(String.format("%02x", Integer.parseInt(part, 16)));
            }
            mac = out.toString();
            inverted = invert;
        }

        @Override
        void finalCheck() {
            requireSeen(0);
        }

        @Override
        Match build() {
            return new MacMatch(mac, inverted);
        }
    }

    /** {@code -m owner --uid-owner U[-U] --gid-owner G[-G] --socket-exists}; names from the machine's user database. */
    static final class Owner extends MatchExtension {
        private final long[] uid = {-1, -1};
        private final long[] gid = {-1, -1};
        private final boolean[] inverted = new boolean[3];

        Owner() {
            super("owner");
        }

        @Override
        List<Option> options() {
            return List.of(new Option("uid-owner", 1, 0), new Option("gid-owner", 1, 1), new Option("socket-exists", 0, 2));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            checkOnceAndInvert(id, invert, true);
            inverted[id] = invert;
            if (id == 2) return;
            long[] range = id == 0 ? uid : gid;
            String option = id == 0 ? "uid-owner" : "gid-owner";
            int dash = arg.indexOf('-', 1);
            String low = dash < 0 ? arg : arg.substring(0, dash);
            String high = dash < 0 ? arg : arg.substring(dash + 1);
            range[0] = id(low, option, arg);
            range[1] = id(high, option, arg);
        }

        /**
         * A number, or a name. Simplified: only {@code root} is known by name, the one account every
         * machine has with the same id; iptables would look the name up in the machine's /etc/passwd.
         */
        private static long id(String text, String option, String arg) {
            OptionalLong n = CNumbers.parse(text, 0, 0xFFFFFFFEL);
            if (n.isPresent()) return n.getAsLong();
            if (text.equals("root")) return 0;
            throw badValue("owner", option, arg);
        }

        @Override
        void finalCheck() {
            if (!anySeen()) {
                throw XtablesError.parameter("owner: At least one of --uid-owner, --gid-owner or --socket-exists is required");
            }
        }

        @Override
        Match build() {
            return new OwnerMatch(uid[0], uid[1], inverted[0], gid[0], gid[1], inverted[1], seen(2), inverted[2]);
        }
    }

    /** {@code -m length --length MIN[:MAX]}. */
    static final class Length extends MatchExtension {
        private int min;
        private int max;
        private boolean inverted;

        Length() {
            super("length");
        }

        @Override
        List<Option> options() {
            return List.of(new Option("length", 1, 0));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            checkOnceAndInvert(id, invert, true);
            int colon = arg.indexOf(':');
            String low = colon < 0 ? arg : arg.substring(0, colon);
            String high = colon < 0 ? arg : arg.substring(colon + 1);
            min = low.isEmpty() ? 0 : value(low);
            max = high.isEmpty() ? 65535 : value(high);
            inverted = invert;
        }

        private static int value(String text) {
            OptionalLong n = CNumbers.parse(text, 0, 65535);
            if (n.isEmpty()) {
                throw XtablesError.parameter("length: bad value for option \"--length\" near \"" + text
                        + "\", or out of range (0-65535).\n");
            }
            return (int) n.getAsLong();
        }

        @Override
        void finalCheck() {
            requireSeen(0);
        }

        @Override
        Match build() {
            return new LengthMatch(min, max, inverted);
        }
    }

    /** {@code -m ttl --ttl-eq|--ttl-lt|--ttl-gt N}. */
    static final class Ttl extends MatchExtension {
        private TtlMatch.Mode mode;
        private int value;

        Ttl() {
            super("ttl");
        }

        @Override
        List<Option> options() {
            return List.of(new Option("ttl-eq", 1, 0), new Option("ttl-lt", 1, 1), new Option("ttl-gt", 1, 2));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            String[] names = {"ttl-eq", "ttl-lt", "ttl-gt"};
            checkOnceAndInvert(id, invert, id == 0);
            OptionalLong n = CNumbers.parse(arg, 0, 255);
            if (n.isEmpty()) throw outOfRange("ttl", names[id], 0, 255);
            value = (int) n.getAsLong();
            mode = id == 0 ? (invert ? TtlMatch.Mode.NE : TtlMatch.Mode.EQ) : id == 1 ? TtlMatch.Mode.LT : TtlMatch.Mode.GT;
        }

        @Override
        void finalCheck() {
            String[] names = {"ttl-eq", "ttl-lt", "ttl-gt"};
            int[] order = {1, 2, 0};
            for (int first : order) {
                if (!seen(first)) continue;
                for (int other = 0; other < 3; other++) {
                    if (other != first && seen(other)) {
                        throw XtablesError.parameter("ttl: option \"--" + names[first] + "\" cannot be used together with \"--"
                                + names[other] + "\".\n");
                    }
                }
            }
            if (mode == null) {
                throw XtablesError.parameter("TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt");
            }
        }

        @Override
        Match build() {
            return new TtlMatch(mode, value);
        }
    }

    /** {@code -m pkttype --pkt-type unicast|broadcast|multicast} ({@code host} is unicast). */
    static final class Pkttype extends MatchExtension {
        private PkttypeMatch.Type type;
        private boolean inverted;

        Pkttype() {
            super("pkttype");
        }

        @Override
        List<Option> options() {
            return List.of(new Option("pkt-type", 1, 0));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            checkOnceAndInvert(id, invert, true);
            type = switch (arg.toLowerCase(Locale.ROOT)) {
                case "unicast", "host" -> PkttypeMatch.Type.UNICAST;
                case "broadcast" -> PkttypeMatch.Type.BROADCAST;
                case "multicast" -> PkttypeMatch.Type.MULTICAST;
                default -> throw XtablesError.parameter("Bad packet type '" + arg + "'");
            };
            inverted = invert;
        }

        @Override
        void finalCheck() {
            requireSeen(0);
        }

        @Override
        Match build() {
            return new PkttypeMatch(type, inverted);
        }
    }

    /** {@code -m addrtype --src-type T[,T] --dst-type T[,T] [--limit-iface-in|--limit-iface-out]}. */
    static final class Addrtype extends MatchExtension {
        private final int[] types = new int[2];
        private final boolean[] inverted = new boolean[2];

        Addrtype() {
            super("addrtype");
        }

        @Override
        List<Option> options() {
            return List.of(new Option("src-type", 1, 0), new Option("dst-type", 1, 1),
                    new Option("limit-iface-in", 0, 2), new Option("limit-iface-out", 0, 3));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            checkOnceAndInvert(id, invert, id <= 1);
            if (id > 1) return;
            int bits = 0;
            for (String word : arg.split(",")) {
                int found = -1;
                for (int i = 0; i < AddrtypeMatch.TYPES.length; i++) {
                    if (AddrtypeMatch.TYPES[i].equalsIgnoreCase(word)) found = i;
                }
                if (found < 0) throw XtablesError.parameter("addrtype: bad type \"" + word + "\"");
                bits |= 1 << found;
            }
            types[id] = bits;
            inverted[id] = invert;
        }

        @Override
        Match build() {
            return new AddrtypeMatch(types[0], inverted[0], types[1], inverted[1], seen(2), seen(3));
        }
    }

    /** {@code -m mark --mark V[/M]} and {@code -m connmark --mark V[/M]}. */
    static final class Mark extends MatchExtension {
        private final boolean connection;
        private int mark;
        private int mask = -1;
        private boolean inverted;

        Mark(boolean connection) {
            super(connection ? "connmark" : "mark");
            this.connection = connection;
        }

        @Override
        List<Option> options() {
            return List.of(new Option("mark", 1, 0));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            checkOnceAndInvert(id, invert, true);
            int[] value = markAndMask(name(), "mark", arg);
            mark = value[0];
            mask = value[1];
            inverted = invert;
        }

        @Override
        void finalCheck() {
            requireSeen(0);
        }

        @Override
        Match build() {
            return new MarkMatch(mark, mask, inverted, connection);
        }
    }

    /** libxtables' {@code xtables_parse_mark}: {@code V[/M]}, C numbers, mask all ones if not given. */
    static int[] markAndMask(String ext, String option, String arg) {
        int slash = arg.indexOf('/');
        OptionalLong value = CNumbers.parse(slash < 0 ? arg : arg.substring(0, slash), 0, 0xFFFFFFFFL);
        OptionalLong mask = slash < 0 ? OptionalLong.of(0xFFFFFFFFL) : CNumbers.parse(arg.substring(slash + 1), 0, 0xFFFFFFFFL);
        if (value.isEmpty() || mask.isEmpty()) {
            throw XtablesError.parameter(ext + ": bad integer value for option \"--" + option + "\", or out of range.\n");
        }
        return new int[] {(int) value.getAsLong(), (int) mask.getAsLong()};
    }

    /**
     * {@code -m set [!] --match-set NAME src|dst[,...] [--return-nomatch]} (libxt_set, revision 4):
     * the set is looked up in the kernel while the command line is read, so a missing set is an
     * error before anything else is checked.
     */
    static final class Set extends MatchExtension {
        /** IPSET_DIM_MAX. */
        private static final int MAX_DIMENSIONS = 6;
        private String setName;
        private int dimensions;
        private int sourceBits;
        private boolean inverted;

        Set() {
            super("set");
        }

        @Override
        List<Option> options() {
            return List.of(new Option("match-set", 1, 0), new Option("return-nomatch", 0, 1));
        }

        @Override
        void parse(int id, String arg, boolean invert, CommandParser.State state) {
            if (id == 1) {
                markSeen(1);
                return;
            }
            if (dimensions != 0) throw XtablesError.parameter("--match-set can be specified only once");
            inverted = invert;
            if (!state.getopt().hasArg()) throw XtablesError.parameter("--match-set requires two args.");
            if (arg.length() > 31) {
                throw XtablesError.parameter("setname `" + arg + "' too long, max 31 characters.");
            }
            if (!state.setExists.test(arg)) throw XtablesError.parameter("Set " + arg + " doesn't exist.\n");
            setName = arg;
            String[] dirs = state.getopt().takeArg().split(",", -1);
            for (String dir : dirs) {
                if (dimensions == MAX_DIMENSIONS) {
                    throw XtablesError.parameter("Can't be more src/dst options than " + MAX_DIMENSIONS + ".");
                }
                if (dir.equals("src")) {
                    sourceBits |= 1 << dimensions;
                } else if (!dir.equals("dst")) {
                    throw XtablesError.parameter("You must spefify (the comma separated list of) 'src' or 'dst'.");
                }
                dimensions++;
            }
            markSeen(0);
        }

        @Override
        void finalCheck() {
            if (!seen(0)) throw XtablesError.parameter("You must specify `--match-set' with proper arguments");
        }

        @Override
        Match build() {
            return new SetMatch(setName, dimensions, sourceBits, inverted, seen(1));
        }
    }
}
