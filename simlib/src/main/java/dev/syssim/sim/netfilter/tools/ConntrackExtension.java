package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.ConntrackMatch;
import dev.syssim.sim.netfilter.CtState;
import dev.syssim.sim.netfilter.Match;
import dev.syssim.sim.netfilter.conntrack.Direction;
import java.util.List;

/**
 * {@code -m conntrack [!] --ctstate LIST} (libxt_conntrack, revision 3) and its alias
 * {@code -m state [!] --state LIST}. State names are matched case-insensitively as prefixes, in
 * libxt_conntrack's order (so {@code E} is ESTABLISHED). Every other option of revision 3:
 * {@code --ctproto}, the tuples' addresses and ports ({@code --ctorigsrc}, ...,
 * {@code --ctrepldstport}), {@code --ctstatus}, {@code --ctexpire}, {@code --ctdir}.
 */
final class ConntrackExtension extends MatchExtension {

    private static final int STATE = 0;
    private static final List<String> OTHER_OPTIONS = List.of("ctproto", "ctorigsrc", "ctorigdst", "ctreplsrc",
            "ctrepldst", "ctorigsrcport", "ctorigdstport", "ctreplsrcport", "ctrepldstport", "ctstatus",
            "ctexpire", "ctdir");
    /** The order libxt_conntrack tries the names in. */
    private static final CtState[] PARSE_ORDER = {CtState.INVALID, CtState.NEW, CtState.ESTABLISHED,
        CtState.RELATED, CtState.UNTRACKED, CtState.SNAT, CtState.DNAT};

    private final boolean stateAlias;
    private final List<Option> options;
    private int stateMask;
    private boolean inverted;

    private ConntrackExtension(boolean stateAlias) {
        super(stateAlias ? "state" : "conntrack");
        this.stateAlias = stateAlias;
        if (stateAlias) {
            options = List.of(new Option("state", Getopt.REQUIRED_ARGUMENT, STATE));
        } else {
            List<Option> all = new java.util.ArrayList<>();
            all.add(new Option("ctstate", Getopt.REQUIRED_ARGUMENT, STATE));
            for (int i = 0; i < OTHER_OPTIONS.size(); i++) {
                all.add(new Option(OTHER_OPTIONS.get(i), Getopt.REQUIRED_ARGUMENT, i + 1));
            }
            options = List.copyOf(all);
        }
    }

    static ConntrackExtension conntrack() {
        return new ConntrackExtension(false);
    }

    static ConntrackExtension state() {
        return new ConntrackExtension(true);
    }

    @Override
    List<Option> options() {
        return options;
    }

