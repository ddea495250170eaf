package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * {@code -m conntrack [!] --ctstate NEW,ESTABLISHED} and its older spelling
 * {@code -m state [!] --state ...} ({@code stateAlias}; same test, printed the old way): the
 * packet's connection-tracking state is one of the given states.
 */
public record ConntrackMatch(int stateMask, boolean inverted, boolean stateAlias) implements Match {

    public static ConntrackMatch of(boolean inverted, CtState... states) {
        int mask = 0;
        for (CtState state : states) mask |= state.bit();
        return new ConntrackMatch(mask, inverted, false);
    }

    @Override
    public String name() {
        return stateAlias ? "state" : "conntrack";
    }

    @Override
    public boolean matches(Packet packet, CtState state) {
        return ((stateMask & state.bit()) != 0) != inverted;
    }

    public boolean includes(CtState state) {
        return (stateMask & state.bit()) != 0;
    }
}
