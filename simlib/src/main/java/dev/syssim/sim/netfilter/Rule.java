package dev.syssim.sim.netfilter;

import dev.syssim.sim.net.Packet;
import java.util.List;

/**
 * One rule as parsed from {@code iptables -A ...}: the tests every rule has (addresses,
 * interfaces, protocol, fragments), the match extensions in the order given, and the target.
 * Immutable; two rules are the same rule ({@code iptables -D} by specification, {@code -C}) when
 * these records are equal. Counters live beside it in a {@link RuleEntry}.
 */
public record Rule(AddressMatch source, AddressMatch destination, InterfaceMatch in, InterfaceMatch out,
                   ProtocolMatch protocol, FragmentMatch fragment, List<Match> matches, Target target) {

    public Rule {
        matches = List.copyOf(matches);
    }

    /** A rule with only a target: {@code -j TARGET}. */
    public static Rule of(Target target) {
        return new Rule(AddressMatch.ANY, AddressMatch.ANY, InterfaceMatch.ANY, InterfaceMatch.ANY,
                ProtocolMatch.ANY, FragmentMatch.ANY, List.of(), target);
    }

    /**
     * Whether a packet in conntrack state {@code state}, coming in on {@code inIface} and going out
     * of {@code outIface} ("" where there is none), matches every test of this rule.
     */
    public boolean matches(Packet packet, String inIface, String outIface, CtState state) {
        if (!protocol.matches(packet.protocol())) return false;
        if (!source.matches(packet.src())) return false;
        if (!destination.matches(packet.dst())) return false;
        if (!in.matches(inIface)) return false;
        if (!out.matches(outIface)) return false;
        if (!fragment.matches(false)) return false;
        for (int i = 0; i < matches.size(); i++) {
            if (!matches.get(i).matches(packet, state)) return false;
        }
        return true;
    }

    public Rule withTarget(Target newTarget) {
        return new Rule(source, destination, in, out, protocol, fragment, matches, newTarget);
    }
}