    private int protocol;
    private final boolean[] invert = new boolean[14];
    private final ConntrackMatch.AddressTest[] addresses = new ConntrackMatch.AddressTest[4];
    private final ConntrackMatch.PortTest[] ports = new ConntrackMatch.PortTest[4];
    private int status = -1;
    private ConntrackMatch.PortTest expire;
    private Direction direction;

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        checkOnceAndInvert(id, invert, id != 12);
        this.invert[id] = invert;
        switch (id) {
            case STATE -> {
                inverted = invert;
                stateMask = stateAlias ? parseStates(arg, "state", false) : parseStates(arg, "ctstate", true);
            }
            case 1 -> {
                var number = ProtocolNames.parse(arg.toLowerCase(java.util.Locale.ROOT));
                if (number.isEmpty()) {
                    throw XtablesError.parameter("unknown protocol \"" + arg.toLowerCase(java.util.Locale.ROOT) + "\" specified");
                }
                protocol = number.getAsInt();
            }
            case 2, 3, 4, 5 -> {
                var cidr = AddressParser.parseMultiple(arg, name -> List.of()).get(0);
                addresses[id - 2] = new ConntrackMatch.AddressTest(cidr.network().bits(), cidr.mask(), cidr.prefixLength(), invert);
            }
            case 6, 7, 8, 9 -> {
                var range = PortParser.range(arg);
                ports[id - 6] = new ConntrackMatch.PortTest(range.min(), range.max(), invert);
            }
            case 10 -> status = parseStatus(arg);
            case 11 -> expire = parseExpire(arg, invert);
            default -> {
                if (arg.equalsIgnoreCase("ORIGINAL")) {
                    direction = Direction.ORIGINAL;
                } else if (arg.equalsIgnoreCase("REPLY")) {
                    direction = Direction.REPLY;
                } else {
                    throw XtablesError.parameter("conntrack: Bad value for \"--ctdir\" option: \"" + arg + "\"");
                }
            }
        }
    }

    private static final String[] STATUS = {"EXPECTED", "SEEN_REPLY", "ASSURED", "CONFIRMED"};

    private static int parseStatus(String list) {
        int bits = 0;
        for (String word : list.split(",")) {
            int bit = -1;
            if (word.equalsIgnoreCase("NONE")) bit = 0;
            for (int i = 0; i < STATUS.length; i++) if (STATUS[i].equalsIgnoreCase(word)) bit = 1 << i;
            if (bit < 0) throw XtablesError.parameter("Bad ctstatus \"" + word + "\"");
            bits |= bit;
        }
        return bits;
    }

    private static ConntrackMatch.PortTest parseExpire(String arg, boolean invert) {
        int colon = arg.indexOf(':');
        String low = colon < 0 ? arg : arg.substring(0, colon);
        String high = colon < 0 ? arg : arg.substring(colon + 1);
        var min = CNumbers.parse(low, 0, 0xFFFFFFFFL);
        var max = CNumbers.parse(high, 0, 0xFFFFFFFFL);
        if (min.isEmpty() || max.isEmpty()) {
            String bad = min.isEmpty() ? low : high;
            throw XtablesError.parameter("conntrack: bad value for option \"--ctexpire\" near \"" + bad
                    + "\", or out of range (0-4294967295).\n");
        }
        return new ConntrackMatch.PortTest((int) Math.min(Integer.MAX_VALUE, min.getAsLong()),
                (int) Math.min(Integer.MAX_VALUE, max.getAsLong()), invert);
    }

    /** libxt_conntrack's list parsing; the message quotes the rest of the list from the bad name on. */
    private static int parseStates(String list, String what, boolean natStates) {
        int mask = 0;
        String rest = list;
        while (true) {
            int comma = rest.indexOf(',');
            String name = comma >= 0 ? rest.substring(0, comma) : rest;
            if (comma < 0 && rest.isEmpty() && what.equals("state")) {
                throw XtablesError.parameter("\"--" + what + "\" requires a list of states with no spaces, e.g. "
                        + "ESTABLISHED,RELATED");
            }
            CtState state = name.isEmpty() ? null : lookup(name, natStates);
            if (state == null) throw XtablesError.parameter("Bad " + what + " \"" + rest + "\"");
            mask |= state.bit();
            if (comma < 0) return mask;
            rest = rest.substring(comma + 1);
        }
    }

    private static CtState lookup(String name, boolean natStates) {
        for (CtState state : PARSE_ORDER) {
            if (!natStates && (state == CtState.SNAT || state == CtState.DNAT)) continue;
            if (state.name().regionMatches(true, 0, name, 0, name.length()) && name.length() <= state.name().length()) {
                return state;
            }
        }
        return null;
    }

    @Override
    void finalCheck() {
        if (stateAlias) {
            requireSeen(STATE);
        } else if (!anySeen()) {
            throw XtablesError.parameter("conntrack: At least one option is required");
        }
    }

    @Override
    Match build() {
        boolean any = protocol != 0 || status >= 0 || expire != null || direction != null;
        for (var a : addresses) any |= a != null;
        for (var p : ports) any |= p != null;
        ConntrackMatch.CtFields fields = !any ? null : new ConntrackMatch.CtFields(protocol, invert[1], addresses[0],
                addresses[1], addresses[2], addresses[3], ports[0], ports[1], ports[2], ports[3], status, invert[10], expire,
                direction);
        return new ConntrackMatch(stateMask, inverted, stateAlias, fields);
    }
}
