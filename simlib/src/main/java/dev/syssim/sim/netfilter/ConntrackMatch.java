package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import dev.syssim.sim.netfilter.conntrack.Connection;
import dev.syssim.sim.netfilter.conntrack.Direction;
import dev.syssim.sim.netfilter.conntrack.Tuple;

/**
 * {@code -m conntrack [!] --ctstate NEW,ESTABLISHED} and its older spelling
 * {@code -m state [!] --state ...} ({@code stateAlias}; same test, printed the old way): the
 * packet's connection-tracking state is one of the given states ({@code stateMask} 0: not
 * tested). The other options of {@code -m conntrack} — the connection's protocol, its original
 * and reply tuples, status bits, time left and the packet's direction — are in {@code fields}
 * (null when none is given).
 */
public record ConntrackMatch(int stateMask, boolean inverted, boolean stateAlias, CtFields fields) implements Match {

    public ConntrackMatch(int stateMask, boolean inverted, boolean stateAlias) {
        this(stateMask, inverted, stateAlias, null);
    }

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
        if (stateMask != 0 && !stateMatches(state, null)) return false;
        return fields == null;
    }

    @Override
    public boolean matches(Skb skb) {
        Connection c = skb.tracked() == null ? null : skb.tracked().connection();
        if (stateMask != 0 && !stateMatches(skb.state(), c)) return false;
        if (fields == null) return true;
        if (c == null) return false;
        return fields.matches(c, skb.tracked().direction(), skb.now());
    }

    /** The state test, with the virtual SNAT and DNAT states of a NATed connection. */
    private boolean stateMatches(CtState state, Connection c) {
        int bits = state.bit();
        if (c != null && c.srcNat()) bits |= CtState.SNAT.bit();
        if (c != null && c.dstNat()) bits |= CtState.DNAT.bit();
        return ((stateMask & bits) != 0) != inverted;
    }

    public boolean includes(CtState state) {
        return (stateMask & state.bit()) != 0;
    }

    /** An address test of a tuple field: the address under the mask, possibly negated. */
    public record AddressTest(int network, int mask, int prefixLength, boolean inverted) {
        boolean matches(int address) {
            return ((address & mask) == network) != inverted;
        }
    }

    /** A port-range test of a tuple field. */
    public record PortTest(int min, int max, boolean inverted) {
        boolean matches(int port) {
            return (port >= min && port <= max) != inverted;
        }
    }

    /**
     * The conntrack options beyond the state, each null (or 0/-1) when not given: {@code --ctproto},
     * the four addresses and four ports of the tuples, {@code --ctstatus} (bits EXPECTED 1,
     * SEEN_REPLY 2, ASSURED 4, CONFIRMED 8; -1 not given), {@code --ctexpire} (seconds left),
     * {@code --ctdir} (null, ORIGINAL or REPLY).
     */
    public record CtFields(int protocol, boolean protocolInverted, AddressTest origSrc, AddressTest origDst,
                           AddressTest replSrc, AddressTest replDst, PortTest origSrcPort, PortTest origDstPort,
                           PortTest replSrcPort, PortTest replDstPort, int status, boolean statusInverted,
                           PortTest expire, Direction direction) {

        boolean matches(Connection c, Direction packetDirection, long now) {
            Tuple o = c.original();
            Tuple r = c.reply();
            if (protocol != 0 && (o.protocol() == protocol) == protocolInverted) return false;
            if (origSrc != null && !origSrc.matches(o.src())) return false;
            if (origDst != null && !origDst.matches(o.dst())) return false;
            if (replSrc != null && !replSrc.matches(r.src())) return false;
            if (replDst != null && !replDst.matches(r.dst())) return false;
            if (origSrcPort != null && !origSrcPort.matches(o.srcPort())) return false;
            if (origDstPort != null && !origDstPort.matches(o.dstPort())) return false;
            if (replSrcPort != null && !replSrcPort.matches(r.srcPort())) return false;
            if (replDstPort != null && !replDstPort.matches(r.dstPort())) return false;
            if (status >= 0 && ((status & c.statusBits()) != 0) == statusInverted) return false;
            if (expire != null && !expire.matches((int) Math.min(Integer.MAX_VALUE, c.remainingSeconds(now)))) return false;
            return direction == null || direction == packetDirection;
        }
    }
}
