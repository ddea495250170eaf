package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * A match extension of a rule ({@code -m tcp}, {@code -m conntrack}, {@code -m recent}, ...): a
 * test beyond the addresses, interfaces and protocol every rule has. The closed family of those
 * iptables offers here.
 */
public sealed interface Match
        permits TcpMatch, UdpMatch, IcmpMatch, ConntrackMatch, MultiportMatch, CommentMatch, LimitMatch,
        HashlimitMatch, RecentMatch, ConnlimitMatch, IprangeMatch, MacMatch, OwnerMatch, LengthMatch, TtlMatch,
        PkttypeMatch, AddrtypeMatch, MarkMatch, SetMatch {

    /** The extension's name, as after {@code -m}. */
    String name();

    /** Whether the packet, in conntrack state {@code state}, passes this test (for tests that need nothing else). */
    boolean matches(Packet packet, CtState state);

    /**
     * Whether the packet of {@code skb} passes this test; matches that look at more than the
     * packet and its state (the socket's owner, the machine's lists, the mark) override this.
     */
    default boolean matches(Skb skb) {
        return matches(skb.packet(), skb.state());
    }
}
