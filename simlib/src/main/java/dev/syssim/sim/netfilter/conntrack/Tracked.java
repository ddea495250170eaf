package dev.syssim.sim.netfilter.conntrack;

import dev.syssim.sim.netfilter.CtState;

/**
 * What conntrack made of one packet: the connection it belongs to (null if none), the direction it
 * travels, the state the rules see, and whether it opened a new, still unconfirmed connection. The
 * network stack carries it with the packet through this machine's hooks, as the kernel keeps it on
 * the skb — so a packet to 127.0.0.1 is tracked once at OUTPUT and seen at INPUT in the same state.
 */
public record Tracked(Connection connection, Direction direction, CtState state, boolean isNew) {

    /** A packet conntrack could not place: the rules see INVALID. */
    public static final Tracked INVALID = new Tracked(null, Direction.ORIGINAL, CtState.INVALID, false);

    /** A packet the raw table exempted from tracking ({@code -j CT --notrack}): the rules see UNTRACKED. */
    public static final Tracked UNTRACKED = new Tracked(null, Direction.ORIGINAL, CtState.UNTRACKED, false);

    /**
     * A packet the machine generates about another one — the RST or ICMP error of a REJECT — which
     * the kernel attaches to the rejected packet's connection as RELATED ({@code nf_ct_attach}).
     */
    public static Tracked relatedTo(Tracked original) {
        if (original.connection == null) return INVALID;
        return new Tracked(original.connection, original.direction.reverse(), CtState.RELATED, false);
    }
}
