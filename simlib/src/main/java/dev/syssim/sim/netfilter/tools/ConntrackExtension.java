package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.netfilter.ConntrackMatch;
import dev.syssim.sim.netfilter.CtState;
import dev.syssim.sim.netfilter.Match;
import java.util.List;

/**
 * {@code -m conntrack [!] --ctstate LIST} (libxt_conntrack, revision 3) and its alias
 * {@code -m state [!] --state LIST}. State names are matched case-insensitively as prefixes, in
 * libxt_conntrack's order (so {@code E} is ESTABLISHED). The other conntrack options
 * ({@code --ctorigsrc}, {@code --ctstatus}, ...) are recognised but not simulated.
 */
final class ConntrackExtension extends MatchExtension {

    private static final int STATE = 0;
    private static final List<String> UNSIMULATED = List.of("ctproto", "ctorigsrc", "ctorigdst", "ctreplsrc",
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
            for (int i = 0; i < UNSIMULATED.size(); i++) {
                all.add(new Option(UNSIMULATED.get(i), Getopt.REQUIRED_ARGUMENT, i + 1));
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

    @Override
    void parse(int id, String arg, boolean invert, CommandParser.State state) {
        if (id != STATE) throw XtablesError.unsimulated("--" + UNSIMULATED.get(id - 1));
        checkOnceAndInvert(id, invert, true);
        inverted = invert;
        stateMask = stateAlias ? parseStates(arg, "state", false) : parseStates(arg, "ctstate", true);
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
        return new ConntrackMatch(stateMask, inverted, stateAlias);
    }
}
