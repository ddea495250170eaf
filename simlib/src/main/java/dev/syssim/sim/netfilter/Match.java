package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;

/**
 * A match extension of a rule ({@code -m tcp}, {@code -m conntrack}, ...): a test beyond the
 * addresses, interfaces and protocol every rule has. The closed family of those iptables offers
 * here.
 */
public sealed interface Match
        permits TcpMatch, UdpMatch, IcmpMatch, ConntrackMatch, MultiportMatch, CommentMatch {

    /** The extension's name, as after {@code -m}. */
    String name();

    /** Whether the packet, in conntrack state {@code state}, passes this test. */
    boolean matches(Packet packet, CtState state);
}
